/**
 * Field building blocks shared by every content schema.
 *
 * Each helper carries its own error message in two parts: what is wrong, then how to fix it.
 * The same schemas run inside Astro's content layer (src/content.config.ts), in the contributor
 * scripts (scripts/lint-content.ts) and in the tests, so a contributor sees one wording everywhere.
 */
import { z } from 'astro/zod';
import { closest } from './suggest.ts';

/** Ids of papers: first author's family name + year + first significant title word, e.g. `vaswani2017attention`. */
export const PAPER_ID = /^[a-z]+\d{4}[a-z0-9]+$/;
/** Ids of concepts, topics, paths and resources: lowercase words joined by hyphens, e.g. `multi-head-attention`. */
export const SLUG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** New-style arXiv identifiers (YYMM.NNNN or YYMM.NNNNN), with an optional version suffix. */
export const ARXIV_ID = /^(\d{2})(\d{2})\.\d{4,5}(v\d+)?$/;

/** The earliest year a note may carry (Jacobs et al. and Schmidhuber's fast weights are 1991–92). */
export const MIN_YEAR = 1950;

/** A reference to a paper note by id. */
export const paperRef = z
  .string()
  .regex(PAPER_ID, {
    error: (iss) =>
      `"${String(iss.input)}" is not a paper id. Fix: use the note's file name, e.g. vaswani2017attention (family name + year + first title word, lowercase).`,
  });

/** A reference to a concept, topic, path or resource by id. */
export const slugRef = z.string().regex(SLUG_ID, {
  error: (iss) =>
    `"${String(iss.input)}" is not a valid id. Fix: use lowercase words joined by hyphens, e.g. multi-head-attention.`,
});

/** One line of plain text (no line breaks), between min and max characters. */
export function line(what: string, max: number) {
  return z
    .string({ error: `${what} must be text. Fix: write it in quotes.` })
    .trim()
    .min(1, { error: `${what} is empty. Fix: write ${what}.` })
    .max(max, {
      error: (iss) =>
        `${what} is ${String(iss.input).length} characters; the limit is ${max}. Fix: shorten it to ${max} characters or fewer.`,
    })
    .refine((s) => !/[\r\n]/.test(s), { error: `${what} spans several lines. Fix: keep it on one line.` });
}

/** An absolute http(s) URL. */
export function webUrl(what: string) {
  return z.url({
    protocol: /^https?$/,
    error: (iss) => `${what} "${String(iss.input)}" is not an http(s) URL. Fix: paste the full address starting with https://.`,
  });
}

const ADDED_FIX = 'Fix: write the date the note was added as YYYY-MM-DD.';

/**
 * The date a note was added, written as YYYY-MM-DD. YAML parsers differ on unquoted dates (a string
 * for the `yaml` package, a Date for YAML 1.1 parsers), so both are accepted; the output is a Date.
 */
export const addedDate = z
  .union(
    [
      z.date(),
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `added ${JSON.stringify(iss.input)} is not a date. ${ADDED_FIX}` }),
    ],
    { error: (iss) => `added ${JSON.stringify(iss.input instanceof Date ? iss.input.toISOString() : iss.input) ?? 'undefined'} is not a date. ${ADDED_FIX}` },
  )
  .transform((v) => new Date(v))
  .refine((d) => !Number.isNaN(d.getTime()), { error: `added is not a real calendar date. ${ADDED_FIX}` });

/** A non-empty list of references, each unique. */
export function refList<T extends z.ZodType<string>>(what: string, item: T, min: number) {
  return z
    .array(item, { error: `${what} must be a list. Fix: write it as [a, b] or as a YAML list.` })
    .min(min, { error: `${what} is empty. Fix: list at least ${min}.` })
    .refine((xs) => new Set(xs).size === xs.length, {
      error: `${what} lists the same id twice. Fix: remove the duplicate.`,
    });
}

/** The message for an unknown frontmatter key, with the closest known key as a suggestion. */
export function unknownKeys(iss: { code?: string; keys?: string[]; input?: unknown }, where: string, known: readonly string[]): string | undefined {
  if (iss.code !== 'unrecognized_keys' || !iss.keys) return undefined;
  return iss.keys
    .map((k) => {
      const near = closest(k, known);
      return near
        ? `unknown key "${k}" in ${where}. Fix: rename it to "${near}".`
        : `unknown key "${k}" in ${where}. Fix: remove it; the known keys are ${known.join(', ')}.`;
    })
    .join(' ');
}

