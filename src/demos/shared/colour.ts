/**
 * Colour scales for heatmaps. Colours themselves live in CSS (src/styles/global.css, "Demos"
 * section) as custom properties that switch with the light/dark theme; a cell only carries classes:
 * the sign (hm-pos / hm-neg) and its intensity quantised to one of LEVELS + 1 steps (hm-l0 … hm-l10,
 * which set `--t` = 0 … 1). Classes instead of inline styles let the browser share computed styles,
 * and let an SVG heatmap draw all cells of one colour as a single path:
 *
 * - sequential (weights, probabilities): background = mix(--hm-pos, --hm-zero, t);
 * - diverging (scores, encodings, outputs): blue for positive, orange for negative, by |v|/max|v|.
 *   Blue/orange is distinguishable in the common colour-vision deficiencies, and the numbers are
 *   always printed or announced, so colour is never the only carrier of a value.
 *
 * Table cells print their number on the colour, so CSS mixes at most half the full colour into their
 * background, which keeps the text at a WCAG contrast of at least 4.5:1 in both themes; SVG heatmaps
 * (no text on the cells) use the full range.
 */

/** How values map to colour. */
export type ColourScale = 'sequential' | 'diverging';

/** The colour range of a heatmap: [min, max] for sequential, max |v| for diverging. */
export interface ColourRange {
  readonly min: number;
  readonly max: number;
}

/** The range of finite values in `values` (masked ±∞ entries ignored); [0, 1] when there are none. */
export function valueRange(values: Iterable<number>, scale: ColourScale): ColourRange {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 1 };
  if (scale === 'diverging') {
    const m = Math.max(Math.abs(min), Math.abs(max));
    return { min: -m, max: m };
  }
  return { min, max };
}

/** Number of intensity steps above zero (classes hm-l0 … hm-l10). */
export const LEVELS = 10;

/** The intensity t ∈ [0, 1], its level 0 … LEVELS and the classes of one value. */
export interface CellColour {
  readonly t: number;
  readonly level: number;
  readonly className: string;
}

/** Colour of value v on the given scale and range. Non-finite values get t = 0. */
export function cellColour(v: number, scale: ColourScale, range: ColourRange): CellColour {
  if (!Number.isFinite(v)) return { t: 0, level: 0, className: 'hm-pos hm-l0' };
  let t: number;
  let sign = 'hm-pos';
  if (scale === 'diverging') {
    const m = Math.max(Math.abs(range.min), Math.abs(range.max));
    t = m > 0 ? Math.abs(v) / m : 0;
    if (v < 0) sign = 'hm-neg';
  } else {
    const span = range.max - range.min;
    t = span > 0 ? (v - range.min) / span : range.max > 0 ? 1 : 0;
  }
  t = Math.min(1, Math.max(0, t));
  const level = Math.round(t * LEVELS);
  return { t, level, className: `${sign} hm-l${level}` };
}

/** One of the twelve categorical colours of the site (--c0 … --c11). */
export function seriesColour(index: number): string {
  return `var(--c${((index % 12) + 12) % 12})`;
}
