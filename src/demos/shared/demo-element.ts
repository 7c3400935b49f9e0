/**
 * The base class of every demo's custom element (browser only).
 *
 * A demo element wraps the markup its Astro component rendered at build time. On connect it
 * listens to its controls (any element with `data-field`), and on every change it calls the
 * subclass's update() inside recompute(), which catches every error (a ShapeError or ArgumentError
 * from src/compute shows its message; nothing reaches the console) and returns the elapsed ms.
 *
 * The build-time markup is what update() draws for the default inputs, so on connect nothing is
 * recomputed or redrawn while every control still holds its default (a reload that restored other
 * values recomputes at once). Computing a demo's figure can take longer than a frame on a phone, and
 * doing it during page load only blocked the main thread to redraw what was already there. The state
 * a subclass keeps from update() (for describeCell, a stepper's position, …) is computed, without
 * redrawing, on the reader's first interaction with the demo (pointer, focus, key, click, input or a
 * <details> toggle), before any handler of that event runs.
 *
 * Conventions the markup follows (src/demos/shared/Field.astro and DemoFrame.astro produce them):
 * - controls: `[data-field="name"]`, with a message line `[data-msg-for="name"]` and, for ranges,
 *   `output[data-value-for="name"]`;
 * - live parts: `[data-part="name"]`, whose innerHTML update() replaces using the shared builders;
 * - `[data-live]`: the aria-live summary sentence; `[data-error]`: the error line (role="alert");
 * - heatmaps (`[data-grid]` tables and SVGs, see heatmap.ts) are keyboard navigable here, and the
 *   term behind the current cell is written to `[data-detail-for="<matrix key>"]`.
 */
import { ArgumentError, ShapeError } from '../../compute/index.ts';
import { formatNumber } from './format.ts';
import { parseNumberField, parseVectorField, type NumberRule, type Parsed, type VectorRule } from './input.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A selector that finds the "same" focusable element in freshly rendered markup, or null. */
function focusSelector(el: Element): string | null {
  const matrix = el.closest('[data-matrix]')?.getAttribute('data-matrix');
  if (el instanceof HTMLTableCellElement && matrix && el.dataset['i'] !== undefined) {
    return `[data-matrix="${matrix}"] td[data-i="${el.dataset['i']}"][data-j="${el.dataset['j']}"]`;
  }
  if (el instanceof SVGSVGElement && matrix) return `svg[data-matrix="${matrix}"]`;
  const table = el.closest('details[data-table-for]')?.getAttribute('data-table-for');
  if (el.tagName === 'SUMMARY' && table) return `details[data-table-for="${table}"] > summary`;
  return el.id ? `#${CSS.escape(el.id)}` : null;
}

/** Events that mean the reader has started using a demo: its update() state is needed from then on. */
const HYDRATE_ON = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'click', 'input', 'change', 'toggle'] as const;

/** How long after load drawDeferredBlocks starts. */
const DRAW_DEFERRED_AFTER_MS = 4000;

/**
 * The blocks of a concept page with demos (`.prose--deferred`, see global.css) are laid out only
 * when they near the viewport, which keeps the first layout of a page of formulas and figures short.
 * Once the page has loaded and a few seconds have passed, they are drawn one per idle period, so that
 * nothing grows later under the reader's scroll position or keyboard focus.
 */
function drawDeferredBlocks(): void {
  const blocks = [...document.querySelectorAll<HTMLElement>('.prose--deferred > :not(.is-drawn)')];
  const idle = (f: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(f) : setTimeout(f, 50));
  const step = () => {
    blocks.shift()?.classList.add('is-drawn');
    if (blocks.length) idle(step);
  };
  // A few seconds after load, when the first screen has been read and the page is idle; one block
  // per idle period, so no drawing of a long figure lands in the same frame as another.
  setTimeout(() => idle(step), DRAW_DEFERRED_AFTER_MS);
}
let deferredScheduled = false;

