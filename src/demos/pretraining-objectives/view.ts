/**
 * Pre-training objectives on a typed sentence, each as the input/target pair the model trains on.
 * Every random choice comes from src/compute's seeded generator (one seed, a re-roll button):
 *
 * - BERT (Devlin et al. 2018): bertMasking — 15% of positions, of which 80% [MASK], 10% a random
 *   token, 10% unchanged; the loss is taken only at the selected positions. [CLS] and [SEP] wrap
 *   the sequence and are never selected.
 * - GPT (Radford et al. 2018): causalLmPairs — position i reads tokens 1 … i through the causal
 *   mask (slidingWindowMask with w = n) and predicts token i + 1.
 * - BART (Lewis et al. 2019): bartNoising — sentence permutation, token deletion, then text
 *   infilling with Poisson(λ = 3) span lengths, each span one <mask>; the target is the original.
 * - T5 (Raffel et al. 2019): t5SpanCorruption — noise spans become sentinels <extra_id_c> in the
 *   input; the target lists each sentinel and the tokens it hid; both end with </s>.
 */
import { bartNoising, bertMasking, causalLmPairs, slidingWindowMask, t5SpanCorruption, type BertMasking } from '../../compute/index.ts';
import { formatNumber, subscript } from '../shared/format.ts';
import { heatmapSvg } from '../shared/heatmap.ts';
import { escapeHtml, scrollBox } from '../shared/html.ts';
import { LIMITS } from '../shared/input.ts';
import { tokenize } from '../shared/tokens.ts';
import { pickParts } from '../shared/parts.ts';

export type Part = 'bert' | 'gpt' | 'bart' | 't5';
export const PARTS: readonly Part[] = ['bert', 'gpt', 'bart', 't5'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  bert: 'BERT: masked language modelling',
  gpt: 'GPT: next-token prediction',
  bart: 'BART: denoising a corrupted document',
  t5: 'T5: span corruption with sentinels',
};

export interface ObjectiveState {
  readonly tokens: readonly string[];
  readonly seed: number;
  readonly bertRate: number;
  readonly bartMask: number;
  readonly bartLambda: number;
  readonly bartPermute: boolean;
  readonly bartDelete: number;
  readonly t5Density: number;
  readonly t5Span: number;
  readonly t5Roll: boolean;
}

export const DEFAULT_SENTENCE = 'The cat sat on the warm mat . It purred all afternoon . Then the dog came home and the cat ran away .';

/** At most 62 words, so that [CLS] … [SEP] stays within 64 tokens. */
export const MAX_WORDS = LIMITS.tokens - 2;

export const DEFAULTS: ObjectiveState = {
  tokens: tokenize(DEFAULT_SENTENCE, []).value,
  seed: 1,
  bertRate: 0.15,
  bartMask: 0.3,
  bartLambda: 3,
  bartPermute: true,
  bartDelete: 0,
  t5Density: 0.15,
  t5Span: 3,
  t5Roll: true,
};

export const RULES = {
  seed: { label: 'Seed', min: 0, max: 1_000_000, integer: true },
  bertRate: { label: 'Masking rate', min: 0.01, max: 0.9 },
  bartMask: { label: 'Infilling ratio', min: 0, max: 0.9 },
  bartLambda: { label: 'Poisson λ', min: 0, max: 20 },
  bartDelete: { label: 'Deletion ratio', min: 0, max: 0.9 },
  t5Density: { label: 'Noise density', min: 0.01, max: 0.9 },
  t5Span: { label: 'Mean span length', min: 1, max: 20 },
} as const;

/** Parses the sentence field (at most MAX_WORDS tokens). */
export function parseSentence(raw: string, last: readonly string[] | undefined): ReturnType<typeof tokenize> {
  return tokenize(raw, last ?? DEFAULTS.tokens, MAX_WORDS);
}

export const CLS = '[CLS]';
export const SEP = '[SEP]';

export interface ObjectiveResult {
  readonly bert: BertMasking & { readonly sequence: readonly string[] };
  readonly gpt: ReturnType<typeof causalLmPairs>;
  readonly bart: ReturnType<typeof bartNoising>;
  readonly t5: ReturnType<typeof t5SpanCorruption>;
}

