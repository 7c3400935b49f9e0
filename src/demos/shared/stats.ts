/**
 * Small read-outs used only to phrase the demos' summaries and charts (which entry is largest, how
 * large a vector is). They never feed back into the attention or normalisation math, which comes from
 * src/compute.
 */

/** Index of the largest entry of values[start … start+length) (the first one on ties); −1 if empty. */
export function argmax(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let j = 0; j < length; j++) {
    const v = values[start + j]!;
    if (v > bestValue) {
      bestValue = v;
      best = j;
    }
  }
  return best;
}

/** Root mean square of values[start … start+length): √(Σ x² / length). */
export function rms(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  if (length <= 0) return 0;
  let s = 0;
  for (let j = 0; j < length; j++) s += values[start + j]! * values[start + j]!;
  return Math.sqrt(s / length);
}

/** Mean of rms over the rows of a row-major rows×cols block. */
export function meanRowRms(data: ArrayLike<number>, rows: number, cols: number): number {
  if (rows === 0) return 0;
  let s = 0;
  for (let i = 0; i < rows; i++) s += rms(data, i * cols, cols);
  return s / rows;
}

/** Median of a list (used for timing read-outs). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = values.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
