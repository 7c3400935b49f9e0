/**
 * Browser tests of the demos for the building blocks of recent large language models:
 * grouped-query-attention, gated-feed-forward, rope-scaling, low-rank-adaptation and selective-scan.
 * For every demo:
 * - drive it with the keyboard only (focus, arrow keys, typing, selects, Space), then check that the
 *   numbers on the page equal what src/compute returns for the same inputs, computed here in Node;
 * - check that every control has a label;
 * - feed it bad input (empty, not a number, out of range, an impossible combination), check the
 *   message, and that the demo keeps working afterwards, with no console error;
 * - with JavaScript off, check the build-time figure and its numbers.
 * Plus: recompute() at default sizes, 360 px layout, and axe on each demo.
 *
 * Run: npm run build && npx playwright test tests/e2e/demos-llm-building-blocks.spec.ts
 */
import { expect, test } from '@playwright/test';
import {
  attentionCost,
  groupedQueryAttention,
  kvCacheBytes,
  loraLinear,
  ropeFrequencies,
  selectiveScan,
  swiglu,
} from '../../src/compute/index.ts';
import { formatNumber } from '../../src/demos/shared/format.ts';
import { formatCount } from '../../src/demos/shared/log-chart.ts';
import { embedTokens, tokenize } from '../../src/demos/shared/tokens.ts';
// Deterministic inputs of the demos (seeded weights, the example sequences); the math is src/compute's.
import { gqaWeights } from '../../src/demos/grouped-query-attention/view.ts';
import { ffnWeights } from '../../src/demos/gated-feed-forward/view.ts';
import { updateInputs } from '../../src/demos/low-rank-adaptation/view.ts';
import { scanInputs, SCAN_DEFAULTS } from '../../src/demos/selective-scan/view.ts';
import { cellsOf, expectInputMessage, expectLabelled, expectSame, expectSoundDemo, noJsPage, openDemo, press, typeIn } from './support.ts';

const PAGES = {
  gqa: '/concepts/grouped-query-attention/',
  ffn: '/concepts/gated-feed-forward/',
  rope: '/concepts/rope-scaling/',
  lora: '/concepts/low-rank-adaptation/',
  scan: '/concepts/selective-scan/',
} as const;

/** Every demo instance on those pages (page, element id). */
const INSTANCES = [
  ['gqa', 'gqa-heads'],
  ['gqa', 'gqa-cache'],
  ['ffn', 'ffn-compare'],
  ['ffn', 'ffn-params'],
  ['rope', 'rope-scaling'],
  ['lora', 'lora-update'],
  ['lora', 'lora-cost'],
  ['scan', 'scan-state'],
  ['scan', 'scan-cost'],
] as const;

