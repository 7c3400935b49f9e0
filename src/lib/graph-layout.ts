/**
 * Build-time layout of a lineage graph: a layered (Sugiyama) drawing computed by ELK's "layered"
 * algorithm (elkjs, the Eclipse Layout Kernel compiled to JavaScript), left to right by year.
 *
 * - Layers by year. Each paper's layer partition is the index of its year, and ELK's partitioning
 *   keeps every partition in layers of its own, in order; so x follows the year. A relation between
 *   two papers of the same year puts them in consecutive layers of that year's band.
 * - Node boxes carry their labels. A box is as wide as its label is estimated to be (a deliberately
 *   generous per-character width), so labels cannot overlap each other or another node: ELK never
 *   overlaps boxes.
 * - Edges are routed by ELK around the nodes (splines through its dummy nodes), from the earlier
 *   paper's right side to the later paper's left side, after its crossing minimisation.
 *
 * The browser receives the finished coordinates as a static SVG and never runs a layout.
 * Deterministic: ELK's ordering heuristics follow the input order and a fixed random seed, and the
 * inputs are sorted by year and id. Used by /graph/, the lineage on every paper page, the tests and
 * the graph benchmark.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';

export interface LayoutNode {
  id: string;
  year: number;
  /** The text drawn in the node's box (cut at a word boundary to at most `maxLabelChars`). */
  label: string;
  /** Whether the label is drawn bold (landmark or centre), which makes it wider. */
  bold?: boolean;
}

export interface LayoutEdge {
  from: string;
  to: string;
}

export interface LayoutOptions {
  /** Height of one node box (px). */
  nodeHeight?: number;
  /** Vertical space between two boxes of a layer (px). */
  nodeGap?: number;
  /** Horizontal space between two layers (px), where the edges run. */
  layerGap?: number;
  /** Radius of the node's dot (px); the label starts after it. */
  radius?: number;
  /** Font size of the labels (px); widths are estimated from it. */
  fontSize?: number;
  /** Longest label drawn, in characters; longer ones are cut at a word with "…". */
  maxLabelChars?: number;
  /** Space around the drawing (px). */
  margin?: number;
  /** Height of the year axis above the nodes (px). */
  axisHeight?: number;
  /**
   * "quality" (splines, thorough crossing minimisation) or "fast" (polylines, one sweep) for large
   * graphs; by default "fast" above 260 nodes.
   */
  effort?: 'quality' | 'fast';
  /**
   * Largest graph ELK lays out (default 400 nodes). ELK's cost grows with the dummy nodes it puts on
   * every layer a long relation crosses; at 400 papers spread over 34 years it took 18–34 s here, and
   * minutes at 1,000. A larger graph gets year columns instead (see columnLayout): one column per
   * year, each column ordered by the mean position of its papers' earlier relatives, boxes stacked
   * at a fixed pitch, so labels still cannot overlap.
   */
  maxLayered?: number;
}

/**
 * Most relations a drawing shows in full detail (BENCHMARKS.md, "Lineage graph"). A larger one
 * (class lg-svg--large) is drawn more cheaply:
 * - its relations leave hit-testing and have no invisible hit areas: Chromium hit-tests every stroked
 *   path a pointer crosses, and on the 3,000-paper benchmark overview (about 9,000 relations) each
 *   pointer move over the drawing took 1–2 s. Each relation stays a link in the tab order, whose
 *   note shows on focus, and its note is on its papers' pages;
 * - its lines are solid, told apart by colour and width: dashed curves were most of the cost of
 *   rasterizing the 1,000-paper overview (1.5 s in software, 0.35 s solid), and at the scale that
 *   shows the whole overview a dash is under a pixel long.
 */
export const LARGE_GRAPH_EDGES = 1500;

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
  /** Where the label starts (its baseline's left end). */
  tx: number;
  ty: number;
  /** The label as drawn: whole words, ending in … when cut (see fitLabel). */
  text: string;
}

