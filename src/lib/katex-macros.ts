/**
 * The KaTeX macros every page shares. Notes and concept pages write `\softmax`, `\dmodel` and so on,
 * so the whole site uses one notation. Keep this list in sync with CONTRIBUTING.md ("Notation").
 */
export const KATEX_MACROS: Record<string, string> = {
  '\\softmax': '\\operatorname{softmax}',
  '\\dmodel': 'd_{\\text{model}}',
  '\\dk': 'd_k',
  '\\dv': 'd_v',
  '\\dff': 'd_{\\text{ff}}',
  '\\Attention': '\\operatorname{Attention}',
  '\\MultiHead': '\\operatorname{MultiHead}',
  '\\LayerNorm': '\\operatorname{LayerNorm}',
  '\\RMSNorm': '\\operatorname{RMSNorm}',
  '\\FFN': '\\operatorname{FFN}',
  '\\Concat': '\\operatorname{Concat}',
  '\\TopK': '\\operatorname{TopK}',
  '\\elu': '\\operatorname{elu}',
  '\\R': '\\mathbb{R}',
  '\\E': '\\mathbb{E}',
};

/** KaTeX options used at build time: fail on bad TeX instead of shipping a red `.katex-error` span. */
export const KATEX_OPTIONS = {
  macros: KATEX_MACROS,
  throwOnError: true,
  strict: 'ignore',
  output: 'htmlAndMathml',
} as const;
