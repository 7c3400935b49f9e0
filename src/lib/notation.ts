/**
 * The site's one notation: the symbols every concept page and landmark note reserve for a single
 * meaning, and what each shared KaTeX macro stands for. The notation page (/notation/) is rendered
 * from this module, and the content tests scan every concept page and landmark note for a definition
 * that gives a reserved symbol another meaning (`checkNotation`).
 *
 * Pure data and string functions: no imports besides the macro list, usable from pages and tests.
 */
import { KATEX_MACROS } from './katex-macros.ts';

/** A symbol reserved site-wide for one meaning. */
export interface ReservedSymbol {
  /** The TeX between the dollar signs exactly as pages write it, e.g. `m` or `\ell`. */
  tex: string;
  /** What the symbol means everywhere on the site. */
  meaning: string;
  /**
   * A definition of the symbol is consistent when the words that define it match this pattern
   * (e.g. "the number of keys" for m). Anything else is a clash.
   */
  accept: RegExp;
  /** Where another paper's letter for the same thing, or another meaning's new symbol, is noted. */
  note?: string;
}

export const RESERVED_SYMBOLS: readonly ReservedSymbol[] = [
  {
    tex: 'n',
    meaning: 'sequence length: the number of queries (and of tokens in a sequence)',
    accept: /quer|token|length|position|sequence|word/i,
  },
  {
    tex: 'm',
    meaning: 'the number of keys (and values); m = n in self-attention',
    accept: /\bkeys?\b|values?|key-value|annotation/i,
    note: 'ALiBi’s slope is κ (the paper writes m), a Performer’s number of random features is r, FlashAttention’s running maximum is μ, RoPE’s two positions are s and t.',
  },
  { tex: 'd', meaning: 'a vector width; unqualified, the head width d_k = d_v', accept: /width|dimension|head|coordinate|feature/i },
  { tex: 'h', meaning: 'the number of attention heads', accept: /heads?\b/i },
  { tex: 'L', meaning: 'the number of layers (blocks) in a stack', accept: /layers?|blocks?|deep|depth/i },
  {
    tex: 'E',
    meaning: 'the number of experts in a mixture-of-experts layer',
    accept: /experts?/i,
    note: 'Linformer’s sequence projections (the paper’s E and F) are Π_K and Π_V; 𝔼 (\\E) is the expectation.',
  },
  {
    tex: 'W',
    meaning: 'a learned weight matrix, always with a sub- or superscript naming it (W^Q, W^K, W^V, W^O, W_g, …)',
    accept: /learn|weight matri|projection|parameter|router|maps?\b/i,
    note: 'Attention weights, softmax(S), are A, never W.',
  },
  { tex: 'S', meaning: 'the score matrix τQKᵀ (+ bias) before the softmax; S_ij its entries', accept: /score|logit/i },
  {
    tex: 'A',
    meaning: 'the attention weights softmax(S), one probability distribution over the keys per row',
    accept: /weight|attention|probabilit|distribution/i,
    note: 'The FlashAttention and Linformer papers write P for the same matrix; their notes keep P where they quote the paper’s algorithm.',
  },
  { tex: '\\tau', meaning: 'the score scale, 1/√d_k unless a page says otherwise', accept: /scale|1\/|factor/i },
  {
    tex: 'M',
    meaning: 'FlashAttention’s on-chip SRAM size, counted in numbers (elements), not bytes',
    accept: /SRAM|on-chip|memory|numbers|elements/i,
    note: 'A 0/1 attention mask is 𝓜 (\\mathcal{M}).',
  },
  {
    tex: '\\ell',
    meaning: 'a softmax normaliser: the (running) sum of exponentials of a row of scores',
    accept: /sum|normali[sz]|denominator/i,
  },
  { tex: '\\kappa', meaning: 'an ALiBi head’s slope', accept: /slope|penalt/i },
];

/** What each shared KaTeX macro (src/lib/katex-macros.ts) stands for, in the same order. */
export const MACRO_MEANINGS: Readonly<Record<string, string>> = {
  '\\softmax': 'the row-wise softmax, exp(x_j)/Σ_l exp(x_l)',
  '\\dmodel': 'the model (residual-stream) width',
  '\\dk': 'the width of a query or key',
  '\\dv': 'the width of a value',
  '\\dff': 'the inner width of the feed-forward block',
  '\\Attention': 'scaled dot-product attention, softmax(QKᵀ/√d_k)V',
  '\\MultiHead': 'multi-head attention: concatenated heads times W^O',
  '\\LayerNorm': 'layer normalisation over the features of one token',
  '\\RMSNorm': 'root-mean-square normalisation (no mean subtraction)',
  '\\FFN': 'the position-wise feed-forward block',
  '\\Concat': 'concatenation along the feature axis',
  '\\TopK': 'the indices of the k largest entries',
  '\\elu': 'the exponential linear unit',
  '\\R': 'the real numbers',
  '\\E': 'expectation',
};

