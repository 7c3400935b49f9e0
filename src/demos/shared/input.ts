/**
 * Reading demo controls safely. Every parser returns the value to use and a message for the reader:
 *
 * - status 'ok': the input was fine; message is '';
 * - status 'adjusted': the input was out of bounds (or not an integer, or odd where d must be even)
 *   and was clamped to the nearest allowed value; the message says so;
 * - status 'rejected': empty or non-numeric input; the value is the last good one, kept unchanged.
 *
 * Nothing here throws, so bad input can never reach the console.
 */
import { formatNumber } from './format.ts';

/** What a parser decided about one control. */
export interface Parsed<T> {
  readonly status: 'ok' | 'adjusted' | 'rejected';
  readonly value: T;
  readonly message: string;
}

/** The bounds of a numeric control. */
export interface NumberRule {
  /** The control's name in messages, e.g. "d_k" or "Temperature". */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Round to an integer. */
  readonly integer?: boolean;
  /** Require an even integer (pairs of dimensions). */
  readonly even?: boolean;
}

/** Safety limits every demo respects: at most 64 tokens and d at most 128. */
export const LIMITS = { tokens: 64, d: 128 } as const;

/** Parses a number typed by the reader; accepts a Unicode minus and a single decimal comma. */
export function parseLooseNumber(raw: string): number {
  let t = raw.trim().replace(/\u2212/g, '-');
  if (/^-?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

function show(x: number, rule: NumberRule): string {
  return rule.integer || rule.even ? String(x) : formatNumber(x, Number.isInteger(x) ? 0 : 2);
}

/** Parses and clamps one numeric control; `last` is kept when the input is empty or not a number. */
export function parseNumberField(raw: string, rule: NumberRule, last: number): Parsed<number> {
  const text = raw.trim();
  if (text === '') {
    return { status: 'rejected', value: last, message: `${rule.label} is empty; keeping ${show(last, rule)}.` };
  }
  const x = parseLooseNumber(text);
  if (!Number.isFinite(x)) {
    return {
      status: 'rejected',
      value: last,
      message: `“${text.slice(0, 20)}” is not a number; keeping ${rule.label} = ${show(last, rule)}.`,
    };
  }
  let v = x;
  const notes: string[] = [];
  if ((rule.integer || rule.even) && !Number.isInteger(v)) {
    v = Math.round(v);
    notes.push(`${rule.label} must be a whole number`);
  }
  if (v < rule.min) {
    v = rule.min;
    notes.push(`the minimum is ${show(rule.min, rule)}`);
  } else if (v > rule.max) {
    v = rule.max;
    notes.push(`the maximum is ${show(rule.max, rule)}`);
  }
  if (rule.even && v % 2 !== 0) {
    v = v + 1 <= rule.max ? v + 1 : v - 1;
    notes.push(`${rule.label} must be even`);
  }
  if (notes.length === 0) return { status: 'ok', value: v, message: '' };
  const joined = notes.join(', and ');
  // Capitalise "the minimum …", but never a symbol such as d_k.
  const sentence = joined.startsWith('the ') ? `T${joined.slice(1)}` : joined;
  return { status: 'adjusted', value: v, message: `${sentence}; using ${show(v, rule)}.` };
}

/** The bounds of a vector typed as a list of numbers. */
export interface VectorRule {
  readonly label: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** Each entry is clamped to [-limit, limit]. */
  readonly limit: number;
}

/** Parses "1, 2.5 −3" (commas, semicolons or spaces) into numbers, clamping length and entries. */
export function parseVectorField(raw: string, rule: VectorRule, last: readonly number[]): Parsed<number[]> {
  const parts = raw
    .replace(/\u2212/g, '-')
    .split(/[\s,;]+/)
    .filter((p) => p !== '');
  const keep = (message: string): Parsed<number[]> => ({
    status: 'rejected',
    value: last.slice(),
    message: `${message}; keeping the last vector.`,
  });
  if (parts.length === 0) return keep(`${rule.label} is empty`);
  const values: number[] = [];
  for (const p of parts) {
    const x = parseLooseNumber(p);
    if (!Number.isFinite(x)) return keep(`“${p.slice(0, 20)}” in ${rule.label} is not a number`);
    values.push(x);
  }
  if (values.length < rule.minLength) return keep(`${rule.label} needs at least ${rule.minLength} numbers`);
  const notes: string[] = [];
  if (values.length > rule.maxLength) {
    values.length = rule.maxLength;
    notes.push(`only the first ${rule.maxLength} numbers are used`);
  }
  let clamped = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Math.abs(v) > rule.limit) {
      values[i] = Math.sign(v) * rule.limit;
      clamped = true;
    }
  }
  if (clamped) notes.push(`entries are clamped to ±${rule.limit}`);
  if (notes.length === 0) return { status: 'ok', value: values, message: '' };
  const text = notes.join(', and ');
  return { status: 'adjusted', value: values, message: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
}
