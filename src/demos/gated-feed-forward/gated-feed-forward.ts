/** <atlas-gated-feed-forward>: the live gated feed-forward demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { PanelErrors } from '../shared/parts.ts';
import {
  COMPARE_DEFAULTS,
  COMPARE_RULES,
  PARAMS_RULES,
  compareFigure,
  compareSummary,
  computeCompare,
  computeParams,
  paramsFigure,
  paramsSummary,
  partsFor,
} from './view.ts';

class GatedFeedForward extends DemoElement {
  override connectedCallback(): void {
    if (!this.lastGood.has('x')) this.lastGood.set('x', COMPARE_DEFAULTS.x.slice());
    super.connectedCallback();
    this.querySelector('[data-action="reroll"]')?.addEventListener('click', () => {
      const seed = this.control('seed') as HTMLInputElement;
      const current = Number(this.lastGood.get('seed') ?? COMPARE_DEFAULTS.seed);
      seed.value = String(current >= COMPARE_RULES.seed.max ? 0 : current + 1);
      this.recompute();
    });
  }

  protected update(): void {
    const id = this.id || 'gated-feed-forward';
    const parts = partsFor(this.dataset['show']);
    const panels = new PanelErrors();
    if (parts.includes('compare')) {
      panels.attempt(() => {
        const s = { x: this.vector('x', COMPARE_RULES.x), seed: this.number('seed', COMPARE_RULES.seed) };
        const r = computeCompare(s);
        this.render('compare', compareFigure(id, s, r));
        this.announcePart('compare', compareSummary(s, r));
      });
    }
    if (parts.includes('params')) {
      panels.attempt(() => {
        const s = { d: this.number('paramD', PARAMS_RULES.d), multiple: this.number('multiple', PARAMS_RULES.multiple) };
        const r = computeParams(s);
        this.render('params', paramsFigure(id, s, r));
        this.announcePart('params', paramsSummary(s, r));
      });
    }
    panels.rethrow();
  }
}

defineDemo('atlas-gated-feed-forward', GatedFeedForward);
