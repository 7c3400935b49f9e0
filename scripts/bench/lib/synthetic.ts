/**
 * Synthetic paper notes for the scaling benchmarks, realistic in shape: about 600 words in the five
 * note sections, 3 inline and 2 display equations (plain TeX, so a bare KaTeX renders them too),
 * 5 wikilinks, 3 typed relations and 2 topics, with valid, unique ids, titles and arXiv ids that
 * pass the content rules. Deterministic for a given seed. Written only into temporary projects
 * under .bench-tmp/ (git-ignored); nothing here is committed.
 *
 * Also builds the two temporary projects the benchmarks compare:
 * - the full site: a copy of this repository's site (src, content, public, config, search indexer)
 *   plus the synthetic notes in content/papers;
 * - the bare baseline: Astro 7 + MDX + KaTeX, one route rendering each note's <Content /> with no
 *   layout, over the same notes, with either the unified pipeline (remark-math + rehype-katex, what
 *   the site uses) or Astro 7's Sätteri processor with a KaTeX mdast plugin.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REPO = join(import.meta.dirname, '..', '..', '..');

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `attention transformer model layer head query key value softmax score weight matrix vector token sequence
context window position encoding embedding residual normalization gradient optimizer training inference memory
compute throughput latency accuracy benchmark dataset corpus pretraining finetuning objective loss perplexity
decoder encoder cross self sparse dense linear kernel approximation projection rank expert router gate capacity
balance load routing mixture scaling law parameter budget batch learning rate schedule warmup decay dropout
regularization generalization transfer downstream task evaluation baseline ablation variant architecture block
feedforward activation nonlinearity convolution recurrence state hidden cell long short range dependency local
global stride dilation pattern mask causal bidirectional autoregressive denoising span corruption retrieval index
neighbour chunk document passage knowledge reasoning chain step prompt instruction alignment preference reward
policy feedback human label annotation quality filter deduplication tokenizer vocabulary subword byte merge unigram
multilingual translation summarization question answering classification generation decoding beam sampling
temperature nucleus greedy length penalty cache reuse hardware accelerator kernel fusion tiling bandwidth io
precision quantization pruning distillation compression efficiency energy cost cluster parallelism pipeline
tensor shard replica communication overhead bottleneck profile analysis theory expressivity circuit probe feature
interpretability neuron direction subspace superposition representation geometry similarity metric distance
cosine dot product temperature entropy sharpness smoothness stability divergence collapse rotation frequency
wavelength sinusoid bias relative absolute extrapolation interpolation length generalization curriculum data mix
proportion ratio epoch step update moment variance mean estimate signal noise robustness adversarial shift domain
the a of and to in for with on by from that this which as is are was were be been it its their they we our
shows finds proposes introduces improves reduces increases matches outperforms replaces extends revisits measures
carefully simply roughly nearly strongly clearly largely mostly often rarely usually directly jointly separately
earlier later previous subsequent original modern standard common simple complex small large deep shallow wide
fast slow cheap expensive stable unstable robust fragile efficient wasteful exact approximate explicit implicit`
  .split(/\s+/)
  .filter(Boolean);

const SECTIONS = ['The problem', 'The key idea', 'Results', 'Why it matters', 'Limitations'];
const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Kurt',
  'Emmy',
  'John',
  'Sofia',
  'Ravi',
  'Mei',
  'Lena',
  'Omar',
  'Yuki',
  'Tomas',
  'Ines',
  'Kofi',
  'Nadia',
];
const FAMILY = [
  'quill',
  'marrow',
  'fenwick',
  'holloway',
  'bexley',
  'corrin',
  'dunmore',
  'elston',
  'farrow',
  'garnet',
  'hartwell',
  'ingram',
  'jessop',
  'kendal',
  'lorimer',
  'moxley',
];
const RELATION_TYPES = ['builds-on', 'extends', 'improves', 'variant-of', 'alternative-to', 'critiques', 'applies'];
const FAMILIES = ['encoder-only', 'decoder-only', 'encoder-decoder', 'other'];

export interface RealContent {
  papers: string[];
  topics: string[];
  concepts: string[];
  arxiv: Set<string>;
}

function frontmatterOf(file: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  return m ? ((parseYaml(m[1]!) as Record<string, unknown> | null) ?? {}) : {};
}

/** Ids the synthetic notes may point at, read from a content directory. */
export function realContent(contentDir = join(REPO, 'content')): RealContent {
  const ids = (c: string) =>
    existsSync(join(contentDir, c))
      ? readdirSync(join(contentDir, c))
          .filter((f) => /\.mdx?$/.test(f))
          .map((f) => f.replace(/\.mdx?$/, ''))
          .sort()
      : [];
  const arxiv = new Set<string>();
  for (const id of ids('papers')) {
    const a = frontmatterOf(join(contentDir, 'papers', `${id}.mdx`))['arxiv'];
    if (typeof a === 'string') arxiv.add(a.replace(/v\d+$/, ''));
  }
  return { papers: ids('papers'), topics: ids('topics'), concepts: ids('concepts'), arxiv };
}

