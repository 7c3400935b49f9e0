/**
 * Browser tests of the efficiency and pre-training demos: flash-attention,
 * efficient-attention, mixture-of-experts and pretraining-objectives. For every demo:
 * - drive it with the keyboard only (focus, Tab, arrow keys, typing, Space/Enter), then check that
 *   the numbers on the page equal what src/compute returns for the same inputs, computed here in Node;
 * - feed it bad input and check the message next to the control, with no console error;
 * - with JavaScript off, check the build-time figure and its numbers.
 * Plus: recompute() timing at default sizes, 360 px layout, and axe on each demo.
 *
 * Run: npm run build && npx playwright test tests/e2e/demos-efficiency-and-pretraining.spec.ts
 */
import { expect, test, type Locator } from '@playwright/test';
import {
  attentionCost,
  bartNoising,
  bertMasking,
  causalLmPairs,
  countNonzero,
  dispatchWithCapacity,
  fixedPattern,
  flashAttention,
  flashAttentionHbmAccesses,
  linformerAttention,
  linformerPooling,
  loadBalancingLoss,
  moeParameterCounts,
  scaledDotProductAttention,
  slidingWindowMask,
  standardAttentionHbmAccesses,
  stridedPattern,
  t5SpanCorruption,
  topKGating,
  withGlobalTokens,
  type FlashStep,
  type Matrix,
} from '../../src/compute/index.ts';
import { formatNumber } from '../../src/demos/shared/format.ts';
import { formatCount } from '../../src/demos/shared/log-chart.ts';
import { tokenize } from '../../src/demos/shared/tokens.ts';
// Deterministic inputs of the demos (seeded Q, K, V, router weights, sentences); the math is src/compute's.
import { stepperInputs } from '../../src/demos/flash-attention/view.ts';
import { errorInputs, ERROR_DEFAULTS } from '../../src/demos/efficient-attention/view.ts';
import { routerLogits, DEFAULT_SENTENCE as MOE_SENTENCE } from '../../src/demos/mixture-of-experts/view.ts';
import { DEFAULT_SENTENCE as PT_SENTENCE } from '../../src/demos/pretraining-objectives/view.ts';
import {
  cellsOf,
  expectInputMessage,
  expectSame,
  expectSoundDemo,
  noJsPage,
  openDemo,
  press,
  tabTo,
  tokensOf,
  typeIn,
  valueOf,
  watchErrors,
} from './support.ts';

const PAGES = {
  flash: '/concepts/flash-attention/',
  efficient: '/concepts/efficient-attention/',
  moe: '/concepts/mixture-of-experts/',
  pretraining: '/concepts/pretraining-objectives/',
} as const;

/** Every demo instance on those pages (page, element id). */
const INSTANCES = [
  ['flash', 'flash-stepper'],
  ['flash', 'flash-costs'],
  ['efficient', 'patterns-gallery'],
  ['efficient', 'patterns-error'],
  ['efficient', 'patterns-costs'],
  ['moe', 'moe-routing-demo'],
  ['moe', 'moe-params'],
  ['pretraining', 'pretraining-demo'],
] as const;

/** Rows' m, ℓ and output after `t` tiles of the trace, replayed here from flashAttention's own trace. */
function replay(steps: readonly FlashStep[], n: number, d: number, t: number): { m: number; l: number; o: number[] }[] {
  const rows = Array.from({ length: n }, () => ({ m: -Infinity, l: 0, o: new Array<number>(d).fill(0) }));
  for (const st of steps.slice(0, t)) {
    if (st.skipped) continue;
    for (let r = st.queryStart; r < st.queryEnd; r++)
      rows[r] = { m: st.rowMaxAfter[r - st.queryStart]!, l: st.rowSumAfter[r - st.queryStart]!, o: [...st.output[r - st.queryStart]!] };
  }
  return rows;
}

function relErr(a: Matrix, b: Matrix): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.data.length; i++) {
    num += (a.data[i]! - b.data[i]!) ** 2;
    den += b.data[i]! ** 2;
  }
  return Math.sqrt(num / den);
}

