/**
 * Content rules, files: file names agree with what the files say (the paper key's year and first
 * author, no two files with one id), and every demo folder under src/demos/ is listed by a concept
 * page, so that no demo is left out of the pages and the browser gates.
 */
import { EXTENSIONS } from '../../schema/index.ts';
import type { Problem } from '../../schema/index.ts';
import { isCollectiveAuthor, splitName } from '../bibtex.ts';
import type { ContentSet, SourceEntry } from '../content-entry.ts';
import { suggestPaperId } from '../slug.ts';

/** No two files of a collection share an id, also when they differ only in case. */
export function checkDuplicateIds(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const entries of Object.values(content) as SourceEntry[][]) {
    const seen = new Map<string, SourceEntry>();
    for (const e of entries) {
      const key = e.id.toLowerCase();
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: e.file,
          line: 1,
          field: '',
          severity: 'error',
          message: `duplicate id "${e.id}": ${first.file} has the same id. Fix: rename one of the two files.`,
        });
      } else seen.set(key, e);
    }
  }
  return problems;
}

/**
 * A paper's key agrees with its metadata: the year in the key is `year` (an error, since the key is
 * the BibTeX key readers cite), and the name part is the first author's family name (a warning:
 * transliterations and particles such as "van den" leave room for judgement).
 */
export function checkKeys(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.papers) {
    const m = /^([a-z]+)(\d{4})/.exec(e.id);
    const raw = e.raw ?? {};
    const year = raw['year'];
    const title = typeof raw['title'] === 'string' ? raw['title'] : '';
    const authors = Array.isArray(raw['authors']) ? raw['authors'] : [];
    if (!m || typeof year !== 'number') continue;
    const first = typeof authors[0] === 'string' ? authors[0] : undefined;
    const suggested = first ? suggestPaperId(splitName(first).family, year, title) : `${m[1]}${year}${e.id.slice(m[0].length)}`;
    if (Number(m[2]) !== year) {
      problems.push({
        file: e.file,
        line: e.lineOf(['year']) ?? 1,
        field: 'year',
        severity: 'error',
        message: `the file name says ${m[2]} but year is ${year}. Fix: the key's year is the year of the first public version; rename the file to ${suggested}.${EXTENSIONS.papers} or correct year.`,
      });
    }
    if (first) {
      const family = suggestPaperId(splitName(first).family, year, '').replace(/\d+$/, '');
      // A collective author ("BigScience Workshop") is cited by its leading name: bigscience2022bloom.
      const collectiveOk = isCollectiveAuthor(first) && family.startsWith(m[1]!);
      if (family && family !== m[1] && !collectiveOk) {
        problems.push({
          file: e.file,
          line: e.lineOf(['authors', 0]) ?? 1,
          field: 'authors.0',
          severity: 'warning',
          message: `the file name starts with "${m[1]}" but the first author is ${first}. Fix: name the file after the first author's family name, e.g. ${suggested}.${EXTENSIONS.papers}, or put the authors in paper order.`,
        });
      }
    }
  }
  return problems;
}

/** A folder of src/demos/: a demo when it holds a PascalCase .astro component (the rule Demo.astro uses). */
export interface DemoFolder {
  name: string;
  /** Path of its component relative to the project root, e.g. src/demos/alibi/Alibi.astro. */
  component: string;
}

/**
 * Every demo folder is listed in the `demos:` of some concept page. The browser gates (axe, CSP,
 * first-party requests) find each demo through those lists, so a demo listed nowhere would ship
 * without them.
 */
export function checkDemoFolders(content: ContentSet, demos: readonly DemoFolder[]): Problem[] {
  const listed = new Set<string>();
  for (const e of content.concepts) {
    const names = e.raw?.['demos'];
    if (Array.isArray(names)) for (const n of names) if (typeof n === 'string') listed.add(n);
  }
  return demos
    .filter((d) => !listed.has(d.name))
    .map((d) => ({
      file: d.component,
      line: 1,
      field: '',
      severity: 'error' as const,
      message: `the demo "${d.name}" is listed in no concept's demos:, so no page is known to embed it and the browser gates never check it. Fix: embed it in its concept page with <Demo name="${d.name}" /> and add "${d.name}" to that page's demos: list.`,
    }));
}
