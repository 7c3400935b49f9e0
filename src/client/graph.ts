/**
 * The overview's interactivity (/graph/all/), on top of the static SVG laid out at build time:
 * - pan and zoom with the pointer (drag, ctrl/⌘ + wheel or pinch), the wheel (pans) and the keyboard
 *   (arrow keys pan, + and − zoom, 0 fits), applied as one CSS transform per animation frame;
 * - filters by topic and relation type (checkboxes; "Show one topic", or ?topic=<id>, keeps one
 *   topic's papers and the relations among them), and a paper whose ancestors and descendants are
 *   highlighted (a select, or ?focus=<id>);
 * - the note of the relation under the pointer or keyboard focus, shown below the graph.
 *
 * Nothing here lays anything out: filtering toggles classes and zooming changes one transform, so the
 * page stays smooth with a thousand nodes.
 */
import { ancestors, descendants, type Relation } from '../lib/lineage.ts';
import type { RelationType } from '../schema/taxonomy.ts';

interface View {
  x: number;
  y: number;
  k: number;
}

const MIN_K = 0.2;
const MAX_K = 3;

export function mountGraph(root: ParentNode = document): void {
  const viewport = root.querySelector<HTMLElement>('[data-graph-viewport]');
  const svg = viewport?.querySelector<SVGSVGElement>('svg[data-lg-svg]');
  const controls = root.querySelector<HTMLElement>('[data-graph-controls]');
  if (!viewport || !svg || !controls) return;
  const status = controls.querySelector<HTMLElement>('[data-graph-status]');
  const note = root.querySelector<HTMLElement>('[data-graph-note]');
  const width = svg.viewBox.baseVal.width;
  const height = svg.viewBox.baseVal.height;
  const nodes = [...svg.querySelectorAll<SVGAElement>('.lg-node')];
  const edges = [...svg.querySelectorAll<SVGElement>('.lg-edge')];
  const nodeById = new Map(nodes.map((n) => [n.dataset['id']!, n]));
  const relations: Relation[] = edges.map((e) => ({
    from: e.dataset['from']!,
    to: e.dataset['to']!,
    type: e.dataset['type'] as RelationType,
    note: '',
  }));

  // ---- pan and zoom -------------------------------------------------------------------------
  viewport.classList.add('is-live');
  let view: View = { x: 0, y: 0, k: 1 };
  let frame = 0;
  const apply = () => {
    frame = 0;
    svg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.k})`;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(apply);
  };
  const clamp = (v: View): View => {
    const k = Math.min(MAX_K, Math.max(MIN_K, v.k));
    const vw = viewport.clientWidth;
    const vh = viewport.clientHeight;
    // Keep at least a quarter of the viewport covered by the drawing.
    const minX = Math.min(0, vw * 0.75 - width * k);
    const minY = Math.min(0, vh * 0.75 - height * k);
    return { k, x: Math.min(vw * 0.25, Math.max(minX, v.x)), y: Math.min(vh * 0.25, Math.max(minY, v.y)) };
  };
  const set = (v: View) => {
    view = clamp(v);
    schedule();
  };
  const zoomAt = (factor: number, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2) => {
    const k = Math.min(MAX_K, Math.max(MIN_K, view.k * factor));
    const f = k / view.k;
    set({ k, x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f });
  };
  const fit = () => {
    const k = Math.min(1, viewport.clientWidth / width, Math.max(0.35, viewport.clientHeight / height));
    const fitted = Math.max(k, 0.35);
    // When the whole width does not fit, show the most recent years (right edge) first.
    set({ k: fitted, x: Math.min(0, viewport.clientWidth - width * fitted), y: 0 });
  };
  const fitWidth = () => set({ k: Math.min(1, viewport.clientWidth / width), x: 0, y: 0 });
  fit();
  apply();

  let drag: { id: number; x: number; y: number; vx: number; vy: number; moved: boolean } | undefined;
  const pointers = new Map<number, { x: number; y: number }>();
  let pinch: { d: number; k: number } | undefined;
  viewport.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = { d: Math.hypot(a!.x - b!.x, a!.y - b!.y), k: view.k };
      drag = undefined;
      return;
    }
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
  });
  viewport.addEventListener('pointermove', (e) => {
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const rect = viewport.getBoundingClientRect();
      const d = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      zoomAt((pinch.k * d) / pinch.d / view.k, (a!.x + b!.x) / 2 - rect.left, (a!.y + b!.y) / 2 - rect.top);
      return;
    }
    if (!drag || drag.id !== e.pointerId) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      viewport.setPointerCapture(e.pointerId);
      viewport.classList.add('is-dragging');
    }
    set({ k: view.k, x: drag.vx + dx, y: drag.vy + dy });
  });
  const end = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = undefined;
    if (drag?.id === e.pointerId) {
      viewport.classList.remove('is-dragging');
      if (drag.moved) {
        // A drag that ends on a link must not follow it.
        const stop = (c: Event) => {
          c.preventDefault();
          c.stopPropagation();
        };
        viewport.addEventListener('click', stop, { capture: true, once: true });
        setTimeout(() => viewport.removeEventListener('click', stop, { capture: true }), 0);
      }
      drag = undefined;
    }
  };
  viewport.addEventListener('pointerup', end);
  viewport.addEventListener('pointercancel', end);
  viewport.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const rect = viewport.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) zoomAt(Math.exp(-e.deltaY * 0.01), e.clientX - rect.left, e.clientY - rect.top);
      else set({ k: view.k, x: view.x - e.deltaX, y: view.y - e.deltaY });
    },
    { passive: false },
  );
  viewport.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.shiftKey ? 200 : 60;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) set({ k: view.k, x: view.x + move[0], y: view.y + move[1] });
    else if (e.key === '+' || e.key === '=') zoomAt(1.25);
    else if (e.key === '-' || e.key === '_') zoomAt(0.8);
    else if (e.key === '0') fitWidth();
    else return;
    e.preventDefault();
  });
  // Keep whatever gets keyboard focus inside the drawing in view.
  svg.addEventListener('focusin', (e) => {
    const el = e.target as SVGGraphicsElement;
    if (typeof el.getBBox !== 'function') return;
    const box = el.getBBox();
    const vw = viewport.clientWidth;
    const vh = viewport.clientHeight;
    const left = view.x + box.x * view.k;
    const top = view.y + box.y * view.k;
    const right = left + box.width * view.k;
    const bottom = top + box.height * view.k;
    let { x, y } = view;
    if (left < 16 || right > vw - 16) x = view.x + (vw / 2 - (left + right) / 2);
    if (top < 16 || bottom > vh - 16) y = view.y + (vh / 2 - (top + bottom) / 2);
    if (x !== view.x || y !== view.y) set({ k: view.k, x, y });
  });
  controls.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button[data-zoom]');
    if (!b) return;
    const z = b.dataset['zoom'];
    if (z === 'in') zoomAt(1.25);
    else if (z === 'out') zoomAt(0.8);
    else fitWidth();
  });
  addEventListener('resize', () => set(view));

  // ---- filters and highlighting ---------------------------------------------------------------
  const checked = (name: string) =>
    new Set([...controls.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value));
  const focusSelect = controls.querySelector<HTMLSelectElement>('select[name="focus"]');
  const update = () => {
    const topics = checked('topic');
    const types = checked('type');
    const focus = focusSelect?.value ?? '';
    const up = focus ? ancestors(relations, focus) : new Set<string>();
    const down = focus ? descendants(relations, focus) : new Set<string>();
    const visible = new Set<string>();
    for (const n of nodes) {
      const id = n.dataset['id']!;
      if (id === focus || (n.dataset['topics'] ?? '').split(' ').some((t) => topics.has(t))) visible.add(id);
    }
    // Nothing to show: hide the two groups with one class and leave each element's classes as they
    // are, instead of restyling every paper and relation (the "No topics" button on a large graph).
    const empty = visible.size === 0;
    svg.classList.toggle('is-empty', empty);
    if (empty) {
      if (status) status.textContent = `0 of ${nodes.length} papers and 0 of ${edges.length} relations shown.`;
      return;
    }
    let shownNodes = 0;
    for (const n of nodes) {
      const id = n.dataset['id']!;
      const show = visible.has(id);
      n.classList.toggle('is-hidden', !show);
      n.classList.toggle('is-focus', id === focus);
      n.classList.toggle('is-ancestor', up.has(id));
      n.classList.toggle('is-descendant', down.has(id));
      if (show) shownNodes++;
    }
    let shownEdges = 0;
    const inUp = (id: string) => id === focus || up.has(id);
    const inDown = (id: string) => id === focus || down.has(id);
    for (const e of edges) {
      const from = e.dataset['from']!;
      const to = e.dataset['to']!;
      const show = types.has(e.dataset['type']!) && visible.has(from) && visible.has(to);
      e.classList.toggle('is-hidden', !show);
      e.classList.toggle('is-lit', Boolean(focus) && ((inUp(from) && inUp(to)) || (inDown(from) && inDown(to))));
      if (show) shownEdges++;
    }
    svg.classList.toggle('has-focus', Boolean(focus));
    if (status) {
      const lineage = focus
        ? ` · ${up.size} ancestor${up.size === 1 ? '' : 's'}, ${down.size} descendant${down.size === 1 ? '' : 's'} of ${nodeById.get(focus)?.textContent?.trim() ?? focus}`
        : '';
      status.textContent = `${shownNodes} of ${nodes.length} papers and ${shownEdges} of ${edges.length} relations shown${lineage}.`;
    }
  };
  const topicOnly = controls.querySelector<HTMLSelectElement>('select[name="topic-only"]');
  const showOnly = (topic: string) => {
    for (const i of controls.querySelectorAll<HTMLInputElement>('input[name="topic"]')) i.checked = !topic || i.value === topic;
  };
  controls.addEventListener('change', (e) => {
    if (topicOnly && e.target === topicOnly) showOnly(topicOnly.value);
    update();
  });
  controls.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button[data-check]');
    if (!b) return;
    const [name, value] = b.dataset['check']!.split(':');
    for (const i of controls.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) i.checked = value === 'all';
    if (name === 'topic' && topicOnly) topicOnly.value = '';
    update();
  });
  const params = new URLSearchParams(location.search);
  const topic = params.get('topic');
  if (topic && topicOnly && [...topicOnly.options].some((o) => o.value === topic)) {
    topicOnly.value = topic;
    showOnly(topic);
  }
  const wanted = params.get('focus');
  if (wanted && focusSelect && nodeById.has(wanted)) {
    focusSelect.value = wanted;
    const n = nodeById.get(wanted)!;
    const cx = Number(n.querySelector('circle')?.getAttribute('cx') ?? 0);
    const cy = Number(n.querySelector('circle')?.getAttribute('cy') ?? 0);
    set({ k: 1, x: viewport.clientWidth / 2 - cx, y: viewport.clientHeight / 2 - cy });
  }
  update();

  // ---- the note of the relation under the pointer or focus -------------------------------------
  if (note) {
    const show = (e: Event) => {
      const edge = (e.target as Element).closest?.('.lg-edge');
      if (!edge) return;
      note.textContent = edge.querySelector('title')?.textContent ?? '';
      note.hidden = false;
    };
    svg.addEventListener('pointerover', show);
    svg.addEventListener('focusin', show);
  }
}