test.describe('grouped-query-attention', () => {
  test('heads: keyboard h, g, d_k and the mask; every head’s weights equal groupedQueryAttention', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.gqa, '#gqa-heads');
    await expectLabelled(demo);
    // h = 8 (select: 4 → 8), g = 2 stays, d_k 4 → 3, causal off.
    await demo.getByLabel('Query heads h').focus();
    await page.keyboard.press('ArrowDown');
    await expect(demo.getByLabel('Query heads h')).toHaveValue('8');
    await demo.getByLabel('d_k per head').focus();
    await page.keyboard.press('ArrowDown');
    await demo.getByLabel('Causal mask (decoder)').focus();
    await page.keyboard.press('Space');
    const tokens = tokenize('the cat sat on the mat', []).value;
    const x = embedTokens(tokens, 24);
    const ref = groupedQueryAttention(x, gqaWeights(8, 2, 3), { heads: 8, kvHeads: 2, causal: false });
    await expect(demo.locator('[data-cell="cached"]')).toHaveAttribute('data-value', '12');
    await expect(demo.locator('[data-cell="group-3"]')).toHaveText('K1, V1');
    await expect(demo.locator('[data-cell="group-4"]')).toHaveText('K2, V2');
    for (let a = 0; a < 8; a++) {
      const cells = demo.locator(`table[data-matrix="w${a + 1}"] td`);
      await expect(cells).toHaveCount(36);
      const texts = await cells.allTextContents();
      expect(texts.map((t) => t.trim())).toEqual(Array.from(ref.headWeights[a]!.data, (v) => formatNumber(v, 2)));
    }
    await expect(demo.locator('[data-live]')).toContainText('caches 12 instead of 48 numbers');
    // MQA: g = 1 (select: 2 → 1).
    await demo.getByLabel('Key/value heads g').focus();
    await page.keyboard.press('ArrowUp');
    await expect(demo.locator('[data-live]')).toContainText('Multi-query attention (MQA) with 8 query and 1 key/value heads');
    expect(errors).toEqual([]);
  });

  test('heads: g that does not divide h, a bad d_k and an empty sentence show messages; the demo keeps working', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.gqa, '#gqa-heads');
    await demo.getByLabel('Query heads h').selectOption('2');
    await expect(demo.locator('[data-cell="cached"]')).toHaveAttribute('data-value', '16'); // h = g = 2, d_k = 4
    const before = await demo.locator('table[data-matrix="w1"]').innerHTML();
    await demo.getByLabel('Key/value heads g').selectOption('8');
    await expect(demo.locator('[data-msg-for="kvHeads"]')).toContainText('8 key/value heads cannot be shared evenly by 2 query heads');
    await expect(demo.locator('[data-error]')).toContainText('does not divide');
    await expect(demo.locator('[data-error]')).toContainText('The figure shows the last inputs that worked.');
    expect(await demo.locator('table[data-matrix="w1"]').innerHTML()).toBe(before);
    await expectInputMessage(page, demo, 'd_k per head', 'four', 'dk', '“four” is not a number; keeping d_k = 4.');
    await expectInputMessage(page, demo, 'd_k per head', '99', 'dk', 'The maximum is 16; using 16.');
    await expectInputMessage(page, demo, 'Sentence', '', 'sentence', 'Type at least one word; keeping the last sentence.');
    // Still working: a valid choice clears the error and redraws.
    await demo.getByLabel('Key/value heads g').selectOption('1');
    await expect(demo.locator('[data-error]')).toHaveText('');
    await expect(demo.locator('[data-msg-for="kvHeads"]')).toHaveText('');
    await expect(demo.locator('table[data-matrix="w2"]')).toHaveCount(1);
    await expect(demo.locator('[data-cell="cached"]')).toHaveAttribute('data-value', String(2 * 1 * 16));
    expect(errors).toEqual([]);
  });

  test('cache: presets, keyboard fields and 4-bit precision equal kvCacheBytes; bad input is explained', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.gqa, '#gqa-cache');
    await expectLabelled(demo);
    await expect(demo.locator('[data-cell="gqa"]')).toHaveAttribute(
      'data-value',
      String(kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, tokens: 4096 })),
    );
    // Mistral 7B by keyboard (Llama 2 70B → Llama 3 8B → Mistral 7B), then 32k tokens, batch 8, 4-bit.
    await demo.getByLabel('Model').focus();
    await press(page, 'ArrowDown', 2);
    await expect(demo.getByLabel('Model')).toHaveValue('mistral-7b');
    await expect(demo.getByLabel('Layers L')).toHaveValue('32');
    await expect(demo.locator('[data-live]')).toContainText('Mistral 7B at 8,192 tokens');
    await typeIn(page, demo.getByLabel('Context length (tokens)'), '32768');
    await demo.getByLabel('Batch').focus();
    await press(page, 'ArrowUp', 7);
    await demo.getByLabel('Cache precision').selectOption('0.5');
    const shape = { layers: 32, headDim: 128, tokens: 32768, batch: 8, bytesPerValue: 0.5 };
    await expect(demo.locator('[data-cell="gqa"]')).toHaveAttribute('data-value', String(kvCacheBytes({ ...shape, kvHeads: 8 })));
    await expect(demo.locator('[data-cell="mha"]')).toHaveAttribute('data-value', String(kvCacheBytes({ ...shape, kvHeads: 32 })));
    await expect(demo.locator('[data-cell="mqa"]')).toHaveAttribute('data-value', String(kvCacheBytes({ ...shape, kvHeads: 1 })));
    await expect(demo.locator('[data-cell="gqa"]')).toHaveText(formatCount(kvCacheBytes({ ...shape, kvHeads: 8 })));
    await expect(demo.getByLabel('Model')).toHaveValue('custom');
    // Bad input: too many KV heads, a non-divisor, an empty field, a word.
    await expectInputMessage(page, demo, 'KV heads g', '64', 'cacheKvHeads', 'The maximum is 32; using 32.');
    await typeIn(page, demo.getByLabel('KV heads g'), '6');
    await expect(demo.locator('[data-msg-for="cacheKvHeads"]')).toHaveText(
      'KV heads must divide the 32 query heads (each serves a whole group); using 4.',
    );
    await expect(demo.locator('[data-cell="gqa"]')).toHaveAttribute('data-value', String(kvCacheBytes({ ...shape, kvHeads: 4 })));
    await expectInputMessage(page, demo, 'Layers L', '', 'layers', 'Layers is empty; keeping 32.');
    await expectInputMessage(page, demo, 'Head dimension d_k', 'NaN', 'headDim', '“NaN” is not a number; keeping Head dimension = 128.');
    // Still working.
    await demo.getByLabel('Model').selectOption('gpt3-175b');
    await expect(demo.locator('[data-cell="gqa"]')).toHaveAttribute(
      'data-value',
      String(kvCacheBytes({ layers: 96, kvHeads: 96, headDim: 128, tokens: 2048, batch: 8, bytesPerValue: 0.5 })),
    );
    await expect(demo.locator('[data-live]')).toContainText('GPT-3 175B at 2,048 tokens');
    expect(errors).toEqual([]);
  });
});

