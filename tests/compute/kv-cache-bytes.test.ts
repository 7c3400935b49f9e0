import { describe, it, expect } from 'vitest';
import { kvCacheBytes } from '../../src/compute/kv-cache-bytes.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { expectError } from './attention-helpers.ts';

describe('kvCacheBytes: values computed by hand', () => {
  it('80 layers, 8 key/value heads of 128, 4,096 tokens, 16-bit: 2·80·8·128·4096·2 = 1,342,177,280 bytes (1.25 GiB)', () => {
    expect(kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, tokens: 4096 })).toBe(1_342_177_280);
  });
  it('the same model with 64 key/value heads (MHA) needs 8× as much: 10 GiB', () => {
    expect(kvCacheBytes({ layers: 80, kvHeads: 64, headDim: 128, tokens: 4096 })).toBe(10 * 2 ** 30);
  });
  it('batch and bytesPerValue multiply in; 4-bit storage is 0.5 bytes per value', () => {
    expect(kvCacheBytes({ layers: 2, kvHeads: 3, headDim: 5, tokens: 7, batch: 11 })).toBe(2 * 2 * 3 * 5 * 7 * 11 * 2);
    expect(kvCacheBytes({ layers: 2, kvHeads: 3, headDim: 5, tokens: 7, bytesPerValue: 0.5 })).toBe(210);
    expect(kvCacheBytes({ layers: 1, kvHeads: 1, headDim: 1, tokens: 1 })).toBe(4);
    expect(kvCacheBytes({ layers: 1, kvHeads: 1, headDim: 1, tokens: 1, bytesPerValue: 4 })).toBe(8);
  });
});

describe('kvCacheBytes: bad input', () => {
  const ok = { layers: 2, kvHeads: 2, headDim: 4, tokens: 8 };
  it('every size must be a positive integer', () => {
    for (const key of ['layers', 'kvHeads', 'headDim', 'tokens', 'batch'] as const) {
      for (const bad of [0, -1, 1.5, NaN, Infinity]) {
        expectError(() => kvCacheBytes({ ...ok, [key]: bad }), ArgumentError, 'kvCacheBytes', `${key} is ${bad}`, 'positive integer');
      }
    }
  });
  it('bytesPerValue must be a positive finite number', () => {
    for (const bad of [0, -2, NaN, Infinity]) {
      expectError(() => kvCacheBytes({ ...ok, bytesPerValue: bad }), ArgumentError, 'kvCacheBytes', `bytesPerValue is ${bad}`);
    }
  });
});
