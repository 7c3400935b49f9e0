/**
 * Pre-training objectives as input/target pairs: how a token sequence is corrupted and what the
 * model must predict. Every random choice comes from one seeded stream (seeded-random.ts), so a
 * seed reproduces the example exactly.
 *
 * - BERT masked LM: Devlin, Chang, Lee & Toutanova 2018 (arXiv:1810.04805), §3.1 "Task #1" and its
 *   create_pretraining_data.py: select round(15% · n) positions (at least 1) uniformly at random;
 *   each becomes [MASK] with probability 0.8, a random vocabulary token with 0.1, itself with 0.1.
 *   The loss is taken only at the selected positions.
 * - Causal LM (GPT): Radford et al. 2018; L(U) = Σ_i log P(u_i | u_1 … u_{i−1}) — input u_1 … u_{n−1},
 *   target u_2 … u_n, seen through a causal mask.
 * - BART denoising: Lewis et al. 2019 (arXiv:1910.13461), §2.2: sentence permutation, token
 *   deletion, and text infilling — spans with lengths ~ Poisson(λ = 3) each replaced by one <mask>,
 *   a 0-length span inserting a <mask>. The decoder target is the original document.
 * - T5 span corruption: Raffel et al. 2019 (arXiv:1910.10683), §3.1.4 and §3.3.4, following the
 *   authors' random_spans_noise_mask: round(0.15 · n) noise tokens in round(noise / 3) spans;
 *   each noise span becomes one sentinel <extra_id_c> in the input, and the target lists each
 *   sentinel followed by the tokens it replaced; both end with </s>.
 *
 * Rounding follows the reference code (Python's round and tf.round: half to even).
 */
import { ArgumentError } from './errors.ts';
import { assertSeed, roundHalfEven, seededRandom, shuffled, type SeededRandom } from './seeded-random.ts';

function checkRate(op: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new ArgumentError(op, `${name} must be in [0, 1], got ${value}`);
}

