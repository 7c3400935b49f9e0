/**
 * Build-time layout of the lineage graph: x by year, y by a force simulation (d3-force) that pulls
 * related papers and papers of the same topic together, then a packing pass that guarantees no two
 * node boxes overlap. The browser receives the finished coordinates as a static SVG and never runs
 * a layout or a physics step.
 *
 * Pure and deterministic: the same nodes and edges always give the same coordinates (d3-force's
 * initial placement and jiggle come from its own seeded generator). Used by /graph/, the local
 * neighbourhood on every paper page, the tests and the benchmark.
 */
import { forceCollide, forceLink, forceSimulation, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { linkHorizontal } from 'd3-shape';

export interface LayoutNode {
  id: string;
  year: number;
  /** The text drawn beside the node (truncated to fit its column). */
  label: string;
  /** Lane the node is drawn towards (e.g. the index of its primary topic); nodes of a lane sit together. */
  lane?: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
}

export interface LayoutOptions {
  /** Width of one year column (px). */
  columnWidth?: number;
  /** Width of the gap drawn for a run of empty years (px). */
  gapWidth?: number;
  /** Height of one node box (px). */
  nodeHeight?: number;
  /** Vertical space between two boxes of a column (px). */
  gap?: number;
  /** Radius of the node's dot (px); the label starts after it. */
  radius?: number;
  /** Average width of one label character (px), to size the boxes. */
  charWidth?: number;
  /** Space around the drawing (px); the top margin also holds the year axis. */
  margin?: number;
  /** Height of the year axis above the nodes (px). */
  axisHeight?: number;
  /** Force simulation steps. */
  ticks?: number;
}

export interface PlacedNode extends LayoutNode {
  /** Left edge of the box. */
  x: number;
  /** Top edge of the box. */
  y: number;
  width: number;
  height: number;
  /** Centre of the dot. */
  cx: number;
  cy: number;
  /** The label as drawn: whole words, ending in … when cut (see fitLabel). */
  text: string;
  /** Set when even the first word is wider than the box: draw `text` squeezed to this length. */
  textLength?: number;
}

export interface PlacedEdge extends LayoutEdge {
  /** SVG path data from the earlier paper to the later one. */
  d: string;
  /** Start (earlier paper) and end (later paper) points. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface YearColumn {
  year: number;
  /** Left edge and centre of the column. */
  x: number;
  center: number;
}

export interface GraphLayout<N extends LayoutNode = LayoutNode, E extends LayoutEdge = LayoutEdge> {
  nodes: (PlacedNode & N)[];
  edges: (PlacedEdge & E)[];
  columns: YearColumn[];
  /** Runs of empty years shown as a narrow break: [firstEmpty, lastEmpty, x]. */
  breaks: { from: number; to: number; x: number }[];
  width: number;
  height: number;
}

const DEFAULTS: Required<LayoutOptions> = {
  columnWidth: 150,
  gapWidth: 28,
  nodeHeight: 18,
  gap: 6,
  radius: 5,
  charWidth: 6.4,
  margin: 12,
  axisHeight: 28,
  ticks: 160,
};

interface SimNode extends SimulationNodeDatum {
  index: number;
  column: number;
  laneY: number;
}

/** Lays out a graph. Throws when an edge names a node that is not in `nodes`, or when an id repeats. */
export function layoutGraph<N extends LayoutNode, E extends LayoutEdge>(
  nodes: readonly N[],
  edges: readonly E[],
  options: LayoutOptions = {},
): GraphLayout<N, E> {
  const o = { ...DEFAULTS, ...options };
  const byId = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (byId.has(n.id)) throw new Error(`graph layout: node id "${n.id}" appears twice.`);
    byId.set(n.id, i);
  });
  const missing = edges.filter((e) => !byId.has(e.from) || !byId.has(e.to));
  if (missing.length > 0) {
    throw new Error(
      `graph layout: ${missing.length} edge(s) name a node that is not in the graph: ${missing
        .slice(0, 5)
        .map((e) => `${e.from}→${e.to}`)
        .join(', ')}`,
    );
  }
  if (nodes.length === 0)
    return { nodes: [], edges: [], columns: [], breaks: [], width: 2 * o.margin, height: 2 * o.margin + o.axisHeight };

  // Columns: one per year that has a node, in order; a run of empty years becomes a narrow break.
  const years = [...new Set(nodes.map((n) => n.year))].sort((a, b) => a - b);
  const columns: YearColumn[] = [];
  const breaks: GraphLayout['breaks'] = [];
  let x = o.margin;
  years.forEach((year, i) => {
    const prev = years[i - 1];
    if (prev !== undefined && year - prev > 1) {
      breaks.push({ from: prev + 1, to: year - 1, x: x + o.gapWidth / 2 });
      x += o.gapWidth;
    }
    columns.push({ year, x, center: x + o.columnWidth / 2 });
    x += o.columnWidth;
  });
  const width = x + o.margin;
  const columnOf = new Map(years.map((y, i) => [y, i]));

  // Vertical lanes: nodes start near their lane, whose height follows the busiest column in it.
  const lanes = [...new Set(nodes.map((n) => n.lane ?? 0))].sort((a, b) => a - b);
  const laneIndex = new Map(lanes.map((l, i) => [l, i]));
  const laneRows = lanes.map((l) => {
    const perColumn = new Map<number, number>();
    for (const n of nodes) if ((n.lane ?? 0) === l) perColumn.set(n.year, (perColumn.get(n.year) ?? 0) + 1);
    return Math.max(1, ...perColumn.values());
  });
  const pitch = o.nodeHeight + o.gap;
  const laneTop: number[] = [];
  let acc = 0;
  for (const rows of laneRows) {
    laneTop.push(acc);
    acc += rows * pitch;
  }

  const sim: SimNode[] = nodes.map((n, index) => {
    const li = laneIndex.get(n.lane ?? 0)!;
    const center = laneTop[li]! + (laneRows[li]! * pitch) / 2;
    const column = columnOf.get(n.year)!;
    return {
      index,
      column,
      laneY: center,
      fx: columns[column]!.center,
      x: columns[column]!.center,
      y: center + pitch * (((index * 7) % 11) / 11 - 0.5),
    };
  });
  const links: SimulationLinkDatum<SimNode>[] = edges.map((e) => ({ source: byId.get(e.from)!, target: byId.get(e.to)! }));
  const simulation = forceSimulation<SimNode>(sim)
    .force('lane', forceY<SimNode>((d) => d.laneY).strength(0.12))
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).strength(0.04).distance(o.columnWidth))
    .force('collide', forceCollide<SimNode>(pitch / 2).strength(0.9))
    .stop();
  simulation.tick(o.ticks);

  // Packing: within a column keep the simulated order, push boxes apart to a full pitch, then centre
  // the column on where the simulation put it. Boxes in different columns cannot overlap because
  // each box is at most a column wide.
  const ys = new Float64Array(nodes.length);
  const byColumn = new Map<number, SimNode[]>();
  for (const s of sim) {
    const list = byColumn.get(s.column);
    if (list) list.push(s);
    else byColumn.set(s.column, [s]);
  }
  for (const list of byColumn.values()) {
    list.sort((a, b) => a.y! - b.y! || a.index - b.index);
    const wanted = list.map((s) => s.y!);
    const packed: number[] = [];
    for (let i = 0; i < list.length; i++) packed.push(i === 0 ? wanted[0]! : Math.max(wanted[i]!, packed[i - 1]! + pitch));
    const shift = mean(wanted) - mean(packed);
    list.forEach((s, i) => (ys[s.index] = packed[i]! + shift));
  }
  let minY = Infinity;
  let maxY = -Infinity;
  for (const y of ys) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const top = o.margin + o.axisHeight;
  const inner = o.columnWidth - 8;
  const maxChars = Math.max(3, Math.floor((inner - 2 * o.radius - 4) / o.charWidth));
  const placed: (PlacedNode & N)[] = nodes.map((n, i) => {
    const column = columns[columnOf.get(n.year)!]!;
    const text = fitLabel(n.label, maxChars);
    const w = Math.min(inner, 2 * o.radius + 4 + text.length * o.charWidth);
    const squeeze = text.length > maxChars ? { textLength: round(maxChars * o.charWidth) } : {};
    const yTop = round(top + (ys[i]! - minY));
    const left = round(column.x + 4);
    return {
      ...n,
      x: left,
      y: yTop,
      width: round(w),
      height: o.nodeHeight,
      cx: round(left + o.radius),
      cy: round(yTop + o.nodeHeight / 2),
      text,
      ...squeeze,
    };
  });
  const height = round(top + (maxY - minY) + o.nodeHeight + o.margin);

  const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const placedEdges: (PlacedEdge & E)[] = edges.map((e) => {
    const a = placed[byId.get(e.from)!]!;
    const b = placed[byId.get(e.to)!]!;
    // Draw from the earlier (left) paper to the later one; a relation usually points back in time.
    const [early, late] = a.year < b.year || (a.year === b.year && a.cy <= b.cy) ? [a, b] : [b, a];
    let d: string;
    let x1: number;
    let y1: number;
    let x2: number;
    let y2: number;
    if (early.year === late.year) {
      // Same column: a loop out to the right of both boxes.
      x1 = early.x + early.width;
      y1 = early.cy;
      x2 = late.x + late.width;
      y2 = late.cy;
      const bulge = round(Math.max(x1, x2) + 12 + Math.min(40, Math.abs(y2 - y1) / 4));
      d = `M${x1},${y1}C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`;
    } else {
      x1 = early.x + early.width;
      y1 = early.cy;
      x2 = late.x;
      y2 = late.cy;
      d = link({ source: [x1, y1], target: [x2, y2] }) ?? `M${x1},${y1}L${x2},${y2}`;
    }
    return { ...e, d: compactPath(d), x1, y1, x2, y2 };
  });

  return { nodes: placed, edges: placedEdges, columns, breaks, width: round(width), height };
}

