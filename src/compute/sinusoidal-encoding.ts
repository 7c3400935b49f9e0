/**
 * Sinusoidal positional encoding.
 *
 * Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser & Polosukhin (2017),
 * "Attention Is All You Need", arXiv:1706.03762, Section 3.5:
 *
 *     PE(pos, 2i)   = sin(pos / 10000^(2i/d_model))
 *     PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model))
 *
 * Sine and cosine of the same frequency sit side by side (interleaved), for i = 0 … d_model/2 − 1.
 * The base 10000 is a parameter here. Each pair contributes sin² + cos² = 1 to a row's squared norm,
 * so every row has norm √(d_model/2).
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { zeros, type Matrix } from './matrix.ts';

/** The length×d_model matrix of sinusoidal encodings; row p encodes position p. */
export function sinusoidalEncoding(length: number, dModel: number, base = 10000): Matrix {
  const op = 'sinusoidalEncoding';
  if (!Number.isInteger(length) || length < 0) {
    throw new ArgumentError(op, `length is ${length}; it must be a non-negative integer (asked for ${length}×${dModel})`);
  }
  if (!Number.isInteger(dModel) || dModel < 0) {
    throw new ArgumentError(op, `d_model is ${dModel}; it must be a non-negative integer (asked for ${length}×${dModel})`);
  }
  if (dModel % 2 !== 0) {
    throw new ShapeError(op, `d_model = ${dModel} is odd; sine/cosine pairs need an even d_model (asked for ${length}×${dModel})`);
  }
  if (!Number.isFinite(base) || base <= 0) {
    throw new ArgumentError(op, `base is ${base}; it must be a positive finite number`);
  }
  const pe = zeros(length, dModel); // length×d_model
  for (let i = 0; i < dModel / 2; i++) {
    const divisor = Math.pow(base, (2 * i) / dModel); // base^(2i/d_model); the wavelength is 2π times this
    for (let pos = 0; pos < length; pos++) {
      const angle = pos / divisor; // pos / base^(2i/d_model)
      pe.data[pos * dModel + 2 * i] = Math.sin(angle); // PE(pos, 2i)
      pe.data[pos * dModel + 2 * i + 1] = Math.cos(angle); // PE(pos, 2i+1)
    }
  }
  return pe;
}