/** Registers a custom element once (a page may embed the same demo twice), and schedules drawDeferredBlocks. */
export function defineDemo(tag: string, ctor: CustomElementConstructor): void {
  if (!deferredScheduled) {
    deferredScheduled = true;
    if (document.readyState === 'complete') drawDeferredBlocks();
    else addEventListener('load', drawDeferredBlocks, { once: true });
  }
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

export abstract class DemoElement extends HTMLElement {
  /** Last good value of each numeric or vector control. */
  protected readonly lastGood = new Map<string, unknown>();
  /** Fields whose shown text should be replaced by the value actually used, on the next change event. */
  private readonly toNormalise = new Map<string, string>();
  /** Keys of the <details> tables the reader has opened (see TableMode in heatmap.ts). */
  protected readonly openTables = new Set<string>();
  private frame = 0;
  /** Work waiting for the next recompute (see schedule). */
  private afterFrame: (() => void)[] = [];
  private wired = false;
  /** Whether update() has yet to run: the markup is still the build-time figure of the defaults. */
  private pristine = false;
  /** While true, render() leaves the markup alone (see hydrate). */
  private quiet = false;

  /** Recomputes from the controls and redraws the live parts; throws freely (recompute catches). */
  protected abstract update(): void;

  /** The equation term behind cell (i, j) of a heatmap, for the detail line. */
  protected describeCell(matrix: string, i: number, j: number): string {
    const cell = this.querySelector<HTMLElement>(`[data-matrix="${matrix}"] td[data-i="${i}"][data-j="${j}"]`);
    return cell ? `Row ${i + 1}, column ${j + 1}: ${cell.textContent ?? ''}` : '';
  }

  connectedCallback(): void {
    if (this.wired) return;
    this.wired = true;
    // Registered first and in the capture phase, so it runs before every other handler of the event.
    for (const type of HYDRATE_ON) this.addEventListener(type, () => this.hydrate(), { capture: true });
    this.addEventListener('input', (e) => {
      if (this.isField(e.target)) this.schedule();
    });
    this.addEventListener('change', (e) => {
      const target = e.target;
      if (!this.isField(target)) return;
      // A text field's change fires while focus is leaving it. Redrawing now would replace the
      // element that is about to receive focus (a table's <summary>, a heatmap cell) and drop focus
      // to <body>; in the next frame focus has landed, and render() moves it to the new markup.
      this.schedule(() => this.normalise(target));
    });
    this.addEventListener('keydown', (e) => this.onKeydown(e));
    this.addEventListener('focusin', (e) => this.onCellFocus(e.target));
    this.addEventListener('pointerover', (e) => this.onCellFocus(e.target));
    this.addEventListener('pointermove', (e) => this.onSvgPointer(e));
    // 'toggle' does not bubble, so listen in the capture phase.
    this.addEventListener(
      'toggle',
      (e) => {
        const d = e.target;
        if (!(d instanceof HTMLDetailsElement)) return;
        const key = d.dataset['tableFor'];
        if (key === undefined) return;
        if (d.open && !this.openTables.has(key)) {
          this.openTables.add(key);
          this.recompute();
        } else if (!d.open) this.openTables.delete(key);
      },
      true,
    );
    if (this.atDefaults()) this.pristine = true;
    else this.recompute();
  }

  /** Whether every control holds the value the page was built with (its default). */
  private atDefaults(): boolean {
    for (const el of this.querySelectorAll<Control>('[data-field]')) {
      if (el instanceof HTMLSelectElement) {
        const options = [...el.options];
        const initial = options.find((o) => o.defaultSelected) ?? options[0];
        if (options.some((o) => o.selected !== (o === initial))) return false;
      } else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        if (el.checked !== el.defaultChecked) return false;
      } else if (el.value !== el.defaultValue) return false;
    }
    return true;
  }

  /**
   * Runs update() once without touching the markup, for the state a subclass keeps (the markup is
   * already the build-time figure of the same inputs). Does nothing once update() has run.
   */
  protected hydrate(): void {
    if (!this.pristine) return;
    this.pristine = false;
    this.quiet = true;
    try {
      this.update();
    } catch {
      // The defaults compute (the build drew them); should they not, the next recompute shows why.
    } finally {
      this.quiet = false;
    }
  }

  /**
   * Reads every control, recomputes with src/compute and redraws. Returns the elapsed time in ms,
   * including the forced style and layout of the new markup (what one frame has to pay).
   */
  recompute(): number {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    this.pristine = false;
    const t0 = performance.now();
    const error = this.querySelector<HTMLElement>('[data-error]');
    try {
      this.update();
      if (error && error.textContent !== '') error.textContent = '';
    } catch (e) {
      const text =
        e instanceof ShapeError || e instanceof ArgumentError
          ? e.message
          : e instanceof Error
            ? `Could not compute: ${e.message}`
            : 'Could not compute these inputs.';
      if (error) error.textContent = `${text} The figure shows the last inputs that worked.`;
    }
    void this.getBoundingClientRect().height; // force layout inside the measurement
    const elapsed = performance.now() - t0;
    const after = this.afterFrame;
    this.afterFrame = [];
    for (const f of after) f();
    return elapsed;
  }

  /**
   * Coalesces bursts of input events into one recompute per animation frame; `after` runs once that
   * recompute is done.
   */
  protected schedule(after?: () => void): void {
    if (after) this.afterFrame.push(after);
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.recompute();
    });
  }

  private isField(t: EventTarget | null): t is Control {
    return t instanceof HTMLElement && t.hasAttribute('data-field');
  }

  /** The control named `name`. */
  protected control(name: string): Control {
    const el = this.querySelector<Control>(`[data-field="${name}"]`);
    if (!el) throw new Error(`control ${name} is missing`);
    return el;
  }

  /** Shows (or clears) the message next to a control. */
  protected message(name: string, text: string): void {
    const el = this.querySelector<HTMLElement>(`[data-msg-for="${name}"]`);
    if (el && el.textContent !== text) el.textContent = text;
    const input = this.querySelector<HTMLElement>(`[data-field="${name}"]`);
    if (input) {
      if (text === '') input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
    }
  }

  private remember<T>(name: string, parsed: Parsed<T>, shown: string): T {
    this.message(name, parsed.message);
    this.lastGood.set(name, parsed.value);
    if (parsed.status === 'ok') this.toNormalise.delete(name);
    else this.toNormalise.set(name, shown);
    return parsed.value;
  }

  /** Reads a numeric control with its bounds; bad input shows a message and keeps the last good value. */
  protected number(name: string, rule: NumberRule, digits = 2): number {
    const input = this.control(name);
    const last =
      (this.lastGood.get(name) as number | undefined) ?? Number(input instanceof HTMLSelectElement ? input.value : input.defaultValue);
    const parsed = parseNumberField(input.value, rule, Number.isFinite(last) ? last : rule.min);
    const shown = rule.integer || rule.even ? String(parsed.value) : String(Math.round(parsed.value * 1e6) / 1e6);
    const value = this.remember(name, parsed, shown);
    const out = this.querySelector<HTMLOutputElement>(`output[data-value-for="${name}"]`);
    if (out) {
      const text = rule.integer || rule.even ? String(value) : formatNumber(value, digits);
      if (out.textContent !== text) out.textContent = text;
    }
    return value;
  }

  /** Reads a vector typed as a list of numbers. */
  protected vector(name: string, rule: VectorRule): number[] {
    const input = this.control(name);
    const last = (this.lastGood.get(name) as number[] | undefined) ?? [];
    const parsed = parseVectorField(input.value, rule, last);
    return this.remember(name, parsed, parsed.value.join(', '));
  }

  /** Reads any parsed text control (e.g. a tokenised sentence) through `parse`. */
  protected parsed<T>(name: string, parse: (raw: string, last: T | undefined) => Parsed<T>): T {
    const input = this.control(name);
    const parsed = parse(input.value, this.lastGood.get(name) as T | undefined);
    this.message(name, parsed.message);
    this.lastGood.set(name, parsed.value);
    return parsed.value;
  }

  /** The mode of each <details> table for the next redraw: open ones are drawn, closed ones left empty. */
  protected readonly tableModes = (key: string): 'open' | 'closed' => (this.openTables.has(key) ? 'open' : 'closed');

  /** The value of a select (or any control) as a string. */
  protected choice(name: string): string {
    return this.control(name).value;
  }

  /** Whether a checkbox is checked. */
  protected checked(name: string): boolean {
    const el = this.control(name);
    return el instanceof HTMLInputElement && el.checked;
  }

  /**
   * Replaces the markup of a live part with freshly built markup (always redrawn, so timings are
   * honest). If focus was inside the part (a heatmap cell, a heatmap, a table's <summary>, or any
   * element with an id), the same element of the new markup gets it back.
   */
  protected render(part: string, html: string): void {
    if (this.quiet) return;
    const el = this.querySelector<HTMLElement>(`[data-part="${part}"]`);
    if (!el) return;
    const active = document.activeElement;
    const selector = active instanceof Element && el.contains(active) ? focusSelector(active) : null;
    el.innerHTML = html;
    if (!selector) return;
    const again = el.querySelector<HTMLElement | SVGElement>(selector);
    if (again instanceof HTMLTableCellElement) {
      again
        .closest('table')
        ?.querySelectorAll<HTMLElement>('td[tabindex="0"]')
        .forEach((td) => (td.tabIndex = -1));
      again.tabIndex = 0;
    }
    again?.focus();
  }

  /** Sets the aria-live summary (only when it changed, so nothing is re-announced). */
  protected announce(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-live]');
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** Sets one part of a multi-part summary (`<span data-live-part>`); only that part is re-announced. */
  protected announcePart(part: string, text: string): void {
    const el = this.querySelector<HTMLElement>(`[data-live] [data-live-part="${part}"]`);
    if (el && el.textContent !== text) el.textContent = text;
  }

  private normalise(target: Control): void {
    const name = target.getAttribute('data-field') ?? '';
    const shown = this.toNormalise.get(name);
    if (shown !== undefined && target instanceof HTMLInputElement && target.type !== 'range') target.value = shown;
    this.toNormalise.delete(name);
  }

  /** Arrow keys: step text fields marked data-step, and move around heatmap grids. */
  private onKeydown(e: KeyboardEvent): void {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.dataset['step'] && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const step = Number(t.dataset['step']) * (e.shiftKey ? 10 : 1);
      const current = Number(t.value.replace(/\u2212/g, '-'));
      if (!Number.isFinite(current)) return;
      const decimals = (t.dataset['step'].split('.')[1] ?? '').length;
      t.value = (current + (e.key === 'ArrowUp' ? step : -step)).toFixed(decimals);
      e.preventDefault();
      this.recompute();
      this.normalise(t);
      return;
    }
    const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (t instanceof HTMLTableCellElement && t.closest('[data-grid]')) {
      const table = t.closest('table')!;
      let i = Number(t.dataset['i']);
      let j = Number(t.dataset['j']);
      const d = delta[e.key];
      if (d) {
        i += d[0];
        j += d[1];
      } else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = Number.MAX_SAFE_INTEGER;
      else return;
      const rows = table.tBodies[0]?.rows.length ?? 0;
      const cols = (table.tBodies[0]?.rows[0]?.cells.length ?? 1) - 1;
      i = Math.max(0, Math.min(rows - 1, i));
      j = Math.max(0, Math.min(cols - 1, j));
      const next = table.querySelector<HTMLElement>(`td[data-i="${i}"][data-j="${j}"]`);
      if (next) {
        e.preventDefault();
        t.tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
      }
      return;
    }
    if (t instanceof SVGSVGElement && t.hasAttribute('data-grid')) {
      const d = delta[e.key];
      if (!d && e.key !== 'Home' && e.key !== 'End') return;
      e.preventDefault();
      const rows = Number(t.dataset['rows']);
      const cols = Number(t.dataset['cols']);
      let i = Number(t.dataset['ci'] ?? 0);
      let j = Number(t.dataset['cj'] ?? 0);
      if (d) {
        i += d[0];
        j += d[1];
      } else j = e.key === 'Home' ? 0 : cols - 1;
      this.moveSvgCursor(t, Math.max(0, Math.min(rows - 1, i)), Math.max(0, Math.min(cols - 1, j)));
    }
  }

  private moveSvgCursor(svg: SVGSVGElement, i: number, j: number): void {
    svg.dataset['ci'] = String(i);
    svg.dataset['cj'] = String(j);
    const cell = Number(svg.dataset['cell']);
    const cursor = svg.querySelector('.hm-cursor');
    if (cursor) {
      cursor.setAttribute('x', String(Number(svg.dataset['left']) + j * cell));
      cursor.setAttribute('y', String(Number(svg.dataset['top']) + i * cell));
      cursor.setAttribute('visibility', 'visible');
    }
    this.showDetail(svg.dataset['matrix'] ?? '', i, j);
  }

  private onCellFocus(t: EventTarget | null): void {
    if (t instanceof HTMLTableCellElement && t.dataset['i'] !== undefined) {
      const key = t.closest<HTMLElement>('[data-matrix]')?.dataset['matrix'];
      if (key) this.showDetail(key, Number(t.dataset['i']), Number(t.dataset['j']));
    } else if (t instanceof SVGSVGElement && t.hasAttribute('data-grid')) {
      this.moveSvgCursor(t, Number(t.dataset['ci'] ?? 0), Number(t.dataset['cj'] ?? 0));
    }
  }

  private onSvgPointer(e: PointerEvent): void {
    const svg = e.target instanceof Element ? e.target.closest<SVGSVGElement>('svg[data-grid]') : null;
    if (!svg) return;
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const cell = Number(svg.dataset['cell']);
    const i = Math.floor((p.y - Number(svg.dataset['top'])) / cell);
    const j = Math.floor((p.x - Number(svg.dataset['left'])) / cell);
    if (i >= 0 && j >= 0 && i < Number(svg.dataset['rows']) && j < Number(svg.dataset['cols'])) this.moveSvgCursor(svg, i, j);
  }

  private showDetail(matrix: string, i: number, j: number): void {
    const line = this.querySelector<HTMLElement>(`[data-detail-for="${matrix}"], [data-detail-also="${matrix}"]`);
    if (!line) return;
    let text: string;
    try {
      text = this.describeCell(matrix, i, j);
    } catch {
      text = '';
    }
    if (text && line.textContent !== text) line.textContent = text;
  }
}
