/**
 * Mixture-of-experts routing, two panels:
 *
 * 1. routing: router logits h = X·W_r for the tokens of a typed sentence (X: fixed pseudo-random
 *    embeddings, W_r: a seeded random router), with a skew s added to expert 1's logit. From
 *    src/compute: topKGating (Shazeer et al. 2017; Switch top-1 raw gates or GShard top-2
 *    renormalised gates), expertCapacity / dispatchWithCapacity (GShard §2.2, Switch eq. 3: tokens
 *    over capacity are dropped and ride the residual connection) and loadBalancingLoss (Switch eq. 4:
 *    α·E·Σ f_e·P_e), also plotted against the skew.
 * 2. params: parameters held against parameters used per token (moeParameterCounts) for a
 *    Switch-style (k = 1) and a GShard-style (k = 2) layer.
 */
import {
  dispatchWithCapacity,
  loadBalancingLoss,
  moeParameterCounts,
  topKGating,
  type Dispatch,
  type Matrix,
} from '../../compute/index.ts';
import { matmul } from '../../compute/matrix.ts';
import { lineChart } from '../shared/chart.ts';
import { cellColour } from '../shared/colour.ts';
import { formatNumber, subscript } from '../shared/format.ts';
import { escapeHtml, scrollBox } from '../shared/html.ts';
import { LIMITS } from '../shared/input.ts';
import { formatBig, formatCount } from '../shared/log-chart.ts';
import { embedTokens, randomMatrix, tokenize } from '../shared/tokens.ts';
import { pickParts } from '../shared/parts.ts';

export type Part = 'routing' | 'params';
export const PARTS: readonly Part[] = ['routing', 'params'];

export function partsFor(show: string | undefined): Part[] {
  return pickParts(show, PARTS);
}

export const PART_TITLES: Record<Part, string> = {
  routing: 'Routing tokens to experts: top-k gates, capacity and load balance',
  params: 'Parameters held against parameters used per token',
};

// ---------------------------------------------------------------------------------------------
// 1. Routing

export interface RoutingState {
  readonly tokens: readonly string[];
  /** Number of experts E. */
  readonly experts: number;
  /** Experts per token k (1 = Switch, 2 = GShard). */
  readonly k: number;
  /** Renormalise the chosen gates to sum to 1 (GShard, Mixtral) or keep raw probabilities (Switch). */
  readonly renormalize: boolean;
  readonly capacityFactor: number;
  /** Added to expert 1's logit for every token. */
  readonly skew: number;
  /** Seed of the router weights W_r. */
  readonly seed: number;
}

export const DEFAULT_SENTENCE = 'Sparse experts let a huge model spend little compute on each token .';
/** Width of the token embeddings fed to the router. */
export const ROUTER_D = 8;
/** The Switch Transformer's α. */
export const ALPHA = 0.01;

export const ROUTING_DEFAULTS: RoutingState = {
  tokens: tokenize(DEFAULT_SENTENCE, []).value,
  experts: 4,
  k: 1,
  renormalize: false,
  capacityFactor: 1.25,
  skew: 0,
  seed: 3,
};

export const ROUTING_RULES = {
  experts: { label: 'Experts E', min: 2, max: 16, integer: true },
  capacityFactor: { label: 'Capacity factor', min: 0, max: 8 },
  skew: { label: 'Skew s', min: 0, max: 10 },
  seed: { label: 'Seed', min: 0, max: 1_000_000, integer: true },
} as const;

/** Skews of the loss-against-skew curve. */
export const SKEWS: readonly number[] = Array.from({ length: 21 }, (_x, i) => i * 0.5);

/** Router logits: X·W_r (n×E), W_r ~ N(0, 1/d), plus `skew` on expert 1. */
export function routerLogits(tokens: readonly string[], experts: number, seed: number, skew: number): Matrix {
  const x = embedTokens(tokens, ROUTER_D); // n×d
  const w = randomMatrix(ROUTER_D, experts, seed, 1 / Math.sqrt(ROUTER_D)); // d×E
  const logits = matmul(x, w); // n×E
  for (let t = 0; t < logits.rows; t++) logits.data[t * experts]! += skew;
  return logits;
}

