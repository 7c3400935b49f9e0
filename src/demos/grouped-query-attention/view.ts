/**
 * Grouped-query attention and the KV cache, two panels:
 *
 * 1. heads: h query heads share g key/value heads (Ainslie et al. 2023; g = 1 is Shazeer's 2019
 *    multi-query attention, g = h multi-head attention). Query head a reads key/value head
 *    ⌊a / (h/g)⌋; groupedQueryAttention returns every head's attention weights on a typed sentence.
 * 2. cache: the bytes a decoder's key/value cache holds, kvCacheBytes, for a configuration the
 *    reader picks or a published model's, against the same model with h (MHA) or 1 (MQA) KV heads.
 *
 * Pure: every number comes from src/compute.
 */
import { groupedQueryAttention, kvCacheBytes, type Matrix } from '../../compute/index.ts';
import { lineChart } from '../shared/chart.ts';
import { formatBytes, formatNumber } from '../shared/format.ts';
import { heatmapTable } from '../shared/heatmap.ts';
import { scrollBox } from '../shared/html.ts';
import { formatCount } from '../shared/log-chart.ts';
import { pickParts } from '../shared/parts.ts';
import { embedTokens, randomMatrix, tokenize } from '../shared/tokens.ts';

export type Part = 'heads' | 'cache';
export const PARTS: readonly Part[] = ['heads', 'cache'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  heads: 'Which query heads share a key/value head',
  cache: 'The KV cache of a real configuration',
};

// ---------------------------------------------------------------------------------------------
// 1. Heads

export const HEAD_CHOICES = [1, 2, 4, 8] as const;

export interface HeadsState {
  readonly tokens: readonly string[];
  /** Query heads h. */
  readonly heads: number;
  /** Key/value heads g (must divide h). */
  readonly kvHeads: number;
  /** Width of each head d_k; d_model = h · d_k. */
  readonly dk: number;
  readonly causal: boolean;
}

export const DEFAULT_SENTENCE = 'the cat sat on the mat';
/** The seed of the random projections. */
export const WEIGHT_SEED = 2305;

export const HEADS_DEFAULTS: HeadsState = { tokens: tokenize(DEFAULT_SENTENCE, []).value, heads: 4, kvHeads: 2, dk: 4, causal: true };
export const HEADS_RULES = {
  dk: { label: 'd_k', min: 1, max: 16, integer: true },
} as const;
/** At most this many tokens in the heads panel (h tables of n×n numbers). */
export const HEADS_MAX_TOKENS = 12;

/** Random projections for h query heads and g key/value heads of width d_k, N(0, 1/d_model). */
export function gqaWeights(heads: number, kvHeads: number, dk: number): { wq: Matrix; wk: Matrix; wv: Matrix; wo: Matrix } {
  const d = heads * dk;
  const std = 1 / Math.sqrt(d);
  return {
    wq: randomMatrix(d, heads * dk, WEIGHT_SEED + 1, std),
    wk: randomMatrix(d, kvHeads * dk, WEIGHT_SEED + 2, std),
    wv: randomMatrix(d, kvHeads * dk, WEIGHT_SEED + 3, std),
    wo: randomMatrix(heads * dk, d, WEIGHT_SEED + 4, std),
  };
}

export interface HeadsResult {
  /** h matrices n×n, from groupedQueryAttention. */
  readonly weights: Matrix[];
  /** n×d_model. */
  readonly output: Matrix;
  /** The key/value head of each query head (0-based). */
  readonly group: number[];
  /** Numbers cached per token and layer: 2·g·d_k, and 2·h·d_k for multi-head attention. */
  readonly cachedPerToken: number;
  readonly cachedPerTokenMha: number;
}

export function computeHeads(s: HeadsState): HeadsResult {
  const d = s.heads * s.dk;
  const x = embedTokens(s.tokens, d); // n×d_model
  const r = groupedQueryAttention(x, gqaWeights(s.heads, s.kvHeads, s.dk), { heads: s.heads, kvHeads: s.kvHeads, causal: s.causal });
  const size = s.heads / s.kvHeads;
  return {
    weights: r.headWeights,
    output: r.output,
    group: Array.from({ length: s.heads }, (_x, a) => Math.floor(a / size)),
    cachedPerToken: 2 * s.kvHeads * s.dk,
    cachedPerTokenMha: 2 * s.heads * s.dk,
  };
}

