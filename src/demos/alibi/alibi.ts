/** <atlas-alibi>: the live ALiBi demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { ALIBI_RULES, alibiFigure, alibiSummary, computeAlibi, describeAlibi, type AlibiResult, type AlibiState } from './view.ts';

class Alibi extends DemoElement {
  private last: { s: AlibiState; r: AlibiResult } | null = null;

  protected update(): void {
    const heads = this.number('alibiHeads', ALIBI_RULES.heads);
    const s: AlibiState = {
      heads,
      train: this.number('alibiTrain', ALIBI_RULES.train),
      length: this.number('alibiLength', ALIBI_RULES.length),
      head: this.number('alibiHead', { ...ALIBI_RULES.head, max: heads }),
    };
    const r = computeAlibi(s);
    this.last = { s, r };
    this.render('alibi', alibiFigure(this.id || 'alibi', s, r, this.tableModes));
    this.announce(alibiSummary(s, r));
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    return this.last && matrix === 'bias' ? describeAlibi(this.last.s, this.last.r, matrix, i, j) : '';
  }
}

defineDemo('atlas-alibi', Alibi);
