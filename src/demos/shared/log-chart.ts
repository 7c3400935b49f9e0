/**
 * Line charts with logarithmic axes, as inline SVG strings (build-time figure and live element alike).
 *
 * The companion of chart.ts's lineChart for quantities that span orders of magnitude (FLOPs, memory
 * and memory traffic against sequence length; approximation error against features). Each axis is
 * 'linear', 'log2' (ticks at powers of two, printed as integers: 16, 64, 256 …) or 'log10' (ticks at
 * powers of ten, printed as 10³ …). Non-positive values cannot sit on a log axis and are left out.
 * The frame, series and legend are chart.ts's chartSvg, the same as lineChart's.
 */
import { chartSvg, niceTicks, seriesExtent, type ChartContent, type ChartSeries, type Tick } from './chart.ts';
import { formatNumber } from './format.ts';

/** How one axis maps values to positions. */
export type AxisKind = 'linear' | 'log2' | 'log10';

/** A chart with linear or logarithmic axes. */
export interface LogChartSpec extends ChartContent {
  readonly xAxis: AxisKind;
  readonly yAxis: AxisKind;
  /** Domain in data units (for a log axis both ends must be > 0). Default: the data's extent. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "10⁶", "10⁻³": a power of ten with a superscript exponent. */
export function powerOfTen(exponent: number): string {
  const e = String(Math.abs(exponent)).replace(/\d/g, (c) => SUPERSCRIPT[Number(c)]!);
  return `10${exponent < 0 ? '⁻' : ''}${e}`;
}

/** Compact integer: 1024 → "1024", 65536 → "64k", 1048576 → "1M" (powers of two stay exact). */
export function compactCount(x: number): string {
  if (x >= 1048576 && x % 1048576 === 0) return `${x / 1048576}M`;
  if (x >= 16384 && x % 1024 === 0) return `${x / 1024}k`;
  return formatNumber(x, Number.isInteger(x) ? 0 : 2);
}

/** Maps a value to the axis' internal (linear) coordinate; NaN when it cannot be drawn. */
export function axisValue(kind: AxisKind, v: number): number {
  if (!Number.isFinite(v)) return NaN;
  if (kind === 'linear') return v;
  if (!(v > 0)) return NaN;
  return kind === 'log2' ? Math.log2(v) : Math.log10(v);
}

/** Tick positions (in data units) and their labels for an axis covering [lo, hi] (data units). */
export function axisTicks(kind: AxisKind, lo: number, hi: number, count = 6): Tick[] {
  if (kind === 'linear') {
    const ticks = niceTicks(lo, hi, count);
    const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
    const digits = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
    return ticks.map((t) => ({ value: t, label: formatNumber(t, digits) }));
  }
  const a = axisValue(kind, lo);
  const b = axisValue(kind, hi);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [];
  const first = Math.ceil(a - 1e-9);
  const last = Math.floor(b + 1e-9);
  const every = Math.max(1, Math.ceil((last - first + 1) / count));
  const out: Tick[] = [];
  for (let e = first; e <= last; e += every) {
    out.push(kind === 'log2' ? { value: 2 ** e, label: compactCount(2 ** e) } : { value: 10 ** e, label: powerOfTen(e) });
  }
  return out;
}

function extent(series: readonly ChartSeries[], axis: 0 | 1, kind: AxisKind): [number, number] {
  const e = seriesExtent(series, axis, (v) => Number.isFinite(axisValue(kind, v)));
  if (!e) return kind === 'linear' ? [0, 1] : [1, 10];
  if (e[0] === e[1]) return kind === 'linear' ? [e[0] - 1, e[1] + 1] : [e[0] / 2, e[1] * 2];
  return e;
}

/** A chart with linear or logarithmic axes, as an SVG string followed by its legend. */
export function logChart(spec: LogChartSpec): string {
  const W = spec.width ?? 480;
  const H = spec.height ?? 250;
  const m = { left: 56, right: 14, top: 12, bottom: 40 };
  let [x0, x1] = spec.xDomain ?? extent(spec.series, 0, spec.xAxis);
  let [y0, y1] = spec.yDomain ?? extent(spec.series, 1, spec.yAxis);
  if (!spec.yDomain) {
    if (spec.yAxis === 'linear') {
      const pad = (y1 - y0) * 0.05;
      y0 -= pad;
      y1 += pad;
    } else {
      // Round out to whole powers so the ends carry ticks.
      const base = spec.yAxis === 'log2' ? 2 : 10;
      y0 = base ** Math.floor(axisValue(spec.yAxis, y0) + 1e-9);
      y1 = base ** Math.ceil(axisValue(spec.yAxis, y1) - 1e-9);
      if (y0 === y1) y1 = y0 * base;
    }
  }
  if (!spec.xDomain && spec.xAxis !== 'linear' && x0 === x1) [x0, x1] = [x0 / 2, x1 * 2];
  const ax0 = axisValue(spec.xAxis, x0);
  const ax1 = axisValue(spec.xAxis, x1);
  const ay0 = axisValue(spec.yAxis, y0);
  const ay1 = axisValue(spec.yAxis, y1);
  const inX = (x: number): boolean => {
    const a = axisValue(spec.xAxis, x);
    return Number.isFinite(a) && a >= Math.min(ax0, ax1) - 1e-9 && a <= Math.max(ax0, ax1) + 1e-9;
  };
  return chartSvg(spec, {
    width: W,
    height: H,
    margin: m,
    sx: (x) => m.left + ((axisValue(spec.xAxis, x) - ax0) / (ax1 - ax0 || 1)) * (W - m.left - m.right),
    sy: (y) => H - m.bottom - ((axisValue(spec.yAxis, y) - ay0) / (ay1 - ay0 || 1)) * (H - m.top - m.bottom),
    xTicks: axisTicks(spec.xAxis, x0, x1, 7),
    yTicks: axisTicks(spec.yAxis, y0, y1, 5),
    drawable: (p) => Number.isFinite(axisValue(spec.xAxis, p[0])) && Number.isFinite(axisValue(spec.yAxis, p[1])),
    inX,
  });
}

/** Formats a large count readably: 1234567 → "1,234,567" (en-GB grouping, deterministic). */
export function formatCount(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  const rounded = Math.round(x);
  const s = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `\u2212${s}` : s;
}

/** A count in scientific form for big numbers: 3.4 × 10⁹ (below 10⁶ the full count). */
export function formatBig(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  if (Math.abs(x) < 1e6) return formatCount(x);
  const e = Math.floor(Math.log10(Math.abs(x)));
  const mant = x / 10 ** e;
  const text = mant.toFixed(2);
  // Rounding can carry the mantissa to 10.00.
  if (Math.abs(Number(text)) >= 10) return `${(mant / 10).toFixed(2)} × ${powerOfTen(e + 1)}`;
  return `${text} × ${powerOfTen(e)}`;
}
