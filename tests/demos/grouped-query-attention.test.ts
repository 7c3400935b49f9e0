/** The grouped-query-attention demo's view: head sharing and KV-cache sizes are src/compute's numbers. */
import { describe, expect, it } from 'vitest';
import { ArgumentError, groupedQueryAttention, kvCacheBytes, multiHeadAttention } from '../../src/compute/index.ts';
import * as gqa from '../../src/demos/grouped-query-attention/view.ts';
import { formatBytes } from '../../src/demos/shared/format.ts';
import { embedTokens } from '../../src/demos/shared/tokens.ts';

describe('heads panel', () => {
  it('returns groupedQueryAttention’s weights and maps query heads to their key/value heads', () => {
    const s = gqa.HEADS_DEFAULTS;
    const r = gqa.computeHeads(s);
    const x = embedTokens(s.tokens, s.heads * s.dk);
    const ref = groupedQueryAttention(x, gqa.gqaWeights(s.heads, s.kvHeads, s.dk), { heads: 4, kvHeads: 2, causal: true });
    expect(r.weights).toHaveLength(4);
    r.weights.forEach((w, a) => expect(Array.from(w.data)).toEqual(Array.from(ref.headWeights[a]!.data)));
    expect(r.group).toEqual([0, 0, 1, 1]);
    expect(r.cachedPerToken).toBe(16);
    expect(r.cachedPerTokenMha).toBe(32);
    // Causal: every query's weights sum to 1 over the keys it may see, and later keys get 0.
    const w0 = r.weights[0]!;
    expect(w0.data[1]).toBe(0);
    expect(w0.data[0]).toBeCloseTo(1, 12);
  });
  it('with g = h is multi-head attention with the same projections', () => {
    const s = { ...gqa.HEADS_DEFAULTS, heads: 2, kvHeads: 2, causal: false };
    const r = gqa.computeHeads(s);
    const x = embedTokens(s.tokens, 8);
    const mha = multiHeadAttention(x, gqa.gqaWeights(2, 2, 4), { heads: 2 });
    expect(Array.from(r.output.data)).toEqual(Array.from(mha.output.data));
    expect(gqa.variantName(2, 2)).toBe('multi-head attention (MHA)');
    expect(gqa.variantName(8, 1)).toBe('multi-query attention (MQA)');
    expect(gqa.variantName(8, 2)).toBe('grouped-query attention (GQA)');
  });
  it('rejects a kvHeads that does not divide heads with the compute module’s error', () => {
    expect(() => gqa.computeHeads({ ...gqa.HEADS_DEFAULTS, heads: 4, kvHeads: 8 })).toThrow(ArgumentError);
  });
  it('draws the group table, the cached count and one heatmap per head, and says it in words', () => {
    const s = gqa.HEADS_DEFAULTS;
    const r = gqa.computeHeads(s);
    const html = gqa.headsFigure('g', s, r);
    expect(html).toContain('data-cell="group-3" data-value="1"');
    expect(html).toContain('data-cell="cached" data-value="16"');
    expect((html.match(/data-matrix="w\d"/g) ?? []).length).toBe(4);
    expect(gqa.headsSummary(s, r)).toBe(
      'Grouped-query attention (GQA) with 4 query and 2 key/value heads: query heads 1 to 2 share K1 and V1, heads 3 to 4 share K2 and V2, so a decoder caches 16 instead of 32 numbers per token and layer.',
    );
  });
});

describe('cache panel', () => {
  it('Llama 2 70B at 4,096 tokens in 16 bits holds 1.25 GiB, an eighth of multi-head attention', () => {
    const r = gqa.computeCache(gqa.CACHE_DEFAULTS);
    expect(r.bytes).toBe(1_342_177_280);
    expect(r.bytes).toBe(kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, tokens: 4096 }));
    expect(r.mha).toBe(8 * r.bytes);
    expect(r.mqa).toBe(r.bytes / 8);
    expect(r.perToken).toBe(2 * 80 * 8 * 128 * 2);
    expect(formatBytes(r.bytes)).toBe('1.25 GiB');
    expect(formatBytes(r.mqa)).toBe('160 MiB');
    expect(gqa.cacheSummary(gqa.CACHE_DEFAULTS, r)).toBe(
      'Llama 2 70B at 4,096 tokens, batch 1: the KV cache holds 1.25 GiB, 8× less than the 10.00 GiB of multi-head attention; multi-query attention would hold 160 MiB.',
    );
  });
  it('scales with batch and precision, down to 4 bits', () => {
    const s = { ...gqa.CACHE_DEFAULTS, batch: 4, bytes: 0.5 };
    expect(gqa.computeCache(s).bytes).toBe(
      kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, tokens: 4096, batch: 4, bytesPerValue: 0.5 }),
    );
    expect(gqa.computeCache(s).bytes).toBe(1_342_177_280);
  });
  it('knows every preset it offers and recognises a state as one', () => {
    for (const p of gqa.PRESETS) {
      const s = {
        layers: p.layers,
        heads: p.heads,
        kvHeads: p.kvHeads,
        headDim: p.headDim,
        tokens: p.tokens,
        batch: 1,
        bytes: 2,
        preset: p.value,
      };
      expect(gqa.presetOf(s)?.value).toBe(p.value);
      expect(gqa.matchesPreset(p, s)).toBe(true);
      expect(p.heads % p.kvHeads).toBe(0);
    }
    expect(gqa.presetOf({ ...gqa.CACHE_DEFAULTS, layers: 81 })).toBeUndefined();
    // Llama 3 8B and Mistral 7B share a cache configuration; the chosen name is kept.
    const llama3 = gqa.PRESETS.find((p) => p.value === 'llama3-8b')!;
    const same = { ...llama3, batch: 1, bytes: 2 };
    expect(gqa.presetOf({ ...same, preset: 'mistral-7b' })?.value).toBe('mistral-7b');
    expect(gqa.presetOf({ ...same, preset: 'custom' })?.value).toBe('llama3-8b');
    expect(gqa.presetOf({ ...same, preset: 'llama2-70b' })?.value).toBe('llama3-8b');
    const mistral = gqa.PRESETS.find((p) => p.value === 'mistral-7b')!;
    expect(gqa.computeCache({ ...mistral, batch: 1, bytes: 2 }).bytes).toBe(2 * 32 * 8 * 128 * 8192 * 2); // 1 GiB
  });
  it('draws the table, the bars and the curve with the same numbers', () => {
    const r = gqa.computeCache(gqa.CACHE_DEFAULTS);
    const html = gqa.cacheFigure('c', gqa.CACHE_DEFAULTS, r);
    expect(html).toContain(`data-cell="gqa" data-value="${r.bytes}"`);
    expect(html).toContain(`data-cell="mha" data-value="${r.mha}"`);
    expect(html).toContain('data-chart="cache-curve"');
    expect(r.curve.find((p) => p.tokens === 4096)!.gqa).toBeCloseTo(1.25, 12);
  });
});