export function computeObjectives(s: ObjectiveState, parts: readonly Part[] = PARTS): Partial<ObjectiveResult> {
  const out: { -readonly [K in keyof ObjectiveResult]?: ObjectiveResult[K] } = {};
  if (parts.includes('bert')) {
    const sequence = [CLS, ...s.tokens, SEP];
    out.bert = { ...bertMasking(sequence, s.seed, { maskRate: s.bertRate }), sequence };
  }
  if (parts.includes('gpt')) out.gpt = causalLmPairs(s.tokens);
  if (parts.includes('bart'))
    out.bart = bartNoising(s.tokens, s.seed, {
      maskRatio: s.bartMask,
      lambda: s.bartLambda,
      permuteSentences: s.bartPermute,
      deletionRatio: s.bartDelete,
    });
  if (parts.includes('t5'))
    out.t5 = t5SpanCorruption(s.tokens, s.seed, { noiseDensity: s.t5Density, meanSpanLength: s.t5Span, randomRoll: s.t5Roll });
  return out;
}

/** One token chip. */
interface Chip {
  readonly text: string;
  /** Extra class: mask, random, keep, sentinel, special, noise, deleted, insert, target, none. */
  readonly kind?: string;
  /** Words for screen readers after the token, e.g. "masked". */
  readonly note?: string;
}

/** A labelled sequence of tokens as an ordered list (one Tab stop-free, readable list). */
export function tokenStrip(key: string, label: string, chips: readonly Chip[]): string {
  let html = `<div class="pt-seq" data-seq="${key}"><p class="pt-seq__label">${escapeHtml(label)} <span class="muted">(${chips.length} tokens)</span></p><ol class="pt-tokens" aria-label="${escapeHtml(label)}">`;
  for (const c of chips) {
    html += `<li class="pt-tok${c.kind ? ` pt-tok--${c.kind}` : ''}">${escapeHtml(c.text)}${c.note ? `<span class="visually-hidden"> (${escapeHtml(c.note)})</span>` : ''}</li>`;
  }
  return `${html}</ol></div>`;
}

/** The plain text of a strip, as a test or a summary reads it back: tokens joined by spaces. */
export function joinTokens(tokens: readonly string[]): string {
  return tokens.join(' ');
}

const SPECIAL = new Set([CLS, SEP, '</s>', '<s>']);
const isSentinel = (t: string): boolean => /^<extra_id_\d+>$/.test(t);

// ---------------------------------------------------------------------------------------------
// BERT

export function bertFigure(_idPrefix: string, s: ObjectiveState, r: ObjectiveResult['bert']): string {
  const selected = new Map(r.positions.map((p, i) => [p, r.replacements[i]!]));
  const words = { mask: 'replaced by [MASK]', random: 'replaced by a random token', keep: 'kept, but predicted' } as const;
  let html = `${scrollBox('BERT input and target table')}<table class="demo-table pt-align" data-matrix="bert"><caption>BERT's input and target, position by position: ${r.positions.length} of ${r.sequence.length} positions selected (round(${formatNumber(s.bertRate, 2)} × ${r.sequence.length}), never [CLS] or [SEP]); the loss is computed only where the target is not “—”.</caption><tbody>`;
  html += '<tr><th scope="row">position</th>';
  r.sequence.forEach((_t, i) => (html += `<td>${i}</td>`));
  html += '</tr><tr><th scope="row">original</th>';
  r.sequence.forEach((t) => (html += `<td>${escapeHtml(t)}</td>`));
  html += '</tr><tr data-row="input"><th scope="row">input (encoder reads)</th>';
  r.input.forEach((t, i) => {
    const rep = selected.get(i);
    html += `<td class="${rep ? `pt-cell--${rep}` : SPECIAL.has(t) ? 'pt-cell--special' : ''}" data-cell="input-${i}">${escapeHtml(t)}${rep ? `<span class="visually-hidden"> (${words[rep]})</span>` : ''}</td>`;
  });
  html += '</tr><tr data-row="target"><th scope="row">target (predicted)</th>';
  r.sequence.forEach((t, i) => {
    const rep = selected.get(i);
    html += rep
      ? `<td class="pt-cell--target" data-cell="target-${i}">${escapeHtml(t)}</td>`
      : `<td class="pt-none" data-cell="target-${i}"><span aria-hidden="true">—</span><span class="visually-hidden">no loss</span></td>`;
  });
  html += '</tr></tbody></table></div>';
  const counts = { mask: 0, random: 0, keep: 0 };
  for (const x of r.replacements) counts[x]++;
  html += `<p class="pt-legend"><span class="pt-key pt-cell--mask">[MASK]</span> ${counts.mask} · <span class="pt-key pt-cell--random">random token</span> ${counts.random} · <span class="pt-key pt-cell--keep">unchanged</span> ${counts.keep} (expected split 80/10/10)</p>`;
  return html;
}

