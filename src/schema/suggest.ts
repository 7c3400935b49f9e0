/**
 * "Did you mean …" suggestions: edit distance over known ids and keys.
 * Used by schema messages, the wikilink resolver and the content linter. Runs in Node and the browser.
 */

/** The known word nearest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to `count` known words nearest to `word`, nearest first (for "did you mean a, b or c?"). */
export function nearest(word: string, known: Iterable<string>, count = 3): string[] {
  const w = word.toLowerCase();
  return [...known]
    .map((k) => ({ k, d: editDistance(w, k.toLowerCase()) - (k.toLowerCase().includes(w) || w.includes(k.toLowerCase()) ? 2 : 0) }))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, count)
    .map((x) => x.k);
}
