/**
 * When the search inputs actually search: one search at a time, and only the newest query waits.
 *
 * Pagefind runs searches one after another in its web worker and cannot abandon one that has started,
 * so an input that searches on every keystroke (or after a short debounce) queues a search per prefix
 * the reader types: "p", "pe", "per", "perf", … On a large atlas the early, one- and two-letter
 * prefixes match most pages and each costs far more than the query the reader ends up with, and the
 * final query waits behind all of them. The scheduler keeps that queue one deep:
 * - a query that arrives while no search runs starts at once (no debounce to wait out);
 * - a query that arrives while one runs replaces any query already waiting, and the running search is
 *   marked superseded (the caller drops its results instead of rendering them and fetching their
 *   excerpts); the newest query starts as soon as the running one returns;
 * - a one-character query (too short to mean much, and the most expensive prefix) starts only if the
 *   reader pauses on it for `shortQueryDelayMs`; the empty query (clearing the box) is never delayed.
 *
 * Pure: no DOM and no Pagefind. The caller supplies `run` (search and render one query) and, if it can,
 * `supersede` (drop the running search's results). Timers are injectable for tests.
 */

export interface SearchSchedulerOptions {
  /** Search and render one query; resolves when done. A rejection is passed to `onError`. */
  run: (query: string) => Promise<void>;
  /** Called when a newer query arrives while `run` is in flight, so its results can be dropped. */
  supersede?: () => void;
  /** Called with whatever `run` rejected with; the scheduler keeps working. */
  onError?: (error: unknown) => void;
  /** How long a one-character query must stay the newest before it is searched. Default 250 ms. */
  shortQueryDelayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface SearchScheduler {
  /** Ask for a search of `query` (the input's whole value). */
  request(query: string): void;
  /** The query running now, or undefined when idle. */
  readonly running: string | undefined;
  /** The query waiting for the running one to finish, or undefined. */
  readonly waiting: string | undefined;
}

/** The default pause on a one-character query before it is searched. */
export const SHORT_QUERY_DELAY_MS = 250;

export function createSearchScheduler(options: SearchSchedulerOptions): SearchScheduler {
  const delay = options.shortQueryDelayMs ?? SHORT_QUERY_DELAY_MS;
  if (!Number.isFinite(delay) || delay < 0) {
    throw new RangeError(`shortQueryDelayMs is ${delay}. Fix: pass a non-negative number of milliseconds.`);
  }
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let running: string | undefined;
  /** Whether the running search was marked superseded: its results will not be shown. */
  let runningSuperseded = false;
  let waiting: string | undefined;
  let timer: unknown;

  const pump = (): void => {
    if (running !== undefined || waiting === undefined) return;
    const query = waiting;
    waiting = undefined;
    running = query;
    runningSuperseded = false;
    void options
      .run(query)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
        pump();
      });
  };

  const enqueue = (query: string): void => {
    if (running !== undefined) {
      if (query === running && !runningSuperseded) {
        // Typing back to the running query, whose results will still be shown: nothing needs to wait.
        waiting = undefined;
        return;
      }
      // The running search is for an older query (or its results were already dropped): it runs on,
      // its results unshown, and this query waits for it.
      if (!runningSuperseded) {
        options.supersede?.();
        runningSuperseded = true;
      }
    }
    waiting = query;
    pump();
  };

  return {
    request(query: string): void {
      if (timer !== undefined) {
        clearTimer(timer);
        timer = undefined;
      }
      if (query.trim().length === 1) {
        timer = setTimer(() => {
          timer = undefined;
          enqueue(query);
        }, delay);
        // A one-letter query replaces what was waiting: the reader has moved on from it.
        waiting = undefined;
        return;
      }
      enqueue(query);
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting;
    },
  };
}
