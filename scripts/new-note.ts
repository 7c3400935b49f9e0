/**
 * `npm run new` — scaffolds a paper note, offline.
 *
 *   npm run new -- 1706.03762 --title "Attention Is All You Need" --authors "Ashish Vaswani; Noam Shazeer"
 *   npm run new -- --bibtex citation.bib
 *
 * Writes content/papers/<key>.mdx with every required field and the body sections of a good note, then
 * prints the next steps. The key follows the id convention (first author's family name + year + first
 * significant title word). It never overwrites a file and refuses a paper that already has a note.
 *
 * Options (each overrides what the BibTeX entry says):
 *   --bibtex FILE       read title, authors, year, venue, arXiv id and DOI from a BibTeX entry
 *   --entry KEY         which entry of a BibTeX file holding several
 *   --title, --authors  ("A; B" or "A and B" or "A, B"), --year, --venue, --doi, --url
 *   --topics a,b        topic ids from content/topics/
 *   --id KEY            the key, when the convention's is taken or wrong
 *   --content DIR       the content directory (default: content/)
 *
 * The scaffold's tldr and section prompts are rejected by `npm run lint:content` until replaced.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nearest } from '../src/schema/suggest.ts';
import {
  ScaffoldError,
  arxivYear,
  assertKey,
  metaFromBibtex,
  paperKey,
  parseArxivId,
  parseAuthors,
  parseBibtex,
  renderNote,
  type PaperMeta,
} from './lib/scaffold.ts';

const USAGE = `Usage:
  npm run new -- <arxiv-id> --title "Exact Title" --authors "First Author; Second Author" [--venue "NeurIPS 2017"] [--topics a,b]
  npm run new -- --bibtex citation.bib [--entry key] [--topics a,b]
Other options: --year, --doi, --url, --id <key>, --content <dir>. See CONTRIBUTING.md.`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      bibtex: { type: 'string' },
      entry: { type: 'string' },
      title: { type: 'string' },
      authors: { type: 'string' },
      year: { type: 'string' },
      venue: { type: 'string' },
      doi: { type: 'string' },
      url: { type: 'string' },
      topics: { type: 'string' },
      id: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1)
    throw new ScaffoldError(`expected at most one arXiv id, got ${positionals.join(' ')}. Fix: quote titles and author lists.\n${USAGE}`);
  if (positionals.length === 0 && !values.bibtex) throw new ScaffoldError(`give an arXiv id or --bibtex FILE.\n${USAGE}`);

  const contentDir = resolve(values.content ?? 'content');
  const notes: string[] = [];
  let meta: Partial<PaperMeta> = {};

  if (values.bibtex) {
    if (!existsSync(values.bibtex))
      throw new ScaffoldError(`${values.bibtex} does not exist. Fix: save the BibTeX entry to a file and pass its path.`);
    const entries = parseBibtex(readFileSync(values.bibtex, 'utf8'));
    const entry = values.entry ? entries.find((e) => e.key === values.entry) : entries[0];
    if (!entry)
      throw new ScaffoldError(`no entry "${values.entry}" in ${values.bibtex}. Fix: use one of ${entries.map((e) => e.key).join(', ')}.`);
    if (!values.entry && entries.length > 1)
      throw new ScaffoldError(
        `${values.bibtex} holds ${entries.length} entries. Fix: pick one with --entry ${entries.map((e) => e.key).join(' | ')}.`,
      );
    const fromBib = metaFromBibtex(entry);
    meta = fromBib.meta;
    notes.push(...fromBib.notes);
  }

  if (positionals[0] !== undefined) {
    const arxiv = parseArxivId(positionals[0]);
    if (!arxiv)
      throw new ScaffoldError(
        `"${positionals[0]}" is not a new-style arXiv id. Fix: pass it like 1706.03762 (old-style ids such as cs/0101001: use --bibtex or --url instead).`,
      );
    meta.arxiv = arxiv.replace(/v\d+$/, '');
  }
  if (values.title) meta.title = values.title.trim();
  if (values.authors) meta.authors = parseAuthors(values.authors);
  if (values.venue) meta.venue = values.venue.trim();
  if (values.doi) meta.doi = values.doi.trim();
  if (values.url) meta.url = values.url.trim();
  if (values.year) {
    if (!/^\d{4}$/.test(values.year))
      throw new ScaffoldError(`--year ${values.year} is not a year. Fix: pass four digits, e.g. --year 2017.`);
    meta.year = Number(values.year);
  } else if (meta.arxiv) {
    // The note's year is the first public version's, which the arXiv id encodes; BibTeX often gives the venue's.
    const first = arxivYear(meta.arxiv);
    if (meta.year && meta.year !== first)
      notes.push(
        `year set to ${first}, the year of arXiv v1 (the BibTeX says ${meta.year}, probably the venue's year; the venue field keeps it).`,
      );
    meta.year = first;
  }

  const missing = [
    !meta.title && '--title "Exact Title"',
    !meta.authors?.length && '--authors "First Author; Second Author"',
    !meta.year && '--year 2017',
  ].filter(Boolean);
  if (missing.length) {
    throw new ScaffoldError(
      `the scaffold works offline, so it needs ${missing.join(' and ')}. Fix: copy them from the paper's arXiv or venue page, e.g.\n  npm run new -- ${positionals[0] ?? '1706.03762'} ${missing.join(' ')}`,
    );
  }

  const topicIds = listIds(join(contentDir, 'topics'), '.md');
  if (values.topics) {
    meta.topics = values.topics
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    for (const t of meta.topics) {
      if (!topicIds.includes(t)) {
        const near = nearest(t, topicIds);
        throw new ScaffoldError(
          `"${t}" is not a topic. Fix: ${near.length ? `did you mean ${near.join(', ')}? ` : ''}use ids from content/topics/: ${topicIds.join(', ')}.`,
        );
      }
    }
  }

  const full = meta as PaperMeta;
  const key = values.id ?? paperKey(full);
  assertKey(key);
  const papersDir = join(contentDir, 'papers');
  const file = join(papersDir, `${key}.mdx`);
  const shown = relative(process.cwd(), file);
  if (existsSync(file)) {
    throw new ScaffoldError(
      `${shown} already exists; nothing was written. Fix: edit that note to correct it, or, if it is a different paper, pass --id with the next title word, e.g. --id ${key}${nextWord(full.title, key)}.`,
    );
  }
  for (const other of listIds(papersDir, '.mdx')) {
    const text = readFileSync(join(papersDir, `${other}.mdx`), 'utf8');
    if (full.arxiv && new RegExp(`^arxiv:\\s*"?${full.arxiv.replace('.', '\\.')}(v\\d+)?"?\\s*$`, 'm').test(text)) {
      throw new ScaffoldError(
        `arXiv ${full.arxiv} already has a note: content/papers/${other}.mdx; nothing was written. Fix: edit that note instead.`,
      );
    }
  }

  writeFileSync(file, renderNote(full, { added: new Date().toISOString().slice(0, 10), topicIds }), { flag: 'wx' });
  console.log(`Created ${shown}`);
  for (const n of notes) console.log(`Note: ${n}`);
  const source = full.arxiv ? `https://arxiv.org/abs/${full.arxiv}` : 'the venue page';
  console.log(`
Next steps:
  1. Check title, authors (all of them, in order), year and venue against ${source}.
  2. Fill topics${full.topics?.length ? '' : ' (the comment lists the ids)'}, the tldr, and relations to earlier papers.
  3. Replace every "Replace this line: …" sentence with your own words: ${'150'}+ words in all.
  4. npm run lint:content     repeat until it prints "no problems"
  5. npm run dev              then open http://localhost:4321/papers/${key}/
  6. Open a pull request and tick its checklist.`);
  return 0;
}

/** Ids of the entries in a collection folder (file names without extension, drafts skipped). */
function listIds(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.startsWith('_') && !f.startsWith('.'))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

/** The title word after the one the key already uses, to disambiguate two papers with one key. */
function nextWord(title: string, key: string): string {
  const skip = new Set(['the', 'and', 'for', 'with', 'from', 'all', 'you', 'are', 'via', 'its', 'our', 'into', 'over']);
  const words = title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !skip.has(w));
  const used = words.findIndex((w) => key.endsWith(w));
  return words[used + 1] ?? 'two';
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ScaffoldError) {
    console.error(`npm run new: ${err.message}`);
    process.exitCode = 1;
  } else throw err;
}