/** k distinct integers drawn uniformly from [0, total), in draw order (a partial Fisher–Yates shuffle). */
function sampleWithoutReplacement(total: number, count: number, random: SeededRandom): number[] {
  const pool = Array.from({ length: total }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + random.integer(total - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
    out.push(pool[i]!);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// BERT masked language modelling

/** What happened at one selected position. */
export type BertReplacement = 'mask' | 'random' | 'keep';

export interface BertMaskingOptions {
  /** Tokens the 10% "random token" case draws from (default: the distinct non-special input tokens). */
  vocabulary?: readonly string[];
  /** Share of the sequence selected for prediction (default 0.15). */
  maskRate?: number;
  /** The mask token (default "[MASK]"). */
  maskToken?: string;
  /** Tokens never selected (default ["[CLS]", "[SEP]"]). */
  specialTokens?: readonly string[];
  /** Cap on selected positions, BERT's max_predictions_per_seq (default: no cap). */
  maxPredictions?: number;
}

export interface BertMasking {
  /** The corrupted sequence the encoder reads. */
  input: string[];
  /** The original tokens at `positions`: what the MLM head must predict. */
  targets: string[];
  /** The selected positions, ascending. */
  positions: number[];
  /** For each selected position: replaced by the mask token, by a random token, or kept. */
  replacements: BertReplacement[];
}

/**
 * BERT's masking: num = max(1, round(n·rate)) positions chosen uniformly (specials excluded); per
 * position one uniform u decides [MASK] (u < 0.8), else a second uniform decides keep (< 0.5) or a
 * uniform random vocabulary token — the order of draws of create_masked_lm_predictions.
 */
export function bertMasking(tokens: readonly string[], seed: number, options: BertMaskingOptions = {}): BertMasking {
  const op = 'bertMasking';
  assertSeed(op, seed);
  const rate = options.maskRate ?? 0.15;
  checkRate(op, 'maskRate', rate);
  const maskToken = options.maskToken ?? '[MASK]';
  const specials = new Set(options.specialTokens ?? ['[CLS]', '[SEP]']);
  const maxPredictions = options.maxPredictions ?? Infinity;
  if (!(maxPredictions >= 0)) throw new ArgumentError(op, `maxPredictions must be ≥ 0, got ${maxPredictions}`);
  const vocabulary = options.vocabulary ?? [...new Set(tokens.filter((t) => !specials.has(t)))];
  const random = seededRandom(seed);
  const candidates = shuffled(
    tokens.flatMap((t, i) => (specials.has(t) ? [] : [i])),
    random,
  );
  const count = Math.min(maxPredictions, candidates.length, Math.max(1, roundHalfEven(tokens.length * rate)));
  const input = tokens.slice();
  const chosen: { position: number; replacement: BertReplacement }[] = [];
  for (let c = 0; c < count; c++) {
    const position = candidates[c]!;
    let replacement: BertReplacement;
    if (random.next() < 0.8) {
      replacement = 'mask';
      input[position] = maskToken;
    } else if (random.next() < 0.5) {
      replacement = 'keep';
    } else {
      if (vocabulary.length === 0) throw new ArgumentError(op, 'the vocabulary for random replacements is empty');
      replacement = 'random';
      input[position] = vocabulary[random.integer(vocabulary.length)]!;
    }
    chosen.push({ position, replacement });
  }
  chosen.sort((a, b) => a.position - b.position);
  return {
    input,
    targets: chosen.map((c) => tokens[c.position]!),
    positions: chosen.map((c) => c.position),
    replacements: chosen.map((c) => c.replacement),
  };
}

// ---------------------------------------------------------------------------------------------
// Causal language modelling

/**
 * Next-token prediction: input u_1 … u_{n−1}, target u_2 … u_n (position i predicts token i+1 from
 * tokens 0 … i only, which the causal mask enforces); `pairs` spells out each (context → next) pair.
 */
export function causalLmPairs(tokens: readonly string[]): {
  input: string[];
  target: string[];
  pairs: { context: string[]; next: string }[];
} {
  const input = tokens.slice(0, Math.max(0, tokens.length - 1));
  const target = tokens.slice(1);
  const pairs = target.map((next, i) => ({ context: tokens.slice(0, i + 1), next }));
  return { input, target, pairs };
}

// ---------------------------------------------------------------------------------------------
// BART noising

/** A masked span in the sequence it was cut from: [start, start + length); length 0 is an insertion. */
export interface Span {
  start: number;
  length: number;
}

/** Splits after every token ending in ".", "!" or "?", shuffles the sentences (Fisher–Yates). */
export function sentencePermutation(tokens: readonly string[], random: SeededRandom): { tokens: string[]; order: number[] } {
  const sentences: string[][] = [];
  let current: string[] = [];
  for (const t of tokens) {
    current.push(t);
    if (/[.!?]$/.test(t)) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  const order = shuffled(
    sentences.map((_, i) => i),
    random,
  );
  return { tokens: order.flatMap((i) => sentences[i]!), order };
}

/** Deletes round(n·ratio) positions chosen uniformly; returns the rest and the deleted positions (ascending). */
export function tokenDeletion(tokens: readonly string[], random: SeededRandom, ratio: number): { tokens: string[]; deleted: number[] } {
  checkRate('tokenDeletion', 'ratio', ratio);
  const count = Math.min(tokens.length, roundHalfEven(tokens.length * ratio));
  const deleted = sampleWithoutReplacement(tokens.length, count, random).sort((a, b) => a - b);
  const gone = new Set(deleted);
  return { tokens: tokens.filter((_, i) => !gone.has(i)), deleted };
}

/**
 * Text infilling. budget = round(n·maskRatio) tokens are masked. Span lengths L_1, L_2, … are drawn
 * from Poisson(λ) until they cover the budget (the last is cut to fit); zero lengths are kept as
 * insertions. The n − budget unmasked tokens are split into (spans + 1) gaps, every split equally
 * likely (stars and bars), and the sequence is rebuilt as gap₀ <mask> gap₁ <mask> … gap_s, each span
 * — whatever its length — becoming one mask token. (This follows the paper's description; fairseq's
 * sampler differs in details such as whole-word spans and random-token replacements.)
 */
export function textInfilling(
  tokens: readonly string[],
  random: SeededRandom,
  options: { maskRatio: number; lambda: number; maskToken: string },
): { tokens: string[]; spans: Span[] } {
  checkRate('textInfilling', 'maskRatio', options.maskRatio);
  const n = tokens.length;
  const budget = Math.min(n, roundHalfEven(n * options.maskRatio));
  const lengths: number[] = [];
  let covered = 0;
  while (covered < budget) {
    const length = Math.min(random.poisson(options.lambda), budget - covered);
    lengths.push(length);
    covered += length;
    if (lengths.length > 4 * n + 64) throw new ArgumentError('textInfilling', `λ = ${options.lambda} yields too many empty spans`);
  }
  const spansCount = lengths.length;
  const unmasked = n - budget;
  // Stars and bars: choose which of the unmasked + spans slots hold a span.
  const bars = sampleWithoutReplacement(unmasked + spansCount, spansCount, random).sort((a, b) => a - b);
  const out: string[] = [];
  const spans: Span[] = [];
  let source = 0; // next original token
  let slot = 0;
  for (let s = 0; s < spansCount; s++) {
    const gap = bars[s]! - slot; // unmasked tokens before span s
    for (let g = 0; g < gap; g++) out.push(tokens[source++]!);
    slot = bars[s]! + 1;
    spans.push({ start: source, length: lengths[s]! });
    out.push(options.maskToken);
    source += lengths[s]!;
  }
  while (source < n) out.push(tokens[source++]!);
  return { tokens: out, spans };
}

export interface BartNoisingOptions {
  /** Share of tokens covered by infilling spans (default 0.3, BART's final setting). */
  maskRatio?: number;
  /** Poisson mean of the span lengths (default 3). */
  lambda?: number;
  /** Shuffle the sentences first (default true, as in BART's final model). */
  permuteSentences?: boolean;
  /** Share of tokens deleted, after permutation and before infilling (default 0: off). */
  deletionRatio?: number;
  /** The mask token (default "<mask>"). */
  maskToken?: string;
}

/**
 * BART's noising, in the order sentence permutation → token deletion → text infilling, all from one
 * seeded stream. Returns each stage so a demo can show it, and the target: the original tokens.
 */
export function bartNoising(
  tokens: readonly string[],
  seed: number,
  options: BartNoisingOptions = {},
): {
  input: string[];
  target: string[];
  sentenceOrder: number[];
  permuted: string[];
  deleted: number[];
  afterDeletion: string[];
  spans: Span[];
} {
  const op = 'bartNoising';
  assertSeed(op, seed);
  const maskRatio = options.maskRatio ?? 0.3;
  const lambda = options.lambda ?? 3;
  const deletionRatio = options.deletionRatio ?? 0;
  checkRate(op, 'maskRatio', maskRatio);
  checkRate(op, 'deletionRatio', deletionRatio);
  if (!Number.isFinite(lambda) || lambda < 0 || lambda > 50) throw new ArgumentError(op, `lambda must be in [0, 50], got ${lambda}`);
  const random = seededRandom(seed);
  const permutation = (options.permuteSentences ?? true)
    ? sentencePermutation(tokens, random)
    : { tokens: tokens.slice(), order: tokens.length > 0 ? [0] : [] };
  const deletion = tokenDeletion(permutation.tokens, random, deletionRatio);
  const infilled = textInfilling(deletion.tokens, random, { maskRatio, lambda, maskToken: options.maskToken ?? '<mask>' });
  return {
    input: infilled.tokens,
    target: tokens.slice(),
    sentenceOrder: permutation.order,
    permuted: permutation.tokens,
    deleted: deletion.deleted,
    afterDeletion: deletion.tokens,
    spans: infilled.spans,
  };
}

// ---------------------------------------------------------------------------------------------
// T5 span corruption

/**
 * T5's _random_segmentation: splits `items` into `segments` non-empty parts, every split equally
 * likely — shuffle (segments − 1) "starts a new segment" flags among the items − 1 boundaries.
 */
function randomSegmentation(items: number, segments: number, random: SeededRandom): number[] {
  const flags = shuffled(
    Array.from({ length: items - 1 }, (_, i) => i < segments - 1),
    random,
  );
  const lengths = [1];
  for (const starts of flags) {
    if (starts) lengths.push(1);
    else lengths[lengths.length - 1]!++;
  }
  return lengths;
}

/**
 * T5's random_spans_noise_mask: a boolean per token, true for noise. num_noise = round(L·density)
 * clamped to [1, L−1], num_spans = max(1, round(num_noise / mean)), with L = max(n, 2); noise and
 * non-noise lengths are random segmentations, interleaved starting with non-noise (so the sequence
 * always ends in noise), then cut back to n tokens. With `randomRoll` (T5's random_roll option, off
 * by default there) the mask is rotated by a uniform offset, so noise can also fall at the start.
 * For short inputs the default is nearly deterministic: 23 tokens at 15% give 3 noise tokens in one
 * span, always at the end.
 */
export function t5NoiseMask(
  length: number,
  random: SeededRandom,
  noiseDensity: number,
  meanSpanLength: number,
  randomRoll = false,
): boolean[] {
  const L = Math.max(length, 2);
  const noise = Math.min(Math.max(roundHalfEven(L * noiseDensity), 1), L - 1);
  const spans = Math.min(Math.max(roundHalfEven(noise / meanSpanLength), 1), L - noise); // ≤ non-noise tokens
  const noiseLengths = randomSegmentation(noise, spans, random);
  const keepLengths = randomSegmentation(L - noise, spans, random);
  const mask: boolean[] = [];
  for (let s = 0; s < spans; s++) {
    for (let t = 0; t < keepLengths[s]!; t++) mask.push(false);
    for (let t = 0; t < noiseLengths[s]!; t++) mask.push(true);
  }
  if (randomRoll) {
    // T5's random_roll: rotate by a uniform offset (np.roll: entry i moves to (i + offset) mod L).
    const offset = random.integer(L);
    const rolled = mask.map((_, i) => mask[(i - offset + L) % L]!);
    return rolled.slice(0, length);
  }
  return mask.slice(0, length);
}

/** Replaces each maximal run of `mask`ed tokens by the next sentinel <extra_id_c>, c = 0, 1, … */
function spansToSentinels(tokens: readonly string[], mask: readonly boolean[]): string[] {
  const out: string[] = [];
  let sentinel = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!mask[i]) out.push(tokens[i]!);
    else if (i === 0 || !mask[i - 1]) out.push(`<extra_id_${sentinel++}>`);
  }
  return out;
}

/**
 * T5 span corruption: input = tokens with each noise span replaced by a sentinel; target = each
 * sentinel followed by the span it hides (the non-noise runs replaced by sentinels); both followed
 * by "</s>" unless `eos` is false. `randomRoll` rotates the noise mask (see t5NoiseMask); input and
 * target are still built exactly as T5's noise_span_to_unique_sentinel builds them, so when the
 * rotated mask starts with noise the target starts with those tokens and its sentinels count the
 * clean runs from there (the pairing T5 itself produces).
 */
export function t5SpanCorruption(
  tokens: readonly string[],
  seed: number,
  options: { noiseDensity?: number; meanSpanLength?: number; eos?: boolean; randomRoll?: boolean } = {},
): { input: string[]; target: string[]; noiseMask: boolean[]; spans: Span[] } {
  const op = 't5SpanCorruption';
  assertSeed(op, seed);
  const density = options.noiseDensity ?? 0.15;
  const mean = options.meanSpanLength ?? 3;
  if (!Number.isFinite(density) || density <= 0 || density >= 1) throw new ArgumentError(op, `noiseDensity must be in (0, 1), got ${density}`);
  if (!Number.isFinite(mean) || mean < 1) throw new ArgumentError(op, `meanSpanLength must be ≥ 1, got ${mean}`);
  const random = seededRandom(seed);
  const noiseMask = t5NoiseMask(tokens.length, random, density, mean, options.randomRoll ?? false);
  const input = spansToSentinels(tokens, noiseMask);
  const target = spansToSentinels(
    tokens,
    noiseMask.map((x) => !x),
  );
  const spans: Span[] = [];
  for (let i = 0; i < noiseMask.length; i++) {
    if (!noiseMask[i]) continue;
    if (i === 0 || !noiseMask[i - 1]) spans.push({ start: i, length: 1 });
    else spans[spans.length - 1]!.length++;
  }
  if (options.eos ?? true) {
    input.push('</s>');
    target.push('</s>');
  }
  return { input, target, noiseMask, spans };
}