test.describe('gated-feed-forward', () => {
  test('compare: keyboard seed and a typed x; outputs equal swiglu and the ReLU layer; bad input keeps working', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.ffn, '#ffn-compare');
    await expectLabelled(demo);
    await typeIn(page, demo.getByLabel('Input x'), '0.5, -1, 2, 0');
    await demo.getByLabel('Seed of the weights').focus();
    await page.keyboard.press('ArrowUp'); // seed 2
    await demo.getByRole('button', { name: 'Re-roll weights' }).focus();
    await page.keyboard.press('Enter'); // seed 3
    await expect(demo.getByLabel('Seed of the weights')).toHaveValue('3');
    const x = { rows: 1, cols: 4, data: Float64Array.from([0.5, -1, 2, 0]) };
    const w = ffnWeights(4, 3);
    const y = swiglu(x, { w1: w.g1, w3: w.g3, w2: w.g2 });
    const cells = await cellsOf(demo);
    for (let c = 0; c < 4; c++) {
      expectSame(cells.get(`swiglu-y${c}`)!.value, y.data[c]!);
      expect(cells.get(`swiglu-y${c}`)!.text).toBe(formatNumber(y.data[c]!, 3));
    }
    expect(cells.get('swiglu-params')!.value).toBe(3 * 4 * 11);
    expect(cells.get('relu-params')!.value).toBe(2 * 4 * 16);
    // Bad input: a word in x, then too many numbers; the table keeps working.
    await expectInputMessage(page, demo, 'Input x', '1, two, 3', 'x', '“two” in x is not a number; keeping the last vector.');
    await typeIn(page, demo.getByLabel('Input x'), Array.from({ length: 20 }, (_v, i) => String(i % 3)).join(' '));
    await expect(demo.locator('[data-msg-for="x"]')).toHaveText('Only the first 16 numbers are used.');
    await expect(demo.locator('[data-cell="swiglu-hidden"]')).toHaveText(String(Math.round((2 / 3) * 64)));
    expect(errors).toEqual([]);
  });

  test('params: keyboard d_model; counts follow the 2/3 rule and LLaMA’s rounding; bad input is explained', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.ffn, '#ffn-params');
    await expectLabelled(demo);
    await expect(demo.locator('[data-cell="llama-hidden"]')).toHaveAttribute('data-value', '11008');
    await demo.getByLabel('d_model').focus();
    await page.keyboard.press('ArrowUp'); // 4096 → 4352 (step 256)
    await expect(demo.locator('[data-cell="relu-params"]')).toHaveAttribute('data-value', String(8 * 4352 * 4352));
    await expect(demo.locator('[data-cell="swiglu-hidden"]')).toHaveAttribute('data-value', String(Math.round((8 * 4352) / 3)));
    await expectInputMessage(page, demo, 'd_model', '0', 'paramD', 'The minimum is 1; using 1.');
    await typeIn(page, demo.getByLabel('d_model'), '5120');
    await expect(demo.locator('[data-cell="llama-hidden"]')).toHaveAttribute('data-value', '13824');
    expect(errors).toEqual([]);
  });
});

