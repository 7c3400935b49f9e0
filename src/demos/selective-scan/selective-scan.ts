/** <atlas-selective-scan>: the live selective-scan demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { PanelErrors } from '../shared/parts.ts';
import {
  COST_RULES,
  SCAN_DEFAULTS,
  SCAN_RULES,
  computeCost,
  computeScan,
  costFigure,
  costSummary,
  partsFor,
  scanFigure,
  scanSummary,
  type ScanState,
} from './view.ts';

class SelectiveScan extends DemoElement {
  override connectedCallback(): void {
    if (!this.lastGood.has('u')) this.lastGood.set('u', SCAN_DEFAULTS.u.slice());
    if (!this.lastGood.has('a')) this.lastGood.set('a', SCAN_DEFAULTS.a.slice());
    super.connectedCallback();
  }

  protected update(): void {
    const id = this.id || 'selective-scan';
    const parts = partsFor(this.dataset['show']);
    const panels = new PanelErrors();
    if (parts.includes('scan')) {
      panels.attempt(() => {
        const u = this.vector('u', SCAN_RULES.u);
        const s: ScanState = {
          u,
          a: this.vector('a', SCAN_RULES.a),
          delta: this.number('delta', SCAN_RULES.delta),
          step: this.number('step', { ...SCAN_RULES.step, max: u.length }),
          stepDelta: this.number('stepDelta', SCAN_RULES.stepDelta),
        };
        const r = computeScan(s);
        this.render('scan', scanFigure(id, s, r));
        this.announcePart('scan', scanSummary(s, r));
      });
    }
    if (parts.includes('cost')) {
      panels.attempt(() => {
        const s = { d: this.number('costD', COST_RULES.d), n: this.number('costN', COST_RULES.n) };
        const r = computeCost(s);
        this.render('cost', costFigure(id, s, r));
        this.announcePart('cost', costSummary(s, r));
      });
    }
    panels.rethrow();
  }
}

defineDemo('atlas-selective-scan', SelectiveScan);
