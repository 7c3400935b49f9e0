/**
 * The public API of the compute module: every demo and every build-time figure calls these.
 *
 * Pure TypeScript with no imports from outside src/compute, no side effects and no logging.
 * Matrices are row-major Float64Arrays (see matrix.ts).
 */
export type { Matrix } from './matrix.ts';
export { matrix, zeros, toRows } from './matrix.ts';
export { ShapeError, ArgumentError } from './errors.ts';

// Attention, positional encodings and normalisation ("Equations that run").
export { softmax } from './softmax.ts';
export type { AttentionOptions, AttentionResult } from './scaled-dot-product-attention.ts';
export { scaledDotProductAttention, scaledDotProductAttentionNaive, temperatureScale } from './scaled-dot-product-attention.ts';
export type { MultiHeadWeights, MultiHeadOptions, MultiHeadResult } from './multi-head-attention.ts';
export { multiHeadAttention } from './multi-head-attention.ts';
export type { AdditiveAttentionParams, AdditiveAttentionResult } from './additive-attention.ts';
export { additiveAttention } from './additive-attention.ts';
export { sinusoidalEncoding } from './sinusoidal-encoding.ts';
export type { RotaryOptions } from './rotary-embedding.ts';
export { rotaryEmbedding } from './rotary-embedding.ts';
export { alibiSlopes, alibiBias } from './alibi.ts';
export { layerNorm } from './layer-norm.ts';
export { rmsNorm } from './rms-norm.ts';

// FlashAttention, efficient attention, MoE routing, pre-training objectives.
export type { FlashStep, FlashAttentionOptions, FlashAttentionResult } from './flash-attention.ts';
export { flashAttention } from './flash-attention.ts';
export { linearAttention, linearAttentionNaive, eluPlusOne } from './linear-attention.ts';
export { linformerAttention, linformerProjection, linformerPooling } from './linformer-attention.ts';
export { slidingWindowMask, countNonzero } from './sliding-window-mask.ts';
export { stridedPattern, fixedPattern, withGlobalTokens } from './sparse-attention-patterns.ts';
export { performerFeatures, performerAttention } from './performer-features.ts';
export { randomProjection } from './random-projection.ts';
export type { SeededRandom } from './seeded-random.ts';
export { seededRandom, mulberry32 } from './seeded-random.ts';
export type { AttentionMethod, AttentionCostParams } from './attention-costs.ts';
export {
  attentionCost,
  slidingWindowNonzeros,
  stridedNonzeros,
  standardAttentionHbmAccesses,
  flashAttentionHbmAccesses,
} from './attention-costs.ts';
export { topKGating } from './top-k-gating.ts';
export { loadBalancingLoss } from './load-balancing-loss.ts';
export type { Dispatch } from './expert-capacity.ts';
export { expertCapacity, dispatchWithCapacity, moeParameterCounts } from './expert-capacity.ts';
export type { BertReplacement, BertMaskingOptions, BertMasking, BartNoisingOptions, Span } from './pretraining-noise.ts';
export { bertMasking, causalLmPairs, bartNoising, t5SpanCorruption } from './pretraining-noise.ts';

// The modern LLM block: grouped-query attention, the KV cache, SwiGLU, RoPE scaling, LoRA, Mamba's scan.
export type { GroupedQueryWeights, GroupedQueryOptions, GroupedQueryResult } from './grouped-query-attention.ts';
export { groupedQueryAttention } from './grouped-query-attention.ts';
export type { KvCacheShape } from './kv-cache-bytes.ts';
export { kvCacheBytes } from './kv-cache-bytes.ts';
export type { SwigluWeights } from './swiglu.ts';
export { swiglu } from './swiglu.ts';
export type { RopeScaling, RopeFrequencyOptions } from './rope-frequencies.ts';
export { ropeFrequencies } from './rope-frequencies.ts';
export { loraLinear } from './lora-linear.ts';
export { selectiveScan } from './selective-scan.ts';