// ---------------------------------------------------------------------------------------------

test.describe('flash-attention', () => {
  test('keyboard: Step, Step back, slider, Play/Pause, n and causal; m, ℓ and O equal flashAttention', async ({ page }) => {
    test.slow(); // one long keyboard session through every control, with a real 1.2 s pause check
    const { demo, errors } = await openDemo(page, PAGES.flash, '#flash-stepper');
    const { q, k, v } = stepperInputs(8, 4, 1);
    const run = flashAttention(q, k, v, { blockSize: 2, trace: true });
    const steps = run.steps!;
    expect(steps).toHaveLength(16);

    const forward = demo.getByRole('button', { name: 'Step', exact: true });
    await tabTo(page, forward);
    await page.keyboard.press('Enter'); // 5 → 6
    await expect(demo.locator('output[data-value-for="step"]')).toHaveText('6 / 16');
    let rows = replay(steps, 8, 4, 6);
    let shown = await cellsOf(demo);
    for (let i = 0; i < 8; i++) {
      expectSame(shown.get(`m-${i}`)!.value, rows[i]!.m);
      expectSame(shown.get(`l-${i}`)!.value, rows[i]!.l);
      expect(shown.get(`l-${i}`)!.text).toBe(formatNumber(rows[i]!.l, 3));
    }
    // The current tile's scores are printed, and only they.
    const cur = steps[5]!;
    await expect(demo.locator(`td[data-i="${cur.queryStart}"][data-j="${cur.keyStart}"]`)).toHaveText(formatNumber(cur.scores[0]![0]!, 2));
    await expect(demo.locator('td.fa-current')).toHaveCount(4);

    await page.keyboard.press('Shift+Tab'); // Step back
    await expect(demo.getByRole('button', { name: 'Step back' })).toBeFocused();
    await page.keyboard.press('Space'); // 6 → 5
    await expect(demo.locator('output[data-value-for="step"]')).toHaveText('5 / 16');

    const slider = demo.getByRole('slider', { name: 'Tiles visited t' });
    await slider.focus();
    await page.keyboard.press('End');
    await expect(demo.locator('output[data-value-for="step"]')).toHaveText('16 / 16');
    const exact = scaledDotProductAttention(q, k, v).output;
    shown = await cellsOf(demo);
    for (let i = 0; i < 8; i++) {
      expectSame(shown.get(`m-${i}`)!.value, run.rowMax[i]!);
      expectSame(shown.get(`l-${i}`)!.value, run.rowSum[i]!);
      for (let c = 0; c < 4; c++) {
        const o = shown.get(`o-${i}-${c}`)!;
        expect(Math.abs(o.value - exact.data[i * 4 + c]!)).toBeLessThan(1e-12);
        expect(o.text).toBe(formatNumber(exact.data[i * 4 + c]!, 3));
      }
    }
    await expect(demo.locator('[data-out="peak"]')).toHaveAttribute('data-value', String(run.peakScratchElements));
    await expect(demo.locator('[data-out="computed"]')).toHaveAttribute('data-value', '64');
    await page.keyboard.press('Home');
    await expect(demo.locator('output[data-value-for="step"]')).toHaveText('0 / 16');

    // Play advances by itself; Pause stops it.
    const play = demo.getByRole('button', { name: 'Play' });
    await play.focus();
    await page.keyboard.press('Enter');
    await expect(demo.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
    await expect(demo.locator('output[data-value-for="step"]')).toHaveText(/^[2-9] \/ 16$/, { timeout: 5000 });
    await page.keyboard.press('Enter');
    await expect(demo.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
    const paused = await demo.locator('output[data-value-for="step"]').textContent();
    await page.waitForTimeout(1200);
    await expect(demo.locator('output[data-value-for="step"]')).toHaveText(paused ?? '');

    // n = 12 with the causal mask: 6×6 tiles, 15 of them skipped; the final output is exact.
    await typeIn(page, demo.getByLabel('Sequence length n'), '12');
    await demo.getByLabel('Causal mask').focus();
    await page.keyboard.press('Space');
    await expect(demo.getByRole('slider', { name: 'Tiles visited t' })).toHaveAttribute('max', '36');
    await demo.getByRole('slider', { name: 'Tiles visited t' }).focus();
    await page.keyboard.press('End');
    const big = stepperInputs(12, 4, 1);
    const causal = flashAttention(big.q, big.k, big.v, { blockSize: 2, causal: true, trace: true });
    expect(causal.steps!.filter((s) => s.skipped)).toHaveLength(15);
    const causalExact = scaledDotProductAttention(big.q, big.k, big.v, { causal: true }).output;
    await expect(demo.locator('output[data-value-for="step"]')).toHaveText('36 / 36');
    shown = await cellsOf(demo);
    for (let i = 0; i < 12; i++) {
      expectSame(shown.get(`m-${i}`)!.value, causal.rowMax[i]!);
      expect(shown.get(`o-${i}-0`)!.text).toBe(formatNumber(causalExact.data[i * 4]!, 3));
    }
    await expect(demo.locator('td.fa-skipped')).toHaveCount(15 * 4);
    await expect(demo.locator('[data-live]')).toContainText('Step 36 of 36');

    // The tile map is keyboard-navigable and reads out each cell.
    const first = demo.locator('td[data-i="0"][data-j="0"]');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(demo.locator('[data-detail-for="tiles"]')).toContainText('q₁ · k₃');
    await expect(demo.locator('[data-detail-for="tiles"]')).toContainText('never loaded');
    expect(errors).toEqual([]);
  });

  test('bad input: a message next to the control, the last good value kept or clamped, no console error', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.flash, '#flash-stepper');
    const n = demo.getByLabel('Sequence length n');
    const before = await demo.locator('[data-cell="m-0"]').textContent();
    await expectInputMessage(page, demo, n, 'abc', 'n', '“abc” is not a number; keeping n = 8.', { commit: false });
    await expect(n).toHaveAttribute('aria-invalid', 'true');
    await expect(demo.locator('[data-cell="m-0"]')).toHaveText(before ?? '');
    await expectInputMessage(page, demo, n, '99', 'n', 'The maximum is 32; using 32.', { commit: false });
    await expectInputMessage(page, demo, n, '', 'n', 'n is empty; keeping 32.', { commit: false });
    await expectInputMessage(page, demo, n, '4', 'n', '');
    await expectInputMessage(page, demo, 'Block size B', '6', 'block', 'B is capped at n = 4 (one block holds the whole sequence).');
    await expect(demo.getByRole('slider', { name: 'Tiles visited t' })).toHaveAttribute('max', '1');
    await expectInputMessage(page, demo, 'Head dimension d', '-3', 'd', 'The minimum is 1; using 1.');
    expect(errors).toEqual([]);
  });

  test('costs: keyboard d and M; curves equal the formulas, markers the measured peakScratchElements', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.flash, '#flash-costs');
    const d = demo.getByLabel('Head dimension d');
    await d.focus();
    await page.keyboard.press('ArrowDown'); // 64 → 56 (step 8)
    await expect(d).toHaveValue('56');
    await typeIn(page, demo.getByLabel('SRAM size M (numbers)'), '50000');
    await demo.locator('details[data-table-for="fa-costs"] summary').focus();
    await page.keyboard.press('Enter');
    for (const n of [8, 128, 4096, 65536]) {
      const row = demo.locator(`tr[data-n="${n}"] td`);
      await expect.poll(() => valueOf(row.nth(0))).toBe(attentionCost('full', n, 56).memory);
      await expect.poll(() => valueOf(row.nth(1))).toBe(attentionCost('flash', n, 56, { blockSize: 64 }).memory);
      await expect.poll(() => valueOf(row.nth(3))).toBe(standardAttentionHbmAccesses(n, 56));
      await expect.poll(() => valueOf(row.nth(4))).toBe(flashAttentionHbmAccesses(n, 56, 50000));
    }
    const { q, k, v } = stepperInputs(128, 56, 7);
    await expect
      .poll(() => valueOf(demo.locator('tr[data-n="128"] td').nth(2)))
      .toBe(flashAttention(q, k, v, { blockSize: 64 }).peakScratchElements);
    await expect(demo.locator('svg[data-chart="fa-memory"] .chart-series')).toHaveCount(3);
    await expectInputMessage(page, demo, 'SRAM size M (numbers)', '10', 'sram', 'The minimum is 64; using 64.');
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('efficient-attention', () => {
  test('gallery: keyboard n, window shape, globals; counts equal countNonzero of the compute masks', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.efficient, '#patterns-gallery');
    const count = (key: string): Locator => demo.locator(`[data-count="${key}"]`);
    await typeIn(page, demo.getByLabel('Sequence length n'), '24');
    await demo.getByLabel('Window shape').focus();
    await page.keyboard.press('ArrowDown'); // symmetric → causal
    await expect(demo.getByLabel('Window shape')).toHaveValue('causal');
    await typeIn(page, demo.getByLabel('Global positions'), '1, 12');
    await typeIn(page, demo.getByLabel('Stride l'), '5');
    await typeIn(page, demo.getByLabel('Summary cells c'), '2');
    await typeIn(page, demo.getByLabel('Linformer k'), '6');
    await expect(count('full')).toHaveAttribute('data-value', '576');
    await expect.poll(() => valueOf(count('causal'))).toBe(countNonzero(slidingWindowMask(24, 24, 'causal')));
    await expect.poll(() => valueOf(count('window'))).toBe(countNonzero(slidingWindowMask(24, 2, 'causal')));
    await expect.poll(() => valueOf(count('strided'))).toBe(countNonzero(stridedPattern(24, 5)));
    await expect.poll(() => valueOf(count('fixed'))).toBe(countNonzero(fixedPattern(24, 5, 2)));
    await expect.poll(() => valueOf(count('global'))).toBe(countNonzero(withGlobalTokens(slidingWindowMask(24, 2, 'symmetric'), [0, 11])));
    await expect.poll(() => valueOf(count('linformer'))).toBe(24 * 6);
    await expect(count('global')).toHaveText(formatCount(countNonzero(withGlobalTokens(slidingWindowMask(24, 2, 'symmetric'), [0, 11]))));

    // A pattern's SVG is focusable; arrow keys read its cells.
    const svg = demo.locator('svg[data-matrix="pat-strided"]');
    await svg.focus();
    await press(page, 'ArrowDown', 6);
    await expect(demo.locator('[data-detail-for="pat-strided"]')).toContainText('query 7 → key 1: not scored');
    await page.keyboard.press('ArrowRight');
    await expect(demo.locator('[data-detail-for="pat-strided"]')).toContainText('query 7 → key 2: scored');
    expect(errors).toEqual([]);
  });

  test('gallery: bad input shows messages and keeps the figure, no console error', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.efficient, '#patterns-gallery');
    await expectInputMessage(page, demo, 'Global positions', '3, 99', 'globals', 'Position 99 is outside 1 … 16; using 3.');
    await typeIn(page, demo.getByLabel('Global positions'), 'first');
    await expect(demo.locator('[data-msg-for="globals"]')).toContainText('is not a number');
    await expectInputMessage(page, demo, 'Summary cells c', '9', 'summary', 'c can be at most the stride l = 4; using 4.');
    await expectInputMessage(page, demo, 'Sequence length n', '1000', 'n', 'The maximum is 64; using 64.');
    await expect(demo.locator('[data-count="full"]')).toHaveAttribute('data-value', '4096');
    expect(errors).toEqual([]);
  });

  test('error: keyboard inputs and n; Linformer errors equal linformerAttention against scaledDotProductAttention', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.efficient, '#patterns-error');
    await demo.getByLabel('Inputs').focus();
    await page.keyboard.press('ArrowDown'); // smooth → random
    await typeIn(page, demo.getByLabel('Sequence length n'), '16');
    const s = { ...ERROR_DEFAULTS, inputs: 'random' as const, n: 16 };
    const { q, k, v } = errorInputs(s);
    const exact = scaledDotProductAttention(q, k, v).output;
    for (const kk of [1, 4, 16]) {
      const e = linformerPooling(kk, 16);
      const shown = await valueOf(demo.locator(`[data-cell="lin-${kk}"]`));
      expect(Math.abs(shown - relErr(linformerAttention(q, k, v, e, e).output, exact))).toBeLessThan(1e-12);
    }
    await expect.poll(() => valueOf(demo.locator('[data-cell="lin-16"]'))).toBeLessThan(1e-12);
    await expect(demo.locator('[data-cell="perf-256"]')).toHaveText(/^\d\.\d{4}$/);
    await expectInputMessage(page, demo, 'Head dimension d', 'x', 'errD', '“x” is not a number; keeping d = 8.');
    expect(errors).toEqual([]);
  });

  test('costs: FLOPs and memory equal attentionCost; Measure times the compute module in this browser', async ({ page }) => {
    test.setTimeout(90_000);
    const { demo, errors } = await openDemo(page, PAGES.efficient, '#patterns-costs');
    await typeIn(page, demo.getByLabel('Linformer k'), '128');
    const d = demo.getByLabel('Head dimension d');
    await d.focus();
    await page.keyboard.press('ArrowUp'); // 64 → 72
    for (const method of ['full', 'flash', 'sliding-window', 'strided-sparse', 'linformer', 'linear', 'performer'] as const) {
      for (const n of [256, 16384, 131072]) {
        const cell = demo.locator(`[data-cell="${method}-${n}"]`);
        const c = attentionCost(method, n, 72, { window: 128, k: 128, features: 256, blockSize: 64 });
        expect(Number(await cell.getAttribute('data-flops'))).toBe(c.flops);
        expect(Number(await cell.getAttribute('data-memory'))).toBe(c.memory);
      }
    }
    const measure = demo.getByRole('button', { name: 'Measure in this browser' });
    await tabTo(page, measure);
    await page.keyboard.press('Enter');
    await expect(demo.getByRole('button', { name: 'Measure again' })).toBeVisible({ timeout: 80_000 });
    const times = demo.locator('[data-matrix="ea-time"] td[data-value]');
    await expect(times).toHaveCount(20);
    for (const t of await times.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))))) expect(t).toBeGreaterThan(0);
    await expect(demo.locator('svg[data-chart="ea-time"]')).toBeVisible();
    await expectInputMessage(page, demo, 'Performer features m', '0', 'features', 'The minimum is 1; using 1.');
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('mixture-of-experts', () => {
  test('keyboard: top-2, renormalise, capacity, skew, re-roll; numbers equal topKGating, dispatch and the loss', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.moe, '#moe-routing-demo');
    const tokens = tokenize(MOE_SENTENCE, []).value;
    await demo.getByLabel('Experts per token k').focus();
    await page.keyboard.press('ArrowDown'); // top-1 → top-2
    await demo.getByLabel('Renormalise the chosen gates').focus();
    await page.keyboard.press('Space');
    await typeIn(page, demo.getByLabel('Capacity factor'), '0.75');
    const skew = demo.getByRole('slider', { name: 'Skew s toward expert 1' });
    await skew.focus();
    await press(page, 'ArrowRight', 4); // 0 → 2
    await expect(demo.locator('output[data-value-for="skew"]')).toHaveText('2.0');
    const reroll = demo.getByRole('button', { name: 'Re-roll router' });
    await tabTo(page, reroll);
    await page.keyboard.press('Enter'); // seed 3 → 4
    await expect(demo.getByLabel('Router seed')).toHaveValue('4');

    const logits = routerLogits(tokens, 4, 4, 2);
    const g = topKGating(logits, 2, { renormalize: true });
    const dispatch = dispatchWithCapacity(g.indices, 4, 0.75);
    for (let t = 0; t < tokens.length; t++) {
      for (let e = 0; e < 4; e++) {
        const cell = demo.locator(`table[data-matrix="router"] td[data-i="${t}"][data-j="${e}"]`);
        expect(Math.abs((await valueOf(cell)) - g.probs.data[t * 4 + e]!)).toBeLessThan(1e-15);
      }
      await expect(demo.locator(`[data-cell="gate-${t}"]`)).toHaveText(g.gates[t]!.map((x) => formatNumber(x, 2)).join(' + '));
    }
    await expect(demo.locator('.moe-mark')).toHaveCount(2 * tokens.length);
    await expect(demo.locator('[data-out="capacity"]')).toHaveAttribute('data-value', String(dispatch.capacity));
    await expect(demo.locator('[data-out="dropped"]')).toHaveAttribute('data-value', String(dispatch.dropped.length));
    for (let e = 0; e < 4; e++) {
      await expect(demo.locator(`[data-cell="demand-${e}"]`)).toHaveAttribute('data-value', String(dispatch.demand[e]));
      await expect(demo.locator(`[data-cell="load-${e}"]`)).toHaveAttribute('data-value', String(dispatch.load[e]));
    }
    const balance = loadBalancingLoss(logits, { alpha: 0.01 });
    await expect.poll(() => valueOf(demo.locator('[data-out="loss"]'))).toBe(balance.loss);
    for (let e = 0; e < 4; e++) await expect.poll(() => valueOf(demo.locator(`[data-cell="f-${e}"]`))).toBe(balance.fraction[e]);

    // Router cells read out their logit and choice.
    await demo.locator('table[data-matrix="router"] td[data-i="0"][data-j="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect(demo.locator('[data-detail-for="router"]')).toContainText(
      `${tokens[1]}₂ → expert 1: logit ${formatNumber(logits.data[4]!, 3)}`,
    );
    expect(errors).toEqual([]);
  });

  test('bad input: messages, clamping, the last sentence kept; no console error', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.moe, '#moe-routing-demo');
    await expectInputMessage(page, demo, 'Experts E', 'many', 'experts', '“many” is not a number; keeping Experts E = 4.');
    await expectInputMessage(page, demo, 'Experts E', '40', 'experts', 'The maximum is 16; using 16.');
    await expect(demo.locator('table[data-matrix="router"] thead th')).toHaveCount(1 + 16 + 2);
    await expectInputMessage(page, demo, 'Tokens (a sentence)', '   ', 'sentence', 'Type at least one word; keeping the last sentence.');
    await expect(demo.locator('table[data-matrix="router"] tbody tr')).toHaveCount(13);
    await expectInputMessage(page, demo, 'Capacity factor', '-1', 'capacityFactor', 'The minimum is 0; using 0.');
    await expect(demo.locator('[data-out="dropped"]')).toHaveAttribute('data-value', '13');
    expect(errors).toEqual([]);
  });

  test('params: keyboard E; held and used equal moeParameterCounts', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.moe, '#moe-params');
    const e = demo.getByLabel('Experts E');
    await e.focus();
    await page.keyboard.press('ArrowUp'); // 128 → 136
    await typeIn(page, demo.getByLabel('d_model'), '1024');
    for (const [key, k] of [
      ['switch', 1],
      ['gshard', 2],
    ] as const) {
      const c = moeParameterCounts({ dModel: 1024, dFF: 3072, experts: 136, k });
      await expect.poll(() => valueOf(demo.locator(`[data-cell="held-${key}"]`))).toBe(c.held);
      await expect.poll(() => valueOf(demo.locator(`[data-cell="used-${key}"]`))).toBe(c.usedPerToken);
    }
    await expectInputMessage(page, demo, 'd_ff', '2.5', 'dFF', 'd_ff must be a whole number; using 3.');
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('pretraining-objectives', () => {
  test('keyboard: sentence, re-roll, options; every pair equals src/compute for the same seed', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.pretraining, '#pretraining-demo');
    const sentence = 'Attention is all you need . Tokens talk to tokens ! Then the model learns .';
    await typeIn(page, demo.getByLabel('Sentence', { exact: true }), sentence);
    const reroll = demo.getByRole('button', { name: 'Re-roll' });
    await tabTo(page, reroll);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space'); // seed 1 → 3
    await expect(demo.getByLabel('Seed')).toHaveValue('3');
    await demo.getByLabel('Deletion ratio').focus();
    await press(page, 'ArrowUp', 2); // 0 → 0.10
    await expect(demo.getByLabel('Deletion ratio')).toHaveValue('0.10');
    await demo.getByLabel('Random roll').focus();
    await page.keyboard.press('Space'); // off: T5's default layout

    const tokens = tokenize(sentence, []).value;
    const seq = ['[CLS]', ...tokens, '[SEP]'];
    const bert = bertMasking(seq, 3, { maskRate: 0.15 });
    await expect
      .poll(() =>
        tokensOf(
          demo
            .locator('[data-row="input"] td[data-cell^="input-"]')
            .filter({ has: page.locator('xpath=ancestor::table[@data-matrix="bert"]') }),
        ),
      )
      .toEqual(bert.input);
    for (const p of bert.positions) await expect(demo.locator(`table[data-matrix="bert"] [data-cell="target-${p}"]`)).toHaveText(seq[p]!);
    await expect(demo.locator('table[data-matrix="bert"] .pt-none')).toHaveCount(seq.length - bert.positions.length);

    const gpt = causalLmPairs(tokens);
    await expect.poll(() => tokensOf(demo.locator('table[data-matrix="gpt"] [data-row="target"] td'))).toEqual(gpt.target);

    const bart = bartNoising(tokens, 3, { maskRatio: 0.3, lambda: 3, permuteSentences: true, deletionRatio: 0.1 });
    await expect.poll(() => tokensOf(demo.locator('[data-seq="bart-input"] li'))).toEqual(bart.input);
    await expect.poll(() => tokensOf(demo.locator('[data-seq="bart-target"] li'))).toEqual(tokens);
    await expect(demo.locator('[data-seq="bart-deletion"] .pt-tok--deleted')).toHaveCount(bart.deleted.length);

    const t5 = t5SpanCorruption(tokens, 3, { noiseDensity: 0.15, meanSpanLength: 3, randomRoll: false });
    await expect.poll(() => tokensOf(demo.locator('[data-seq="t5-input"] li'))).toEqual(t5.input);
    await expect.poll(() => tokensOf(demo.locator('[data-seq="t5-target"] li'))).toEqual(t5.target);
    await expect(demo.locator('[data-live] [data-live-part="t5"]')).toContainText(t5.target.join(' '));

    // The causal mask SVG reads out what each position sees.
    await demo.locator('svg[data-matrix="gpt-mask"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(demo.locator('[data-detail-for="gpt-mask"]')).toContainText('cannot see position 2');
    expect(errors).toEqual([]);
  });

  test('bad input: empty sentence kept, rates clamped; no console error', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.pretraining, '#pretraining-demo');
    const before = await tokensOf(demo.locator('[data-seq="t5-input"] li'));
    await typeIn(page, demo.getByLabel('Sentence', { exact: true }), '');
    await expect(demo.locator('[data-msg-for="sentence"]')).toHaveText('Type at least one word; keeping the last sentence.');
    await expect.poll(() => tokensOf(demo.locator('[data-seq="t5-input"] li'))).toEqual(before);
    await expectInputMessage(page, demo, 'Noise density', '2', 't5Density', 'The maximum is 0.90; using 0.90.');
    await expectInputMessage(page, demo, 'Seed', 'seed', 'seed', '“seed” is not a number; keeping Seed = 1.');
    await typeIn(page, demo.getByLabel('Sentence', { exact: true }), 'one');
    await expect(demo.locator('table[data-matrix="gpt"]')).toHaveCount(0);
    await expect(demo.locator('[data-part="gpt"]')).toContainText('A single token has nothing to predict');
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('with JavaScript off', () => {
  test('each demo shows its build-time figure with the default numbers and hides the controls', async ({ browser }) => {
    let page = await noJsPage(browser, PAGES.flash);
    await expect(page.locator('#flash-stepper .demo__nojs')).toBeVisible();
    await expect(page.locator('#flash-stepper .demo__controls').first()).toBeHidden();
    const { q, k, v } = stepperInputs(8, 4, 1);
    const run = flashAttention(q, k, v, { blockSize: 2, trace: true });
    const rows = replay(run.steps!, 8, 4, 5);
    for (let i = 0; i < 8; i++) await expect(page.locator(`#flash-stepper [data-cell="m-${i}"]`)).toHaveText(formatNumber(rows[i]!.m, 3));
    await expect(page.locator('#flash-stepper [data-out="peak"]')).toHaveText(formatCount(run.peakScratchElements));
    await expect(page.locator('#flash-costs tr[data-n="4096"] td').nth(3)).toHaveAttribute(
      'data-value',
      String(standardAttentionHbmAccesses(4096, 64)),
    );
    await expect(page.locator('#flash-costs tr[data-n="4096"] td').nth(4)).toHaveAttribute(
      'data-value',
      String(flashAttentionHbmAccesses(4096, 64, 100_000)),
    );
    await expect(page.locator('#flash-costs svg[data-chart="fa-memory"]')).toBeVisible();
    await page.context().close();

    page = await noJsPage(browser, PAGES.efficient);
    await expect(page.locator('#patterns-gallery [data-count="causal"]')).toHaveText(
      String(countNonzero(slidingWindowMask(16, 16, 'causal'))),
    );
    await expect(page.locator('#patterns-gallery [data-count="strided"]')).toHaveText(String(countNonzero(stridedPattern(16, 4))));
    await expect(page.locator('#patterns-gallery svg[data-matrix="pat-fixed"]')).toBeVisible();
    await expect(page.locator('#patterns-error svg[data-chart="ea-error"]')).toBeVisible();
    await expect(page.locator('#patterns-costs svg[data-chart="ea-flops"]')).toBeVisible();
    await expect(page.locator('#patterns-costs [data-cell="full-16384"]')).toHaveAttribute(
      'data-flops',
      String(attentionCost('full', 16384, 64).flops),
    );
    await expect(page.locator('#patterns-costs button[data-action="measure"]')).toBeHidden();
    await page.context().close();

    page = await noJsPage(browser, PAGES.moe);
    const tokens = tokenize(MOE_SENTENCE, []).value;
    const g = topKGating(routerLogits(tokens, 4, 3, 0), 1);
    const dispatch = dispatchWithCapacity(g.indices, 4, 1.25);
    await expect(page.locator('#moe-routing-demo [data-out="capacity"]')).toHaveText(String(dispatch.capacity));
    await expect(page.locator('#moe-routing-demo [data-out="dropped"]')).toHaveAttribute('data-value', String(dispatch.dropped.length));
    await expect(page.locator('#moe-routing-demo td[data-i="0"][data-j="1"]')).toContainText(formatNumber(g.probs.data[1]!, 2));
    await expect(page.locator('#moe-params [data-cell="held-switch"]')).toHaveAttribute(
      'data-value',
      String(moeParameterCounts({ dModel: 768, dFF: 3072, experts: 128, k: 1 }).held),
    );
    await page.context().close();

    page = await noJsPage(browser, PAGES.pretraining);
    const words = tokenize(PT_SENTENCE, []).value;
    const t5 = t5SpanCorruption(words, 1, { randomRoll: true });
    await expect.poll(() => tokensOf(page.locator('#pretraining-demo [data-seq="t5-input"] li'))).toEqual(t5.input);
    const bert = bertMasking(['[CLS]', ...words, '[SEP]'], 1);
    for (const p of bert.positions)
      await expect(page.locator(`#pretraining-demo table[data-matrix="bert"] [data-cell="target-${p}"]`)).toHaveText(words[p - 1]!);
    await expect(page.locator('#pretraining-demo [data-live]')).toContainText('BERT selects');
    await page.context().close();
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('every efficiency and pre-training demo', () => {
  for (const [pageKey, id] of INSTANCES) {
    test(`${id}: recompute runs, 360 px has no horizontal scroll, and axe finds nothing serious`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(PAGES[pageKey]);
      await expectSoundDemo(page, page.locator(`#${id}`), `#${id}`, { seriousOnly: true });
      expect(errors).toEqual([]);
    });
  }
});
