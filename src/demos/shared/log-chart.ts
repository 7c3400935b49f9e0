/**
 * Line charts with logarithmic axes, as inline SVG strings (build-time figure and live element alike).
 *
 * The companion of chart.ts's lineChart for quantities that span orders of magnitude (FLOPs, memory
 * and memory traffic against sequence length; approximation error against features). Each axis is
 * 'linear', 'log2' (ticks at powers of two, printed as integers: 16, 64, 256 …) or 'log10' (ticks at
 * powers of ten, printed as 10³ …). Non-positive values cannot sit on a log axis and are left out.
 * Series differ by colour AND dash pattern AND marker, with a text legend, like lineChart.
 */
import { DASHES, niceTicks, type ChartSeries } from './chart.ts';
import { seriesColour } from './colour.ts';
import { formatNumber } from './format.ts';
import { attrs, escapeHtml, px } from './html.ts';

/** How one axis maps values to positions. */
export type AxisKind = 'linear' | 'log2' | 'log10';

/** A chart with linear or logarithmic axes. */
export interface LogChartSpec {
  readonly idPrefix: string;
  readonly key: string;
  readonly title: string;
  readonly desc: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  readonly xAxis: AxisKind;
  readonly yAxis: AxisKind;
  /** Domain in data units (for a log axis both ends must be > 0). Default: the data's extent. */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** Vertical reference lines (e.g. the current n). */
  readonly vlines?: readonly { readonly x: number; readonly label: string }[];
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
export function axisTicks(kind: AxisKind, lo: number, hi: number, count = 6): { value: number; label: string }[] {
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
  const out: { value: number; label: string }[] = [];
  for (let e = first; e <= last; e += every) {
    out.push(kind === 'log2' ? { value: 2 ** e, label: compactCount(2 ** e) } : { value: 10 ** e, label: powerOfTen(e) });
  }
  return out;
}

function extent(series: readonly ChartSeries[], axis: 0 | 1, kind: AxisKind): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      const v = p[axis];
      if (!Number.isFinite(axisValue(kind, v))) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo === Infinity) return kind === 'linear' ? [0, 1] : [1, 10];
  if (lo === hi) return kind === 'linear' ? [lo - 1, hi + 1] : [lo / 2, hi * 2];
  return [lo, hi];
}

/** A marker of shape `shape % 4` centred at (x, y) (the same shapes as lineChart's). */
function marker(shape: number, x: number, y: number): string {
  const r = 3.2;
  switch (shape % 4) {
    case 1:
      return `<rect x="${px(x - r)}" y="${px(y - r)}" width="${px(2 * r)}" height="${px(2 * r)}"/>`;
    case 2:
      return `<polygon points="${px(x)},${px(y - r * 1.2)} ${px(x + r * 1.1)},${px(y + r)} ${px(x - r * 1.1)},${px(y + r)}"/>`;
    case 3:
      return `<polygon points="${px(x)},${px(y - r * 1.3)} ${px(x + r * 1.3)},${px(y)} ${px(x)},${px(y + r * 1.3)} ${px(x - r * 1.3)},${px(y)}"/>`;
    default:
      return `<circle cx="${px(x)}" cy="${px(y)}" r="${r}"/>`;
  }
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
  const sx = (x: number): number => m.left + ((axisValue(spec.xAxis, x) - ax0) / (ax1 - ax0 || 1)) * (W - m.left - m.right);
  const sy = (y: number): number => H - m.bottom - ((axisValue(spec.yAxis, y) - ay0) / (ay1 - ay0 || 1)) * (H - m.top - m.bottom);
  const titleId = `${spec.idPrefix}-${spec.key}-title`;
  const descId = `${spec.idPrefix}-${spec.key}-desc`;
  let svg = `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" data-chart="${escapeHtml(spec.key)}">`;
  svg += `<title id="${titleId}">${escapeHtml(spec.title)}</title><desc id="${descId}">${escapeHtml(spec.desc)}</desc>`;
  svg += '<g class="chart-grid" aria-hidden="true">';
  for (const t of axisTicks(spec.yAxis, y0, y1, 5)) {
    const y = px(sy(t.value));
    svg += `<line x1="${m.left}" x2="${W - m.right}" y1="${y}" y2="${y}"/><text x="${m.left - 4}" y="${y}" text-anchor="end" dominant-baseline="central">${escapeHtml(t.label)}</text>`;
  }
  for (const t of axisTicks(spec.xAxis, x0, x1, 7)) {
    const x = px(sx(t.value));
    svg += `<line x1="${x}" x2="${x}" y1="${m.top}" y2="${H - m.bottom}"/><text x="${x}" y="${H - m.bottom + 14}" text-anchor="middle">${escapeHtml(t.label)}</text>`;
  }
  svg += `</g><g class="chart-axes" aria-hidden="true"><line x1="${m.left}" x2="${W - m.right}" y1="${H - m.bottom}" y2="${H - m.bottom}"/><line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}"/>`;
  svg += `<text x="${px((m.left + W - m.right) / 2)}" y="${H - 6}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text>`;
  svg += `<text transform="translate(12 ${px((m.top + H - m.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(spec.yLabel)}</text></g>`;
  const inX = (x: number): boolean => {
    const a = axisValue(spec.xAxis, x);
    return Number.isFinite(a) && a >= Math.min(ax0, ax1) - 1e-9 && a <= Math.max(ax0, ax1) + 1e-9;
  };
  for (const v of spec.vlines ?? []) {
    if (!inX(v.x)) continue;
    const x = sx(v.x);
    svg += `<g class="chart-vline" aria-hidden="true"><line x1="${px(x)}" x2="${px(x)}" y1="${m.top}" y2="${H - m.bottom}"/><text x="${px(x + 3)}" y="${m.top + 10}">${escapeHtml(v.label)}</text></g>`;
  }
  spec.series.forEach((s, index) => {
    const pts = s.points.filter((p) => Number.isFinite(axisValue(spec.xAxis, p[0])) && Number.isFinite(axisValue(spec.yAxis, p[1])));
    const dash = DASHES[(s.dash ?? s.colour) % DASHES.length]!;
    svg += `<g class="chart-series" data-series="${index}" style="--sc:${seriesColour(s.colour)}" aria-hidden="true">`;
    if (!s.noLine && pts.length > 0)
      svg += `<polyline${attrs({ 'stroke-dasharray': dash || undefined })} points="${pts.map((p) => `${px(sx(p[0]))},${px(sy(p[1]))}`).join(' ')}"/>`;
    if (s.markers || s.noLine) for (const p of pts) svg += marker(index, sx(p[0]), sy(p[1]));
    svg += '</g>';
  });
  svg += '</svg>';
  const legend = spec.series
    .map((s, index) => {
      const dash = DASHES[(s.dash ?? s.colour) % DASHES.length]!;
      const line = s.noLine ? '' : `<line x1="1" x2="27" y1="5" y2="5"${attrs({ 'stroke-dasharray': dash || undefined })}/>`;
      const dot = s.markers || s.noLine ? marker(index, 14, 5) : '';
      return `<li style="--sc:${seriesColour(s.colour)}"><svg width="28" height="10" aria-hidden="true">${line}${dot}</svg>${escapeHtml(s.name)}</li>`;
    })
    .join('');
  return `<div class="chart-wrap">${svg}<ul class="chart-legend">${legend}</ul></div>`;
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