/** "multi-head attention", "multi-query attention" or "grouped-query attention". */
export function variantName(heads: number, kvHeads: number): string {
  if (kvHeads === heads) return 'multi-head attention (MHA)';
  if (kvHeads === 1) return 'multi-query attention (MQA)';
  return 'grouped-query attention (GQA)';
}

export function headsFigure(idPrefix: string, s: HeadsState, r: HeadsResult): string {
  const n = s.tokens.length;
  let map = `${scrollBox('Query heads and their key/value heads')}<table class="demo-table gqa-map" data-matrix="groups"><caption>${variantName(s.heads, s.kvHeads)}: ${s.heads} query ${s.heads === 1 ? 'head' : 'heads'} read ${s.kvHeads} key/value ${s.kvHeads === 1 ? 'head' : 'heads'}, ${s.heads / s.kvHeads} per group.</caption><thead><tr><th scope="col">query head</th>`;
  for (let a = 0; a < s.heads; a++) map += `<th scope="col">Q${a + 1}</th>`;
  map += '</tr></thead><tbody><tr><th scope="row">key/value head</th>';
  r.group.forEach(
    (b, a) => (map += `<td data-cell="group-${a}" data-value="${b}" class="gqa-group gqa-group--${b % 8}">K${b + 1}, V${b + 1}</td>`),
  );
  map += '</tr></tbody></table></div>';
  let heads = '<div class="gqa-heads">';
  r.weights.forEach((w, a) => {
    heads += `<div class="gqa-head">${heatmapTable({
      key: `w${a + 1}`,
      idPrefix,
      caption: `Weights of query head ${a + 1}, which reads K${r.group[a]! + 1} and V${r.group[a]! + 1} (${n}×${n}; rows are queries).`,
      rowLabels: s.tokens,
      colLabels: s.tokens,
      corner: 'q ↓ k →',
      values: w,
      scale: 'sequential',
      range: { min: 0, max: 1 },
      ...(s.causal ? { masked: (i: number, j: number) => j > i, maskedText: '·' } : {}),
    })}</div>`;
  });
  heads += '</div>';
  const saving = r.cachedPerTokenMha / r.cachedPerToken;
  const cache = `<p class="gqa-line">Cached per token and layer: 2 · g · d_k = 2 · ${s.kvHeads} · ${s.dk} = <strong data-cell="cached" data-value="${r.cachedPerToken}">${r.cachedPerToken}</strong> numbers, against 2 · h · d_k = <span data-cell="cached-mha" data-value="${r.cachedPerTokenMha}">${r.cachedPerTokenMha}</span> for multi-head attention (${formatNumber(saving, saving % 1 === 0 ? 0 : 2)}× ${saving === 1 ? 'the same' : 'less'}).</p>`;
  return `${map}${cache}${heads}`;
}

export function headsSummary(s: HeadsState, r: HeadsResult): string {
  const size = s.heads / s.kvHeads;
  const shared =
    size === 1
      ? 'every query head has its own key/value head'
      : `query heads 1 to ${size} share K1 and V1${s.kvHeads > 1 ? `, heads ${size + 1} to ${2 * size} share K2 and V2` : ''}`;
  const name = variantName(s.heads, s.kvHeads);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} with ${s.heads} query and ${s.kvHeads} key/value heads: ${shared}, so a decoder caches ${r.cachedPerToken} instead of ${r.cachedPerTokenMha} numbers per token and layer.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Cache

export interface CacheState {
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly tokens: number;
  readonly batch: number;
  /** Bytes per stored number: 4, 2, 1 or 0.5. */
  readonly bytes: number;
  /** The preset the reader chose, if any (two models may share a cache configuration). */
  readonly preset?: string | undefined;
}

/** A published configuration: layers, query heads, key/value heads, head dimension, context length. */
export interface Preset {
  readonly value: string;
  readonly label: string;
  readonly source: string;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly tokens: number;
}

/**
 * Published configurations, from the authors' configuration files and papers: Llama 2 70B (config.json:
 * 80 layers, 64 heads, 8 key/value heads, hidden 8192, so d_k = 128; 4,096-token context); Llama 3 8B
 * (config.json: 32 layers, 32 heads, 8 key/value heads, hidden 4096; 8,192 tokens); Mistral 7B (the
 * paper's Table 1: 32 layers, 32 heads, 8 key/value heads, head_dim 128, context 8,192); GPT-3 175B
 * (Brown et al. 2020, Table 2.1: 96 layers, 96 heads, d_head 128, context 2,048; multi-head).
 */
