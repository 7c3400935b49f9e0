/**
 * Browser tests of the interactive demos (src/demos/). For every demo:
 * - drive it with the keyboard only (focus, arrow keys, typing, Space/Enter), then check that the
 *   numbers on the page equal what src/compute returns for the same inputs, computed here in Node;
 * - feed it bad input and check the message next to the control, with no console error;
 * - with JavaScript off, check the build-time figure and its numbers.
 * Plus: recompute() timing at default sizes, 360 px layout, and axe on each demo.
 *
 * Run: npm run build && npx playwright test tests/e2e/demos.spec.ts
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  additiveAttention,
  alibiBias,
  alibiSlopes,
  layerNorm,
  matrix,
  multiHeadAttention,
  rmsNorm,
  rotaryEmbedding,
  scaledDotProductAttention,
  sinusoidalEncoding,
  slidingWindowMask,
  temperatureScale,
  zeros,
  type Matrix,
} from '../../src/compute/index.ts';
import { concatCols, matmul, sliceCols, transpose } from '../../src/compute/matrix.ts';
import { formatNumber } from '../../src/demos/shared/format.ts';
import { embedTokens, tokenize } from '../../src/demos/shared/tokens.ts';
// Deterministic inputs of the demos (seeded weights, the dictionary); the math below is src/compute's.
import { DEFAULT_SOURCE, LEXICON, additiveParams } from '../../src/demos/additive-attention/view.ts';
import { projections } from '../../src/demos/multi-head-attention/view.ts';
import { ROPE_SEEDS } from '../../src/demos/rotary-embedding/view.ts';
import { layerWeights } from '../../src/demos/layer-normalization/view.ts';
import { randomMatrix } from '../../src/demos/shared/tokens.ts';
import { expectInputMessage, expected, expectSoundDemo, openDemo, press, tableTexts, tabTo, typeInto, watchErrors } from './support.ts';

const PAGES = {
  playground: '/concepts/scaled-dot-product-attention/',
  sequence: '/concepts/multi-head-attention/',
  masks: '/concepts/attention-masks/',
  bahdanau: '/concepts/additive-attention/',
  sinusoidal: '/concepts/positional-encoding/',
  rope: '/concepts/rotary-embedding/',
  alibi: '/concepts/alibi/',
  norm: '/concepts/layer-normalization/',
} as const;

/** Multi-head self-attention of the sequence demo, written with src/compute (mask: 1 = may attend). */
function sequenceReference(tokens: string[], heads: number, dk: number, positional: boolean, mask: Matrix | null, causal: boolean) {
  const d = heads * dk;
  const x = embedTokens(tokens, d);
  if (positional) {
    const pe = sinusoidalEncoding(tokens.length, d);
    for (let i = 0; i < x.data.length; i++) x.data[i]! += pe.data[i]!;
  }
  const w = projections(d);
  if (!mask) {
    const r = multiHeadAttention(x, w, { heads, causal });
    return { weights: r.headWeights, output: r.output, x, w };
  }
  const q = matmul(x, w.wq);
  const k = matmul(x, w.wk);
  const v = matmul(x, w.wv);
  const weights: Matrix[] = [];
  const outs: Matrix[] = [];
  for (let a = 0; a < heads; a++) {
    const r = scaledDotProductAttention(
      sliceCols(q, a * dk, (a + 1) * dk),
      sliceCols(k, a * dk, (a + 1) * dk),
      sliceCols(v, a * dk, (a + 1) * dk),
      { mask },
    );
    weights.push(r.weights);
    outs.push(r.output);
  }
  return { weights, output: matmul(concatCols(outs), w.wo), x, w };
}

// ---------------------------------------------------------------------------------------------

