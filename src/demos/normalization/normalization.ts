/** <atlas-normalization>: the live normalisation demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import {
  DEPTH_DEFAULTS,
  DEPTH_RULES,
  VECTOR_DEFAULTS,
  VECTOR_RULES,
  computeDepth,
  computeVector,
  depthFigure,
  depthSummary,
  partsFor,
  vectorFigure,
  vectorSummary,
} from './view.ts';

class Normalization extends DemoElement {
  override connectedCallback(): void {
    if (!this.lastGood.has('x')) this.lastGood.set('x', VECTOR_DEFAULTS.x.slice());
    super.connectedCallback();
    this.querySelector('[data-action="reroll"]')?.addEventListener('click', () => {
      const seed = this.control('seed') as HTMLInputElement;
      const current = Number(this.lastGood.get('seed') ?? DEPTH_DEFAULTS.seed);
      seed.value = String(current >= DEPTH_RULES.seed.max ? 0 : current + 1);
      this.recompute();
    });
  }

  protected update(): void {
    const id = this.id || 'normalization';
    const parts = partsFor(this.dataset['show']);
    if (parts.includes('vector')) {
      const s = { x: this.vector('x', VECTOR_RULES.x), shift: this.number('shift', VECTOR_RULES.shift) };
      const r = computeVector(s);
      this.render('vector', vectorFigure(id, s, r));
      this.announcePart('vector', vectorSummary(s, r));
    }
    if (parts.includes('depth')) {
      const s = {
        layers: this.number('layers', DEPTH_RULES.layers),
        d: this.number('depthD', DEPTH_RULES.d),
        tokens: this.number('tokens', DEPTH_RULES.tokens),
        seed: this.number('seed', DEPTH_RULES.seed),
      };
      const r = computeDepth(s);
      this.render('depth', depthFigure(id, s, r));
      this.announcePart('depth', depthSummary(s, r));
    }
  }
}

defineDemo('atlas-normalization', Normalization);