export interface RoutingResult {
  readonly logits: Matrix;
  readonly gating: ReturnType<typeof topKGating>;
  readonly dispatch: Dispatch;
  readonly balance: ReturnType<typeof loadBalancingLoss>;
  /** Loss at each skew of SKEWS (same tokens and router). */
  readonly lossCurve: readonly number[];
}

export function computeRouting(s: RoutingState): RoutingResult {
  const logits = routerLogits(s.tokens, s.experts, s.seed, s.skew);
  const gating = topKGating(logits, s.k, { renormalize: s.renormalize });
  const dispatch = dispatchWithCapacity(gating.indices, s.experts, s.capacityFactor);
  const balance = loadBalancingLoss(logits, { alpha: ALPHA });
  const lossCurve = SKEWS.map((skew) => loadBalancingLoss(routerLogits(s.tokens, s.experts, s.seed, skew), { alpha: ALPHA }).loss);
  return { logits, gating, dispatch, balance, lossCurve };
}

const ORDINAL = ['1st', '2nd'];

export function tokenLabel(tokens: readonly string[], t: number): string {
  return `${tokens[t] ?? ''}${subscript(t + 1)}`;
}

/** What happened to token t, in words. */
export function tokenStatus(_s: RoutingState, r: RoutingResult, t: number): string {
  const parts = r.gating.indices[t]!.map((e, rank) => {
    const kept = r.dispatch.kept[t]![rank]!;
    return `expert ${e + 1} ${kept ? `slot ${r.dispatch.slot[t]![rank]! + 1}` : 'full, dropped'}`;
  });
  const dropped = r.dispatch.dropped.includes(t);
  return `${parts.join('; ')}${dropped ? ' → skips the layer (residual only)' : ''}`;
}

