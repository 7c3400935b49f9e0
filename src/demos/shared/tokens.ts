/**
 * Tokens and deterministic inputs for the demos.
 *
 * - tokenize: a readable word-level split (letters/digits with a trailing apostrophe, or one
 *   punctuation mark), capped at LIMITS.tokens;
 * - hashString: FNV-1a (Fowler, Noll & Vo), 32-bit, so a token always maps to the same seed;
 * - embedTokens / randomMatrix: Gaussian entries drawn from src/compute's seeded generator, so the
 *   same sentence gives the same embeddings on every page load, at build time and in the browser.
 */
import { seededRandom, zeros, type Matrix } from '../../compute/index.ts';
import { LIMITS, type Parsed } from './input.ts';

/** Splits text into word tokens; at most `max` (default 64) are kept. `last` is kept for empty input. */
export function tokenize(text: string, last: readonly string[], max: number = LIMITS.tokens): Parsed<string[]> {
  const tokens = text.match(/[\p{L}\p{N}]+'?|[^\s\p{L}\p{N}]/gu) ?? [];
  if (tokens.length === 0) {
    return { status: 'rejected', value: last.slice(), message: 'Type at least one word; keeping the last sentence.' };
  }
  if (tokens.length > max) {
    return { status: 'adjusted', value: tokens.slice(0, max), message: `Only the first ${max} of ${tokens.length} tokens are used.` };
  }
  return { status: 'ok', value: tokens, message: '' };
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as an unsigned integer. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A rows×cols matrix of N(0, std²) entries from the seeded generator (row by row). */
export function randomMatrix(rows: number, cols: number, seed: number, std = 1): Matrix {
  const random = seededRandom(seed >>> 0);
  const out = zeros(rows, cols); // rows×cols
  for (let i = 0; i < out.data.length; i++) out.data[i] = std * random.normal();
  return out;
}

/**
 * One d-dimensional N(0, 1) embedding per token, seeded by the lower-cased token (and `seed`), so
 * "The" and "the" share a vector. `alias` maps a token to the token whose vector it shares.
 */
export function embedTokens(tokens: readonly string[], d: number, seed = 0, alias?: (token: string) => string): Matrix {
  const out = zeros(tokens.length, d); // n×d
  tokens.forEach((t, i) => {
    const key = alias ? alias(t.toLowerCase()) : t.toLowerCase();
    const row = randomMatrix(1, d, (hashString(key) ^ seed) >>> 0);
    out.data.set(row.data, i * d);
  });
  return out;
}