export function bertSummary(r: ObjectiveResult['bert']): string {
  const parts = r.positions.map(
    (p, i) =>
      `${r.sequence[p]} → ${r.replacements[i] === 'mask' ? '[MASK]' : r.replacements[i] === 'random' ? `random “${r.input[p]}”` : 'kept'}`,
  );
  return `BERT selects ${r.positions.length} of ${r.sequence.length} positions: ${parts.join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------
// GPT

export function gptFigure(idPrefix: string, s: ObjectiveState, r: ObjectiveResult['gpt']): string {
  const n = r.input.length;
  if (n === 0) return '<p class="demo__note">A single token has nothing to predict: type at least two.</p>';
  let html = `${scrollBox('GPT input and target table')}<table class="demo-table pt-align" data-matrix="gpt"><caption>GPT's input and target: position i reads tokens 1 … i and is trained to predict token i + 1, so the target is the input shifted left by one. ${n} predictions from ${s.tokens.length} tokens.</caption><tbody>`;
  html += '<tr><th scope="row">position</th>';
  r.input.forEach((_t, i) => (html += `<td>${i + 1}</td>`));
  html += '</tr><tr data-row="input"><th scope="row">input</th>';
  r.input.forEach((t, i) => (html += `<td data-cell="input-${i}">${escapeHtml(t)}</td>`));
  html += '</tr><tr data-row="target"><th scope="row">target</th>';
  r.target.forEach((t, i) => (html += `<td class="pt-cell--target" data-cell="target-${i}">${escapeHtml(t)}</td>`));
  html += '</tr></tbody></table></div>';
  const mask = slidingWindowMask(n, n, 'causal'); // n×n, 1 where key j ≤ query i
  const labels = r.input.map((t, i) => `${t}${subscript(i + 1)}`);
  html += heatmapSvg({
    key: 'gpt-mask',
    idPrefix,
    caption: `Causal mask over the ${n} input positions: row i may attend to columns 1 … i (filled) and never to later ones.`,
    rowLabels: labels,
    colLabels: labels,
    values: mask,
    scale: 'sequential',
    range: { min: 0, max: 1 },
    words: true,
    rowAxis: 'query',
    colAxis: 'key',
    detail: 'Focus the mask and use the arrow keys to read which tokens a position sees.',
  });
  return html;
}

export function describeGpt(r: ObjectiveResult['gpt'], i: number, j: number): string {
  const sees = j <= i;
  return `Position ${i + 1} (“${r.input[i] ?? ''}”, predicting “${r.target[i] ?? ''}”) ${sees ? 'sees' : 'cannot see'} position ${j + 1} (“${r.input[j] ?? ''}”)${sees ? '' : ': it lies in the future'}.`;
}