export interface SyntheticNote {
  id: string;
  file: string;
  text: string;
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * `count` synthetic notes. Relations and wikilinks point at real papers and at other synthetic notes,
 * so the link graph grows with the collection as it would with real contributions.
 */
export function syntheticNotes(count: number, real: RealContent, seed = 8): SyntheticNote[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const meta = Array.from({ length: count }, (_, i) => {
    const year = 2015 + (i % 10);
    const family = FAMILY[i % FAMILY.length]!;
    return { i, year, family, id: `${family}${year}synth${String(i).padStart(5, '0')}`, name: `Synth-${i.toString(36).toUpperCase()}` };
  });
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${titleCase(words.join(' '))}.`;
  };
  const paragraph = (words: number) => {
    const out: string[] = [];
    let left = words;
    while (left > 0) {
      const n = Math.min(left, 8 + Math.floor(r() * 12));
      out.push(sentence(n));
      left -= n;
    }
    return out.join(' ');
  };
  return meta.map((m) => {
    const others = (k: number) => {
      const out = new Set<string>();
      while (out.size < k) {
        const useReal = r() < 0.4 || m.i < 10;
        const target = useReal ? pick(real.papers) : meta[Math.floor(r() * Math.max(m.i, 1))]!.id;
        if (target !== m.id) out.add(target);
      }
      return [...out];
    };
    const relations = others(3);
    const links = others(5);
    const topics = new Set<string>();
    while (topics.size < Math.min(2, real.topics.length)) topics.add(pick(real.topics));
    const concept = real.concepts.length ? [pick(real.concepts)] : [];
    const yy = String(m.year % 100).padStart(2, '0');
    const mm = String(1 + (m.i % 12)).padStart(2, '0');
    let num = 90000 + (m.i % 10000);
    while (real.arxiv.has(`${yy}${mm}.${num}`)) num = (num + 1) % 100000;
    const d = 32 + 32 * (m.i % 8);
    const h = 2 ** (1 + (m.i % 4));
    // Five sections of ~118 words each, 3 inline equations and 5 wikilinks spread over them.
    const body = [
      `## ${SECTIONS[0]}`,
      '',
      `${paragraph(70)} Earlier work such as [[${links[0]}]] paid $O(n^2 d)$ for a long sequence. ${paragraph(40)}`,
      '',
      `## ${SECTIONS[1]}`,
      '',
      `${m.name} changes the attention map. ${paragraph(55)} Each of the $h = ${h}$ heads scores queries against keys:`,
      '',
      '$$',
      `A = \\mathrm{softmax}\\left(\\frac{Q K^\\top}{\\sqrt{${d}}}\\right) V, \\qquad Q, K \\in \\mathbb{R}^{n \\times ${d}}`,
      '$$',
      '',
      `${paragraph(50)} The idea refines [[${links[1]}]].`,
      '',
      `## ${SECTIONS[2]}`,
      '',
      `${paragraph(60)} Training minimises the usual objective:`,
      '',
      '$$',
      `\\mathcal{L}(\\theta) = -\\sum_{t=1}^{T} \\log p_\\theta(x_t \\mid x_{1:t-1}) + ${(m.i % 9) + 1} \\cdot 10^{-4} \\lVert \\theta \\rVert_2^2`,
      '$$',
      '',
      `${paragraph(50)} Compared with [[${links[2]}|the baseline]], the gain holds when $\\sqrt{d_k} \\ge ${h}$.`,
      '',
      `## ${SECTIONS[3]}`,
      '',
      `${paragraph(90)} It connects to [[${links[3]}]]. ${paragraph(25)}`,
      '',
      `## ${SECTIONS[4]}`,
      '',
      `${paragraph(95)} Later work in [[${links[4]}]] revisits this. ${paragraph(20)}`,
      '',
    ].join('\n');
    const fm = [
      '---',
      `title: "${m.name}: ${titleCase(pick(WORDS))} ${pick(WORDS)} ${pick(WORDS)} for ${pick(WORDS)} ${pick(WORDS)} (synthetic note ${m.i})"`,
      `authors: ["${pick(FIRST)} ${titleCase(m.family)}", "${pick(FIRST)} ${titleCase(pick(FAMILY))}", "${pick(FIRST)} ${titleCase(pick(FAMILY))}"]`,
      `year: ${m.year}`,
      `arxiv: "${yy}${mm}.${num}"`,
      `topics: [${[...topics].join(', ')}]`,
      `family: ${pick(FAMILIES)}`,
      `tldr: "${m.name} ${pick(['improves', 'extends', 'revisits', 'simplifies'])} attention with ${pick(WORDS)} ${pick(WORDS)} routing, a synthetic note generated for the build benchmark."`,
      'relations:',
      ...relations.flatMap((t, k) => [
        `  - type: ${RELATION_TYPES[(m.i + k) % RELATION_TYPES.length]}`,
        `    target: ${t}`,
        `    note: "${sentence(10 + k)}"`,
      ]),
      ...(concept.length ? [`concepts: [${concept.join(', ')}]`] : []),
      'depth: note',
      'added: 2026-11-22',
      '---',
      '',
    ].join('\n');
    return { id: m.id, file: `${m.id}.mdx`, text: fm + body };
  });
}