export const PRESETS: readonly Preset[] = [
  {
    value: 'llama2-70b',
    label: 'Llama 2 70B (GQA)',
    source: 'Llama 2 70B config.json',
    layers: 80,
    heads: 64,
    kvHeads: 8,
    headDim: 128,
    tokens: 4096,
  },
  {
    value: 'llama3-8b',
    label: 'Llama 3 8B (GQA)',
    source: 'Llama 3 8B config.json',
    layers: 32,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    tokens: 8192,
  },
  {
    value: 'mistral-7b',
    label: 'Mistral 7B (GQA)',
    source: 'Mistral 7B paper, Table 1',
    layers: 32,
    heads: 32,
    kvHeads: 8,
    headDim: 128,
    tokens: 8192,
  },
  {
    value: 'gpt3-175b',
    label: 'GPT-3 175B (MHA)',
    source: 'GPT-3 paper, Table 2.1',
    layers: 96,
    heads: 96,
    kvHeads: 96,
    headDim: 128,
    tokens: 2048,
  },
];

export const PRECISIONS: readonly { value: string; label: string; bytes: number }[] = [
  { value: '4', label: '32-bit float (4 bytes)', bytes: 4 },
  { value: '2', label: '16-bit float (2 bytes)', bytes: 2 },
  { value: '1', label: '8-bit (1 byte)', bytes: 1 },
  { value: '0.5', label: '4-bit (half a byte)', bytes: 0.5 },
];

const first = PRESETS[0]!;
export const CACHE_DEFAULTS: CacheState = {
  layers: first.layers,
  heads: first.heads,
  kvHeads: first.kvHeads,
  headDim: first.headDim,
  tokens: first.tokens,
  batch: 1,
  bytes: 2,
  preset: first.value,
};
export const CACHE_RULES = {
  layers: { label: 'Layers', min: 1, max: 1000, integer: true },
  heads: { label: 'Query heads', min: 1, max: 1024, integer: true },
  kvHeads: { label: 'KV heads', min: 1, max: 1024, integer: true },
  headDim: { label: 'Head dimension', min: 1, max: 1024, integer: true },
  tokens: { label: 'Context length', min: 1, max: 10_000_000, integer: true },
  batch: { label: 'Batch', min: 1, max: 4096, integer: true },
} as const;

/** Context lengths plotted. */
const GIB = 1024 ** 3;

export const CACHE_CURVE = [256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072];

export interface CacheResult {
  readonly bytes: number;
  /** The same model with multi-head (g = h) and multi-query (g = 1) attention. */
  readonly mha: number;
  readonly mqa: number;
  /** Bytes per token (all layers, one sequence). */
  readonly perToken: number;
  /** GiB against context length for GQA (as configured), MHA and MQA. */
  readonly curve: { tokens: number; gqa: number; mha: number; mqa: number }[];
}

export function computeCache(s: CacheState): CacheResult {
  const shape = { layers: s.layers, headDim: s.headDim, batch: s.batch, bytesPerValue: s.bytes };
  const bytes = kvCacheBytes({ ...shape, kvHeads: s.kvHeads, tokens: s.tokens });
  return {
    bytes,
    mha: kvCacheBytes({ ...shape, kvHeads: s.heads, tokens: s.tokens }),
    mqa: kvCacheBytes({ ...shape, kvHeads: 1, tokens: s.tokens }),
    perToken: kvCacheBytes({ ...shape, kvHeads: s.kvHeads, tokens: 1, batch: 1 }),
    curve: CACHE_CURVE.map((tokens) => ({
      tokens,
      gqa: kvCacheBytes({ ...shape, kvHeads: s.kvHeads, tokens }) / GIB,
      mha: kvCacheBytes({ ...shape, kvHeads: s.heads, tokens }) / GIB,
      mqa: kvCacheBytes({ ...shape, kvHeads: 1, tokens }) / GIB,
    })),
  };
}

/** Whether a state has a preset's configuration. */
export function matchesPreset(p: Preset, s: CacheState): boolean {
  return p.layers === s.layers && p.heads === s.heads && p.kvHeads === s.kvHeads && p.headDim === s.headDim && p.tokens === s.tokens;
}

/**
 * The preset a state shows: the chosen one while the configuration still matches it, else the first
 * that matches (Llama 3 8B and Mistral 7B share one), else none (the select shows "custom").
 */
