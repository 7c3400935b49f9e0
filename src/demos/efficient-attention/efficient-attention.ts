/** <atlas-efficient-attention>: the live efficient-attention demo (see view.ts for the math). */
import {
  flashAttention,
  linearAttention,
  linformerAttention,
  linformerPooling,
  performerAttention,
  randomProjection,
  scaledDotProductAttention,
  type AttentionMethod,
  type Matrix,
} from '../../compute/index.ts';
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { formatNumber } from '../shared/format.ts';
import { randomMatrix } from '../shared/tokens.ts';
import {
  COST_RULES,
  ERROR_RULES,
  GALLERY_DEFAULTS,
  GALLERY_RULES,
  METHODS,
  TIMING_D,
  TIMING_NS,
  computeCosts,
  computeError,
  computeGallery,
  costsFigure,
  costsSummary,
  describePattern,
  errorFigure,
  errorSummary,
  galleryFigure,
  gallerySummary,
  parseGlobals,
  partsFor,
  timingFigure,
  type CostState,
  type GalleryResult,
  type GalleryState,
  type Timing,
} from './view.ts';
import { PanelErrors } from '../shared/parts.ts';

/** Minimum time spent per (method, n) so that coarse browser clocks still give a usable mean. */
const MIN_SAMPLE_MS = 12;

class EfficientAttention extends DemoElement {
  private gallery: { s: GalleryState; r: GalleryResult } | null = null;
  private costs: CostState | null = null;
  private timings: Timing[] | null = null;
  private measuring = false;

  override connectedCallback(): void {
    if (!this.lastGood.has('globals')) this.lastGood.set('globals', GALLERY_DEFAULTS.globals.slice());
    super.connectedCallback();
    this.querySelector('[data-action="measure"]')?.addEventListener('click', () => void this.measure());
  }

  protected update(): void {
    const id = this.id || 'efficient-attention';
    const parts = partsFor(this.dataset['show']);
    const panels = new PanelErrors();
    if (parts.includes('gallery')) {
      panels.attempt(() => {
        const n = this.number('n', GALLERY_RULES.n);
        const stride = this.number('stride', GALLERY_RULES.stride);
        let summary = this.number('summary', GALLERY_RULES.summary);
        if (summary > stride) {
          summary = stride;
          this.message('summary', `c can be at most the stride l = ${stride}; using ${stride}.`);
        }
        let k = this.number('k', GALLERY_RULES.k);
        if (k > n) {
          k = n;
          this.message('k', `k can be at most n = ${n}; using ${n}.`);
        }
        const globals = this.parsed<number[]>('globals', (raw, last) => parseGlobals(raw, n, last ?? GALLERY_DEFAULTS.globals));
        const modeValue = this.choice('windowMode');
        const s: GalleryState = {
          n,
          window: this.number('window', GALLERY_RULES.window),
          windowMode: modeValue === 'causal' ? 'causal' : 'symmetric',
          stride,
          summary,
          globals,
          k,
        };
        const r = computeGallery(s);
        this.gallery = { s, r };
        this.render('gallery', galleryFigure(id, s, r, this.tableModes));
        this.announcePart('gallery', gallerySummary(s, r));
      });
    }
    if (parts.includes('error')) {
      panels.attempt(() => {
        const s = {
          inputs: this.choice('inputs') === 'random' ? ('random' as const) : ('smooth' as const),
          n: this.number('errN', ERROR_RULES.n),
          d: this.number('errD', ERROR_RULES.d),
          seed: this.number('errSeed', ERROR_RULES.seed),
          draws: this.number('draws', ERROR_RULES.draws),
          orthogonal: this.checked('orthogonal'),
        };
        const r = computeError(s);
        this.render('error', errorFigure(id, s, r));
        this.announcePart('error', errorSummary(s, r));
      });
    }
    if (parts.includes('costs')) {
      panels.attempt(() => {
        const s: CostState = {
          d: this.number('costD', COST_RULES.d),
          window: this.number('costWindow', COST_RULES.window),
          k: this.number('costK', COST_RULES.k),
          features: this.number('features', COST_RULES.features),
          block: this.number('costBlock', COST_RULES.block),
        };
        this.costs = s;
        const r = computeCosts(s);
        this.render('costs', costsFigure(id, s, r, this.timings));
        this.announcePart('costs', costsSummary(s, r));
      });
    }
    panels.rethrow();
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    return this.gallery ? describePattern(this.gallery.s, this.gallery.r, matrix, i, j) : '';
  }

  /** The call timed for one method at length n (inputs built outside the timed region). */
  private timedCall(method: AttentionMethod, n: number, s: CostState): () => Matrix {
    const d = TIMING_D;
    const q = randomMatrix(n, d, 901); // n×d
    const k = randomMatrix(n, d, 902); // n×d
    const v = randomMatrix(n, d, 903); // n×d
    switch (method) {
      case 'flash':
        return () => flashAttention(q, k, v, { blockSize: Math.min(s.block, n) }).output;
      case 'linear':
        return () => linearAttention(q, k, v).output;
      case 'linformer': {
        const e = linformerPooling(Math.min(s.k, n), n); // k×n
        return () => linformerAttention(q, k, v, e, e).output;
      }
      case 'performer': {
        const w = randomProjection(s.features, d, 1, true); // m×d
        return () => performerAttention(q, k, v, w).output;
      }
      default:
        return () => scaledDotProductAttention(q, k, v).output;
    }
  }

  /** Times every compute function at each n, one (method, n) per task so the page stays responsive. */
  private async measure(): Promise<void> {
    if (this.measuring || !this.costs) return;
    this.measuring = true;
    const button = this.querySelector<HTMLButtonElement>('[data-action="measure"]');
    if (button) {
      button.setAttribute('aria-disabled', 'true');
      button.textContent = 'Measuring…';
    }
    const id = this.id || 'efficient-attention';
    const s = this.costs;
    const timed = METHODS.filter((m) => m.method !== 'sliding-window' && m.method !== 'strided-sparse');
    const results: Timing[] = timed.map((m) => ({ method: m.method, name: m.name, points: [] }));
    const draw = (status: string): void => {
      const el = this.querySelector<HTMLElement>('[data-timing]');
      if (el) el.innerHTML = timingFigure(id, results, status);
    };
    try {
      const total = timed.length * TIMING_NS.length;
      let done = 0;
      for (const n of TIMING_NS) {
        for (const [index, m] of timed.entries()) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          const call = this.timedCall(m.method, n, s);
          call(); // warm-up
          let reps = 0;
          const t0 = performance.now();
          let elapsed = 0;
          while (elapsed < MIN_SAMPLE_MS || reps < 2) {
            call();
            reps++;
            elapsed = performance.now() - t0;
          }
          const points = [...results[index]!.points, { n, ms: elapsed / reps }];
          results[index] = { ...results[index]!, points };
          done++;
          draw(done < total ? `Measuring… ${done} of ${total}.` : '');
        }
      }
      this.timings = results;
      draw('');
      this.announcePart(
        'costs',
        `Measured in this browser at n = ${TIMING_NS.at(-1)}, d = ${TIMING_D}: ${results.map((t) => `${t.name} ${formatNumber(t.points.at(-1)?.ms ?? NaN, 2)} ms`).join(', ')}.`,
      );
    } catch (e) {
      const error = this.querySelector<HTMLElement>('[data-error]');
      if (error) error.textContent = `Could not measure: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.measuring = false;
      if (button) {
        button.removeAttribute('aria-disabled');
        button.textContent = 'Measure again';
      }
    }
  }
}

defineDemo('atlas-efficient-attention', EfficientAttention);