/** Conventions that hold on every page, stated once. */
export const CONVENTIONS: readonly string[] = [
  'Vectors are rows. A sequence is a matrix with one row per token, and a weight matrix is applied on the right: Q = XW^Q with W^Q ∈ ℝ^{d_model × d_k}. Papers written with column vectors (Elhage et al., Transformer-XL) are translated; where a page quotes one, it says so.',
  'Positions and indices count from 1 in formulas (query i, key j, layer l, head a), and from 0 where a page prints the output of the compute module.',
  'A causal sliding window of size w keeps the query’s own position and the w before it: keys i − w ≤ j ≤ i, so w + 1 keys per row (2w + 1 for the symmetric window).',
  'The causal language-modelling loss sums over the n − 1 predictable tokens, t = 2, …, n, each conditioned on x_1, …, x_{t−1}.',
  'ε is the small constant inside a square root (LayerNorm’s 10⁻⁵) or an approximation tolerance, as the page says; a worked example uses the ε its page states.',
];

/** A definition in a page body that gives a reserved symbol another meaning. */
export interface NotationConflict {
  symbol: string;
  /** 1-based line in the body. */
  line: number;
  /** The defining words found in the text. */
  definition: string;
  /** The reserved meaning it contradicts. */
  reserved: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words that can stand between an article and a symbol without naming what the symbol is. */
const STOPWORDS = new Set(
  'by of in on at to for from with and or is are was be as against than into over under per head model layer same other first last full whole given fixed new total large small exact entire length value number size cache adds runs formulas division cost context stored the writes calls uses has have'.split(
    ' ',
  ),
);

/** Nouns that, written right after a count symbol ("$m$ keys"), define what it counts. */
const COUNT_NOUNS =
  /^\s+((?:random\s+)?(?:features?|vectors?|keys?|queries|tokens?|positions?|heads?|layers?|experts?|blocks?|rows?|columns?|chunks?|spans?|values?|words?|dimensions?|samples?))\b/;

/**
 * Finds definitions of reserved symbols in `body` and returns those whose defining words do not
 * match the reserved meaning. It recognises the ways pages define a symbol:
 *   "where $X$ is …", "with $X$ the …", "$X$ denotes / stands for / is the …",
 *   a count "$X$ keys", and a naming phrase "the slope $X$".
 * Code spans and fenced code are ignored.
 */
export function checkNotation(body: string, symbols: readonly ReservedSymbol[] = RESERVED_SYMBOLS): NotationConflict[] {
  const text = body.replace(/```[\s\S]*?```/g, (m) => m.replace(/[^\n]/g, ' ')).replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const out: NotationConflict[] = [];
  for (const s of symbols) {
    const sym = `\\$\\s*${escape(s.tex)}\\s*\\$`;
    const found: { index: number; words: string }[] = [];
    const after = new RegExp(`(?:\\bwhere|\\bwith|,)\\s+${sym}\\s+(?:is|are|denotes|the|as)\\s+([^.;:$]{3,80})`, 'g');
    const verb = new RegExp(`${sym}\\s+(?:denotes|stands for|counts|is the|is a|is an|means)\\s+([^.;:$]{3,80})`, 'g');
    const before = new RegExp(`\\b(?:[Tt]he|[Ii]ts|[Aa]n?|[Ee]ach|own|running|at|with)\\s+((?:[a-z-]+\\s+)?[a-z-]+)\\s+${sym}`, 'g');
    for (const re of [after, verb]) for (const m of text.matchAll(re)) found.push({ index: m.index, words: m[1]!.trim() });
    for (const m of text.matchAll(before)) {
      const words = m[1]!.trim();
      if (!STOPWORDS.has(words.split(/\s+/).pop()!)) found.push({ index: m.index, words });
    }
    for (const m of text.matchAll(new RegExp(sym, 'g'))) {
      const noun = COUNT_NOUNS.exec(text.slice(m.index + m[0].length));
      if (noun && s.tex.length <= 2 && /^[A-Za-z]$/.test(s.tex)) found.push({ index: m.index, words: noun[1]! });
    }
    for (const f of found) {
      if (s.accept.test(f.words)) continue;
      if (isNeutral(f.words)) continue;
      out.push({ symbol: s.tex, line: lineAt(f.index), definition: f.words, reserved: s.meaning });
    }
  }
  // One report per symbol and line: several patterns can match the same definition.
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.line - b.line || a.symbol.localeCompare(b.symbol))
    .filter((c) => {
      const key = `${c.symbol}@${c.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Phrases around a symbol that name no meaning ("the same $m$", "the value of $n$"). */
function isNeutral(words: string): boolean {
  return /^(?:same|other|first|last|full|whole|given|fixed|new|total|value of|size of|number|length|large|small|largest|smallest|new value|exact|entire)$/i.test(
    words.trim(),
  );
}

/** Checks the macro table against the macros KaTeX is configured with; returns the mismatches. */
export function macroTableProblems(): string[] {
  const configured = Object.keys(KATEX_MACROS);
  const documented = Object.keys(MACRO_MEANINGS);
  return [
    ...configured.filter((m) => !documented.includes(m)).map((m) => `${m} is a KaTeX macro with no meaning in MACRO_MEANINGS`),
    ...documented.filter((m) => !configured.includes(m)).map((m) => `${m} has a meaning but is not a KaTeX macro`),
  ];
}
