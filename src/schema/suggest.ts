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

/**
 * Up to `count` known words nearest to `word`, nearest first (for "did you mean a, b or c?"). Only
 * likely typos are returned: words within the same edit distance `closest` accepts (a word that
 * contains the other, or is contained in it, counts as two edits closer, and a hyphenated id whose
 * words all appear in the other's counts as close enough).
 */
export function nearest(word: string, known: Iterable<string>, count = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  const words = (s: string) => s.split(/[-_\s]+/).filter(Boolean);
  return [...known]
    .map((k) => {
      const key = k.toLowerCase();
      let d = editDistance(w, key) - (key.includes(w) || w.includes(key) ? 2 : 0);
      // "scaled-dot-attention" → "scaled-dot-product-attention": every word of one is a word of the other.
      const [a, b] = [words(w), words(key)];
      if (a.length > 1 && b.length > 1 && (a.every((x) => b.includes(x)) || b.every((x) => a.includes(x)))) d = Math.min(d, limit);
      return { k, d };
    })
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, count)
    .map((x) => x.k);
}
