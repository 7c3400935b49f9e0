/** The selective-scan demo's view: the state and output are selectiveScan's; attention's cost is attentionCost's. */
import { describe, expect, it } from 'vitest';
import { attentionCost, selectiveScan } from '../../src/compute/index.ts';
import * as scan from '../../src/demos/selective-scan/view.ts';

describe('scan panel', () => {
  const s = scan.SCAN_DEFAULTS;
  const r = scan.computeScan(s);
  it('the output is selectiveScan’s, and the two state entries add up to it', () => {
    const inp = scan.scanInputs(s);
    const y = selectiveScan(inp.u, inp.delta, inp.a, inp.b, inp.b); // C = B = 1
    expect(r.y).toEqual(Array.from(y.data));
    r.y.forEach((v, t) => expect(r.h[0]![t]! + r.h[1]![t]!).toBeCloseTo(v, 12));
  });
  it('matches the hand computation: 0.5 after step 1, decay by exp(Δ·A) after', () => {
    expect(r.h[0]![0]).toBeCloseTo(0.5, 12);
    expect(r.h[1]![0]).toBeCloseTo(0.5, 12);
    expect(r.keep[0]![1]).toBeCloseTo(Math.exp(-0.5), 12);
    expect(r.keep[1]![1]).toBeCloseTo(Math.exp(-0.05), 12);
    expect(r.h[0]![4]).toBeCloseTo(0.5 * Math.exp(-2), 12);
    expect(r.h[0]![5]).toBeCloseTo(0.5 * Math.exp(-2.5) + 1.5, 12);
  });
  it('a large Δ at the selected step resets the fast entry to the input; a small one lets it pass', () => {
    const big = scan.computeScan({ ...s, stepDelta: 5 });
    expect(big.h[0]![5]).toBeCloseTo(Math.exp(-5) * big.h[0]![4]! + 15, 12);
    expect(big.keep[0]![5]).toBeLessThan(0.01);
    const small = scan.computeScan({ ...s, stepDelta: 0.01 });
    expect(small.keep[1]![5]).toBeGreaterThan(0.99);
    expect(scan.scanSummary({ ...s, stepDelta: 0.01 }, small)).toContain('keeps its state and hardly notices the input');
    expect(
      scan.scanSummary({ ...s, delta: 5, stepDelta: 5, a: [-1, -1] }, scan.computeScan({ ...s, delta: 5, stepDelta: 5, a: [-1, -1] })),
    ).toContain('forgets what it held');
  });
  it('puts every step in the table', () => {
    const html = scan.scanFigure('s', s, r);
    expect(html).toContain(`data-cell="h1-11" data-value="${r.h[1]![11]}"`);
    expect((html.match(/data-cell="y-\d+"/g) ?? []).length).toBe(12);
  });
});

describe('cost panel', () => {
  it('attention is attentionCost(full); the scan is n·D·(8N + 2) and holds D·N numbers', () => {
    const r = scan.computeCost(scan.COST_DEFAULTS);
    const row = r.rows.find((x) => x.length === 4096)!;
    expect(row.attentionFlops).toBe(attentionCost('full', 4096, 64).flops);
    expect(row.attentionMemory).toBe(4096 * 4096);
    expect(row.scanFlops).toBe(4096 * 64 * (8 * 16 + 2));
    expect(row.scanMemory).toBe(64 * 16);
    // n(4d + 3) > D(8N + 2) ⇔ n > 32.1: the first length shown above it is 64.
    expect(r.crossover).toBe(64);
    expect(r.rows[0]!.scanFlops).toBeGreaterThan(r.rows[0]!.attentionFlops); // n = 16
  });
});
