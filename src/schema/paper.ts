/**
 * The frontmatter of a paper note: `content/papers/<id>.mdx`.
 *
 * The file name is the id and doubles as the BibTeX key. Every field below is documented; unknown keys
 * are errors, so a typo such as `author:` fails loudly instead of being silently dropped.
 */
import { z } from 'astro/zod';
import { ARXIV_ID, MIN_YEAR, addedDate, line, paperRef, refList, slugRef, unknownKeys, webUrl } from './fields.ts';
import { DEPTHS, FAMILIES, RELATION_TYPES, RESULT_KINDS, TLDR_MAX } from './taxonomy.ts';

/** One typed, annotated edge of the lineage graph: this paper <type> <target>. */
export const relationSchema = z.strictObject(
  {
    /** How this paper relates to the target, read as "this paper builds-on the target". */
    type: z.enum(RELATION_TYPES, {
      error: (iss) =>
        `relation type "${String(iss.input)}" is unknown. Fix: use one of ${RELATION_TYPES.join(', ')}.`,
    }).describe('How this paper relates to the target: builds-on, extends, improves, variant-of, alternative-to, critiques, surveys or applies.'),
    /** The id of the other paper. */
    target: paperRef.describe('The id (file name) of the related paper, e.g. vaswani2017attention.'),
    /** One line saying why the relation holds. */
    note: line('the relation note', 240).describe('One line, in your own words, saying why the relation holds.'),
  },
  { error: (iss) => unknownKeys(iss, 'a relation', ['type', 'target', 'note']) },
);

/**
 * Where in the paper a result is printed: a table, figure, section or appendix with its number, e.g.
 * "Table 2", or "Abstract" when the abstract prints the figures and the place in the body was not seen.
 */
export const RESULT_SOURCE = /^((Tables?|Figures?|Sections?|Appendix|Appendices) [0-9A-Z]|Abstract$)/;

/**
 * The paper's headline result, in the paper's own numbers, with where it is printed. A paper that
 * reports no benchmark number (a survey, a formal paper, a qualitative demonstration) says so with
 * `kind`, and its claim states what the paper delivers instead.
 */
export const resultSchema = z
  .strictObject(
    {
      /** measured (the default): a score, speed-up or size; survey, formal or demonstration: no benchmark number. */
      kind: z
        .enum(RESULT_KINDS, {
          error: (iss) => `result.kind "${String(iss.input)}" is unknown. Fix: use one of ${RESULT_KINDS.join(', ')}, or leave it out for a measured result.`,
        })
        .default('measured')
        .describe('measured (default) for a benchmark number; survey, formal or demonstration for a paper that reports none.'),
      /** The result in one sentence of your own, with the paper's numbers, e.g. "28.4 BLEU on WMT14 En-De". */
      claim: line('result.claim', 280).describe(
        "The headline result in one original sentence, with the paper's own numbers (or, for a survey, formal paper or demonstration, what it delivers).",
      ),
      /** The table, figure, section or appendix of the paper that prints the numbers, e.g. "Table 2". */
      source: line('result.source', 80)
        .refine((s) => RESULT_SOURCE.test(s), {
          error: (iss) =>
            `result.source "${String(iss.input)}" does not name a place in the paper. Fix: start it with Table, Figure, Section or Appendix and a number, e.g. "Table 2" or "Section 4.1", or write "Abstract" when only the abstract prints the figures.`,
        })
        .describe('Where the paper prints it: "Table 2", "Figure 3", "Section 4.1", "Appendix B", or "Abstract" when only the abstract was seen to print it.'),
    },
    { error: (iss) => unknownKeys(iss, 'result', ['kind', 'claim', 'source']) },
  )
  .superRefine((r, ctx) => {
    if (r.kind === 'measured' && typeof r.claim === 'string' && !/[0-9]/.test(r.claim)) {
      ctx.addIssue({
        code: 'custom',
        path: ['claim'],
        message: `result.claim "${r.claim}" has no number. Fix: state the headline result with the paper's own figures (a score, a speed-up, a size); if the paper reports no benchmark number, set result.kind to survey, formal or demonstration.`,
      });
    }
  });

const currentYear = new Date().getFullYear();

