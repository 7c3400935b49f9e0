/** <atlas-grouped-query-attention>: the live GQA and KV-cache demo (see view.ts for the math). */
import { DemoElement, defineDemo } from '../shared/demo-element.ts';
import { PanelErrors } from '../shared/parts.ts';
import { tokenize } from '../shared/tokens.ts';
import {
  CACHE_RULES,
  HEADS_DEFAULTS,
  HEADS_MAX_TOKENS,
  HEADS_RULES,
  PRECISIONS,
  PRESETS,
  cacheFigure,
  cacheSummary,
  computeCache,
  computeHeads,
  headsFigure,
  headsSummary,
  partsFor,
  presetOf,
  type CacheState,
  type HeadsState,
} from './view.ts';

/** The largest divisor of n that is at most k. */
function divisorAtMost(n: number, k: number): number {
  for (let g = Math.min(n, k); g > 1; g--) if (n % g === 0) return g;
  return 1;
}

class GroupedQueryAttention extends DemoElement {
  override connectedCallback(): void {
    if (!this.lastGood.has('sentence')) this.lastGood.set('sentence', HEADS_DEFAULTS.tokens.slice());
    super.connectedCallback();
    // Choosing a published model fills in its configuration.
    this.querySelector('[data-field="preset"]')?.addEventListener('change', () => {
      const p = PRESETS.find((x) => x.value === this.choice('preset'));
      if (!p) return;
      const set = (name: string, v: number) => ((this.control(name) as HTMLInputElement).value = String(v));
      set('layers', p.layers);
      set('cacheHeads', p.heads);
      set('cacheKvHeads', p.kvHeads);
      set('headDim', p.headDim);
      set('tokens', p.tokens);
      this.recompute();
    });
  }

  protected update(): void {
    const id = this.id || 'grouped-query-attention';
    const parts = partsFor(this.dataset['show']);
    const panels = new PanelErrors();
    if (parts.includes('heads')) {
      panels.attempt(() => {
        const heads = Number(this.choice('heads'));
        const kvHeads = Number(this.choice('kvHeads'));
        this.message(
          'kvHeads',
          heads % kvHeads === 0
            ? ''
            : `${kvHeads} key/value heads cannot be shared evenly by ${heads} query heads; choose ${heads} or a divisor of it.`,
        );
        const s: HeadsState = {
          tokens: this.parsed('sentence', (raw, last) => tokenize(raw, last ?? HEADS_DEFAULTS.tokens, HEADS_MAX_TOKENS)),
          heads,
          kvHeads,
          dk: this.number('dk', HEADS_RULES.dk),
          causal: this.checked('causal'),
        };
        const r = computeHeads(s); // throws ArgumentError when g does not divide h
        this.render('heads', headsFigure(id, s, r));
        this.announcePart('heads', headsSummary(s, r));
      });
    }
    if (parts.includes('cache')) {
      panels.attempt(() => {
        const heads = this.number('cacheHeads', CACHE_RULES.heads);
        const typed = this.number('cacheKvHeads', { ...CACHE_RULES.kvHeads, max: heads });
        const kvHeads = divisorAtMost(heads, typed);
        if (kvHeads !== typed) {
          this.message('cacheKvHeads', `KV heads must divide the ${heads} query heads (each serves a whole group); using ${kvHeads}.`);
        }
        const precision = PRECISIONS.find((p) => p.value === this.choice('precision')) ?? PRECISIONS[1]!;
        const s: CacheState = {
          layers: this.number('layers', CACHE_RULES.layers),
          heads,
          kvHeads,
          headDim: this.number('headDim', CACHE_RULES.headDim),
          tokens: this.number('tokens', CACHE_RULES.tokens),
          batch: this.number('batch', CACHE_RULES.batch),
          bytes: precision.bytes,
          preset: this.choice('preset'),
        };
        const preset = this.control('preset');
        const match = presetOf(s)?.value ?? 'custom';
        if (preset.value !== match) preset.value = match;
        const r = computeCache(s);
        this.render('cache', cacheFigure(id, s, r));
        this.announcePart('cache', cacheSummary(s, r));
      });
    }
    panels.rethrow();
  }
}

defineDemo('atlas-grouped-query-attention', GroupedQueryAttention);
