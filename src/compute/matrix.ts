/**
 * Dense row-major matrices: the one data type every kernel in src/compute shares.
 *
 * A `Matrix` of shape rows×cols stores element (i, j) at `data[i * cols + j]`.
 * Vectors are 1×d or n×1 matrices. Nothing here allocates more than the result it returns.
 */
import { ArgumentError, ShapeError } from './errors.ts';

/** A dense row-major matrix of 64-bit floats. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** rows·cols numbers, row after row. */
  readonly data: Float64Array;
}

/** Formats a shape as `rows×cols`, the way every error message in this module prints it. */
export function shape(m: Matrix): string {
  return `${m.rows}×${m.cols}`;
}

/** A rows×cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new ShapeError('zeros', `shape must be two non-negative integers, got ${rows}×${cols}`);
  }
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Builds a matrix from nested arrays; every row must have the same length. */
export function matrix(values: readonly (readonly number[])[]): Matrix {
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0]!.length;
  const out = zeros(rows, cols); // rows×cols
  for (let i = 0; i < rows; i++) {
    const row = values[i]!;
    if (row.length !== cols) {
      throw new ShapeError('matrix', `row ${i} has ${row.length} values but row 0 has ${cols}`);
    }
    for (let j = 0; j < cols; j++) out.data[i * cols + j] = row[j]!;
  }
  return out;
}

/** Copies a matrix back into nested arrays (for display, JSON and tests). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Wraps existing storage without copying; `data.length` must equal rows·cols. */
export function fromData(rows: number, cols: number, data: Float64Array): Matrix {
  if (data.length !== rows * cols) {
    throw new ShapeError('fromData', `${rows}×${cols} needs ${rows * cols} numbers, got ${data.length}`);
  }
  return { rows, cols, data };
}

/** Element (i, j). */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!;
}

/** The transpose: (rows×cols) → (cols×rows). */
export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows); // cols×rows
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j]!;
  }
  return out;
}

/** Plain triple-loop product a·b: (n×k)·(k×m) → n×m. The reference every faster product is tested against. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new ShapeError('matmul', `cannot multiply ${shape(a)} by ${shape(b)}; inner sizes must match`);
  }
  const out = zeros(a.rows, b.cols); // n×m
  for (let i = 0; i < a.rows; i++) {
    for (let p = 0; p < a.cols; p++) {
      const aip = a.data[i * a.cols + p]!;
      if (aip === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j]! += aip * b.data[p * b.cols + j]!;
    }
  }
  return out;
}

/** Columns [start, end) of m: (rows×cols) → rows×(end−start). */
export function sliceCols(m: Matrix, start: number, end: number): Matrix {
  if (start < 0 || end > m.cols || start > end) {
    throw new ShapeError('sliceCols', `columns [${start}, ${end}) are outside ${shape(m)}`);
  }
  const width = end - start;
  const out = zeros(m.rows, width); // rows×width
  for (let i = 0; i < m.rows; i++) {
    out.data.set(m.data.subarray(i * m.cols + start, i * m.cols + end), i * width);
  }
  return out;
}

/** Concatenates matrices with equal row counts side by side, in order. */
export function concatCols(parts: readonly Matrix[]): Matrix {
  if (parts.length === 0) return zeros(0, 0);
  const rows = parts[0]!.rows;
  let cols = 0;
  for (const p of parts) {
    if (p.rows !== rows) {
      throw new ShapeError('concatCols', `part is ${shape(p)} but the first part has ${rows} rows`);
    }
    cols += p.cols;
  }
  const out = zeros(rows, cols); // rows×Σcols
  let offset = 0;
  for (const p of parts) {
    for (let i = 0; i < rows; i++) out.data.set(p.data.subarray(i * p.cols, (i + 1) * p.cols), i * cols + offset);
    offset += p.cols;
  }
  return out;
}

/** Throws unless every entry is finite: NaN or ±Infinity in an input is a caller bug, named here. */
export function assertFinite(operation: string, name: string, m: Matrix): void {
  for (let i = 0; i < m.data.length; i++) {
    if (!Number.isFinite(m.data[i]!)) {
      const r = Math.floor(i / m.cols);
      throw new ArgumentError(operation, `${name}[${r}][${i - r * m.cols}] is ${m.data[i]}; inputs must be finite`);
    }
  }
}
