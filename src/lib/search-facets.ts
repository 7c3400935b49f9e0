/**
 * Facets the search page filters on that are derived rather than copied from frontmatter.
 */

/** The five-year span a year falls in, for the "period" filter: 2017 → "2015–2019". */
export function yearPeriod(year: number): string {
  const from = Math.floor(year / 5) * 5;
  return `${from}–${from + 4}`;
}
