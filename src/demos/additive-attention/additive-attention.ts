/** <atlas-additive-attention>: the live alignment demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { tokenize } from '../shared/tokens.ts';
import { DEFAULTS, RULES, computeAlignment, describe, figure, summary, type BahdanauResult, type BahdanauState } from './view.ts';

class AdditiveAttention extends DemoElement {
  private state: BahdanauState | null = null;
  private result: BahdanauResult | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.querySelector('[data-action="reroll"]')?.addEventListener('click', () => {
      const seed = this.control('seed') as HTMLInputElement;
      const current = Number(this.lastGood.get('seed') ?? DEFAULTS.seed);
      seed.value = String(current >= RULES.seed.max ? 0 : current + 1);
      this.recompute();
    });
  }

  protected update(): void {
    const st: BahdanauState = {
      source: this.parsed<string[]>('source', (raw, last) => tokenize(raw, last ?? DEFAULTS.source)),
      target: this.parsed<string[]>('target', (raw, last) => tokenize(raw, last ?? DEFAULTS.target)),
      d: this.number('d', RULES.d),
      da: this.number('da', RULES.da),
      seed: this.number('seed', RULES.seed),
      tie: this.checked('tie'),
    };
    const r = computeAlignment(st);
    this.state = st;
    this.result = r;
    this.render('figure', figure(this.id || 'additive-attention', st, r, this.tableModes));
    this.announce(summary(st, r));
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    return this.state && this.result ? describe(this.state, this.result, matrix, i, j) : '';
  }
}

defineDemo('atlas-additive-attention', AdditiveAttention);