export function gptSummary(r: ObjectiveResult['gpt']): string {
  const first = r.pairs.slice(0, 2).map((p) => `“${joinTokens(p.context)}” → “${p.next}”`);
  return `GPT makes ${r.pairs.length} predictions from one sequence, e.g. ${first.join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------
// BART

export function bartFigure(_idPrefix: string, s: ObjectiveState, r: ObjectiveResult['bart']): string {
  let html = '';
  // 1. Sentence permutation.
  html += tokenStrip(
    'bart-original',
    'Original document',
    r.target.map((t) => ({ text: t })),
  );
  if (s.bartPermute)
    html += `<p class="pt-step">Sentence permutation: order ${r.sentenceOrder.map((i) => i + 1).join(', ')}.</p>${tokenStrip(
      'bart-permuted',
      'After sentence permutation',
      r.permuted.map((t) => ({ text: t })),
    )}`;
  // 2. Token deletion.
  if (s.bartDelete > 0) {
    const gone = new Set(r.deleted);
    html += `<p class="pt-step">Token deletion: ${r.deleted.length} ${r.deleted.length === 1 ? 'token' : 'tokens'} removed (struck through); unlike masking, the model must also find where they were.</p>`;
    html += tokenStrip(
      'bart-deletion',
      'Token deletion',
      r.permuted.map((t, i) => (gone.has(i) ? { text: t, kind: 'deleted', note: 'deleted' } : { text: t })),
    );
  }
  // 3. Text infilling: mark the spans on the sequence they were cut from.
  const chips: Chip[] = [];
  const starts = new Map<number, number[]>();
  r.spans.forEach((sp) => starts.set(sp.start, [...(starts.get(sp.start) ?? []), sp.length]));
  const covered = new Set<number>();
  for (const sp of r.spans) for (let i = sp.start; i < sp.start + sp.length; i++) covered.add(i);
  r.afterDeletion.forEach((t, i) => {
    for (const len of starts.get(i) ?? []) if (len === 0) chips.push({ text: '+', kind: 'insert', note: 'a <mask> is inserted here' });
    chips.push(covered.has(i) ? { text: t, kind: 'noise', note: 'in a masked span' } : { text: t });
  });
  for (const len of starts.get(r.afterDeletion.length) ?? [])
    if (len === 0) chips.push({ text: '+', kind: 'insert', note: 'a <mask> is inserted here' });
  const lengths = r.spans.map((sp) => sp.length);
  html += `<p class="pt-step">Text infilling: span lengths drawn from Poisson(λ = ${formatNumber(s.bartLambda, 1)}) until ${formatNumber(100 * s.bartMask, 0)}% of the tokens are covered: ${lengths.join(', ')}${lengths.includes(0) ? ' (a 0-length span inserts a &lt;mask&gt;)' : ''}. Each span, whatever its length, becomes one &lt;mask&gt;.</p>`;
  html += tokenStrip('bart-spans', 'Spans chosen for infilling', chips);
  html += tokenStrip(
    'bart-input',
    'Encoder input',
    r.input.map((t) => (t === '<mask>' ? { text: t, kind: 'mask' } : { text: t })),
  );
  html += tokenStrip(
    'bart-target',
    'Decoder target (the original)',
    r.target.map((t) => ({ text: t, kind: 'target' })),
  );
  html +=
    '<p class="demo__note">The decoder reads the target shifted right by one (teacher forcing) and is trained to reproduce the whole original document.</p>';
  return html;
}

export function bartSummary(r: ObjectiveResult['bart']): string {
  const masks = r.input.filter((t) => t === '<mask>').length;
  return `BART replaces ${r.spans.length} ${r.spans.length === 1 ? 'span' : 'spans'} (lengths ${r.spans.map((sp) => sp.length).join(', ')}) by ${masks} <mask> ${masks === 1 ? 'token' : 'tokens'}: the encoder reads ${r.input.length} tokens and the decoder must write all ${r.target.length}.`;
}

// ---------------------------------------------------------------------------------------------
// T5

export function t5Figure(_idPrefix: string, s: ObjectiveState, r: ObjectiveResult['t5']): string {
  let html = tokenStrip(
    't5-noise',
    'Noise spans chosen',
    s.tokens.map((t, i) => (r.noiseMask[i] ? { text: t, kind: 'noise', note: 'noise' } : { text: t })),
  );
  const chip = (t: string): Chip =>
    isSentinel(t) ? { text: t, kind: 'sentinel' } : SPECIAL.has(t) ? { text: t, kind: 'special' } : { text: t };
  html += tokenStrip('t5-input', 'Encoder input', r.input.map(chip));
  html += tokenStrip('t5-target', 'Target', r.target.map(chip));
  const noise = r.noiseMask.filter(Boolean).length;
  html += `<p class="pt-step">${noise} noise ${noise === 1 ? 'token' : 'tokens'} (round(${formatNumber(s.t5Density, 2)} × ${s.tokens.length}), at least 1) in ${r.spans.length} ${r.spans.length === 1 ? 'span' : 'spans'} of mean length about ${formatNumber(s.t5Span, 1)}. Each span becomes one sentinel in the input; the target spells out each sentinel followed by the tokens it hid, so the target is short.${s.t5Roll ? ' Random roll is on: the span layout is rotated by a random offset, so spans can fall anywhere (T5’s released default is off, which with short inputs puts a span at the end).' : ''}</p>`;
  return html;
}

export function t5Summary(r: ObjectiveResult['t5']): string {
  return `T5 hides ${r.spans.length} ${r.spans.length === 1 ? 'span' : 'spans'}: input “${joinTokens(r.input)}”, target “${joinTokens(r.target)}”.`;
}

// ---------------------------------------------------------------------------------------------

export function summaryOf(part: Part, r: Partial<ObjectiveResult>): string {
  if (part === 'bert' && r.bert) return bertSummary(r.bert);
  if (part === 'gpt' && r.gpt) return gptSummary(r.gpt);
  if (part === 'bart' && r.bart) return bartSummary(r.bart);
  if (part === 't5' && r.t5) return t5Summary(r.t5);
  return '';
}

export function figureOf(part: Part, idPrefix: string, s: ObjectiveState, r: Partial<ObjectiveResult>): string {
  if (part === 'bert' && r.bert) return bertFigure(idPrefix, s, r.bert);
  if (part === 'gpt' && r.gpt) return gptFigure(idPrefix, s, r.gpt);
  if (part === 'bart' && r.bart) return bartFigure(idPrefix, s, r.bart);
  if (part === 't5' && r.t5) return t5Figure(idPrefix, s, r.t5);
  return '';
}
