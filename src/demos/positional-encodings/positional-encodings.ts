/** <atlas-positional-encodings>: the live positional-encodings demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import {
  ALIBI_RULES,
  ROPE_RULES,
  SIN_RULES,
  alibiFigure,
  alibiSummary,
  computeAlibi,
  computeRope,
  computeSinusoidal,
  describeAlibi,
  describeSinusoidal,
  partsFor,
  ropeFigure,
  ropeSummary,
  sinusoidalFigure,
  sinusoidalSummary,
  type AlibiResult,
  type AlibiState,
  type SinusoidalResult,
  type SinusoidalState,
} from './view.ts';
import { PanelErrors } from '../shared/parts.ts';

class PositionalEncodings extends DemoElement {
  private sin: { s: SinusoidalState; r: SinusoidalResult } | null = null;
  private alibi: { s: AlibiState; r: AlibiResult } | null = null;

  protected update(): void {
    const id = this.id || 'positional-encodings';
    const parts = partsFor(this.dataset['show']);
    // Each panel is computed and drawn on its own, so an error in one leaves the others live.
    const panels = new PanelErrors();
    if (parts.includes('sinusoidal')) {
      panels.attempt(() => {
        const s: SinusoidalState = {
          length: this.number('sinLength', SIN_RULES.length),
          d: this.number('sinD', SIN_RULES.d),
          base: this.number('sinBase', SIN_RULES.base),
        };
        const r = computeSinusoidal(s);
        this.sin = { s, r };
        this.render('sinusoidal', sinusoidalFigure(id, s, r, this.tableModes));
        this.announcePart('sinusoidal', sinusoidalSummary(s, r));
      });
    }
    if (parts.includes('rope')) {
      panels.attempt(() => {
        const d = this.number('ropeD', ROPE_RULES.d);
        const pair = this.number('ropePair', { label: 'Pair', min: 0, max: d / 2 - 1, integer: true });
        const s = {
          d,
          pair,
          pq: this.number('ropePq', ROPE_RULES.pq),
          pk: this.number('ropePk', ROPE_RULES.pk),
          shift: this.number('ropeShift', ROPE_RULES.shift),
        };
        const r = computeRope(s);
        this.render('rope', ropeFigure(id, s, r));
        this.announcePart('rope', ropeSummary(s, r));
      });
    }
    if (parts.includes('alibi')) {
      panels.attempt(() => {
        const heads = this.number('alibiHeads', ALIBI_RULES.heads);
        const s: AlibiState = {
          heads,
          train: this.number('alibiTrain', ALIBI_RULES.train),
          length: this.number('alibiLength', ALIBI_RULES.length),
          head: this.number('alibiHead', { ...ALIBI_RULES.head, max: heads }),
        };
        const r = computeAlibi(s);
        this.alibi = { s, r };
        this.render('alibi', alibiFigure(id, s, r, this.tableModes));
        this.announcePart('alibi', alibiSummary(s, r));
      });
    }
    panels.rethrow();
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    if ((matrix === 'pe' || matrix === 'sim') && this.sin) return describeSinusoidal(this.sin.s, this.sin.r, matrix, i, j);
    if (matrix === 'bias' && this.alibi) return describeAlibi(this.alibi.s, this.alibi.r, matrix, i, j);
    return '';
  }
}

defineDemo('atlas-positional-encodings', PositionalEncodings);
