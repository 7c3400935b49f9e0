/**
 * Number formatting shared by every demo (build-time figure and live element alike), so a number
 * reads the same everywhere and a test can reproduce exactly what the page shows.
 *
 * - fixed decimals, with a true minus sign (U+2212) that screen readers read as "minus";
 * - no "−0.00": anything that rounds to zero prints without a sign;
 * - ±Infinity prints as ∞ / −∞ (a masked score), NaN as "—".
 */

/** The minus sign used in displayed numbers. */
export const MINUS = '\u2212';

/** Formats x with `digits` decimals (default 2): `formatNumber(-0.125, 2)` → "−0.13". */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  const s = x.toFixed(digits);
  if (/^-0(\.0*)?$/.test(s)) return s.slice(1);
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/** Formats a vector as "(1.00, −0.50)". */
export function formatVector(values: ArrayLike<number>, digits = 2): string {
  return `(${Array.from(values, (v) => formatNumber(v, digits)).join(', ')})`;
}

/** Reads a displayed number back (U+2212 → "-", ∞ → Infinity); NaN when it is not a number. */
export function parseDisplayed(text: string): number {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '∞') return Infinity;
  if (t === '-∞') return -Infinity;
  if (t === '' || t === '—') return NaN;
  return Number(t);
}

/** 1-based subscript digits for labels such as k₃. */
export function subscript(n: number): string {
  const map = '₀₁₂₃₄₅₆₇₈₉';
  return String(n)
    .replace(/\d/g, (d) => map[Number(d)]!)
    .replace('-', '₋');
}

/** "1 token" / "3 tokens". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Bytes in binary units: "1.25 GiB", "512 MiB", "96 KiB", "10 B". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${formatNumber(v, u === 0 || v >= 100 ? 0 : 2)} ${units[u]}`;
}
