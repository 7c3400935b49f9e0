/** <atlas-mixture-of-experts>: the live mixture-of-experts demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import {
  PARAMS_RULES,
  ROUTING_DEFAULTS,
  ROUTING_RULES,
  computeParams,
  computeRouting,
  describeRouter,
  paramsFigure,
  paramsSummary,
  parseSentence,
  partsFor,
  routingFigure,
  routingSummary,
  type RoutingResult,
  type RoutingState,
} from './view.ts';
import { PanelErrors } from '../shared/parts.ts';

class MixtureOfExperts extends DemoElement {
  private routing: { s: RoutingState; r: RoutingResult } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.querySelector('[data-action="reroll"]')?.addEventListener('click', () => {
      const seed = this.control('seed') as HTMLInputElement;
      const current = Number(this.lastGood.get('seed') ?? ROUTING_DEFAULTS.seed);
      seed.value = String(current >= ROUTING_RULES.seed.max ? 0 : current + 1);
      this.recompute();
    });
  }

  protected update(): void {
    const id = this.id || 'mixture-of-experts';
    const parts = partsFor(this.dataset['show']);
    const panels = new PanelErrors();
    if (parts.includes('routing')) {
      panels.attempt(() => {
        const s: RoutingState = {
          tokens: this.parsed<string[]>('sentence', parseSentence),
          experts: this.number('experts', ROUTING_RULES.experts),
          k: this.choice('k') === '2' ? 2 : 1,
          renormalize: this.checked('renormalize'),
          capacityFactor: this.number('capacityFactor', ROUTING_RULES.capacityFactor),
          skew: this.number('skew', ROUTING_RULES.skew, 1),
          seed: this.number('seed', ROUTING_RULES.seed),
        };
        const r = computeRouting(s);
        this.routing = { s, r };
        this.render('routing', routingFigure(id, s, r));
        this.announcePart('routing', routingSummary(s, r));
      });
    }
    if (parts.includes('params')) {
      panels.attempt(() => {
        const s = {
          dModel: this.number('dModel', PARAMS_RULES.dModel),
          dFF: this.number('dFF', PARAMS_RULES.dFF),
          experts: this.number('paramExperts', PARAMS_RULES.experts),
        };
        const r = computeParams(s);
        this.render('params', paramsFigure(id, s, r));
        this.announcePart('params', paramsSummary(s, r));
      });
    }
    panels.rethrow();
  }

  protected override describeCell(matrix: string, i: number, j: number): string {
    if (matrix === 'router' && this.routing) return describeRouter(this.routing.s, this.routing.r, i, j);
    return '';
  }
}

defineDemo('atlas-mixture-of-experts', MixtureOfExperts);
