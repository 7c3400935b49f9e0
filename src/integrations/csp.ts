/**
 * Astro integration: a Content Security Policy on every built page.
 *
 * After `astro build` this walks dist/, hashes every inline script of each page (the head script of
 * src/lib/head-script.ts and any small module script Astro chose to inline) and writes
 * `<meta http-equiv="content-security-policy">` as the first element after `<meta charset>`, so the
 * policy covers every script that follows it. Hashes are per page and computed from the exact bytes
 * shipped, so a changed script can never be silently blocked, and no script needs 'unsafe-inline'.
 *
 * The policy (see `cspPolicy`):
 * - script-src 'self' + the page's hashes + 'wasm-unsafe-eval' (Pagefind's search runs WebAssembly;
 *   this allows compiling Wasm only, not eval() or new Function(): there is no 'unsafe-eval').
 * - style-src 'self' 'unsafe-inline': KaTeX positions every glyph with a style="" attribute and
 *   Pagefind's UI sets inline styles; style attributes cannot be allowed by hash without
 *   'unsafe-hashes', and CSS cannot run script.
 * - everything else 'self' (images may also be data: URIs); object-src 'none'; base-uri 'self'.
 * Directives a <meta> policy cannot carry (frame-ancestors, report-uri, sandbox) are left out, since
 * Chromium logs a console error for each.
 *
 * The build fails when a page has an inline event handler (onclick="…") or a javascript: URL, which
 * this policy would block.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Script types the browser executes (and so CSP governs). Data blocks such as JSON-LD are exempt. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The inline scripts of an HTML document: the exact text between each `<script>` without src and `</script>`. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase() ?? '';
    if (!EXECUTABLE_TYPES.has(type)) continue;
    out.push(m[2] ?? '');
  }
  return out;
}

/** The CSP source expression for a script body: 'sha256-<base64>'. */
export function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** The policy for a page whose inline scripts have these hashes. */
export function cspPolicy(hashes: readonly string[]): string {
  const scripts = ["'self'", "'wasm-unsafe-eval'", ...[...new Set(hashes)].sort()];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Problems this policy would turn into broken behaviour, as `line: problem` strings. */
export function cspProblems(html: string): string[] {
  const problems: string[] = [];
  const lineOf = (index: number) => html.slice(0, index).split('\n').length;
  for (const m of html.matchAll(/<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=/g)) {
    problems.push(
      `${lineOf(m.index)}: inline event handler ${m[1]}="…" would be blocked by the CSP. Fix: attach the listener from a module script.`,
    );
  }
  for (const m of html.matchAll(/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/gi)) {
    problems.push(`${lineOf(m.index)}: a javascript: URL would be blocked by the CSP. Fix: use a button with a listener.`);
  }
  return problems;
}

/** Returns the page with its CSP meta element inserted right after <meta charset> (or <head>). */
export function withCsp(html: string): string {
  if (/<meta\s+http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
    throw new Error('the page already carries a CSP meta element. Fix: remove it; the csp integration writes the policy.');
  }
  const meta = `<meta http-equiv="content-security-policy" content="${cspPolicy(inlineScripts(html).map(scriptHash))}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('the page has no <head>. Fix: render it through src/layouts/BaseLayout.astro.');
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

export default function csp(): AstroIntegration {
  return {
    name: 'attention-atlas:csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const errors: string[] = [];
        let pages = 0;
        for (const file of htmlFiles(out)) {
          const html = readFileSync(file, 'utf8');
          const rel = relative(out, file);
          for (const p of cspProblems(html)) errors.push(`dist/${rel}:${p}`);
          try {
            writeFileSync(file, withCsp(html));
            pages++;
          } catch (e) {
            errors.push(`dist/${rel}: ${(e as Error).message}`);
          }
        }
        if (errors.length > 0) throw new Error(`CSP check failed with ${errors.length} problem(s):\n${errors.join('\n')}`);
        logger.info(`content security policy written into ${pages} page(s)`);
      },
    },
  };
}
