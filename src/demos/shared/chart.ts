/**
 * Charts and 2-D vector planes as inline SVG strings, shared by the build-time figure and the live
 * element. Every chart has a <title> and <desc>; series differ by colour AND dash pattern (and
 * marker), and the legend is real text, so nothing depends on telling colours apart.
 *
 * chartSvg draws any chart (frame, grid, axes, reference lines, series, legend) from a ChartAxes
 * mapping; lineChart builds linear axes here and logChart (log-chart.ts) builds logarithmic ones.
 */
import { formatNumber } from './format.ts';
import { attrs, escapeHtml, px } from './html.ts';
import { seriesColour } from './colour.ts';

/** Dash patterns cycled with the colours so series stay distinct in greyscale. */
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'] as const;

/** One line of a chart. */
export interface ChartSeries {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  /** Index into the site's categorical colours (--c0 …). */
  readonly colour: number;
  /** Index into DASHES (default: the colour index). */
  readonly dash?: number;
  /** Draw a marker on every point (circle, square, triangle, diamond by series index). */
  readonly markers?: boolean;
  /** Leave out the connecting line (markers only, for values that are not a curve). */
  readonly noLine?: boolean;
}

/** A marker of shape `shape % 4` centred at (x, y). */
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

/** A line chart with linear axes. */
export interface LineChartSpec extends ChartContent {
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
}

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** The smallest and largest value on one axis of the series among those `ok` accepts; null when there are none. */
export function seriesExtent(
  series: readonly ChartSeries[],
  axis: 0 | 1,
  ok: (v: number) => boolean = Number.isFinite,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      const v = p[axis];
      if (!ok(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return lo === Infinity ? null : [lo, hi];
}

function extent(series: readonly ChartSeries[], axis: 0 | 1): [number, number] {
  const e = seriesExtent(series, axis);
  if (!e) return [0, 1];
  return e[0] === e[1] ? [e[0] - 1, e[1] + 1] : e;
}

/** The fewest decimals (at most 4) that print every tick exactly. */
export function tickDigits(ticks: readonly number[]): number {
  for (let k = 0; k < 4; k++) {
    if (ticks.every((t) => Math.abs(t * 10 ** k - Math.round(t * 10 ** k)) < 1e-6)) return k;
  }
  return 4;
}

/** A chart's frame and content, whatever its axes: what lineChart and logChart (log-chart.ts) share. */
export interface ChartContent {
  readonly idPrefix: string;
  readonly key: string;
  readonly title: string;
  readonly desc: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  /** Vertical reference lines, e.g. a training length or the current n. */
  readonly vlines?: readonly { readonly x: number; readonly label: string }[];
}

/** A tick: its position in data units and its printed label. */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** How a chart maps data to SVG units: built by lineChart (linear axes) or logChart (log axes). */
export interface ChartAxes {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly sx: (x: number) => number;
  readonly sy: (y: number) => number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** Whether a data point can be drawn on these axes (finite; positive on a log axis). */
  readonly drawable: (p: readonly [number, number]) => boolean;
  /** Whether x lies inside the x domain (reference lines outside it are left out). */
  readonly inX: (x: number) => boolean;
}

/** The legend: one text item per series, with its line sample and marker. */
export function chartLegend(series: readonly ChartSeries[]): string {
  const items = series
    .map((s, index) => {
      const dash = DASHES[(s.dash ?? s.colour) % DASHES.length]!;
      const line = s.noLine ? '' : `<line x1="1" x2="27" y1="5" y2="5"${attrs({ 'stroke-dasharray': dash || undefined })}/>`;
      const dot = s.markers || s.noLine ? marker(index, 14, 5) : '';
      return `<li style="--sc:${seriesColour(s.colour)}"><svg width="28" height="10" aria-hidden="true">${line}${dot}</svg>${escapeHtml(s.name)}</li>`;
    })
    .join('');
  return `<ul class="chart-legend">${items}</ul>`;
}

/** A chart as an SVG string (title, description, grid, axes, reference lines, series) followed by its legend. */
export function chartSvg(spec: ChartContent, a: ChartAxes): string {
  const { width: W, height: H, margin: m, sx, sy } = a;
  const titleId = `${spec.idPrefix}-${spec.key}-title`;
  const descId = `${spec.idPrefix}-${spec.key}-desc`;
  let svg = `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" data-chart="${escapeHtml(spec.key)}">`;
  svg += `<title id="${titleId}">${escapeHtml(spec.title)}</title><desc id="${descId}">${escapeHtml(spec.desc)}</desc>`;
  svg += '<g class="chart-grid" aria-hidden="true">';
  for (const t of a.yTicks) {
    const y = px(sy(t.value));
    svg += `<line x1="${m.left}" x2="${W - m.right}" y1="${y}" y2="${y}"/><text x="${m.left - 4}" y="${y}" text-anchor="end" dominant-baseline="central">${escapeHtml(t.label)}</text>`;
  }
  for (const t of a.xTicks) {
    const x = px(sx(t.value));
    svg += `<line x1="${x}" x2="${x}" y1="${m.top}" y2="${H - m.bottom}"/><text x="${x}" y="${H - m.bottom + 14}" text-anchor="middle">${escapeHtml(t.label)}</text>`;
  }
  svg += `</g><g class="chart-axes" aria-hidden="true"><line x1="${m.left}" x2="${W - m.right}" y1="${H - m.bottom}" y2="${H - m.bottom}"/><line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}"/>`;
  svg += `<text x="${px((m.left + W - m.right) / 2)}" y="${H - 6}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text>`;
  svg += `<text transform="translate(12 ${px((m.top + H - m.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(spec.yLabel)}</text></g>`;
  for (const v of spec.vlines ?? []) {
    if (!a.inX(v.x)) continue;
    const x = sx(v.x);
    svg += `<g class="chart-vline" aria-hidden="true"><line x1="${px(x)}" x2="${px(x)}" y1="${m.top}" y2="${H - m.bottom}"/><text x="${px(x + 3)}" y="${m.top + 10}">${escapeHtml(v.label)}</text></g>`;
  }
  spec.series.forEach((s, index) => {
    const pts = s.points.filter(a.drawable);
    const dash = DASHES[(s.dash ?? s.colour) % DASHES.length]!;
    svg += `<g class="chart-series" data-series="${index}" style="--sc:${seriesColour(s.colour)}" aria-hidden="true">`;
    if (!s.noLine && pts.length > 0)
      svg += `<polyline${attrs({ 'stroke-dasharray': dash || undefined })} points="${pts.map((p) => `${px(sx(p[0]))},${px(sy(p[1]))}`).join(' ')}"/>`;
    if (s.markers || s.noLine) for (const p of pts) svg += marker(index, sx(p[0]), sy(p[1]));
    svg += '</g>';
  });
  return `<div class="chart-wrap">${svg}</svg>${chartLegend(spec.series)}</div>`;
}

/** A line chart with linear axes, as an SVG string followed by its legend. */
export function lineChart(spec: LineChartSpec): string {
  const W = spec.width ?? 480;
  const H = spec.height ?? 240;
  const m = { left: 52, right: 12, top: 12, bottom: 40 };
  const [x0, x1] = spec.xDomain ?? extent(spec.series, 0);
  let [y0, y1] = spec.yDomain ?? extent(spec.series, 1);
  if (!spec.yDomain) {
    const pad = (y1 - y0) * 0.05;
    y0 -= pad;
    y1 += pad;
  }
  const ticks = (lo: number, hi: number, count: number): Tick[] => {
    const values = niceTicks(lo, hi, count);
    const digits = tickDigits(values);
    return values.map((t) => ({ value: t, label: formatNumber(t, digits) }));
  };
  return chartSvg(spec, {
    width: W,
    height: H,
    margin: m,
    sx: (x) => m.left + ((x - x0) / (x1 - x0 || 1)) * (W - m.left - m.right),
    sy: (y) => H - m.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - m.top - m.bottom),
    xTicks: ticks(x0, x1, 6),
    yTicks: ticks(y0, y1, 5),
    drawable: (p) => Number.isFinite(p[0]) && Number.isFinite(p[1]),
    inX: (x) => x >= x0 && x <= x1,
  });
}

/** A 2-D vector drawn on a plane. */
export interface PlaneVector {
  /** Identifies the vector (data-vec), e.g. "q" or "k2". */
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly colour: number;
  /** Short label drawn at the tip, e.g. "q" or "k₂". */
  readonly label: string;
  readonly dashed?: boolean;
  readonly faint?: boolean;
  /** A draggable, focusable handle at the tip, with this accessible name (e.g. "Query q"). */
  readonly handle?: string;
}

/** A square plane with axes from −extent to extent. */
export interface PlaneSpec {
  readonly idPrefix: string;
  readonly key: string;
  readonly title: string;
  readonly desc: string;
  readonly extent: number;
  readonly size?: number;
  readonly vectors: readonly PlaneVector[];
  /** Id of a hint describing the handles' keys (aria-describedby of each handle). */
  readonly handleHint?: string;
}

/** Screen geometry of one vector: its line, arrowhead, label and handle positions. */
export interface VectorGeometry {
  readonly x2: number;
  readonly y2: number;
  readonly head: string;
  readonly lx: number;
  readonly ly: number;
}

/** Maps plane coordinates to SVG units for a plane of `size` units and ±extent. */
export function planeScale(extent: number, size: number): { cx: number; unit: number } {
  const pad = 14;
  return { cx: size / 2, unit: (size / 2 - pad) / extent };
}

/** Where a vector (x, y) is drawn. Shared by the string builder and the in-place updater. */
export function vectorGeometry(x: number, y: number, extent: number, size: number): VectorGeometry {
  const { cx, unit } = planeScale(extent, size);
  const x2 = cx + x * unit;
  const y2 = cx - y * unit;
  const len = Math.hypot(x2 - cx, y2 - cx);
  let head = '';
  if (len > 1e-9) {
    const ux = (x2 - cx) / len;
    const uy = (y2 - cx) / len;
    const a = Math.min(9, len * 0.6);
    const bx = x2 - ux * a;
    const by = y2 - uy * a;
    head = `${px(x2)},${px(y2)} ${px(bx - uy * a * 0.45)},${px(by + ux * a * 0.45)} ${px(bx + uy * a * 0.45)},${px(by - ux * a * 0.45)}`;
  }
  const off = 12;
  const lx = len > 1e-9 ? x2 + ((x2 - cx) / len) * off : x2 + off;
  const ly = len > 1e-9 ? y2 + ((y2 - cx) / len) * off : y2 - off;
  return { x2, y2, head, lx, ly };
}

/** The accessible value text of a handle at (x, y). */
export function handleValueText(x: number, y: number): string {
  return `x ${formatNumber(x, 2)}, y ${formatNumber(y, 2)}`;
}

/** One vector as SVG (a <g data-vec> holding line, arrowhead, label and optional handle). */
export function planeVector(v: PlaneVector, spec: PlaneSpec): string {
  const size = spec.size ?? 300;
  const { cx } = planeScale(spec.extent, size);
  const g = vectorGeometry(v.x, v.y, spec.extent, size);
  let out = `<g class="vec${v.faint ? ' vec-faint' : ''}" data-vec="${escapeHtml(v.key)}" style="--vc:${seriesColour(v.colour)}">`;
  out += `<line class="vec-line" x1="${px(cx)}" y1="${px(cx)}" x2="${px(g.x2)}" y2="${px(g.y2)}"${v.dashed ? ' stroke-dasharray="5 3"' : ''}/>`;
  out += `<polygon class="vec-head" points="${g.head}"/>`;
  out += `<text class="vec-label" x="${px(g.lx)}" y="${px(g.ly)}" text-anchor="middle" dominant-baseline="central" aria-hidden="true">${escapeHtml(v.label)}</text>`;
  if (v.handle !== undefined) {
    out += `<circle class="vec-handle"${attrs({
      cx: px(g.x2),
      cy: px(g.y2),
      r: 11,
      tabindex: 0,
      role: 'slider',
      'aria-roledescription': 'draggable point',
      'aria-label': v.handle,
      'aria-valuemin': -spec.extent,
      'aria-valuemax': spec.extent,
      'aria-valuenow': Math.round(v.x * 100) / 100,
      'aria-valuetext': handleValueText(v.x, v.y),
      'aria-describedby': spec.handleHint,
      'data-handle': v.key,
    })}/>`;
  }
  return `${out}</g>`;
}

/** A square plane with a unit grid, axes and vectors. */
export function planeSvg(spec: PlaneSpec): string {
  const size = spec.size ?? 300;
  const { cx, unit } = planeScale(spec.extent, size);
  const titleId = `${spec.idPrefix}-${spec.key}-title`;
  const descId = `${spec.idPrefix}-${spec.key}-desc`;
  let svg = `<svg class="plane" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="group" aria-labelledby="${titleId}" aria-describedby="${descId}" data-plane="${escapeHtml(spec.key)}" data-extent="${spec.extent}" data-size="${size}">`;
  svg += `<title id="${titleId}">${escapeHtml(spec.title)}</title><desc id="${descId}">${escapeHtml(spec.desc)}</desc><g class="plane-grid" aria-hidden="true">`;
  const step = spec.extent <= 4 ? 1 : Math.ceil(spec.extent / 4);
  for (let t = -Math.floor(spec.extent / step) * step; t <= spec.extent + 1e-9; t += step) {
    const p = px(cx + t * unit);
    svg += `<line${t === 0 ? ' class="plane-axis"' : ''} x1="${p}" x2="${p}" y1="${px(cx - spec.extent * unit)}" y2="${px(cx + spec.extent * unit)}"/>`;
    svg += `<line${t === 0 ? ' class="plane-axis"' : ''} y1="${p}" y2="${p}" x1="${px(cx - spec.extent * unit)}" x2="${px(cx + spec.extent * unit)}"/>`;
  }
  svg += '</g>';
  for (const v of spec.vectors) svg += planeVector(v, spec);
  return `${svg}</svg>`;
}
