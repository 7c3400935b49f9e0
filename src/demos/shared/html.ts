/**
 * Minimal HTML-string helpers for the shared figure builders. Every string that may come from the
 * reader (a typed sentence, a token) goes through escapeHtml before it reaches markup.
 */

/** Escapes &, <, >, " and ' for use in text and in double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Renders attributes from a record; `false`, `null` and `undefined` are left out, `true` is bare. */
export function attrs(record: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(record)) {
    if (v === false || v === null || v === undefined) continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  return out;
}

/** Rounds a coordinate for SVG output (keeps markup small and identical between server and client). */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/**
 * Opens the horizontal scroll box around a wide table. It is focusable and named, so a keyboard
 * user can scroll it with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable).
 * Close it with `</div>`.
 */
export function scrollBox(label: string): string {
  return `<div class="hm-scroll" tabindex="0" role="region" aria-label="${escapeHtml(label)}">`;
}