test.describe('scaled-dot-product-attention (playground)', () => {
  test('keyboard: temperature slider and the query handle; numbers match scaledDotProductAttention', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.playground, 'atlas-scaled-dot-product-attention');
    const slider = demo.getByRole('slider', { name: 'Temperature T' });
    await slider.focus();
    await press(page, 'ArrowLeft', 5); // T: 1.0 → 0.5
    await expect(demo.locator('output[data-value-for="temperature"]')).toHaveText('0.50');
    const handle = demo.getByRole('slider', { name: 'Query q' });
    await tabTo(page, handle);
    await press(page, 'ArrowRight', 5); // q.x: 1.5 → 2.0
    await press(page, 'Shift+ArrowDown'); // q.y: 1.0 → 0.5
    await expect(handle).toHaveAttribute('aria-valuetext', 'x 2.00, y 0.50');
    await expect(demo.getByLabel('Query q, x')).toHaveValue('2');

    const keys = [
      [2, 0.5],
      [-1, 2],
      [0.5, -1.5],
    ];
    const q = matrix([[2, 0.5]]);
    const k = matrix(keys);
    const scale = temperatureScale(0.5, 2);
    const { weights, output } = scaledDotProductAttention(q, k, k, { scale });
    const dots = matmul(q, transpose(k));
    for (let j = 0; j < 3; j++) {
      await expect(demo.locator(`[data-cell="dot-${j}"]`)).toHaveText(formatNumber(dots.data[j]!));
      await expect(demo.locator(`[data-cell="score-${j}"]`)).toHaveText(formatNumber(dots.data[j]! * scale));
      await expect(demo.locator(`[data-cell="weight-${j}"]`)).toHaveText(formatNumber(weights.data[j]!, 3));
      const exact = Number(await demo.locator(`[data-cell="weight-${j}"]`).getAttribute('data-value'));
      expect(Math.abs(exact - weights.data[j]!)).toBeLessThan(1e-12);
    }
    await expect(demo.locator('[data-cell="output"]')).toContainText(
      `(${formatNumber(output.data[0]!)}, ${formatNumber(output.data[1]!)})`,
    );
    await expect(demo.locator('[data-live]')).toHaveText(
      new RegExp(`key k1 \\(weight ${formatNumber(weights.data[0]!, 3)}\\) at temperature 0\\.50`),
    );
    expect(errors).toEqual([]);
  });

  test('bad coordinates show a message, keep or clamp the value, and log nothing', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.playground, 'atlas-scaled-dot-product-attention');
    const before = await demo.locator('[data-cell="weight-0"]').textContent();
    const qx = demo.getByLabel('Query q, x');
    await expectInputMessage(page, demo, qx, 'abc', 'qx', '“abc” is not a number; keeping q x = 1.50.', { commit: false });
    await expect(qx).toHaveAttribute('aria-invalid', 'true');
    await expect(demo.locator('[data-cell="weight-0"]')).toHaveText(before ?? '');
    await expectInputMessage(page, demo, qx, '9', 'qx', 'The maximum is 3; using 3.', { commit: false });
    await expect(demo.getByRole('slider', { name: 'Query q' })).toHaveAttribute('aria-valuetext', 'x 3.00, y 1.00');
    await page.keyboard.press('Tab'); // change event: the field shows the value in use
    await expect(qx).toHaveValue('3');
    await expectInputMessage(page, demo, qx, '1', 'qx', '', { commit: false });
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('multi-head-attention', () => {
  test('keyboard: sentence, heads, d_k, positions and mask; weights, scores and output match src/compute', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.sequence, 'atlas-multi-head-attention');
    await typeInto(page, demo.getByLabel('Sentence', { exact: true }), 'a rose is a rose');
    await demo.getByLabel('Heads h').focus();
    await page.keyboard.press('ArrowDown'); // 2 → 4
    await expect(demo.getByLabel('Heads h')).toHaveValue('4');
    await demo.getByLabel('d_k per head').focus();
    await page.keyboard.press('ArrowUp'); // 4 → 5
    await expect(demo.getByLabel('d_k per head')).toHaveValue('5');
    await demo.getByLabel('Add sinusoidal positional encoding').focus();
    await page.keyboard.press('Space'); // off
    await demo.getByLabel('Mask').focus();
    await page.keyboard.press('ArrowDown'); // none → causal
    await expect(demo.getByLabel('Mask')).toHaveValue('causal');

    const tokens = tokenize('a rose is a rose', []).value;
    const ref = sequenceReference(tokens, 4, 5, false, null, true);
    for (let a = 0; a < 4; a++) {
      await expect
        .poll(() => tableTexts(demo.locator(`table[data-matrix="w${a + 1}"]`)))
        .toEqual(expected(ref.weights[a]!, 2, (i, j) => j > i));
    }
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="out"]'))).toEqual(expected(ref.output));
    const q = matmul(ref.x, ref.w.wq);
    const k = matmul(ref.x, ref.w.wk);
    const scores = matmul(sliceCols(q, 5, 10), transpose(sliceCols(k, 5, 10)));
    scores.data.forEach((v, i) => (scores.data[i] = v * (1 / Math.sqrt(5))));
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="s2"]'))).toEqual(expected(scores, 2, (i, j) => j > i));

    // Focusing a cell shows the term behind it: Tab into head 1's weights, then arrow keys.
    const first = demo.locator('table[data-matrix="w1"] td[data-i="0"][data-j="0"]');
    await tabTo(page, first, 60);
    await press(page, 'ArrowDown', 2);
    await page.keyboard.press('ArrowRight');
    await expect(demo.locator('table[data-matrix="w1"] td[data-i="2"][data-j="1"]')).toBeFocused();
    const s1 = matmul(sliceCols(q, 0, 5), transpose(sliceCols(k, 0, 5)));
    const sc = (i: number, j: number): number => s1.data[i * 5 + j]! * (1 / Math.sqrt(5));
    await expect(demo.locator('[data-detail-also="w1"]')).toHaveText(
      `Head 1: α(is₃ → rose₂) = exp(s − max) / Σ_j exp(s_j − max) with s = ${formatNumber(sc(2, 1))}, max = ${formatNumber(Math.max(sc(2, 0), sc(2, 1), sc(2, 2)))} over 3 allowed keys = ${formatNumber(ref.weights[0]!.data[2 * 5 + 1]!, 3)}.`,
    );
    await press(page, 'ArrowRight', 2);
    await expect(demo.locator('[data-detail-also="w1"]')).toContainText('masked (causal mask: key 4 comes after query 3)');
    expect(errors).toEqual([]);
  });

  test('padding and sliding-window masks (attention-masks page) match scaledDotProductAttention per head', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.masks, 'atlas-multi-head-attention');
    await expect(demo.getByLabel('Mask')).toHaveValue('causal');
    await demo.getByLabel('Mask').focus();
    await page.keyboard.press('ArrowDown'); // causal → padding
    await expect(demo.getByLabel('Mask')).toHaveValue('padding');
    const labels = [...tokenize('the cat sat on the mat', []).value, '[PAD]', '[PAD]'];
    const pad = zeros(8, 8);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 6; j++) pad.data[i * 8 + j] = 1;
    let ref = sequenceReference(labels, 2, 4, true, pad, false);
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="w2"]'))).toEqual(expected(ref.weights[1]!, 2, (_i, j) => j >= 6));
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="out"]'))).toEqual(expected(ref.output));

    await page.keyboard.press('ArrowDown'); // padding → window
    await typeInto(page, demo.getByLabel('Window w'), '1');
    const tokens = labels.slice(0, 6);
    const win = slidingWindowMask(6, 1, 'causal');
    ref = sequenceReference(tokens, 2, 4, true, win, false);
    await expect
      .poll(() => tableTexts(demo.locator('table[data-matrix="w1"]')))
      .toEqual(expected(ref.weights[0]!, 2, (i, j) => win.data[i * 6 + j] === 0));
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="out"]'))).toEqual(expected(ref.output));
    await expect(demo.locator('[data-live]')).toContainText('Mask sliding window (causal), 2 heads of d_k = 4');
    expect(errors).toEqual([]);
  });

  test('bad input: messages, clamping, a kept sentence and a compute error shown in the page', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.sequence, 'atlas-multi-head-attention');
    await typeInto(page, demo.getByLabel('Sentence', { exact: true }), '');
    await expect(demo.locator('[data-msg-for="sentence"]')).toHaveText('Type at least one word; keeping the last sentence.');
    await expect(demo.locator('table[data-matrix="w1"] tbody tr')).toHaveCount(6);
    // A long text arrives as one input event, as a paste does; typing it key by key would redraw
    // 64×64 heatmaps a few hundred times and only measure the machine.
    await demo.getByLabel('Sentence', { exact: true }).fill(Array.from({ length: 70 }, (_x, i) => `w${i}`).join(' '));
    await expect(demo.locator('[data-msg-for="sentence"]')).toHaveText('Only the first 64 of 70 tokens are used.');
    // Past TABLE_MAX_TOKENS the weights are an SVG heatmap, its table drawn only when opened.
    await expect(demo.locator('svg[data-matrix="w1"]')).toHaveAttribute('data-rows', '64');
    await expect(demo.locator('details[data-table-for="w1"] table')).toHaveCount(0);
    await demo.locator('details[data-table-for="w1"] summary').focus();
    await page.keyboard.press('Enter');
    await expect(demo.locator('table[data-matrix="w1"] tbody tr')).toHaveCount(64);
    await typeInto(page, demo.getByLabel('Sentence', { exact: true }), 'the cat sat');
    await expect(demo.locator('[data-msg-for="sentence"]')).toHaveText('');
    const dk = demo.getByLabel('d_k per head');
    await expectInputMessage(page, demo, dk, 'abc', 'dk', '“abc” is not a number; keeping d_k = 4.', { commit: false });
    await expectInputMessage(page, demo, dk, '999', 'dk', 'The maximum is 32; using 32.', { commit: false });
    await expect(demo.locator('table[data-matrix="out"] thead th')).toHaveCount(65); // corner + d_model = 2 × 32
    await demo.getByLabel('Heads h').focus();
    await press(page, 'End'); // 8 heads × 32 > 128
    await expect(demo.getByLabel('Heads h')).toHaveValue('8');
    await expect(demo.locator('[data-msg-for="dk"]')).toHaveText('d_model = 8 × d_k must be at most 128; using d_k = 16.');
    // An odd d_model with sinusoidal positions: src/compute's ShapeError reaches the page, not the console.
    await demo.getByLabel('Heads h').focus();
    await press(page, 'Home'); // 1 head
    await typeInto(page, dk, '3');
    await expect(demo.locator('[data-error]')).toHaveText(
      /^sinusoidalEncoding: d_model = 3 is odd; .* The figure shows the last inputs that worked\.$/,
    );
    await typeInto(page, dk, '4');
    await expect(demo.locator('[data-error]')).toHaveText('');
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('additive-attention (Bahdanau alignment)', () => {
  test('keyboard: seed, re-roll and sharing; both alignment matrices match additiveAttention and scaledDotProductAttention', async ({
    page,
  }) => {
    const { demo, errors } = await openDemo(page, PAGES.bahdanau, 'atlas-additive-attention');
    await demo.getByLabel('Seed of W, U, v').focus();
    await page.keyboard.press('ArrowUp'); // seed 2
    await demo.getByRole('button', { name: 'Re-roll additive parameters' }).focus();
    await page.keyboard.press('Enter'); // seed 3
    await expect(demo.getByLabel('Seed of W, U, v')).toHaveValue('3');
    await typeInto(page, demo.getByLabel('Source sentence (encoder)'), 'the cat sat on the mat');
    await typeInto(page, demo.getByLabel('Target sentence (decoder)'), 'le chat est assis sur le tapis');
    // Open both number tables with the keyboard.
    for (const key of ['additive', 'dot']) {
      await demo.locator(`details[data-table-for="${key}"] summary`).focus();
      await page.keyboard.press('Enter');
    }
    const source = tokenize('the cat sat on the mat', []).value;
    const target = tokenize('le chat est assis sur le tapis', []).value;
    const h = embedTokens(source, 16);
    const s = embedTokens(target, 16, 0, (t) => LEXICON[t] ?? t);
    const add = additiveAttention(s, h, additiveParams(16, 8, 3));
    const dot = scaledDotProductAttention(s, h, h);
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="additive"]'))).toEqual(expected(add.weights));
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="dot"]'))).toEqual(expected(dot.weights));

    // The SVG heatmap reads out a cell under the keyboard cursor.
    const svg = demo.locator('svg[data-matrix="dot"]');
    await svg.focus();
    await press(page, 'ArrowDown', 1);
    await press(page, 'ArrowRight', 1);
    await expect(demo.locator('[data-detail-for="dot"]')).toContainText(`“chat” → “cat”: e = s_2·h_2 / √16`);
    await expect(demo.locator('[data-detail-for="dot"]')).toContainText(`α = ${formatNumber(dot.weights.data[1 * 6 + 1]!, 3)}.`);

    // Unsharing the states: the dictionary no longer ties "chat" to "cat".
    await demo.getByLabel(/Share states between dictionary pairs/).focus();
    await page.keyboard.press('Space');
    const plain = scaledDotProductAttention(embedTokens(target, 16), h, h);
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="dot"]'))).toEqual(expected(plain.weights));
    expect(errors).toEqual([]);
  });

  test('bad input shows messages and keeps the last good state', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.bahdanau, 'atlas-additive-attention');
    await expectInputMessage(page, demo, 'State size d', '-5', 'd', 'The minimum is 1; using 1.', { commit: false });
    await expectInputMessage(page, demo, 'Attention size d_a', 'lots', 'da', '“lots” is not a number; keeping Attention size d_a = 8.', {
      commit: false,
    });
    await expectInputMessage(
      page,
      demo,
      'Source sentence (encoder)',
      '   ',
      'source',
      'Type at least one word; keeping the last sentence.',
      { commit: false },
    );
    await expect(demo.locator('svg[data-matrix="dot"]')).toHaveAttribute('data-cols', String(tokenize(DEFAULT_SOURCE, []).value.length)); // the default, kept
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('sinusoidal encoding, RoPE and ALiBi', () => {
  test('sinusoidal: keyboard sizes, the PE table and the heatmap read-out match sinusoidalEncoding', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.sinusoidal, 'atlas-sinusoidal-encoding');
    await typeInto(page, demo.getByLabel('Positions n'), '12');
    await demo.getByLabel('d_model (even)').focus();
    await press(page, 'ArrowDown', 12); // 32 → 8 (step 2)
    await expect(demo.getByLabel('d_model (even)')).toHaveValue('8');
    await demo.locator('details[data-table-for="pe"] summary').focus();
    await page.keyboard.press('Enter');
    const pe = sinusoidalEncoding(12, 8);
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="pe"]'))).toEqual(expected(pe));
    await demo.locator('details[data-table-for="sim"] summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tableTexts(demo.locator('table[data-matrix="sim"]'))).toEqual(expected(matmul(pe, transpose(pe))));
    await demo.locator('svg[data-matrix="pe"]').focus();
    await press(page, 'ArrowDown', 3);
    await press(page, 'ArrowRight', 4);
    await expect(demo.locator('[data-detail-for="pe"]')).toHaveText(
      `PE[3][4] = sin(3 / 10000^(4/8)) = ${formatNumber(pe.data[3 * 8 + 4]!, 3)}`,
    );
    await expect(demo.locator('[data-live]')).toContainText('squared length d/2 = 4.00');
    // Bad input: odd d, a huge n, a word for the base.
    await expectInputMessage(page, demo, 'd_model (even)', '7', 'sinD', 'd_model must be even; using 8.', { commit: false });
    await expectInputMessage(page, demo, 'Positions n', '1000', 'sinLength', 'The maximum is 64; using 64.', { commit: false });
    await expect(demo.locator('svg[data-matrix="pe"]')).toHaveAttribute('data-rows', '64');
    await typeInto(page, demo.getByLabel('Base', { exact: true }), 'ten');
    await expect(demo.locator('[data-msg-for="sinBase"]')).toHaveText('“ten” is not a number; keeping Base = 10000.');
    expect(errors).toEqual([]);
  });

  test('RoPE: shifting both positions keeps the dot product, as rotaryEmbedding says', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.rope, 'atlas-rotary-embedding');
    await demo.getByLabel('Query position').focus();
    await press(page, 'ArrowUp', 2); // 5 → 7
    await typeInto(page, demo.getByLabel('Shift both by'), '100');
    await demo.getByLabel('Pair shown i').focus();
    await press(page, 'ArrowUp', 1);
    const q = randomMatrix(1, 8, ROPE_SEEDS.q);
    const k = randomMatrix(1, 8, ROPE_SEEDS.k);
    const dotAt = (pq: number, pk: number): number => {
      const rq = rotaryEmbedding(q, { positions: [pq] });
      const rk = rotaryEmbedding(k, { positions: [pk] });
      return matmul(rq, transpose(rk)).data[0]!;
    };
    await expect(demo.locator('[data-cell="dot"]')).toHaveText(formatNumber(dotAt(7, 2), 4));
    await expect(demo.locator('[data-cell="dot-shifted"]')).toHaveText(formatNumber(dotAt(107, 102), 4));
    await expect(demo.locator('[data-cell="plain"]')).toHaveText(formatNumber(matmul(q, transpose(k)).data[0]!, 4));
    await expect(demo.locator('[data-live]')).toContainText('only the offset \u22125 matters');
    await expect(demo.locator('svg[data-plane="rope-plane"] title')).toHaveText(
      'Pair 1 (dimensions 2 and 3) of q and k, before and after rotation',
    );
    // Bad input.
    await expectInputMessage(page, demo, 'Pair shown i', '9', 'ropePair', 'The maximum is 3; using 3.', { commit: false });
    await expectInputMessage(page, demo, 'Key position', '', 'ropePk', 'Key position is empty; keeping 2.', { commit: false });
    expect(errors).toEqual([]);
  });

  test('ALiBi: slopes, the share of attention past the training length, and the bias read-out', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.alibi, 'atlas-alibi');
    await typeInto(page, demo.getByLabel('Heads h'), '12');
    await typeInto(page, demo.getByLabel('Sequence length n'), '40');
    await demo.getByLabel('Head shown').focus();
    await press(page, 'ArrowUp', 2); // head 3
    const slopes = alibiSlopes(12);
    const none = zeros(40, 1);
    for (let h = 0; h < 12; h++) {
      await expect(demo.locator(`[data-cell="slope-${h}"]`)).toHaveText(formatNumber(slopes[h]!, 4));
      const { weights } = scaledDotProductAttention(none, none, none, { bias: alibiBias(40, slopes[h]!), causal: true });
      let pastTraining = 0;
      for (let j = 0; j < 40; j++) if (39 - j >= 16) pastTraining += weights.data[39 * 40 + j]!;
      await expect(demo.locator(`[data-cell="past-training-${h}"]`)).toHaveText(`${formatNumber(100 * pastTraining, 1)}%`);
    }
    const bias = alibiBias(40, slopes[2]!);
    await demo.locator('svg[data-matrix="bias"]').focus();
    await press(page, 'ArrowDown', 5);
    await press(page, 'ArrowRight', 2);
    await expect(demo.locator('[data-detail-for="bias"]')).toHaveText(
      `bias[5][2] = −m·(i − j) = −${formatNumber(slopes[2]!, 4)} × 3 = ${formatNumber(bias.data[5 * 40 + 2]!, 3)}`,
    );
    await expectInputMessage(page, demo, 'Heads h', '0', 'alibiHeads', 'The minimum is 1; using 1.', { commit: false });
    await expect(demo.locator('[data-msg-for="alibiHead"]')).toHaveText('The maximum is 1; using 1.');
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('layer-normalization', () => {
  test('LayerNorm vs RMSNorm on a typed vector match src/compute', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.norm, '#normalization-vector');
    await typeInto(page, demo.getByLabel('Vector x'), '3, 1, 4, 1, 5, 9, 2, 6');
    await demo.getByLabel('Add c to every entry').focus();
    await press(page, 'ArrowUp', 3);
    const x = [3, 1, 4, 1, 5, 9, 2, 6].map((v) => v + 3);
    const ln = layerNorm(
      matrix([x]),
      x.map(() => 1),
      x.map(() => 0),
    );
    const rms = rmsNorm(
      matrix([x]),
      x.map(() => 1),
    );
    for (let c = 0; c < 8; c++) {
      await expect(demo.locator(`[data-cell="x-${c}"]`)).toHaveText(formatNumber(x[c]!));
      await expect(demo.locator(`[data-cell="ln-${c}"]`)).toHaveText(formatNumber(ln.data[c]!));
      await expect(demo.locator(`[data-cell="rms-${c}"]`)).toHaveText(formatNumber(rms.data[c]!));
    }
    // Pasted in one go: typed key by key, the intermediate "1" would itself become the last good vector.
    await demo.getByLabel('Vector x').fill('1, two, 3');
    await expect(demo.locator('[data-msg-for="x"]')).toHaveText('“two” in x is not a number; keeping the last vector.');
    await expect(demo.locator('[data-cell="x-7"]')).toHaveText(formatNumber(9));
    expect(errors).toEqual([]);
  });

  test('Pre-LN vs Post-LN across depth matches layerNorm and multiHeadAttention', async ({ page }) => {
    const { demo, errors } = await openDemo(page, PAGES.norm, '#normalization-depth');
    await typeInto(page, demo.getByLabel('Layers L'), '6');
    await demo.getByLabel('d_model').focus();
    await press(page, 'ArrowDown', 16); // 32 → 16
    await demo.getByRole('button', { name: 'Re-roll weights' }).focus();
    await page.keyboard.press('Enter'); // seed 2
    await demo.locator('details summary', { hasText: 'The numbers' }).focus();
    await page.keyboard.press('Enter');
    const d = 16,
      n = 8,
      seed = 2;
    const ones = Array(d).fill(1),
      zero = Array(d).fill(0);
    const meanRms = (m: Matrix): number => {
      let s = 0;
      for (let i = 0; i < m.rows; i++) {
        let r = 0;
        for (let c = 0; c < m.cols; c++) r += m.data[i * m.cols + c]! ** 2;
        s += Math.sqrt(r / m.cols);
      }
      return s / m.rows;
    };
    const addM = (a: Matrix, b: Matrix): Matrix => ({ rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v + b.data[i]!) });
    let pre = randomMatrix(n, d, seed * 7919);
    let post = pre;
    for (let l = 1; l <= 6; l++) {
      const w = layerWeights(d, seed, l);
      pre = addM(pre, multiHeadAttention(layerNorm(pre, ones, zero), w, { heads: 1 }).output);
      post = layerNorm(addM(post, multiHeadAttention(post, w, { heads: 1 }).output), ones, zero);
      await expect(demo.locator(`[data-cell="pre-${l}"]`)).toHaveText(formatNumber(meanRms(pre), 3));
      await expect(demo.locator(`[data-cell="post-${l}"]`)).toHaveText(formatNumber(meanRms(post), 3));
    }
    await expectInputMessage(page, demo, 'Layers L', '1000', 'layers', 'The maximum is 48; using 48.', { commit: false });
    await expectInputMessage(page, demo, 'Tokens n', '2.5', 'tokens', 'Tokens n must be a whole number; using 3.', { commit: false });
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every demo shows its build-time figure with the right numbers, and no controls', async ({ page }) => {
    await page.goto(PAGES.playground);
    const pg = page.locator('atlas-scaled-dot-product-attention');
    await expect(pg.locator('.demo__nojs')).toBeVisible();
    await expect(pg.locator('.demo__controls')).toBeHidden();
    const k = matrix([
      [2, 0.5],
      [-1, 2],
      [0.5, -1.5],
    ]);
    const w = scaledDotProductAttention(matrix([[1.5, 1]]), k, k, { scale: temperatureScale(1, 2) }).weights;
    for (let j = 0; j < 3; j++) await expect(pg.locator(`[data-cell="weight-${j}"]`)).toHaveText(formatNumber(w.data[j]!, 3));
    await expect(pg.locator('svg[data-plane] [data-vec="q"]')).toHaveCount(1);
    await expect(pg.locator('[data-live]')).toContainText(`key k1 (weight ${formatNumber(w.data[0]!, 3)})`);

    await page.goto(PAGES.masks);
    const sq = page.locator('atlas-multi-head-attention');
    await expect(sq.locator('.demo__controls')).toBeHidden();
    const ref = sequenceReference(tokenize('the cat sat on the mat', []).value, 2, 4, true, null, true);
    expect(await tableTexts(sq.locator('table[data-matrix="w1"]'))).toEqual(expected(ref.weights[0]!, 2, (i, j) => j > i));
    expect(await tableTexts(sq.locator('table[data-matrix="out"]'))).toEqual(expected(ref.output));

    await page.goto(PAGES.bahdanau);
    const bd = page.locator('atlas-additive-attention');
    await expect(bd.locator('svg[data-matrix="additive"]')).toBeVisible();
    const src = tokenize('The agreement on the European Economic Area was signed in August 1992 .', []).value;
    const tgt = tokenize("L' accord sur la zone économique européenne a été signé en août 1992 .", []).value;
    const h = embedTokens(src, 16);
    const s = embedTokens(tgt, 16, 0, (t) => LEXICON[t] ?? t);
    expect(await tableTexts(bd.locator('table[data-matrix="dot"]'))).toEqual(expected(scaledDotProductAttention(s, h, h).weights));
    expect(await tableTexts(bd.locator('table[data-matrix="additive"]'))).toEqual(
      expected(additiveAttention(s, h, additiveParams(16, 8, 1)).weights),
    );

    await page.goto(PAGES.sinusoidal);
    const pe = page.locator('atlas-sinusoidal-encoding');
    await expect(pe.locator('svg[data-matrix="pe"]')).toBeVisible();
    expect(await tableTexts(pe.locator('table[data-matrix="pe"]'))).toEqual(expected(sinusoidalEncoding(32, 32)));

    await page.goto(PAGES.alibi);
    const slopes = alibiSlopes(8);
    for (let hh = 0; hh < 8; hh++) await expect(page.locator(`[data-cell="slope-${hh}"]`)).toHaveText(formatNumber(slopes[hh]!, 4));

    await page.goto(PAGES.rope);
    const q = randomMatrix(1, 8, ROPE_SEEDS.q);
    const kk = randomMatrix(1, 8, ROPE_SEEDS.k);
    const dot = matmul(rotaryEmbedding(q, { positions: [5] }), transpose(rotaryEmbedding(kk, { positions: [2] }))).data[0]!;
    await expect(page.locator('[data-cell="dot"]')).toHaveText(formatNumber(dot, 4));
    await expect(page.locator('[data-cell="dot-shifted"]')).toHaveText(formatNumber(dot, 4));

    await page.goto(PAGES.norm);
    const x = [1, 2, 3, 4, 10, -2];
    const ln = layerNorm(
      matrix([x]),
      x.map(() => 1),
      x.map(() => 0),
    );
    for (let c = 0; c < 6; c++)
      await expect(page.locator(`#normalization-vector [data-cell="ln-${c}"]`)).toHaveText(formatNumber(ln.data[c]!));
    await expect(page.locator('#normalization-depth svg[data-chart="depth-rms"]')).toBeVisible();
    await expect(page.locator('#normalization-depth [data-cell="post-12"]')).toHaveText(/^1\.000$|^0\.999$/);
  });
});