/** Copies the site (what `npm run build` reads) into `dir` and adds the notes to content/papers. */
export function prepareFullSite(dir: string, notes: SyntheticNote[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of [
    'src',
    'content',
    'public',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
    join('scripts', 'build-search-index.ts'),
  ]) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const n of notes) writeFileSync(join(dir, 'content', 'papers', n.file), n.text);
  // Same config, but Astro's cache lives inside the temporary project, so every build is cold and
  // never touches the repository's node_modules/.astro.
  writeFileSync(
    join(dir, 'astro.bench.config.mjs'),
    "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.bench-cache' };\n",
  );
}

export type BarePipeline = 'unified' | 'satteri';

/** A bare Astro 7 + MDX + KaTeX project: one route, no layout, the notes as a content collection. */
export function prepareBareSite(dir: string, notes: SyntheticNote[], pipeline: BarePipeline): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'notes'), { recursive: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-baseline', private: true, type: 'module' }, null, 2));
  const processor =
    pipeline === 'unified'
      ? `import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
const processor = unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] });`
      : `import { satteri } from '@astrojs/markdown-satteri';
import katex from 'katex';
// Sätteri parses $…$ and $$…$$ (features.math) into math and inlineMath nodes; this mdast plugin
// renders each with KaTeX and splices the HTML back in ({ raw, mdxExpressions: false } keeps
// KaTeX's braces literal in MDX), the pattern Sätteri documents for KaTeX.
const render = (displayMode) => (node) => ({ raw: katex.renderToString(node.value, { displayMode, throwOnError: false }), mdxExpressions: false });
const katexPlugin = { name: 'katex', math: render(true), inlineMath: render(false) };
const processor = satteri({ features: { math: true }, mdastPlugins: [katexPlugin] });`;
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
${processor}
export default defineConfig({ output: 'static', cacheDir: './.bench-cache', integrations: [mdx()], markdown: { processor } });
`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { notes: defineCollection({ loader: glob({ pattern: '*.mdx', base: './notes' }) }) };
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('notes')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { Content } = await render(Astro.props.entry);
---
<Content />
`,
  );
  for (const n of notes) writeFileSync(join(dir, 'notes', n.file), n.text);
}
