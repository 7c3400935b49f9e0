/**
 * The memory of a decoder's key/value cache.
 *
 * During autoregressive decoding every layer keeps the keys and values of all previous tokens
 * (Shazeer (2019), "Fast Transformer Decoding: One Write-Head is All You Need", arXiv:1911.02150;
 * Ainslie et al. (2023), "GQA", arXiv:2305.13245). Per token and layer
 * that is one key and one value vector of size head_dim for each of the g key/value heads:
 *
 *     bytes = 2 · layers · g · head_dim · tokens · batch · bytesPerValue
 *
 * batch defaults to 1 and bytesPerValue to 2 (16-bit floats); 1 is 8-bit and 0.5 is 4-bit storage.
 */
import { ArgumentError } from './errors.ts';

/** The sizes that determine a key/value cache. */
export interface KvCacheShape {
  readonly layers: number;
  /** Key/value heads g (h for multi-head attention, 1 for multi-query attention). */
  readonly kvHeads: number;
  readonly headDim: number;
  /** Cached positions per sequence. */
  readonly tokens: number;
  /** Sequences decoded at once; 1 by default. */
  readonly batch?: number | undefined;
  /** Bytes per stored number; 2 (16-bit) by default. Any positive finite number, e.g. 0.5 for 4-bit. */
  readonly bytesPerValue?: number | undefined;
}

/** Bytes held by the key/value cache: 2 · layers · kvHeads · headDim · tokens · batch · bytesPerValue. */
export function kvCacheBytes(c: KvCacheShape): number {
  const op = 'kvCacheBytes';
  const batch = c.batch ?? 1;
  const bytesPerValue = c.bytesPerValue ?? 2;
  const sizes = [['layers', c.layers], ['kvHeads', c.kvHeads], ['headDim', c.headDim], ['tokens', c.tokens], ['batch', batch]] as const;
  for (const [name, value] of sizes) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new ArgumentError(op, `${name} is ${String(value)}; it must be a positive integer. Fix: pass a whole number ≥ 1`);
    }
  }
  if (typeof bytesPerValue !== 'number' || !Number.isFinite(bytesPerValue) || bytesPerValue <= 0) {
    throw new ArgumentError(op, `bytesPerValue is ${String(bytesPerValue)}; it must be a positive finite number (2 for 16-bit, 0.5 for 4-bit)`);
  }
  return 2 * c.layers * c.kvHeads * c.headDim * c.tokens * batch * bytesPerValue;
}
