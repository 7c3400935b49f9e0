/**
 * Errors raised by the compute module.
 *
 * Every broken invariant throws one of these, never logs. The message names the operation and the
 * shapes involved, e.g. `scaledDotProductAttention: q is 3×4 but k is 5×3; their columns must match`.
 */

/** Thrown when matrix shapes do not fit the operation (mismatched columns, wrong mask size, odd d, …). */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
  /** The public function that rejected its input. */
  readonly operation: string;
  constructor(operation: string, detail: string) {
    super(`${operation}: ${detail}`);
    this.operation = operation;
  }
}

/** Thrown when a scalar argument is out of its domain (zero heads, negative window, k > E, …). */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
  /** The public function that rejected its input. */
  readonly operation: string;
  constructor(operation: string, detail: string) {
    super(`${operation}: ${detail}`);
    this.operation = operation;
  }
}