test.describe('rope-scaling', () => {
  test('keyboard lengths and d; frequencies equal ropeFrequencies; bad input is explained and the demo keeps working', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.rope, '#rope-scaling');
    await expectLabelled(demo);
    await typeIn(page, demo.getByLabel('Trained context length'), '4096');
    await demo.getByLabel('Target context length').focus();
    await press(page, 'ArrowUp', 8); // 8192 + 8·1024 = 16384: s = 4
    await typeIn(page, demo.getByLabel('Head dimension d (even)'), '128');
    const none = ropeFrequencies(128);
    const linear = ropeFrequencies(128, { scaling: { type: 'linear', factor: 4 } });
    const ntk = ropeFrequencies(128, { scaling: { type: 'ntk', factor: 4 } });
    const cells = await cellsOf(demo);
    expectSame(cells.get('none-thetamin')!.value, none.at(-1)!);
    expectSame(cells.get('linear-theta0')!.value, linear[0]!);
    expectSame(cells.get('ntk-thetamin')!.value, ntk.at(-1)!);
    expectSame(cells.get('ntk-theta0')!.value, 1);
    expectSame(cells.get('none-angle')!.value, 16384 * none.at(-1)!);
    expect(cells.get('none-inside')!.text).toBe('no');
    expect(cells.get('linear-inside')!.text).toBe('yes');
    await expect(demo.locator('[data-live]')).toContainText('(s = 4.00)');
    // Bad input.
    await expectInputMessage(page, demo, 'Head dimension d (even)', '7', 'd', 'd must be even; using 8.');
    await expectInputMessage(page, demo, 'Base', '', 'base', 'Base is empty; keeping 10000.');
    await expectInputMessage(page, demo, 'Target context length', '1e9', 'targetLength', 'The maximum is 1048576; using 1048576.');
    await typeIn(page, demo.getByLabel('Target context length'), '2048');
    await expect(demo.locator('[data-live]')).toContainText('no scaling is needed');
    expect(errors).toEqual([]);
  });
});