export interface PlacedEdge extends LayoutEdge {
  /** SVG path data from the earlier paper to the later one. */
  d: string;
  /** Start (earlier paper, right side) and end (later paper, left side) points. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface YearColumn {
  year: number;
  /** Left and right edges of the year's band, and its centre. */
  x: number;
  right: number;
  center: number;
}

export interface GraphLayout<N extends LayoutNode = LayoutNode, E extends LayoutEdge = LayoutEdge> {
  nodes: (PlacedNode & N)[];
  edges: (PlacedEdge & E)[];
  /** One band per year that has a paper, left to right. */
  columns: YearColumn[];
  /** Runs of empty years between two bands, marked at x. */
  breaks: { from: number; to: number; x: number }[];
  /** x of the separator lines between adjacent year bands. */
  separators: number[];
  width: number;
  height: number;
}

const DEFAULTS: Required<Omit<LayoutOptions, 'effort'>> = {
  maxLayered: 400,
  nodeHeight: 20,
  nodeGap: 8,
  layerGap: 44,
  radius: 4.5,
  fontSize: 11,
  maxLabelChars: 26,
  margin: 12,
  axisHeight: 26,
};

const elk = new ELK();

/**
 * Estimated width of `text` at `fontSize` px in the site's sans-serif, erring wide: per-character
 * widths above those of common UI fonts (capitals and digits wider than lowercase, spaces and
 * punctuation narrow), 8 % more for bold.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[A-Z]/.test(ch)) em += ch === 'I' ? 0.36 : /[MW]/.test(ch) ? 0.95 : 0.72;
    else if (/[a-z]/.test(ch)) em += /[il]/.test(ch) ? 0.3 : /[fjrt]/.test(ch) ? 0.4 : /[mw]/.test(ch) ? 0.88 : 0.58;
    else if (/[0-9]/.test(ch)) em += 0.6;
    else if (ch === ' ') em += 0.3;
    else if (/[.,:;'’!|]/.test(ch)) em += 0.32;
    else if (/[-–()/[\]]/.test(ch)) em += 0.4;
    else em += 0.9; // …, ∞, accented and other letters: wide
  }
  return em * fontSize * (bold ? 1.08 : 1);
}

/** Lays out a graph. Throws when an edge names a node that is not in `nodes`, or when an id repeats. */
export async function layoutGraph<N extends LayoutNode, E extends LayoutEdge>(
  nodes: readonly N[],
  edges: readonly E[],
  options: LayoutOptions = {},
): Promise<GraphLayout<N, E>> {
  const o = { ...DEFAULTS, ...options };
  const effort = options.effort ?? (nodes.length > 260 ? 'fast' : 'quality');
  const byId = new Map<string, N>();
  for (const n of nodes) {
    if (byId.has(n.id)) throw new Error(`graph layout: node id "${n.id}" appears twice. Fix: pass each paper once.`);
    byId.set(n.id, n);
  }
  const missing = edges.filter((e) => !byId.has(e.from) || !byId.has(e.to));
  if (missing.length > 0) {
    throw new Error(
      `graph layout: ${missing.length} edge(s) name a node that is not in the graph: ${missing
        .slice(0, 5)
        .map((e) => `${e.from}→${e.to}`)
        .join(', ')}. Fix: pass only relations between the papers drawn.`,
    );
  }
  const top = o.margin + o.axisHeight;
  if (nodes.length === 0)
    return { nodes: [], edges: [], columns: [], breaks: [], separators: [], width: 2 * o.margin, height: top + o.margin };

  const years = [...new Set(nodes.map((n) => n.year))].sort((a, b) => a - b);
  const partition = new Map(years.map((y, i) => [y, i]));
  const order = [...nodes].sort((a, b) => a.year - b.year || cmp(a.id, b.id));
  const pad = 6;
  const sized = new Map(
    order.map((n) => {
      const text = fitLabel(n.label, o.maxLabelChars);
      const width = Math.ceil(pad + 2 * o.radius + 5 + textWidth(text, o.fontSize, n.bold) + pad);
      return [n.id, { text, width }];
    }),
  );
  // An edge runs from the earlier paper to the later one (a relation points back in time).
  const directed = edges.map((e, i) => {
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    const [early, late] = a.year < b.year || (a.year === b.year && cmp(a.id, b.id) > 0) ? [a, b] : [b, a];
    return { i, early: early.id, late: late.id };
  });
  directed.sort((p, q) => cmp(p.early, q.early) || cmp(p.late, q.late) || p.i - q.i);
  if (nodes.length > o.maxLayered) return columnLayout(nodes, edges, order, sized, directed, years, o, pad);

  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.edgeRouting': effort === 'quality' ? 'SPLINES' : 'POLYLINE',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(o.layerGap),
      'elk.spacing.nodeNode': String(o.nodeGap),
      'elk.spacing.edgeNode': '6',
      'elk.spacing.edgeEdge': '4',
      'elk.layered.spacing.edgeNodeBetweenLayers': '10',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '4',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.thoroughness': effort === 'quality' ? '4' : '1',
      'elk.layered.nodePlacement.strategy': effort === 'quality' ? 'BRANDES_KOEPF' : 'SIMPLE',
      'elk.separateConnectedComponents': 'false',
      'elk.randomSeed': '1',
      'elk.padding': `[top=${top},left=${o.margin},bottom=${o.margin},right=${o.margin}]`,
    },
    children: order.map((n) => ({
      id: n.id,
      width: sized.get(n.id)!.width,
      height: o.nodeHeight,
      layoutOptions: { 'elk.partitioning.partition': String(partition.get(n.year)) },
    })),
    edges: directed.map((e) => ({ id: `e${e.i}`, sources: [e.early], targets: [e.late] })),
  };
  const out = await elk.layout(graph);

  const placedById = new Map<string, PlacedNode & N>();
  for (const c of out.children ?? []) {
    const n = byId.get(c.id)!;
    const { text, width } = sized.get(c.id)!;
    const x = round(c.x ?? 0);
    const y = round(c.y ?? 0);
    placedById.set(c.id, {
      ...n,
      x,
      y,
      width,
      height: o.nodeHeight,
      cx: round(x + pad + o.radius),
      cy: round(y + o.nodeHeight / 2),
      tx: round(x + pad + 2 * o.radius + 5),
      ty: round(y + o.nodeHeight / 2 + o.fontSize * 0.36),
      text,
    });
  }
  const placed = nodes.map((n) => placedById.get(n.id)!);

  const routed = new Map<string, ElkExtendedEdge>((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const dirOf = new Array<(typeof directed)[number]>(edges.length);
  for (const d of directed) dirOf[d.i] = d;
  const placedEdges: (PlacedEdge & E)[] = edges.map((e, i) => {
    const d = dirOf[i]!;
    const early = placedById.get(d.early)!;
    const late = placedById.get(d.late)!;
    const section = routed.get(`e${i}`)?.sections?.[0];
    // ELK spreads the ends of a node's edges along its side; keep its ends when it gave them.
    const x1 = round(early.x + early.width);
    const y1 = round(section ? clampTo(section.startPoint.y, early) : early.cy);
    const x2 = round(late.x);
    const y2 = round(section ? clampTo(section.endPoint.y, late) : late.cy);
    const inner = (section?.bendPoints ?? []).map((p) => [p.x, p.y] as const);
    return { ...e, d: pathData([x1, y1], inner, [x2, y2], effort === 'quality'), x1, y1, x2, y2 };
  });

  // Year bands: from the leftmost to the rightmost box of the year.
  const columns: YearColumn[] = years.map((year) => {
    let left = Infinity;
    let right = -Infinity;
    for (const n of placed) {
      if (n.year !== year) continue;
      left = Math.min(left, n.x);
      right = Math.max(right, n.x + n.width);
    }
    return { year, x: round(left), right: round(right), center: round((left + right) / 2) };
  });
  const separators: number[] = [];
  const breaks: GraphLayout['breaks'] = [];
  for (let i = 1; i < columns.length; i++) {
    const mid = round((columns[i - 1]!.right + columns[i]!.x) / 2);
    separators.push(mid);
    if (columns[i]!.year - columns[i - 1]!.year > 1) breaks.push({ from: columns[i - 1]!.year + 1, to: columns[i]!.year - 1, x: mid });
  }
  return {
    nodes: placed,
    edges: placedEdges,
    columns,
    breaks,
    separators,
    width: Math.ceil(out.width ?? 0),
    height: Math.ceil(out.height ?? 0),
  };
}

/**
 * The layout of a graph too large for ELK: one column per year, as wide as its widest label; within
 * a column, papers in the order of the mean y of the earlier papers they relate to (a single
 * barycentre pass, left to right, the first step of a layered layout's crossing reduction), stacked at
 * a fixed pitch. Edges are horizontal S-curves from the earlier box's right side to the later box's
 * left side (a loop to the right within a year).
 */
function columnLayout<N extends LayoutNode, E extends LayoutEdge>(
  nodes: readonly N[],
  edges: readonly E[],
  order: readonly N[],
  sized: Map<string, { text: string; width: number }>,
  directed: { i: number; early: string; late: string }[],
  years: number[],
  o: Required<Omit<LayoutOptions, 'effort'>>,
  pad: number,
): GraphLayout<N, E> {
  const top = o.margin + o.axisHeight;
  const pitch = o.nodeHeight + o.nodeGap;
  const earlier = new Map<string, string[]>();
  for (const d of directed) (earlier.get(d.late) ?? earlier.set(d.late, []).get(d.late)!).push(d.early);
  const yOf = new Map<string, number>();
  const columns: YearColumn[] = [];
  let x = o.margin;
  for (const year of years) {
    const list = order.filter((n) => n.year === year);
    const wanted = (n: N) => {
      const ys = (earlier.get(n.id) ?? []).map((e) => yOf.get(e)).filter((v): v is number => v !== undefined);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Infinity;
    };
    const keyed = list.map((n, k) => ({ n, k, w: wanted(n) }));
    keyed.sort((a, b) => a.w - b.w || a.k - b.k);
    keyed.forEach(({ n }, row) => yOf.set(n.id, top + row * pitch));
    const width = Math.max(...list.map((n) => sized.get(n.id)!.width));
    columns.push({ year, x: round(x), right: round(x + width), center: round(x + width / 2) });
    x += width + o.layerGap;
  }
  const colOf = new Map(columns.map((c) => [c.year, c]));
  const placedById = new Map<string, PlacedNode & N>();
  for (const n of order) {
    const { text, width } = sized.get(n.id)!;
    const bx = colOf.get(n.year)!.x;
    const by = yOf.get(n.id)!;
    placedById.set(n.id, {
      ...n,
      x: bx,
      y: by,
      width,
      height: o.nodeHeight,
      cx: round(bx + pad + o.radius),
      cy: round(by + o.nodeHeight / 2),
      tx: round(bx + pad + 2 * o.radius + 5),
      ty: round(by + o.nodeHeight / 2 + o.fontSize * 0.36),
      text,
    });
  }
  const dirOf = new Array<{ i: number; early: string; late: string }>(edges.length);
  for (const d of directed) dirOf[d.i] = d;
  const placedEdges = edges.map((e, i) => {
    const early = placedById.get(dirOf[i]!.early)!;
    const late = placedById.get(dirOf[i]!.late)!;
    const x1 = round(early.x + early.width);
    const y1 = early.cy;
    if (early.year === late.year) {
      const x2 = round(late.x + late.width);
      const y2 = late.cy;
      const bulge = round(Math.max(x1, x2) + Math.min(o.layerGap - 6, 10 + Math.abs(y2 - y1) / 8));
      return { ...e, d: `M${x1},${y1}C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`, x1, y1, x2, y2 };
    }
    const x2 = late.x;
    const y2 = late.cy;
    const mx = round((x1 + x2) / 2);
    return { ...e, d: `M${x1},${y1}C${mx},${y1} ${mx},${y2} ${x2},${y2}`, x1, y1, x2, y2 };
  });
  const separators: number[] = [];
  const breaks: GraphLayout['breaks'] = [];
  for (let i = 1; i < columns.length; i++) {
    const mid = round((columns[i - 1]!.right + columns[i]!.x) / 2);
    separators.push(mid);
    if (columns[i]!.year - columns[i - 1]!.year > 1) breaks.push({ from: columns[i - 1]!.year + 1, to: columns[i]!.year - 1, x: mid });
  }
  const rows = Math.max(...columns.map((c) => order.filter((n) => n.year === c.year).length));
  return {
    nodes: nodes.map((n) => placedById.get(n.id)!),
    edges: placedEdges,
    columns,
    breaks,
    separators,
    width: Math.ceil(x - o.layerGap + o.margin),
    height: Math.ceil(top + rows * pitch - o.nodeGap + o.margin),
  };
}

/**
 * SVG path data through ELK's route. The end points are moved onto the boxes' sides (ELK's own ends
 * sit on the same sides); with splines, ELK's bend points are the control points of cubic Béziers
 * (three per segment), otherwise the path is a polyline with its corners rounded by quadratic curves.
 */
function pathData(
  start: readonly [number, number],
  inner: readonly (readonly [number, number])[],
  end: readonly [number, number],
  splines: boolean,
): string {
  const f = (p: readonly [number, number]) => `${round(p[0])},${round(p[1])}`;
  if (inner.length === 0) {
    // A straight neighbour: a gentle horizontal S-curve reads better than a diagonal.
    const mx = (start[0] + end[0]) / 2;
    return `M${f(start)}C${f([mx, start[1]])} ${f([mx, end[1]])} ${f(end)}`;
  }
  if (splines && inner.length % 3 === 2) {
    // Long edges pass ELK's dummy nodes in straight horizontal runs; a Bézier whose control points lie
    // on its chord's level is drawn as one line, and consecutive lines on one level are merged.
    const pts = [...inner, end];
    let d = `M${f(start)}`;
    let at: readonly [number, number] = start;
    let run: readonly [number, number] | undefined;
    for (let i = 0; i + 2 < pts.length; i += 3) {
      const [c1, c2, to] = [pts[i]!, pts[i + 1]!, pts[i + 2]!];
      const level = Math.abs(at[1] - to[1]) < 0.6 && Math.abs(c1[1] - at[1]) < 0.6 && Math.abs(c2[1] - at[1]) < 0.6;
      if (level) run = to;
      else {
        if (run) d += `L${f(run)}`;
        run = undefined;
        d += `C${f(c1)} ${f(c2)} ${f(to)}`;
      }
      at = to;
    }
    if (run) d += `L${f(run)}`;
    return d;
  }
  const pts = [start, ...inner, end];
  let d = `M${f(start)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i]!;
    const a = pts[i - 1]!;
    const b = pts[i + 1]!;
    const into: [number, number] = [(a[0] + p[0]) / 2, (a[1] + p[1]) / 2];
    const out: [number, number] = [(p[0] + b[0]) / 2, (p[1] + b[1]) / 2];
    d += `L${f(into)}Q${f(p)} ${f(out)}`;
  }
  return `${d}L${f(end)}`;
}

/**
 * Cuts a label to at most `maxChars` characters at a word boundary (a space, hyphen or slash) and
 * marks the cut with "…". A label is never cut inside a word: what is drawn must be whole words of
 * the node's accessible name (WCAG 2.5.3, axe's label-content-name-mismatch). When the first word
 * alone is too long it is kept whole, with "…" if more follows.
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

/** True when two boxes overlap (touching edges do not count). */
export function boxesOverlap(
  a: Pick<PlacedNode, 'x' | 'y' | 'width' | 'height'>,
  b: Pick<PlacedNode, 'x' | 'y' | 'width' | 'height'>,
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A y on a box's side: within its height, 3 px in from the corners. */
function clampTo(y: number, box: { y: number; height: number }): number {
  return Math.min(box.y + box.height - 3, Math.max(box.y + 3, y));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
