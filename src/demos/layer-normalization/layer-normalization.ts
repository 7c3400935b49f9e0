/** <atlas-layer-normalization>: the live normalisation demo (see view.ts for the math). */
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
import { PanelErrors } from '../shared/parts.ts';

class LayerNormalization extends DemoElement {
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
    const id = this.id || 'layer-normalization';
    const parts = partsFor(this.dataset['show']);
    // Each panel is computed and drawn on its own, so a bad vector leaves the depth plot live.
    const panels = new PanelErrors();
    if (parts.includes('vector')) {
      panels.attempt(() => {
        const s = { x: this.vector('x', VECTOR_RULES.x), shift: this.number('shift', VECTOR_RULES.shift) };
        const r = computeVector(s);
        this.render('vector', vectorFigure(id, s, r));
        this.announcePart('vector', vectorSummary(s, r));
      });
    }
    if (parts.includes('depth')) {
      panels.attempt(() => {
        const s = {
          layers: this.number('layers', DEPTH_RULES.layers),
          d: this.number('depthD', DEPTH_RULES.d),
          tokens: this.number('tokens', DEPTH_RULES.tokens),
          seed: this.number('seed', DEPTH_RULES.seed),
        };
        const r = computeDepth(s);
        this.render('depth', depthFigure(id, s, r));
        this.announcePart('depth', depthSummary(s, r));
      });
    }
    panels.rethrow();
  }
}

defineDemo('atlas-layer-normalization', LayerNormalization);