test.describe('low-rank-adaptation', () => {
  test('update: keyboard rank, α and B = 0; outputs equal loraLinear; bad α is explained', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.lora, '#lora-update');
    await expectLabelled(demo);
    await demo.getByLabel('Rank r').focus();
    await page.keyboard.press('ArrowUp'); // 4 → 2
    await demo.getByLabel('α', { exact: true }).focus();
    await press(page, 'ArrowUp', 4); // 8 → 12
    const { x, w0, a, b } = updateInputs(2, 1, false);
    const out = loraLinear(x, w0, a, b, 12);
    const base = loraLinear(x, w0, a, b, 0);
    let cells = await cellsOf(demo);
    for (let c = 0; c < 8; c++) {
      expectSame(cells.get(`adapted-${c}`)!.value, out.data[c]!);
      expectSame(cells.get(`base-${c}`)!.value, base.data[c]!);
    }
    await demo.getByLabel('B at its initial value 0').focus();
    await page.keyboard.press('Space');
    cells = await cellsOf(demo);
    for (let c = 0; c < 8; c++) expect(cells.get(`adapted-${c}`)!.value).toBe(cells.get(`base-${c}`)!.value);
    expect(cells.get('update-rms')!.value).toBe(0);
    await typeIn(page, demo.getByLabel('α', { exact: true }), '-5');
    await expect(demo.locator('[data-msg-for="alpha"]')).toHaveText('The minimum is 0; using 0.');
    await typeIn(page, demo.getByLabel('α', { exact: true }), 'x');
    await expect(demo.locator('[data-msg-for="alpha"]')).toHaveText('“x” is not a number; keeping α = 0.');
    await demo.getByLabel('B at its initial value 0').focus();
    await page.keyboard.press('Space');
    await typeIn(page, demo.getByLabel('α', { exact: true }), '16');
    await expect(demo.locator('[data-msg-for="alpha"]')).toHaveText('');
    const again = loraLinear(x, w0, a, b, 16);
    await expect(demo.locator('[data-cell="adapted-0"]')).toHaveText(formatNumber(again.data[0]!, 3));
    expect(errors).toEqual([]);
  });

  test('cost: keyboard d, k and r; counts are r(d + k) and d·k; bad input is explained', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.lora, '#lora-cost');
    await expectLabelled(demo);
    await typeIn(page, demo.getByLabel('Output size k'), '11008');
    await demo.getByLabel('Rank r').focus();
    await press(page, 'ArrowUp', 8); // 8 → 16
    await expect(demo.locator('[data-cell="full"]')).toHaveAttribute('data-value', String(4096 * 11008));
    await expect(demo.locator('[data-cell="lora"]')).toHaveAttribute('data-value', String(16 * (4096 + 11008)));
    await expect(demo.locator('[data-cell="lora-bytes"]')).toHaveAttribute(
      'data-value',
      String(2 * 4096 * 11008 + 16 * 16 * (4096 + 11008)),
    );
    await expectInputMessage(page, demo, 'Input size d', '', 'costD', 'd is empty; keeping 4096.');
    await expectInputMessage(page, demo, 'Rank r', '2.5', 'costR', 'r must be a whole number; using 3.');
    await typeIn(page, demo.getByLabel('Rank r'), '5000');
    await expect(demo.locator('[data-cell="lora-note"]')).toContainText('LoRA saves nothing');
    expect(errors).toEqual([]);
  });
});

test.describe('selective-scan', () => {
  test('scan: keyboard Δ and the selected step; state and output equal selectiveScan; bad input is explained', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.scan, '#scan-state');
    await expectLabelled(demo);
    await demo.getByLabel('Δ at the selected step').focus();
    await press(page, 'ArrowUp', 9); // 0.5 → 5 (step 0.5)
    await expect(demo.getByLabel('Δ at the selected step')).toHaveValue('5.0');
    const s = { ...SCAN_DEFAULTS, stepDelta: 5 };
    const inp = scanInputs(s);
    const y = selectiveScan(inp.u, inp.delta, inp.a, inp.b, inp.b);
    let cells = await cellsOf(demo);
    for (let t = 0; t < 12; t++) expectSame(cells.get(`y-${t}`)!.value, y.data[t]!);
    expect(cells.get('delta-5')!.value).toBe(5);
    expect(cells.get('keep0-5')!.value).toBeCloseTo(Math.exp(-5), 12);
    await expect(demo.locator('[data-live]')).toContainText('At step 6, Δ = 5.00 keeps 0.7% of h[1]');
    // The selected step moves with the keyboard.
    await demo.getByLabel('Selected step', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    cells = await cellsOf(demo);
    expect(cells.get('delta-4')!.value).toBe(5);
    expect(cells.get('delta-5')!.value).toBe(0.5);
    // Bad input.
    await expectInputMessage(page, demo, 'Δ at every step', '-1', 'delta', 'The minimum is 0; using 0.');
    await expectInputMessage(page, demo, 'A of the two state entries', '-1', 'a', 'A needs at least 2 numbers; keeping the last vector.');
    await expectInputMessage(page, demo, 'Input sequence u', '', 'u', 'u is empty; keeping the last vector.');
    await typeIn(page, demo.getByLabel('Selected step', { exact: true }), '40');
    await expect(demo.locator('[data-msg-for="step"]')).toHaveText('The maximum is 12; using 12.');
    // Still working: a new sequence redraws.
    await typeIn(page, demo.getByLabel('Input sequence u'), '2, 0, 0');
    await typeIn(page, demo.getByLabel('Δ at every step'), '1');
    await expect(demo.locator('[data-cell^="y-"]')).toHaveCount(3);
    await expect(demo.locator('[data-cell="h0-0"]')).toHaveText(formatNumber(2, 3));
    expect(errors).toEqual([]);
  });

  test('cost: keyboard d and N; attention equals attentionCost, the scan n·D·(8N + 2)', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.scan, '#scan-cost');
    await expectLabelled(demo);
    await demo.getByLabel('State size N').focus();
    await press(page, 'ArrowUp', 4); // 16 → 32
    await typeIn(page, demo.getByLabel('Width d (channels D)'), '128');
    await demo.locator('details summary').focus();
    await page.keyboard.press('Enter');
    for (const n of [16, 4096, 262144]) {
      await expect(demo.locator(`[data-cell="att-flops-${n}"]`)).toHaveAttribute('data-value', String(attentionCost('full', n, 128).flops));
      await expect(demo.locator(`[data-cell="scan-flops-${n}"]`)).toHaveAttribute('data-value', String(n * 128 * (8 * 32 + 2)));
    }
    await expect(demo.locator('[data-cell="scan-mem-4096"]')).toHaveAttribute('data-value', String(128 * 32));
    await expectInputMessage(page, demo, 'State size N', '0', 'costN', 'The minimum is 1; using 1.');
    expect(errors).toEqual([]);
  });
});