/** Paper frontmatter. */
export const paperSchema = z
  .strictObject(
    {
      /** The exact title, as on arXiv or the venue page. */
      title: line('title', 300).describe('The exact title, as printed on arXiv or the venue page.'),
      /** A short name used in links and lists, e.g. "BERT" (defaults to the title up to its colon). */
      short: line('short', 40).optional().describe('A short name used in links, e.g. BERT. Defaults to the title up to its first colon.'),
      /** Acronyms and nicknames readers search for, e.g. ["Chinchilla"]. */
      aliases: z.array(line('an alias', 60)).optional().describe('Acronyms and nicknames readers search for, e.g. Chinchilla.'),
      /** The full author list, in paper order, as the paper prints the names. */
      authors: z
        .array(line('an author name', 120), { error: 'authors must be a list of names. Fix: write authors: ["Ada Lovelace", "Alan Turing"].' })
        .min(1, { error: 'authors is empty. Fix: list every author in paper order.' })
        .describe('Every author, in paper order, spelled as the paper prints them.'),
      /** The year of the first public version (arXiv v1, or first release). */
      year: z
        .number({ error: (iss) => `year ${JSON.stringify(iss.input)} is not a number. Fix: write the year without quotes, e.g. year: 2017.` })
        .int({ error: 'year must be a whole number. Fix: write e.g. year: 2017.' })
        .min(MIN_YEAR, { error: (iss) => `year ${String(iss.input)} is before ${MIN_YEAR}. Fix: write the four-digit year of the first public version.` })
        .max(currentYear, { error: (iss) => `year ${String(iss.input)} is in the future. Fix: write the year of the first public version (at most ${currentYear}).` })
        .describe('Year of the first public version (arXiv v1 or first release).'),
      /** Where the paper was published, with its year, e.g. "NeurIPS 2017" or "ACL 2020". */
      venue: line('venue', 120).optional().describe('Where it was published, with the year, e.g. "NeurIPS 2017". Leave out for preprints.'),
      /** New-style arXiv identifier, e.g. 1706.03762 (optionally with a version, 1706.03762v7). */
      arxiv: z
        .string({ error: 'arxiv must be text. Fix: quote it, e.g. arxiv: "1706.03762".' })
        .regex(ARXIV_ID, { error: (iss) => `arxiv "${String(iss.input)}" is not a new-style arXiv id. Fix: write it like "1706.03762" (no "arXiv:" prefix, no URL).` })
        .optional()
        .describe('New-style arXiv id such as "1706.03762", optionally with a version.'),
      /** The DOI, e.g. 10.1162/neco.1991.3.1.79. */
      doi: z
        .string()
        .regex(/^10\.\d{4,9}\/\S+$/, { error: (iss) => `doi "${String(iss.input)}" is not a DOI. Fix: write only the identifier, e.g. 10.1162/neco.1991.3.1.79.` })
        .optional()
        .describe('The DOI without the https://doi.org/ prefix.'),
      /** The canonical landing page; required in practice for papers not on arXiv. */
      url: webUrl('url').optional().describe('Canonical landing page. Give it for every paper that is not on arXiv.'),
      /** A canonical PDF for papers not on arXiv (arXiv PDFs are derived from the id). */
      pdf: webUrl('pdf').optional().describe('Canonical PDF for papers not on arXiv.'),
      /** The official code repository. */
      code: webUrl('code').optional().describe('The official code repository, if the authors released one.'),
      /** One or more topic ids. */
      topics: refList('topics', slugRef, 1).describe('One or more topic ids from content/topics/.'),
      /** The architecture family, for model papers. */
      family: z
        .enum(FAMILIES, { error: (iss) => `family "${String(iss.input)}" is unknown. Fix: use one of ${FAMILIES.join(', ')}, or leave it out.` })
        .optional()
        .describe('Architecture family, for model papers.'),
      /** One original sentence, at most 200 characters. */
      tldr: line('tldr', TLDR_MAX).describe(`One original sentence of at most ${TLDR_MAX} characters.`),
      /** The paper's headline quantitative result and where the paper prints it. */
      result: resultSchema.optional().describe("The paper's headline result in its own numbers, with the table or section that prints it."),
      /**
       * Why a short note has no `result` yet: the paper's numbers could not be read and checked when
       * the note was written (say what was tried). Remove it when you add the result.
       */
      resultMissing: line('resultMissing', 300)
        .min(20, { error: 'resultMissing is too short to say why. Fix: say why the result could not be checked, or add result instead.' })
        .optional()
        .describe("Why a short note has no result yet (the paper's numbers could not be read and checked). Remove it when adding result."),
      /** Typed relations to earlier papers in the collection. */
      relations: z.array(relationSchema).default([]).describe('Typed relations from this paper to other papers.'),
      /** Concept pages this paper introduces or uses. */
      concepts: refList('concepts', slugRef, 0).default([]).describe('Concept ids from content/concepts/.'),
      /** landmark: a long note with sections and equations; note: a shorter summary. */
      depth: z
        .enum(DEPTHS, { error: (iss) => `depth "${String(iss.input)}" is unknown. Fix: use landmark or note.` })
        .default('note')
        .describe('landmark for long notes with sections and equations, note otherwise.'),
      /** The date the note was added (YYYY-MM-DD). */
      added: addedDate.describe('Date the note was added, YYYY-MM-DD.'),
    },
    {
      error: (iss) =>
        unknownKeys(iss, 'paper frontmatter', [
          'title', 'short', 'aliases', 'authors', 'year', 'venue', 'arxiv', 'doi', 'url', 'pdf', 'code',
          'topics', 'family', 'tldr', 'result', 'resultMissing', 'relations', 'concepts', 'depth', 'added',
        ]),
    },
  )
  .superRefine((paper, ctx) => {
    // Refinements also run when a field above failed, so each check guards its own inputs.
    const prefix = typeof paper.arxiv === 'string' ? ARXIV_ID.exec(paper.arxiv) : null;
    if (prefix && typeof paper.year === 'number') {
      const yy = Number(prefix[1]);
      // arXiv numbers by announcement month: a paper submitted in the last days of December is numbered
      // YY01 of the next year (The Pile: submitted 31 Dec 2020, 2101.00027), so that one case is allowed.
      const decemberSubmission = prefix[2] === '01' && 2000 + yy === paper.year + 1;
      if (2000 + yy !== paper.year && !decemberSubmission) {
        ctx.addIssue({
          code: 'custom',
          path: ['arxiv'],
          message: `arxiv "${paper.arxiv}" was first posted in 20${String(yy).padStart(2, '0')} but year is ${paper.year}. Fix: make year the year of the first public version, or correct the arXiv id.`,
        });
      }
    }
    const seen = new Set<string>();
    (Array.isArray(paper.relations) ? paper.relations : []).forEach((r, i) => {
      const key = `${r.type}→${r.target}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['relations', i], message: `relation ${key} is listed twice. Fix: remove the duplicate.` });
      }
      seen.add(key);
    });
  });

export type Paper = z.output<typeof paperSchema>;
export type PaperInput = z.input<typeof paperSchema>;
export type Relation = z.output<typeof relationSchema>;
export type Result = z.output<typeof resultSchema>;
