/** <atlas-pretraining-objectives>: the live pre-training objectives demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import {
  DEFAULTS,
  RULES,
  computeObjectives,
  describeGpt,
  figureOf,
  parseSentence,
  partsFor,
  summaryOf,
  type ObjectiveResult,
  type ObjectiveState,
} from './view.ts';

class PretrainingObjectives extends DemoElement {
  private result: Partial<ObjectiveResult> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.querySelector('[data-action="reroll"]')?.addEventListener('click', () => {
      const seed = this.control('seed') as HTMLInputElement;
      const current = Number(this.lastGood.get('seed') ?? DEFAULTS.seed);
      seed.value = String(current >= RULES.seed.max ? 0 : current + 1);
      this.recompute();
    });
  }

  /** Reads a control only when its panel is shown (the others are not rendered). */
  private numberIf(shown: boolean, name: string, rule: (typeof RULES)[keyof typeof RULES], fallback: number): number {
    return shown ? this.number(name, rule) : fallback;
  }

  protected update(): void {
    const id = this.id || 'pretraining-objectives';
    const parts = partsFor(this.dataset['show']);
    const has = (p: string): boolean => (parts as readonly string[]).includes(p);
    const s: ObjectiveState = {
      tokens: this.parsed<string[]>('sentence', parseSentence),
      seed: this.number('seed', RULES.seed),
      bertRate: this.numberIf(has('bert'), 'bertRate', RULES.bertRate, DEFAULTS.bertRate),
      bartMask: this.numberIf(has('bart'), 'bartMask', RULES.bartMask, DEFAULTS.bartMask),
      bartLambda: this.numberIf(has('bart'), 'bartLambda', RULES.bartLambda, DEFAULTS.bartLambda),
      bartPermute: has('bart') ? this.checked('bartPermute') : DEFAULTS.bartPermute,
      bartDelete: this.numberIf(has('bart'), 'bartDelete', RULES.bartDelete, DEFAULTS.bartDelete),
      t5Density: this.numberIf(has('t5'), 't5Density', RULES.t5Density, DEFAULTS.t5Density),
      t5Span: this.numberIf(has('t5'), 't5Span', RULES.t5Span, DEFAULTS.t5Span),
      t5Roll: has('t5') ? this.checked('t5Roll') : DEFAULTS.t5Roll,
    };
    const r = computeObjectives(s, parts);
    this.result = r;
    for (const part of parts) {
      this.render(part, figureOf(part, id, s, r));
      this.announcePart(part, summaryOf(part, r));
    }
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    if (matrix === 'gpt-mask' && this.result?.gpt) return describeGpt(this.result.gpt, i, j);
    return '';
  }
}

defineDemo('atlas-pretraining-objectives', PretrainingObjectives);