// ---------------------------------------------------------------------------------------------

test.describe('every demo page', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name}: recompute runs, 360 px has no horizontal scroll, and axe finds nothing serious`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(path);
      await expectSoundDemo(page, page.locator('.demo').first(), '.demo', { seriousOnly: true });
      expect(errors).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------

/** One concept page per demo: together they load every demo in src/demos/. */
const DEMO_PAGES: Record<string, string> = {
  'scaled-dot-product-attention': '/concepts/scaled-dot-product-attention/',
  'multi-head-attention': '/concepts/multi-head-attention/',
  'additive-attention': '/concepts/additive-attention/',
  'sinusoidal-encoding': '/concepts/positional-encoding/',
  'rotary-embedding': '/concepts/rotary-embedding/',
  alibi: '/concepts/alibi/',
  'layer-normalization': '/concepts/layer-normalization/',
  'flash-attention': '/concepts/flash-attention/',
  'efficient-attention': '/concepts/efficient-attention/',
  'mixture-of-experts': '/concepts/mixture-of-experts/',
  'pretraining-objectives': '/concepts/pretraining-objectives/',
  'gated-feed-forward': '/concepts/gated-feed-forward/',
  'grouped-query-attention': '/concepts/grouped-query-attention/',
  'low-rank-adaptation': '/concepts/low-rank-adaptation/',
  'rope-scaling': '/concepts/rope-scaling/',
  'selective-scan': '/concepts/selective-scan/',
};

/**
 * Each demo's live parts and summary, as markup: what a reader sees. The body of a numbers table in
 * <details> is left out (the build draws it in full for readers without JavaScript; a redraw leaves a
 * closed one empty until it is opened). The build computes on Node's V8 and the page on Chromium's,
 * whose Math.exp and Math.sin may differ in the last bit: full-precision values (data-value) are
 * compared to 12 significant digits, and a printed value under 10⁻¹² (a difference that is zero up
 * to rounding) as "0".
 */
function demoMarkup(): string[][] {
  return [...document.querySelectorAll('.demo')].map((demo) => {
    const copy = demo.cloneNode(true) as HTMLElement;
    for (const d of copy.querySelectorAll('details[data-table-for]'))
      for (const c of [...d.children]) if (c.tagName !== 'SUMMARY') c.remove();
    return [...copy.querySelectorAll('[data-part], [data-live]')].map((el) =>
      el.innerHTML
        .replace(/data-value="(-?[\d.]+(?:e[-+]?\d+)?)"/g, (_m, v: string) => `data-value="${Number(v).toPrecision(12)}"`)
        .replace(/−?\d(?:\.\d+)? × 10⁻(?:¹[²³⁴⁵⁶⁷⁸⁹]|[²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{3})/g, '0'),
    );
  });
}

test.describe('on load', () => {
  test('the list of demo pages covers every demo in src/demos/', () => {
    const folders = readdirSync(new URL('../../src/demos/', import.meta.url), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'shared')
      .map((e) => e.name);
    expect(Object.keys(DEMO_PAGES).sort()).toEqual(folders.sort());
  });

  for (const [name, path] of Object.entries(DEMO_PAGES)) {
    test(`${name}: the build-time figure is kept (nothing redrawn at load) and equals what the element draws for the defaults`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      // Parsing is done when readyState turns "interactive", before any module script runs: from then
      // on, count every change to the demos' markup.
      await page.addInitScript(() => {
        const w = window as unknown as { demoMutations: number };
        w.demoMutations = 0;
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          const observer = new MutationObserver((records) => (w.demoMutations += records.length));
          for (const demo of document.querySelectorAll('.demo [data-part]')) observer.observe(demo, { childList: true, subtree: true });
        });
      });
      await page.goto(path);
      const tag = `atlas-${name}`;
      await page.waitForFunction((t) => customElements.get(t) !== undefined, tag);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as unknown as { demoMutations: number }).demoMutations)).toBe(0);

      const built = await page.evaluate(demoMarkup);
      expect(built.flat().length).toBeGreaterThan(0);
      await page.evaluate(() => {
        for (const demo of document.querySelectorAll('.demo')) (demo as HTMLElement & { recompute(): number }).recompute();
      });
      expect(await page.evaluate(demoMarkup)).toEqual(built);
      for (const error of await page.locator('.demo [data-error]').all()) await expect(error).toHaveText('');
      expect(errors).toEqual([]);
    });
  }

  test('a page with a demo loads one stylesheet: no second render-blocking request for the demos', async ({ request }) => {
    for (const path of [...Object.values(DEMO_PAGES), '/papers/choromanski2020rethinking/', '/papers/radford2018improving/']) {
      const html = await (await request.get(path)).text();
      expect(html).toContain('data-demo="');
      expect(html.match(/<link[^>]*rel="stylesheet"[^>]*>/g), path).toHaveLength(1);
    }
  });

  test('a first interaction that needs computed state works on the build-time figure', async ({ page }) => {
    const errors = watchErrors(page);
    // Stepping forward before anything else moves the stepper one tile on from the build-time one.
    await page.goto(DEMO_PAGES['flash-attention']!);
    const flash = page.locator('atlas-flash-attention').first();
    await page.waitForFunction(() => customElements.get('atlas-flash-attention') !== undefined);
    const [step, total] = (await flash.locator('output[data-value-for="step"]').textContent())!.split(' / ').map(Number);
    expect(step).toBeLessThan(total!);
    await flash.getByRole('button', { name: 'Step', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(flash.locator('output[data-value-for="step"]')).toHaveText(`${step! + 1} / ${total}`);

    // Focusing a heatmap first reads out its cell from the element's state.
    await page.goto(DEMO_PAGES['efficient-attention']!);
    await page.waitForFunction(() => customElements.get('atlas-efficient-attention') !== undefined);
    const svg = page.locator('#patterns-gallery svg[data-grid]').first();
    const detail = page.locator(`#${(await svg.getAttribute('aria-describedby'))!}`);
    const before = await detail.textContent();
    await svg.focus();
    await expect(detail).not.toHaveText(before ?? '');
    await expect(detail).toHaveText(/\S/);
    expect(errors).toEqual([]);
  });
});
