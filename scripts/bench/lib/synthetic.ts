/**
 * Synthetic paper notes for the scaling benchmarks, realistic in shape: five note sections whose
 * length follows a log-normal spread (median about 550 words, from 170 to 1,600), 3 inline and
 * 2 display equations (plain TeX, so a bare KaTeX renders them too), 5 wikilinks, 3 typed relations
 * and 2 topics, with valid, unique ids, titles and arXiv ids that pass the content rules.
 * Realistic in vocabulary too: each note writes general academic prose (Zipf-weighted, so "the" and
 * "attention" are common), most of its technical words from one of 13 domain vocabularies and some
 * from a second, and a dozen long-tail coined terms (names of models and data sets) from a pool of
 * 20,000, so a technical query matches the notes of its field rather than all of them, as in a real
 * collection. Deterministic for a given seed. Written only into temporary projects
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

/**
 * General academic prose: shared by every note, drawn with a Zipf-like bias so the first words
 * ("the", "attention", "model") are common and the last ones rare, as in real notes.
 */
const GENERAL = `the of and a to in is for with that on by as this from are we which it its be at an their our than
attention model transformer layer training data results method work paper show approach models tokens sequence performance
each more both only when while where also then so but not can into over under between across through without within
shows finds proposes introduces improves reduces increases matches outperforms replaces extends revisits measures reports
earlier later previous original standard common simple large small deep wide fast efficient exact approximate strong
task tasks benchmark baseline ablation variant architecture design evaluation analysis setting settings cost budget
carefully simply roughly nearly clearly largely mostly often rarely usually directly jointly separately finally first
number size scale order time memory compute step steps input output weights parameters objective loss accuracy quality`
  .split(/\s+/)
  .filter(Boolean);

/**
 * Domain vocabularies: each synthetic note draws most of its technical words from one domain and
 * some from a second, so a technical query matches the notes of its domain, not all of them.
 */
const DOMAINS: Record<string, string> = {
  efficient: `sparse kernel linear approximation lowrank sketch hashing bucket chunk block tile tiling window sliding dilated
    stride global local pattern fused bandwidth sram hbm recompute io quadratic subquadratic nystrom landmark
    projection feature random performer favor kernelized cluster routing reformer longformer bigbird butterfly`,
  position: `position positional encoding sinusoid rotary rope alibi relative absolute extrapolation interpolation length
    generalization context window frequency wavelength angle phase offset bias distance yarn scaling ntk long
    longer truncation retrieval passkey needle haystack perplexity curve`,
  experts: `expert experts mixture router routing gate gating capacity balance load auxiliary topk token choice switch
    dispatch combine shard alltoall communication sparse activation parameter count dense upcycling specialization
    collapse dropping overflow buffer`,
  alignment: `alignment preference reward policy feedback human annotator rater comparison pairwise ranking ppo dpo kl
    penalty reference helpful harmless honesty refusal red teaming instruction tuning demonstration chat assistant
    constitution critique revision sycophancy`,
  retrieval: `retrieval retriever passage document index nearest neighbour dense sparse bm25 query corpus knowledge
    open domain question answering reader generator memory datastore chunking embedding similarity citation
    grounding hallucination freshness`,
  vision: `image images pixel patch patches vision visual convolution cnn resolution crop augmentation imagenet
    detection segmentation object box caption captioning multimodal contrastive clip encoder diffusion denoising
    latent video frame spatial`,
  speech: `speech audio acoustic waveform spectrogram mel phoneme asr recognition transcription speaker utterance
    streaming ctc alignment frame vocoder synthesis tts prosody noise microphone wav2vec whisper latency`,
  interpretability: `interpretability circuit probe probing neuron neurons feature features direction subspace superposition
    polysemantic monosemantic dictionary sparse autoencoder activation patching causal tracing head heads induction
    copying mechanism attribution saliency`,
  systems: `gpu tpu accelerator cluster node nodes pipeline tensor data parallel parallelism shard sharding zero
    optimizer state offload checkpoint activation recomputation throughput utilisation flops precision bf16 fp16 fp8
    mixed loss scaling kernel compiler`,
  tokens: `tokenizer tokenization vocabulary subword byte bytes character characters merge merges bpe unigram wordpiece
    segmentation morphology multilingual language languages script unicode normalization rare unknown
    compression fertility`,
  reasoning: `reasoning chain thought prompt prompting exemplar exemplars few shot zero shot arithmetic math symbolic
    program tool tools agent planning search verifier verification self consistency sampling vote majority
    scratchpad decomposition`,
  recurrent: `state space recurrent recurrence ssm selective scan convolution long range hidden cell gate gating lstm
    gru linear recurrence parallel associative hippo discretization stability decay retention rwkv mamba`,
  inference: `inference decoding latency cache kv speculative draft verify acceptance batch batching paging paged
    memory quantization int8 int4 outlier calibration pruning distillation student teacher compression serving
    throughput prefill`,
};
const DOMAIN_NAMES = Object.keys(DOMAINS);
const DOMAIN_WORDS = Object.fromEntries(DOMAIN_NAMES.map((d) => [d, DOMAINS[d]!.split(/\s+/).filter(Boolean)]));