/**
 * Cuts a label to at most `maxChars` characters at a word boundary (a space, hyphen or slash) and
 * marks the cut with "…". A label is never cut inside a word: what is drawn must be whole words of
 * the node's accessible name (WCAG 2.5.3, axe's label-content-name-mismatch). When the first word
 * alone is too long it is kept whole, with "…" if more follows, and the caller squeezes it.
 */
export function fitLabel(label: string, maxChars: number): string {
  if (label.length <= maxChars) return label;
  const words = label.split(/(?<=[\s\-/–])/); // each piece keeps its trailing separator
  let out = '';
  for (const w of words) {
    if ((out + w).trimEnd().length + 1 > maxChars) break;
    out += w;
  }
  out = out.replace(/[\s\-/–:,(]+$/, '');
  if (out === '') out = words[0]!.replace(/[\s\-/–:,(]+$/, '');
  return out.length < label.length ? `${out}…` : out;
}

/** True when two node boxes overlap (touching edges do not count). */
export function boxesOverlap(
  a: Pick<PlacedNode, 'x' | 'y' | 'width' | 'height'>,
  b: Pick<PlacedNode, 'x' | 'y' | 'width' | 'height'>,
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : 0;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Rounds every number in path data to one decimal, which keeps the SVG small. */
function compactPath(d: string): string {
  return d.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => String(round(Number(m))));
}
