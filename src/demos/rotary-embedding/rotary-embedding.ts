/** <atlas-rotary-embedding>: the live RoPE demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { ROPE_RULES, computeRope, ropeFigure, ropeSummary, type RopeState } from './view.ts';

class RotaryEmbedding extends DemoElement {
  protected update(): void {
    const d = this.number('ropeD', ROPE_RULES.d);
    const s: RopeState = {
      d,
      pair: this.number('ropePair', { label: 'Pair', min: 0, max: d / 2 - 1, integer: true }),
      pq: this.number('ropePq', ROPE_RULES.pq),
      pk: this.number('ropePk', ROPE_RULES.pk),
      shift: this.number('ropeShift', ROPE_RULES.shift),
    };
    const r = computeRope(s);
    this.render('rope', ropeFigure(this.id || 'rotary-embedding', s, r));
    this.announce(ropeSummary(s, r));
  }
}

defineDemo('atlas-rotary-embedding', RotaryEmbedding);
