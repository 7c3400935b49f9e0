/** <atlas-rope-scaling>: the live RoPE-scaling demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { RULES, computeScaling, scalingFigure, scalingSummary, type ScalingState } from './view.ts';

class RopeScaling extends DemoElement {
  protected update(): void {
    const s: ScalingState = {
      d: this.number('d', RULES.d),
      base: this.number('base', RULES.base),
      train: this.number('trainLength', RULES.train),
      target: this.number('targetLength', RULES.target),
    };
    const r = computeScaling(s);
    this.render('scaling', scalingFigure(this.id || 'rope-scaling', s, r));
    this.announce(scalingSummary(s, r));
  }
}

defineDemo('atlas-rope-scaling', RopeScaling);
