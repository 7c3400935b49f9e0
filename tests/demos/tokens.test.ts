import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/compute/index.ts';
import { embedTokens, hashString, randomMatrix, tokenize } from '../../src/demos/shared/tokens.ts';

describe('tokenize', () => {
  it('splits words, apostrophes and punctuation', () => {
    expect(tokenize("L' accord, signé en 1992.", []).value).toEqual(["L'", 'accord', ',', 'signé', 'en', '1992', '.']);
  });
  it('keeps the last tokens for empty input', () => {
    expect(tokenize('   ', ['a'])).toMatchObject({ status: 'rejected', value: ['a'] });
  });
  it('caps the sentence at 64 tokens with a message', () => {
    const r = tokenize(Array.from({ length: 70 }, (_x, i) => `w${i}`).join(' '), []);
    expect(r.status).toBe('adjusted');
    expect(r.value).toHaveLength(64);
    expect(r.message).toBe('Only the first 64 of 70 tokens are used.');
  });
});

describe('deterministic inputs', () => {
  it('hashString is FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });
  it('randomMatrix is reproducible and has the requested spread', () => {
    const a = randomMatrix(40, 50, 7, 2);
    expect(toRows(a)).toEqual(toRows(randomMatrix(40, 50, 7, 2)));
    const mean = a.data.reduce((s, v) => s + v, 0) / a.data.length;
    const sd = Math.sqrt(a.data.reduce((s, v) => s + (v - mean) ** 2, 0) / a.data.length);
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(sd).toBeGreaterThan(1.85);
    expect(sd).toBeLessThan(2.15);
  });
  it('embedTokens gives one vector per token, case-insensitive, with aliases', () => {
    const e = toRows(embedTokens(['The', 'cat', 'the', 'chat'], 6, 0, (t) => (t === 'chat' ? 'cat' : t)));
    expect(e).toHaveLength(4);
    expect(e[0]).toEqual(e[2]);
    expect(e[1]).toEqual(e[3]);
    expect(e[0]).not.toEqual(e[1]);
  });
});
