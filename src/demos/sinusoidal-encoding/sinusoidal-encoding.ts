/** <atlas-sinusoidal-encoding>: the live sinusoidal-encoding demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import {
  SIN_RULES,
  computeSinusoidal,
  describeSinusoidal,
  sinusoidalFigure,
  sinusoidalSummary,
  type SinusoidalResult,
  type SinusoidalState,
} from './view.ts';

class SinusoidalEncoding extends DemoElement {
  private last: { s: SinusoidalState; r: SinusoidalResult } | null = null;

  protected update(): void {
    const s: SinusoidalState = {
      length: this.number('sinLength', SIN_RULES.length),
      d: this.number('sinD', SIN_RULES.d),
      base: this.number('sinBase', SIN_RULES.base),
    };
    const r = computeSinusoidal(s);
    this.last = { s, r };
    this.render('sinusoidal', sinusoidalFigure(this.id || 'sinusoidal-encoding', s, r, this.tableModes));
    this.announce(sinusoidalSummary(s, r));
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    return this.last && (matrix === 'pe' || matrix === 'sim') ? describeSinusoidal(this.last.s, this.last.r, matrix, i, j) : '';
  }
}

defineDemo('atlas-sinusoidal-encoding', SinusoidalEncoding);
