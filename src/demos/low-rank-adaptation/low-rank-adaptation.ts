/** <atlas-low-rank-adaptation>: the live LoRA demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { PanelErrors } from '../shared/parts.ts';
import {
  COST_RULES,
  UPDATE_DEFAULTS,
  UPDATE_RULES,
  computeCost,
  computeUpdate,
  costFigure,
  costSummary,
  partsFor,
  updateFigure,
  updateSummary,
  type UpdateState,
} from './view.ts';

class LowRankAdaptation extends DemoElement {
  override connectedCallback(): void {
    super.connectedCallback();
    this.querySelector('[data-action="reroll"]')?.addEventListener('click', () => {
      const seed = this.control('seed') as HTMLInputElement;
      const current = Number(this.lastGood.get('seed') ?? UPDATE_DEFAULTS.seed);
      seed.value = String(current >= UPDATE_RULES.seed.max ? 0 : current + 1);
      this.recompute();
    });
  }

  protected update(): void {
    const id = this.id || 'low-rank-adaptation';
    const parts = partsFor(this.dataset['show']);
    const panels = new PanelErrors();
    if (parts.includes('update')) {
      panels.attempt(() => {
        const s: UpdateState = {
          r: Number(this.choice('rank')),
          alpha: this.number('alpha', UPDATE_RULES.alpha, 1),
          fresh: this.checked('fresh'),
          seed: this.number('seed', UPDATE_RULES.seed),
        };
        const r = computeUpdate(s);
        this.render('update', updateFigure(id, s, r));
        this.announcePart('update', updateSummary(s, r));
      });
    }
    if (parts.includes('cost')) {
      panels.attempt(() => {
        const s = { d: this.number('costD', COST_RULES.d), k: this.number('costK', COST_RULES.k), r: this.number('costR', COST_RULES.r) };
        const r = computeCost(s);
        this.render('cost', costFigure(id, s, r));
        this.announcePart('cost', costSummary(s, r));
      });
    }
    panels.rethrow();
  }
}

defineDemo('atlas-low-rank-adaptation', LowRankAdaptation);
