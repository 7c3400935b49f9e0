/** <atlas-multi-head-attention>: the live multi-head-attention demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { LIMITS } from '../shared/input.ts';
import { tokenize } from '../shared/tokens.ts';
import {
  DEFAULTS,
  MASKS,
  RULES,
  computeSequence,
  describe,
  figure,
  summary,
  type MaskKind,
  type SequenceResult,
  type SequenceState,
} from './view.ts';

class MultiHeadAttention extends DemoElement {
  private state: SequenceState | null = null;
  private result: SequenceResult | null = null;

  private readState(): SequenceState {
    const tokens = this.parsed<string[]>('sentence', (raw, last) => tokenize(raw, last ?? DEFAULTS.tokens));
    const heads = this.number('heads', { label: 'Heads', min: 1, max: 8, integer: true });
    let dk = this.number('dk', RULES.dk);
    if (heads * dk > LIMITS.d) {
      dk = Math.floor(LIMITS.d / heads);
      this.message('dk', `d_model = ${heads} × d_k must be at most ${LIMITS.d}; using d_k = ${dk}.`);
    }
    const maskValue = this.choice('mask');
    const mask: MaskKind = MASKS.some((m) => m.value === maskValue) ? (maskValue as MaskKind) : 'none';
    const padTo = this.number('padTo', RULES.padTo);
    if (mask === 'padding' && padTo < tokens.length) {
      this.message('padTo', `The sentence already has ${tokens.length} tokens, so no [PAD] is added.`);
    }
    const window = this.number('window', RULES.window);
    return { tokens, heads, dk, positional: this.checked('positional'), mask, padTo, window };
  }

  protected update(): void {
    const state = this.readState();
    const id = this.id || 'multi-head-attention';
    const result = computeSequence(state);
    this.state = state;
    this.result = result;
    this.render('figure', figure(id, state, result, this.tableModes));
    this.announce(summary(state, result));
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    return this.state && this.result ? describe(this.state, this.result, matrix, i, j) : '';
  }
}

defineDemo('atlas-multi-head-attention', MultiHeadAttention);