export function presetOf(s: CacheState): Preset | undefined {
  const chosen = PRESETS.find((p) => p.value === s.preset);
  if (chosen && matchesPreset(chosen, s)) return chosen;
  return PRESETS.find((p) => matchesPreset(p, s));
}

export function cacheFigure(idPrefix: string, s: CacheState, r: CacheResult): string {
  const name = variantName(s.heads, s.kvHeads);
  const rows: [string, string, number, string][] = [
    ['gqa', `as configured (${s.kvHeads} KV ${s.kvHeads === 1 ? 'head' : 'heads'})`, r.bytes, ''],
    ['mha', `multi-head (${s.heads} KV heads)`, r.mha, 'demo-bar__fill--alt'],
    ['mqa', 'multi-query (1 KV head)', r.mqa, ''],
  ];
  const max = Math.max(r.mha, r.bytes, r.mqa);
  let table = `${scrollBox('KV cache sizes')}<table class="demo-table" data-matrix="cache"><caption>KV cache = 2 · layers · KV heads · head dim · tokens · batch · bytes = 2 · ${s.layers} · g · ${s.headDim} · ${formatCount(s.tokens)} · ${s.batch} · ${formatNumber(s.bytes, s.bytes % 1 === 0 ? 0 : 1)}.</caption><thead><tr><th scope="col">attention</th><th scope="col">bytes</th><th scope="col">size</th><th scope="col">share of MHA</th></tr></thead><tbody>`;
  for (const [key, label, v] of rows) {
    table += `<tr><th scope="row">${label}</th><td data-cell="${key}" data-value="${v}">${formatCount(v)}</td><td data-cell="${key}-size">${formatBytes(v)}</td><td>${formatNumber((100 * v) / r.mha, 1)}%</td></tr>`;
  }
  table += '</tbody></table></div>';
  let bars = '<div class="gqa-bars" aria-hidden="true">';
  for (const [key, label, v, cls] of rows) {
    bars += `<div class="gqa-bar" data-bar="${key}"><span class="gqa-bar__label">${label}</span><span class="demo-bar__track"><span class="demo-bar__fill ${cls}" style="width:${formatNumber(Math.max(0.4, (100 * v) / max), 2)}%"></span></span><span class="gqa-bar__value">${formatBytes(v)}</span></div>`;
  }
  bars += '</div>';
  const line = `<p class="gqa-line">Per token, over all ${s.layers} layers: <strong data-cell="per-token" data-value="${r.perToken}">${formatBytes(r.perToken)}</strong> (${name}).</p>`;
  const chart = lineChart({
    idPrefix,
    key: 'cache-curve',
    title: 'KV cache against context length',
    desc: `GiB held for ${s.batch} ${s.batch === 1 ? 'sequence' : 'sequences'} at ${formatCount(CACHE_CURVE[0]!)} to ${formatCount(CACHE_CURVE.at(-1)!)} tokens: it grows linearly with the context, and the number of key/value heads sets the slope.`,
    xLabel: 'context length (thousands of tokens)',
    yLabel: 'KV cache (GiB)',
    series: [
      { name: `multi-head (${s.heads} KV heads)`, colour: 1, markers: true, points: r.curve.map((p) => [p.tokens / 1000, p.mha] as const) },
      { name: `as configured (${s.kvHeads})`, colour: 0, markers: true, points: r.curve.map((p) => [p.tokens / 1000, p.gqa] as const) },
      { name: 'multi-query (1)', colour: 2, markers: true, points: r.curve.map((p) => [p.tokens / 1000, p.mqa] as const) },
    ],
    vlines: s.tokens <= CACHE_CURVE.at(-1)! ? [{ x: s.tokens / 1000, label: 'chosen length' }] : [],
    yDomain: [0, Math.max(...r.curve.map((p) => p.mha)) * 1.05],
    height: 220,
  });
  return `${table}${bars}${line}${chart}`;
}

export function cacheSummary(s: CacheState, r: CacheResult): string {
  const preset = presetOf(s);
  const who = preset ? preset.label.replace(/ \((GQA|MHA)\)$/, '') : 'This configuration';
  const factor = r.mha / r.bytes;
  return `${who} at ${formatCount(s.tokens)} tokens, batch ${s.batch}: the KV cache holds ${formatBytes(r.bytes)}${s.kvHeads === s.heads ? ', the full multi-head size' : `, ${formatNumber(factor, factor % 1 === 0 ? 0 : 1)}× less than the ${formatBytes(r.mha)} of multi-head attention`}; multi-query attention would hold ${formatBytes(r.mqa)}.`;
}
