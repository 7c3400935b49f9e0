import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHORT_QUERY_DELAY_MS, createSearchScheduler } from '../../src/lib/search-scheduler.ts';

/** A fake search backend: each run resolves only when the test says so. */
function backend() {
  const started: string[] = [];
  const finish: (() => void)[] = [];
  let superseded = 0;
  const run = (query: string) =>
    new Promise<void>((resolve) => {
      started.push(query);
      finish.push(resolve);
    });
  return {
    started,
    get superseded() {
      return superseded;
    },
    supersede: () => void superseded++,
    run,
    /** Let the oldest unfinished run return, then let the scheduler react. */
    async complete() {
      finish.shift()!();
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

describe('search scheduler', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('starts a query at once when no search runs', () => {
    const b = backend();
    const s = createSearchScheduler({ run: b.run, supersede: b.supersede });
    s.request('performer');
    expect(b.started).toEqual(['performer']);
    expect(s.running).toBe('performer');
  });

  it('keeps one query waiting while a search runs, the newest, and drops the running one', async () => {
    const b = backend();
    const s = createSearchScheduler({ run: b.run, supersede: b.supersede });
    // A fast typist: every prefix arrives while "pe" is still searching.
    for (const q of ['pe', 'per', 'perf', 'perfo', 'perfor', 'perform', 'performe', 'performer']) s.request(q);
    expect(b.started).toEqual(['pe']);
    expect(s.waiting).toBe('performer');
    // The running search is dropped once, however many queries overtake it.
    expect(b.superseded).toBe(1);
    await b.complete();
    // Only the final query runs after the first: six prefixes never reach Pagefind.
    expect(b.started).toEqual(['pe', 'performer']);
    expect(s.waiting).toBeUndefined();
    await b.complete();
    expect(s.running).toBeUndefined();
    expect(b.started).toEqual(['pe', 'performer']);
  });

  it('searches a one-character query only after the reader pauses on it', async () => {
    const b = backend();
    const s = createSearchScheduler({ run: b.run, supersede: b.supersede });
    s.request('p');
    await vi.advanceTimersByTimeAsync(SHORT_QUERY_DELAY_MS - 1);
    expect(b.started).toEqual([]);
    s.request('pe');
    expect(b.started).toEqual(['pe']);
    await vi.advanceTimersByTimeAsync(SHORT_QUERY_DELAY_MS * 2);
    expect(b.started).toEqual(['pe']);
    await b.complete();
    s.request('x');
    await vi.advanceTimersByTimeAsync(SHORT_QUERY_DELAY_MS);
    expect(b.started).toEqual(['pe', 'x']);
  });

  it('never delays the empty query that clears the box', () => {
    const b = backend();
    const s = createSearchScheduler({ run: b.run });
    s.request('');
    expect(b.started).toEqual(['']);
  });

  it('does not rerun or supersede the running query when the reader types back to it', async () => {
    const b = backend();
    const s = createSearchScheduler({ run: b.run, supersede: b.supersede });
    s.request('bert');
    s.request('bert');
    expect(b.superseded).toBe(0);
    expect(s.waiting).toBeUndefined();
    await b.complete();
    expect(b.started).toEqual(['bert']);
  });

  it('reruns the running query when the reader types back to it after its results were dropped', async () => {
    const b = backend();
    const s = createSearchScheduler({ run: b.run, supersede: b.supersede });
    s.request('bert');
    s.request('berta');
    s.request('bert');
    // "berta" dropped the running search's results, so "bert" must run again to be shown.
    expect(b.superseded).toBe(1);
    expect(s.waiting).toBe('bert');
    await b.complete();
    expect(b.started).toEqual(['bert', 'bert']);
  });

  it('keeps working after a search fails, and reports the failure', async () => {
    const errors: unknown[] = [];
    const started: string[] = [];
    const s = createSearchScheduler({
      run: async (q) => {
        started.push(q);
        if (q === 'bad') throw new Error('index chunk failed to load');
      },
      onError: (e) => errors.push(e),
    });
    s.request('bad');
    await vi.advanceTimersByTimeAsync(0);
    s.request('good');
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['bad', 'good']);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('index chunk failed to load');
  });

  it('rejects a negative delay with a message that says how to fix it', () => {
    expect(() => createSearchScheduler({ run: async () => {}, shortQueryDelayMs: -5 })).toThrow(
      'shortQueryDelayMs is -5. Fix: pass a non-negative number of milliseconds.',
    );
  });
});
