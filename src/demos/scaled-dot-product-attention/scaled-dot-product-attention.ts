/**
 * <atlas-scaled-dot-product-attention>: the live attention playground. Coordinates live in the x/y fields
 * (the single source of truth); dragging a point or moving it with the arrow keys writes the fields
 * and recomputes. The plane is updated in place (never re-rendered), so a dragged or focused handle
 * keeps its pointer capture and focus.
 */
import { handleValueText, vectorGeometry } from '../shared/chart.ts';
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { px } from '../shared/html.ts';
import {
  DEFAULTS,
  EXTENT,
  TEMPERATURE,
  computePlayground,
  numbersTable,
  planeDescription,
  summary,
  type PlaygroundResult,
  type PlaygroundState,
} from './view.ts';

const KEYS = ['q', ...DEFAULTS.keys.map((_k, j) => `k${j + 1}`)];

class ScaledDotProductAttention extends DemoElement {
  private dragging: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const plane = this.querySelector<SVGSVGElement>('svg[data-plane]');
    if (!plane) return;
    plane.addEventListener('pointerdown', (e) => {
      const handle = (e.target as Element).closest<SVGElement>('[data-handle]');
      if (!handle) return;
      this.dragging = handle.getAttribute('data-handle');
      handle.setPointerCapture(e.pointerId);
      handle.focus();
      e.preventDefault();
    });
    plane.addEventListener('pointermove', (e) => {
      if (!this.dragging) return;
      const ctm = plane.getScreenCTM();
      if (!ctm) return;
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
      const size = Number(plane.dataset['size']);
      const unit = (size / 2 - 14) / EXTENT;
      this.place(this.dragging, (p.x - size / 2) / unit, (size / 2 - p.y) / unit, 0.05);
    });
    const stop = (): void => {
      this.dragging = null;
    };
    plane.addEventListener('pointerup', stop);
    plane.addEventListener('pointercancel', stop);
    plane.addEventListener('keydown', (e) => {
      const key = (e.target as Element).getAttribute('data-handle');
      if (!key) return;
      const step = e.shiftKey ? 0.5 : 0.1;
      const d: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const move = d[e.key];
      if (!move) return;
      e.preventDefault();
      const [x, y] = this.coords(key);
      this.place(key, x + move[0], y + move[1], 0.1);
    });
  }

  /** The current coordinates of a vector, from its fields. */
  private coords(key: string): [number, number] {
    const rule = { label: 'x', min: -EXTENT, max: EXTENT };
    return [this.number(`${key}x`, { ...rule, label: `${key} x` }), this.number(`${key}y`, { ...rule, label: `${key} y` })];
  }

  /** Moves a vector to (x, y), clamped to the plane and rounded to `grid`, then recomputes. */
  private place(key: string, x: number, y: number, grid: number): void {
    const snap = (v: number): number => Math.max(-EXTENT, Math.min(EXTENT, Math.round(v / grid) * grid));
    (this.control(`${key}x`) as HTMLInputElement).value = String(Number(snap(x).toFixed(2)));
    (this.control(`${key}y`) as HTMLInputElement).value = String(Number(snap(y).toFixed(2)));
    this.recompute();
  }

  private readState(): PlaygroundState {
    const temperature = this.number('temperature', { label: 'Temperature', ...TEMPERATURE });
    const [q, ...keys] = KEYS.map((k) => this.coords(k));
    return { q: q!, keys, temperature };
  }

  protected update(): void {
    const state = this.readState();
    const result = computePlayground(state);
    this.updatePlane(state, result);
    this.render('numbers', numbersTable(state, result));
    this.announce(summary(state, result));
  }

  /** Moves lines, arrowheads, labels and handles in place (same geometry as the build-time SVG). */
  private updatePlane(state: PlaygroundState, r: PlaygroundResult): void {
    const plane = this.querySelector<SVGSVGElement>('svg[data-plane]');
    if (!plane) return;
    const size = Number(plane.dataset['size']);
    const desc = plane.querySelector('desc');
    const text = planeDescription(state, r);
    if (desc && desc.textContent !== text) desc.textContent = text;
    const points: Record<string, readonly [number, number]> = { q: state.q, o: r.output };
    state.keys.forEach((k, j) => (points[`k${j + 1}`] = k));
    for (const [key, [x, y]] of Object.entries(points)) {
      const g = plane.querySelector<SVGGElement>(`[data-vec="${key}"]`);
      if (!g) continue;
      const geo = vectorGeometry(x, y, EXTENT, size);
      g.querySelector('.vec-line')?.setAttribute('x2', px(geo.x2));
      g.querySelector('.vec-line')?.setAttribute('y2', px(geo.y2));
      g.querySelector('.vec-head')?.setAttribute('points', geo.head);
      g.querySelector('.vec-label')?.setAttribute('x', px(geo.lx));
      g.querySelector('.vec-label')?.setAttribute('y', px(geo.ly));
      const handle = g.querySelector('.vec-handle');
      if (handle) {
        handle.setAttribute('cx', px(geo.x2));
        handle.setAttribute('cy', px(geo.y2));
        handle.setAttribute('aria-valuenow', String(Math.round(x * 100) / 100));
        handle.setAttribute('aria-valuetext', handleValueText(x, y));
      }
      const j = key.startsWith('k') ? Number(key.slice(1)) - 1 : -1;
      if (j >= 0) g.style.setProperty('--w', String(Math.round((r.weights[j] ?? 0) * 1000) / 1000));
    }
  }
}

defineDemo('atlas-scaled-dot-product-attention', ScaledDotProductAttention);