/** Syllables for the long tail: model names, data sets and coined terms that only a few notes use. */
const SYLLABLES = 'ka lo mi ra te vu no si da pe zo ri fa gu le xo bi na tu me'.split(' ');

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
  /** A Zipf-like pick: index ~ exp(u·ln n) − 1 favours the start of the list. */
  const zipf = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(Math.exp(r() * Math.log(xs.length + 1)) - 1))]!;
  // The long tail: 20,000 coined terms (two or three syllables), each note using a handful of them.
  const tr = rng(seed + 1);
  const tail = Array.from({ length: 20000 }, (_, i) => {
    let w = '';
    for (let k = 0, n = 2 + Math.floor(tr() * 2); k < n; k++) w += SYLLABLES[Math.floor(tr() * SYLLABLES.length)]!;
    return i % 5 === 0 ? `${w}${1 + Math.floor(tr() * 99)}` : w;
  });
  const meta = Array.from({ length: count }, (_, i) => {
    const year = 2015 + (i % 10);
    const family = FAMILY[i % FAMILY.length]!;
    const primary = DOMAIN_NAMES[Math.floor(r() * DOMAIN_NAMES.length)]!;
    let secondary = DOMAIN_NAMES[Math.floor(r() * DOMAIN_NAMES.length)]!;
    if (secondary === primary) secondary = DOMAIN_NAMES[(DOMAIN_NAMES.indexOf(primary) + 1) % DOMAIN_NAMES.length]!;
    // Body length: log-normal around 550 words, from the 150-word minimum to about 1,600 (a landmark).
    const words = Math.round(Math.min(1600, Math.max(170, Math.exp(Math.log(550) + 0.5 * gaussian(r)))));
    const own = Array.from({ length: 12 }, () => tail[Math.floor(Math.exp(r() * Math.log(tail.length)) - 1)]!);
    return {
      i,
      year,
      family,
      primary,
      secondary,
      words,
      own,
      id: `${family}${year}synth${String(i).padStart(5, '0')}`,
      name: `Synth-${i.toString(36).toUpperCase()}`,
    };
  });
  type Meta = (typeof meta)[number];
  const word = (m: Meta) => {
    const u = r();
    if (u < 0.58) return zipf(GENERAL);
    if (u < 0.86) return pick(DOMAIN_WORDS[m.primary]!);
    if (u < 0.95) return pick(DOMAIN_WORDS[m.secondary]!);
    return pick(m.own);
  };
  const sentence = (m: Meta, n: number) => `${titleCase(Array.from({ length: n }, () => word(m)).join(' '))}.`;
  const paragraph = (m: Meta, words: number) => {
    const out: string[] = [];
    let left = Math.max(8, Math.round(words));
    while (left > 0) {
      const n = Math.min(left, 8 + Math.floor(r() * 14));
      out.push(sentence(m, n));
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
    // Five sections sharing the note's length (shares of 0.19, 0.18, 0.19, 0.21, 0.23), 3 inline
    // equations and 5 wikilinks spread over them.
    const w = (share: number) => m.words * share;
    const body = [
      `## ${SECTIONS[0]}`,
      '',
      `${paragraph(m, w(0.12))} Earlier work such as [[${links[0]}]] paid $O(n^2 d)$ for a long sequence. ${paragraph(m, w(0.07))}`,
      '',
      `## ${SECTIONS[1]}`,
      '',
      `${m.name} changes the ${pick(DOMAIN_WORDS[m.primary]!)} ${pick(DOMAIN_WORDS[m.primary]!)}. ${paragraph(m, w(0.09))} Each of the $h = ${h}$ heads scores queries against keys:`,
      '',
      '$$',
      `A = \\mathrm{softmax}\\left(\\frac{Q K^\\top}{\\sqrt{${d}}}\\right) V, \\qquad Q, K \\in \\mathbb{R}^{n \\times ${d}}`,
      '$$',
      '',
      `${paragraph(m, w(0.09))} The idea refines [[${links[1]}]].`,
      '',
      `## ${SECTIONS[2]}`,
      '',
      `${paragraph(m, w(0.1))} Training minimises the usual objective:`,
      '',
      '$$',
      `\\mathcal{L}(\\theta) = -\\sum_{t=1}^{T} \\log p_\\theta(x_t \\mid x_{1:t-1}) + ${(m.i % 9) + 1} \\cdot 10^{-4} \\lVert \\theta \\rVert_2^2`,
      '$$',
      '',
      `${paragraph(m, w(0.09))} Compared with [[${links[2]}|the baseline]], the gain holds when $\\sqrt{d_k} \\ge ${h}$.`,
      '',
      `## ${SECTIONS[3]}`,
      '',
      `${paragraph(m, w(0.16))} It connects to [[${links[3]}]]. ${paragraph(m, w(0.05))}`,
      '',
      `## ${SECTIONS[4]}`,
      '',
      `${paragraph(m, w(0.19))} Later work in [[${links[4]}]] revisits this. ${paragraph(m, w(0.04))}`,
      '',
    ].join('\n');
    const dw = () => pick(DOMAIN_WORDS[m.primary]!);
    const fm = [
      '---',
      `title: "${m.name}: ${titleCase(dw())} ${dw()} ${pick(m.own)} for ${dw()} ${pick(DOMAIN_WORDS[m.secondary]!)} (synthetic note ${m.i})"`,
      `authors: ["${pick(FIRST)} ${titleCase(m.family)}", "${pick(FIRST)} ${titleCase(pick(FAMILY))}", "${pick(FIRST)} ${titleCase(pick(FAMILY))}"]`,
      `year: ${m.year}`,
      `arxiv: "${yy}${mm}.${num}"`,
      `topics: [${[...topics].join(', ')}]`,
      `family: ${pick(FAMILIES)}`,
      `tldr: "${m.name} ${pick(['improves', 'extends', 'revisits', 'simplifies'])} ${dw()} with ${dw()} ${pick(m.own)}, a synthetic note generated for the build benchmark."`,
      `result: { claim: "${m.name} reaches ${(20 + ((m.i * 37) % 700) / 10).toFixed(1)} on the synthetic ${m.primary} benchmark, ${(((m.i * 13) % 40) / 10 + 0.2).toFixed(1)} points above its baseline.", source: "Table ${1 + (m.i % 4)}" }`,
      'relations:',
      ...relations.flatMap((t, k) => [
        `  - type: ${RELATION_TYPES[(m.i + k) % RELATION_TYPES.length]}`,
        `    target: ${t}`,
        `    note: "${sentence(m, 10 + k)}"`,
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

/** A standard normal draw (Box–Muller) from a uniform generator. */
function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
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