export function routingFigure(idPrefix: string, s: RoutingState, r: RoutingResult): string {
  const n = s.tokens.length;
  const E = s.experts;
  const probs = r.gating.probs;
  let html = `${scrollBox('Router probabilities table')}<table class="hm moe-router" data-matrix="router" data-grid aria-describedby="${idPrefix}-router-detail"><caption>Router probabilities softmax(h) (${n} tokens × ${E} experts). Marked cells are each token's top-${s.k} choice${s.k > 1 ? 's' : ''}; a struck-through mark was dropped because the expert was full.</caption>`;
  html += '<thead><tr><th scope="col" class="hm-corner">token ↓ expert →</th>';
  for (let e = 0; e < E; e++) html += `<th scope="col">E${subscript(e + 1)}</th>`;
  html += `<th scope="col">gate${s.k > 1 ? 's' : ''}</th><th scope="col">outcome</th></tr></thead><tbody>`;
  for (let t = 0; t < n; t++) {
    const dropped = r.dispatch.dropped.includes(t);
    html += `<tr data-token="${t}"${dropped ? ' class="moe-dropped"' : ''}><th scope="row">${escapeHtml(tokenLabel(s.tokens, t))}</th>`;
    for (let e = 0; e < E; e++) {
      const p = probs.data[t * E + e]!;
      const rank = r.gating.indices[t]!.indexOf(e);
      const c = cellColour(p, 'sequential', { min: 0, max: 1 });
      let mark = '';
      let cls = '';
      if (rank >= 0) {
        const kept = r.dispatch.kept[t]![rank]!;
        cls = kept ? ' moe-chosen' : ' moe-overflow';
        mark = ` <span class="moe-mark">${ORDINAL[rank] ?? `#${rank + 1}`}${kept ? '' : ' ✕'}</span><span class="visually-hidden">${kept ? ', chosen' : ', chosen but dropped'}</span>`;
      }
      html += `<td class="hm-cell ${c.className}${cls}" data-i="${t}" data-j="${e}" data-value="${p}" tabindex="${t === 0 && e === 0 ? 0 : -1}">${formatNumber(p, 2)}${mark}</td>`;
    }
    const gates = r.gating.gates[t]!.map((g) => formatNumber(g, 2)).join(' + ');
    html += `<td data-cell="gate-${t}">${gates}</td><td class="moe-outcome" data-cell="status-${t}">${escapeHtml(tokenStatus(s, r, t))}</td></tr>`;
  }
  html += `</tbody></table></div><p class="hm-detail" id="${idPrefix}-router-detail" data-detail-for="router" aria-live="polite">Focus the table (Tab, then arrow keys) to read a probability.</p>`;

  // Capacity and buffers.
  const d = r.dispatch;
  html += `<p class="moe-capacity">Capacity per expert C = min(T, ⌊T · factor / E⌋) = ⌊${n} · ${formatNumber(s.capacityFactor, 2)} / ${E}⌋ = <strong data-out="capacity" data-value="${d.capacity}">${d.capacity}</strong> slots. Assignments are served first choices first, in token order.</p>`;
  html += `${scrollBox('Expert buffers table')}<table class="demo-table moe-buffers" data-matrix="buffers"><caption>Expert buffers: who got a slot, demand against capacity.</caption><thead><tr><th scope="col">expert</th><th scope="col">slots (tokens)</th><th scope="col">demand</th><th scope="col">accepted</th><th scope="col">overflow</th></tr></thead><tbody>`;
  for (let e = 0; e < E; e++) {
    const slots: string[] = new Array<string>(d.capacity).fill('');
    for (let t = 0; t < n; t++) {
      r.gating.indices[t]!.forEach((ee, rank) => {
        if (ee === e && d.kept[t]![rank]) slots[d.slot[t]![rank]!] = tokenLabel(s.tokens, t);
      });
    }
    const cells = slots
      .map(
        (x) =>
          `<span class="moe-slot${x === '' ? ' moe-slot--empty' : ''}">${x === '' ? '<span class="visually-hidden">empty</span>' : escapeHtml(x)}</span>`,
      )
      .join('');
    html += `<tr data-expert="${e}"><th scope="row">E${subscript(e + 1)}</th><td class="moe-slots">${cells || '<span class="muted">no slots</span>'}</td><td data-cell="demand-${e}" data-value="${d.demand[e]}">${d.demand[e]}</td><td data-cell="load-${e}" data-value="${d.load[e]}">${d.load[e]}</td><td data-cell="overflow-${e}">${d.demand[e]! - d.load[e]!}</td></tr>`;
  }
  html += '</tbody></table></div>';
  html += `<p class="moe-dropped-line" data-out="dropped" data-value="${d.dropped.length}">${d.dropped.length === 0 ? 'No token is dropped.' : `Dropped (${d.dropped.length} of ${n}): ${d.dropped.map((t) => escapeHtml(tokenLabel(s.tokens, t))).join(', ')}. Their layer output is 0, so they pass on through the residual connection unchanged.`}</p>`;

  // Load balance.
  const b = r.balance;
  html += `<div class="demo__row demo__row--pair">${scrollBox('Load-balancing table')}<table class="demo-table moe-balance" data-matrix="balance"><caption>Load-balancing loss α·E·Σ f_e·P_e with α = ${ALPHA}: f_e is the share of tokens whose top-1 choice is e, P_e the mean router probability of e. Uniform routing gives exactly α.</caption><thead><tr><th scope="col">expert</th><th scope="col">f_e</th><th scope="col">P_e</th><th scope="col">f_e·P_e</th></tr></thead><tbody>`;
  for (let e = 0; e < E; e++) {
    html += `<tr><th scope="row">E${subscript(e + 1)}</th><td data-cell="f-${e}" data-value="${b.fraction[e]}">${formatNumber(b.fraction[e]!, 3)}</td><td data-cell="p-${e}" data-value="${b.meanProb[e]}">${formatNumber(b.meanProb[e]!, 3)}</td><td>${formatNumber(b.fraction[e]! * b.meanProb[e]!, 4)}</td></tr>`;
  }
  html += `</tbody><tfoot><tr><th scope="row">loss</th><td colspan="3" data-out="loss" data-value="${b.loss}">${formatNumber(b.loss, 4)} (${formatNumber(b.loss / ALPHA, 2)} × α)</td></tr></tfoot></table></div>`;
  html += `<div>${lineChart({
    idPrefix,
    key: 'moe-loss',
    title: 'Load-balancing loss as expert 1 is favoured',
    desc: `The loss for skews s = 0 … 10 on expert 1's logit, with the same tokens and router: ${formatNumber(r.lossCurve[0]!, 4)} at s = 0, ${formatNumber(r.lossCurve.at(-1)!, 4)} at s = 10. Its floor is α = ${ALPHA} (uniform routing) and its ceiling α·E = ${formatNumber(ALPHA * E, 2)} (every token on one expert with probability 1).`,
    xLabel: 'skew s on expert 1',
    yLabel: 'loss',
    series: [
      { name: 'load-balancing loss', colour: 0, markers: true, points: SKEWS.map((x, i) => [x, r.lossCurve[i]!] as const) },
      {
        name: 'uniform floor α',
        colour: 2,
        points: [
          [0, ALPHA],
          [10, ALPHA],
        ],
      },
      {
        name: 'ceiling α·E',
        colour: 1,
        points: [
          [0, ALPHA * E],
          [10, ALPHA * E],
        ],
      },
    ],
    xDomain: [0, 10],
    yDomain: [0, ALPHA * E * 1.08],
    vlines: s.skew >= 0 && s.skew <= 10 ? [{ x: s.skew, label: `s = ${formatNumber(s.skew, 1)}` }] : [],
    height: 220,
  })}</div></div>`;
  return html;
}

export function describeRouter(s: RoutingState, r: RoutingResult, t: number, e: number): string {
  const E = s.experts;
  const p = r.gating.probs.data[t * E + e]!;
  const h = r.logits.data[t * E + e]!;
  const rank = r.gating.indices[t]!.indexOf(e);
  const choice =
    rank < 0
      ? 'not chosen'
      : `its ${ORDINAL[rank] ?? `#${rank + 1}`} choice, gate ${formatNumber(r.gating.gates[t]![rank]!, 3)}${r.dispatch.kept[t]![rank] ? '' : ', dropped (expert full)'}`;
  return `${tokenLabel(s.tokens, t)} → expert ${e + 1}: logit ${formatNumber(h, 3)}${e === 0 && s.skew !== 0 ? ` (skew ${formatNumber(s.skew, 1)} included)` : ''}, probability ${formatNumber(p, 3)}; ${choice}.`;
}

export function routingSummary(s: RoutingState, r: RoutingResult): string {
  const n = s.tokens.length;
  const d = r.dispatch;
  const busiest = d.demand.indexOf(Math.max(...d.demand));
  return `Top-${s.k} routing of ${n} tokens over ${s.experts} experts with capacity ${d.capacity}: expert ${busiest + 1} is asked for ${d.demand[busiest]} slots; ${d.dropped.length === 0 ? 'no token is dropped' : `${d.dropped.length} ${d.dropped.length === 1 ? 'token is' : 'tokens are'} dropped`}. Load-balancing loss ${formatNumber(r.balance.loss, 4)}, ${formatNumber(r.balance.loss / ALPHA, 2)} times the uniform value.`;
}

// ---------------------------------------------------------------------------------------------
// 2. Parameters

export interface ParamsState {
  readonly dModel: number;
  readonly dFF: number;
  readonly experts: number;
}

/** Switch-Base-like sizes: d_model 768, d_ff 3072, 128 experts. */
export const PARAMS_DEFAULTS: ParamsState = { dModel: 768, dFF: 3072, experts: 128 };

export const PARAMS_RULES = {
  dModel: { label: 'd_model', min: 1, max: 65_536, integer: true },
  dFF: { label: 'd_ff', min: 1, max: 262_144, integer: true },
  experts: { label: 'Experts E', min: 2, max: 4096, integer: true },
} as const;

export interface ParamsResult {
  readonly switch: ReturnType<typeof moeParameterCounts>;
  readonly gshard: ReturnType<typeof moeParameterCounts>;
}

export function computeParams(s: ParamsState): ParamsResult {
  return {
    switch: moeParameterCounts({ dModel: s.dModel, dFF: s.dFF, experts: s.experts, k: 1 }),
    gshard: moeParameterCounts({ dModel: s.dModel, dFF: s.dFF, experts: s.experts, k: 2 }),
  };
}

export function paramsFigure(_idPrefix: string, s: ParamsState, r: ParamsResult): string {
  const row = (key: string, name: string, k: number, c: ReturnType<typeof moeParameterCounts>): string =>
    `<tr data-row="${key}"><th scope="row">${name}</th><td>${k}</td><td data-cell="held-${key}" data-value="${c.held}">${formatBig(c.held)}</td><td data-cell="used-${key}" data-value="${c.usedPerToken}">${formatBig(c.usedPerToken)}</td><td data-cell="ratio-${key}">${formatNumber(c.held / c.usedPerToken, 1)}×</td></tr>`;
  let html = `${scrollBox('Parameter count table')}<table class="demo-table moe-params" data-matrix="params"><caption>One MoE feed-forward layer: ${s.experts} experts, each a d_model×d_ff and a d_ff×d_model matrix (d_model = ${formatCount(s.dModel)}, d_ff = ${formatCount(s.dFF)}), plus the d_model×E router.</caption><thead><tr><th scope="col">layer</th><th scope="col">experts per token k</th><th scope="col">parameters held</th><th scope="col">used per token</th><th scope="col">held ÷ used</th></tr></thead><tbody>`;
  html += `<tr data-row="dense"><th scope="row">dense FFN</th><td>—</td><td data-cell="held-dense" data-value="${r.switch.denseEquivalent}">${formatBig(r.switch.denseEquivalent)}</td><td data-cell="used-dense" data-value="${r.switch.denseEquivalent}">${formatBig(r.switch.denseEquivalent)}</td><td>1.0×</td></tr>`;
  html += row('switch', 'Switch (top-1)', 1, r.switch) + row('gshard', 'GShard-style (top-2)', 2, r.gshard);
  html += '</tbody></table></div>';
  const max = r.gshard.held;
  const bar = (label: string, v: number, cls: string): string =>
    `<div class="moe-bar"><span class="moe-bar__label">${label}</span><span class="demo-bar__track"><span class="demo-bar__fill ${cls}" style="width:${formatNumber(Math.max(0.4, (100 * v) / max), 2)}%"></span></span><span class="moe-bar__value">${formatBig(v)}</span></div>`;
  html += `<div class="moe-bars" aria-hidden="true">${bar('held', r.switch.held, 'demo-bar__fill--alt')}${bar('Switch uses', r.switch.usedPerToken, '')}${bar('GShard uses', r.gshard.usedPerToken, '')}</div>`;
  return html;
}

export function paramsSummary(s: ParamsState, r: ParamsResult): string {
  return `With ${s.experts} experts of d_model = ${formatCount(s.dModel)} and d_ff = ${formatCount(s.dFF)}, the layer holds ${formatBig(r.switch.held)} parameters; a Switch token uses ${formatBig(r.switch.usedPerToken)} (${formatNumber(r.switch.held / r.switch.usedPerToken, 1)} times fewer) and a GShard top-2 token ${formatBig(r.gshard.usedPerToken)}.`;
}

/** The tokenizer used by the sentence field. */
export function parseSentence(raw: string, last: readonly string[] | undefined): ReturnType<typeof tokenize> {
  return tokenize(raw, last ?? ROUTING_DEFAULTS.tokens, LIMITS.tokens);
}