test.describe('with JavaScript off', () => {
  test('each demo shows its build-time figure with the default numbers and hides the controls', async ({ browser }) => {
    const gqa = await noJsPage(browser, PAGES.gqa);
    await expect(gqa.locator('#gqa-heads .demo__controls')).toBeHidden();
    await expect(gqa.locator('#gqa-heads .demo__nojs')).toBeVisible();
    const tokens = tokenize('the cat sat on the mat', []).value;
    const ref = groupedQueryAttention(embedTokens(tokens, 16), gqaWeights(4, 2, 4), { heads: 4, kvHeads: 2, causal: true });
    await expect(gqa.locator('#gqa-heads table[data-matrix="w3"] td').nth(7)).toHaveText(formatNumber(ref.headWeights[2]!.data[7]!, 2));
    await expect(gqa.locator('#gqa-cache [data-cell="gqa-size"]')).toHaveText('1.25 GiB');

    const ffn = await noJsPage(browser, PAGES.ffn);
    const w = ffnWeights(8, 1);
    const x = { rows: 1, cols: 8, data: Float64Array.from([1, -0.5, 2, -1.5, 0.25, -2, 0.75, 1.25]) };
    await expect(ffn.locator('[data-cell="swiglu-y0"]')).toHaveText(formatNumber(swiglu(x, { w1: w.g1, w3: w.g3, w2: w.g2 }).data[0]!, 3));
    await expect(ffn.locator('[data-cell="llama-params"]')).toHaveText('135,266,304');

    const rope = await noJsPage(browser, PAGES.rope);
    await expect(rope.locator('[data-cell="linear-theta0"]')).toHaveText('0.2500');
    await expect(rope.locator('svg[data-chart="dot-chart"]')).toBeVisible();

    const lora = await noJsPage(browser, PAGES.lora);
    await expect(lora.locator('[data-cell="lora"]')).toHaveText('65,536');
    const { x: lx, w0, a, b } = updateInputs(4, 1, false);
    await expect(lora.locator('[data-cell="adapted-0"]')).toHaveText(formatNumber(loraLinear(lx, w0, a, b, 8).data[0]!, 3));

    const scan = await noJsPage(browser, PAGES.scan);
    await expect(scan.locator('[data-cell="h0-5"]')).toHaveText('1.541');
    await expect(scan.locator('svg[data-chart="scan-flops"]')).toBeVisible();
    for (const p of [gqa, ffn, rope, lora, scan]) await p.context().close();
  });
});

test.describe('every LLM building-block demo', () => {
  for (const [pageKey, id] of INSTANCES) {
    test(`${id}: recompute runs, 360 px has no horizontal scroll, and axe finds nothing serious`, async ({ page }) => {
      const { demo, errors } = await openDemo(page, PAGES[pageKey], `#${id}`);
      await expectSoundDemo(page, demo, `#${id}`);
      await expect(demo.locator('[data-error]')).toHaveText('');
      expect(errors).toEqual([]);
    });
  }
});
