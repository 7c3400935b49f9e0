/** <atlas-flash-attention>: the live FlashAttention stepper (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import {
  COST_RULES,
  STEPPER_RULES,
  computeCosts,
  computeStepper,
  costsFigure,
  costsSummary,
  describeTile,
  measureScratch,
  partsFor,
  stepperFigure,
  stepperSummary,
  type StepperResult,
  type StepperState,
} from './view.ts';
import { PanelErrors } from '../shared/parts.ts';

/** Milliseconds between tiles while playing. */
const PLAY_INTERVAL = 900;

class FlashAttention extends DemoElement {
  private stepper: { s: StepperState; r: StepperResult } | null = null;
  /** peakScratchElements measured per (d, B), so stepping never re-runs the measurements. */
  private readonly measured = new Map<string, number[]>();
  private timer = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.querySelector('[data-action="reset"]')?.addEventListener('click', () => this.goTo(0));
    this.querySelector('[data-action="back"]')?.addEventListener('click', () => this.goTo(this.currentStep() - 1));
    this.querySelector('[data-action="forward"]')?.addEventListener('click', () => this.goTo(this.currentStep() + 1));
    this.querySelector('[data-action="play"]')?.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
  }

  disconnectedCallback(): void {
    this.pause();
  }

  /** Total tiles of the current trace. */
  private total(): number {
    return this.stepper?.r.steps.length ?? 0;
  }

  private currentStep(): number {
    return this.stepper?.r.step ?? 0;
  }

  /** Moves the slider to step t (clamped) and recomputes. */
  private goTo(t: number): void {
    const input = this.querySelector<HTMLInputElement>('[data-field="step"]');
    if (!input) return;
    input.value = String(Math.max(0, Math.min(this.total(), t)));
    this.recompute();
  }

  private play(): void {
    if (this.currentStep() >= this.total()) this.goTo(0);
    const button = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (button) {
      button.textContent = 'Pause';
      button.setAttribute('aria-pressed', 'true');
    }
    this.timer = window.setInterval(() => {
      if (this.currentStep() >= this.total()) {
        this.pause();
        return;
      }
      this.goTo(this.currentStep() + 1);
    }, PLAY_INTERVAL);
  }

  private pause(): void {
    if (this.timer) window.clearInterval(this.timer);
    this.timer = 0;
    const button = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (button) {
      button.textContent = 'Play';
      button.setAttribute('aria-pressed', 'false');
    }
  }

  protected update(): void {
    const id = this.id || 'flash-attention';
    const parts = partsFor(this.dataset['show']);
    const panels = new PanelErrors();
    if (parts.includes('stepper')) {
      panels.attempt(() => {
        const n = this.number('n', STEPPER_RULES.n);
        let block = this.number('block', STEPPER_RULES.block);
        if (block > n) {
          block = n;
          this.message('block', `B is capped at n = ${n} (one block holds the whole sequence).`);
        }
        const s: StepperState = {
          n,
          d: this.number('d', STEPPER_RULES.d),
          block,
          causal: this.checked('causal'),
          seed: this.number('seed', STEPPER_RULES.seed),
          step: this.number('step', { label: 'Step', min: 0, max: 1_000_000, integer: true }),
        };
        const r = computeStepper(s);
        this.stepper = { s: { ...s, step: r.step }, r };
        const slider = this.querySelector<HTMLInputElement>('[data-field="step"]');
        if (slider) {
          slider.max = String(r.steps.length);
          slider.value = String(r.step);
          slider.setAttribute('aria-valuetext', `${r.step} of ${r.steps.length} tiles`);
        }
        const out = this.querySelector<HTMLOutputElement>('output[data-value-for="step"]');
        if (out) out.textContent = `${r.step} / ${r.steps.length}`;
        this.render('stepper', stepperFigure(id, s, r));
        this.announcePart('stepper', stepperSummary(s, r));
      });
    }
    if (parts.includes('costs')) {
      panels.attempt(() => {
        const s = {
          d: this.number('costD', COST_RULES.d),
          block: this.number('costBlock', COST_RULES.block),
          sram: this.number('sram', COST_RULES.sram),
        };
        const key = `${s.d}:${s.block}`;
        let measured = this.measured.get(key);
        if (!measured) {
          measured = measureScratch(s.d, s.block);
          this.measured.set(key, measured);
        }
        const r = computeCosts(s, measured);
        this.render('costs', costsFigure(id, s, r));
        this.announcePart('costs', costsSummary(s, r));
      });
    }
    panels.rethrow();
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    if (matrix === 'tiles' && this.stepper) return describeTile(this.stepper.s, this.stepper.r, i, j);
    return '';
  }
}

defineDemo('atlas-flash-attention', FlashAttention);
