/**
 * The invariants that hold across the knowledge base, checked on entries read from disk.
 * Schema checks run per file (content-files.ts); these need the whole set:
 * references resolve, ids/titles/arXiv ids are unique, bodies are long enough, math compiles,
 * and every paper is reachable from a topic or path.
 *
 * Every rule reports `Problem`s (file, line, what is wrong, how to fix it); none throws.
 */
import { createProcessor } from '@mdx-js/mdx';
import katex from 'katex';
import remarkMath from 'remark-math';
import { BODY_MIN_WORDS, EXTENSIONS, type CollectionName } from '../schema/index.ts';
import { nearest } from '../schema/suggest.ts';
import type { Problem } from '../schema/index.ts';
import { isCollectiveAuthor, splitName } from './bibtex.ts';
import type { ContentSet, SourceEntry } from './content-files.ts';
import { KATEX_OPTIONS } from './katex-macros.ts';
import { TLDR_GUIDANCE, findGuidance } from './note-template.ts';
import { suggestPaperId } from './slug.ts';
import { buildIdIndex, findWikilinks, maskCodeAndMath, resolveWikilink, type EntryRef, type IdIndex } from './wikilinks.ts';

/** Runs every cross-entry rule. */
export function checkContent(content: ContentSet): Problem[] {
  const index = idIndexOf(content);
  return [
    ...checkDuplicates(content),
    ...checkKeys(content),
    ...checkReferences(content),
    ...checkWikilinks(content, index),
    ...checkScaffoldLeftovers(content),
    ...checkBodies(content),
    ...checkMdx(content),
    ...checkMath(content),
    ...checkReachability(content),
  ];
}

/** The wikilink index of everything on disk. */
export function idIndexOf(content: ContentSet): IdIndex {
  const refs: EntryRef[] = [];
  for (const [collection, entries] of Object.entries(content) as [CollectionName, SourceEntry[]][]) {
    for (const e of entries) {
      const raw = e.raw ?? {};
      refs.push({
        collection,
        id: e.id,
        title: typeof raw['title'] === 'string' ? raw['title'] : e.id,
        ...(typeof raw['short'] === 'string' ? { short: raw['short'] } : {}),
        ...(typeof raw['year'] === 'number' ? { year: raw['year'] } : {}),
      });
    }
  }
  return buildIdIndex(refs);
}

/** Duplicate ids (also differing only in case), titles and arXiv ids. */
export function checkDuplicates(content: ContentSet): Problem[] {
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
  const unique = (field: 'title' | 'arxiv', normalise: (v: string) => string) => {
    const seen = new Map<string, SourceEntry>();
    for (const e of content.papers) {
      const value = e.raw?.[field];
      if (typeof value !== 'string') continue;
      const key = normalise(value);
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: e.file,
          line: e.lineOf([field]) ?? 1,
          field,
          severity: 'error',
          message: `${field} "${value}" is already used by ${first.file}. Fix: ${field === 'arxiv' ? 'one paper has one note; merge the two notes or correct the id' : 'two papers cannot share a title; check which note is the duplicate'}.`,
        });
      } else seen.set(key, e);
    }
  };
  unique('title', (t) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
  );
  unique('arxiv', (a) => a.replace(/v\d+$/, ''));
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

/** Frontmatter references: topics, concepts, relation targets, path steps, prerequisites, parents. */
export function checkReferences(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  const ids = {
    papers: new Set(content.papers.map((e) => e.id)),
    concepts: new Set(content.concepts.map((e) => e.id)),
    topics: new Set(content.topics.map((e) => e.id)),
  };
  const check = (e: SourceEntry, path: (string | number)[], value: unknown, kind: keyof typeof ids) => {
    if (typeof value !== 'string' || ids[kind].has(value)) return;
    const near = nearest(
      value,
      [...ids[kind]].filter((id) => id !== e.id),
      3,
    );
    problems.push({
      file: e.file,
      line: e.lineOf(path) ?? 1,
      field: path.join('.'),
      severity: 'error',
      message: `"${value}" is not a known ${kind.slice(0, -1)}. Fix: ${near.length ? `did you mean ${near.map((n) => `"${n}"`).join(', ')}? ` : ''}use an id from content/${kind}/.`,
    });
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  for (const e of content.papers) {
    list(e.raw?.['topics']).forEach((t, i) => check(e, ['topics', i], t, 'topics'));
    list(e.raw?.['concepts']).forEach((c, i) => check(e, ['concepts', i], c, 'concepts'));
    list(e.raw?.['relations']).forEach((r, i) => {
      const target = (r as Record<string, unknown> | null)?.['target'];
      if (target === e.id) {
        problems.push({
          file: e.file,
          line: e.lineOf(['relations', i, 'target']) ?? 1,
          field: `relations.${i}.target`,
          severity: 'error',
          message: `a paper cannot relate to itself. Fix: point the relation at another paper.`,
        });
      } else check(e, ['relations', i, 'target'], target, 'papers');
    });
  }
  for (const e of content.concepts) {
    list(e.raw?.['topics']).forEach((t, i) => check(e, ['topics', i], t, 'topics'));
    list(e.raw?.['papers']).forEach((p, i) => check(e, ['papers', i], p, 'papers'));
    list(e.raw?.['prerequisites']).forEach((c, i) => check(e, ['prerequisites', i], c, 'concepts'));
  }
  for (const e of content.topics) check(e, ['parent'], e.raw?.['parent'], 'topics');
  for (const e of content.resources) list(e.raw?.['topics']).forEach((t, i) => check(e, ['topics', i], t, 'topics'));
  for (const e of content.paths) {
    list(e.raw?.['steps']).forEach((s, i) => {
      const step = s as Record<string, unknown> | null;
      check(e, ['steps', i, 'paper'], step?.['paper'], 'papers');
      check(e, ['steps', i, 'concept'], step?.['concept'], 'concepts');
    });
  }
  return problems;
}

/** Every [[wikilink]] in every body resolves to exactly one entry. */
export function checkWikilinks(content: ContentSet, index: IdIndex): Problem[] {
  const problems: Problem[] = [];
  for (const entries of Object.values(content) as SourceEntry[][]) {
    for (const e of entries) {
      for (const link of findWikilinks(e.body)) {
        const r = resolveWikilink(link, index);
        if (!r.ok) problems.push({ file: e.file, line: e.bodyLine + link.line - 1, field: 'body', severity: 'error', message: r.message });
      }
    }
  }
  return problems;
}

/** Words that mark unfinished text. Matched as whole words outside code and math. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME)\b|\blorem ipsum\b/i;

/**
 * Text a contributor has not replaced yet: the scaffold's guidance sentences (`npm run new`), its
 * tldr guidance, and placeholder words such as TODO, TBD, FIXME or lorem ipsum.
 */
export function checkScaffoldLeftovers(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.papers) {
    for (const { line, heading } of findGuidance(e.body)) {
      problems.push({
        file: e.file,
        line: e.bodyLine + line - 1,
        field: 'body',
        severity: 'error',
        message: `the scaffold's guidance under "## ${heading}" is still here. Fix: replace that line with your own sentences (see "Style guide for notes" in CONTRIBUTING.md).`,
      });
    }
    const tldr = e.raw?.['tldr'];
    if (typeof tldr === 'string' && tldr.trim() === TLDR_GUIDANCE) {
      problems.push({
        file: e.file,
        line: e.lineOf(['tldr']) ?? 1,
        field: 'tldr',
        severity: 'error',
        message:
          "tldr is still the scaffold's guidance. Fix: write one original sentence, at most 200 characters, on what the paper showed.",
      });
    } else if (typeof tldr === 'string' && PLACEHOLDER.test(tldr)) {
      problems.push({
        file: e.file,
        line: e.lineOf(['tldr']) ?? 1,
        field: 'tldr',
        severity: 'error',
        message: `tldr contains the placeholder "${PLACEHOLDER.exec(tldr)![0]}". Fix: write the finished sentence.`,
      });
    }
  }
  for (const entries of Object.values(content) as SourceEntry[][]) {
    for (const e of entries) {
      maskCodeAndMath(e.body)
        .split('\n')
        .forEach((text, i) => {
          const m = PLACEHOLDER.exec(text);
          if (m) {
            problems.push({
              file: e.file,
              line: e.bodyLine + i,
              field: 'body',
              severity: 'error',
              message: `"${m[0]}" marks unfinished text. Fix: finish the passage or remove the marker before opening the pull request.`,
            });
          }
        });
    }
  }
  return problems;
}

/** Counts the words of a body as a reader sees them: no math, code, markup or link syntax. */
export function wordCount(body: string): number {
  const text = maskCodeAndMath(body)
    .replace(/\[\[([^\]|]+\|)?([^\]]+)\]\]/g, '$2')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>|`[\]]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Bodies meet the word minimums; landmarks have a display equation. */
export function checkBodies(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.papers) {
    const depth = e.raw?.['depth'] === 'landmark' ? 'landmark' : 'note';
    const min = BODY_MIN_WORDS[depth];
    const words = wordCount(e.body);
    if (words < min) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: `the body has ${words} words; a ${depth} needs at least ${min}. Fix: cover the problem, the key idea, the results, why it matters and its limitations, in your own words.`,
      });
    }
    if (depth === 'landmark' && !/^\s*\$\$/m.test(e.body)) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: 'a landmark note has no display equation. Fix: add the key equation on its own lines between $$ and $$.',
      });
    }
  }
  for (const e of content.concepts) {
    const words = wordCount(e.body);
    if (words < BODY_MIN_WORDS.concept) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: `the body has ${words} words; a concept page needs at least ${BODY_MIN_WORDS.concept}. Fix: derive the equations step by step.`,
      });
    }
  }
  for (const e of content.topics) {
    if (wordCount(e.body) < 40) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: 'a topic needs a description paragraph of at least 40 words. Fix: say what the topic covers and how its papers connect.',
      });
    }
  }
  return problems;
}

/** One MDX parser for every body, with remark-math so that braces inside $…$ are math, as in the build. */
let mdxProcessor: ReturnType<typeof createProcessor> | undefined;

/** Components a body may use without an import: the pages pass them to `<Content components={{ … }} />`. */
export const MDX_COMPONENTS: readonly string[] = ['Demo'];

interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  position?: { start: { line: number } };
  children?: MdxNode[];
}

/**
 * Every .mdx body parses as MDX, as the build's compiler will parse it, and uses no MDX feature the
 * notes do not allow: JavaScript expressions (`{n^2}` outside math), import/export lines, raw HTML
 * elements and components other than those in MDX_COMPONENTS. Each of these either fails the build
 * or runs code the reader never sees.
 */
export function checkMdx(content: ContentSet): Problem[] {
  mdxProcessor ??= createProcessor({ remarkPlugins: [remarkMath] });
  const problems: Problem[] = [];
  const fix =
    'outside math, write "{", "}" and "<" as words or inside $…$, and use no raw HTML or HTML comments (CONTRIBUTING.md, "MDX pitfalls")';
  for (const entries of Object.values(content) as SourceEntry[][]) {
    for (const e of entries) {
      if (!e.file.endsWith('.mdx')) continue;
      let tree: MdxNode;
      try {
        tree = mdxProcessor.parse({ value: e.body, path: e.file }) as unknown as MdxNode;
      } catch (err) {
        const m = err as { line?: number; reason?: string; message?: string };
        const reason = (m.reason ?? m.message ?? String(err)).replace(/\s+/g, ' ').replace(/\.$/, '');
        problems.push({
          file: e.file,
          line: e.bodyLine + (m.line ?? 1) - 1,
          field: 'body',
          severity: 'error',
          message: `MDX cannot parse the body: ${reason}. Fix: ${fix}.`,
        });
        continue;
      }
      const report = (node: MdxNode, message: string) =>
        problems.push({ file: e.file, line: e.bodyLine + (node.position?.start.line ?? 1) - 1, field: 'body', severity: 'error', message });
      const walk = (node: MdxNode) => {
        switch (node.type) {
          case 'mdxjsEsm':
            report(node, 'MDX import and export lines are not allowed in notes. Fix: remove the line; <Demo> works without an import.');
            return;
          case 'mdxFlowExpression':
          case 'mdxTextExpression': {
            const text = `{${(node.value ?? '').trim().slice(0, 40)}}`;
            report(
              node,
              `MDX reads ${JSON.stringify(text)} as JavaScript, which the build would try to run. Fix: write math between $…$ (for example $n^2$), or avoid braces outside math.`,
            );
            return;
          }
          case 'mdxJsxFlowElement':
          case 'mdxJsxTextElement': {
            const name = node.name ?? '';
            if (!MDX_COMPONENTS.includes(name)) {
              report(
                node,
                /^[A-Z]/.test(name)
                  ? `<${name}> is not a component notes can use. Fix: use ${MDX_COMPONENTS.map((c) => `<${c} … />`).join(' or ')}, or write it in Markdown.`
                  : `raw HTML <${name || '>'}${name ? '>' : ''} is not allowed in notes. Fix: use Markdown instead (## headings, **bold**, lists, [text](url)).`,
              );
              return;
            }
            break;
          }
        }
        node.children?.forEach(walk);
      };
      walk(tree);
    }
  }
  return problems;
}

/** Every $…$ and $$…$$ compiles with KaTeX and the shared macros. */
export function checkMath(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const entries of [content.papers, content.concepts] as SourceEntry[][]) {
    for (const e of entries) {
      for (const { tex, display, line } of extractMath(e.body)) {
        try {
          katex.renderToString(tex, { ...KATEX_OPTIONS, macros: { ...KATEX_OPTIONS.macros }, displayMode: display });
        } catch (err) {
          const reason = (err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err))
            .replace(/\s+/g, ' ')
            .trim()
            .replace(/\.$/, '');
          problems.push({
            file: e.file,
            line: e.bodyLine + line - 1,
            field: 'body',
            severity: 'error',
            message: `KaTeX cannot render ${display ? '$$' : '$'}${tex.trim().replace(/\s+/g, ' ').slice(0, 60)}${display ? '$$' : '$'}: ${reason}. Fix: correct the TeX (the shared macros are listed in CONTRIBUTING.md).`,
          });
        }
      }
    }
  }
  return problems;
}

/** Inline and display math in a body, skipping code. Lines are 1-based within the body. */
export function extractMath(body: string): { tex: string; display: boolean; line: number }[] {
  const noCode = body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (s) => s.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (s) => ' '.repeat(s.length));
  const out: { tex: string; display: boolean; line: number }[] = [];
  const re = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?!\$)([^$\n]+?)\$/g;
  for (const m of noCode.matchAll(re)) {
    const line = noCode.slice(0, m.index).split('\n').length;
    if (m[1] !== undefined) out.push({ tex: m[1], display: true, line });
    else out.push({ tex: m[2]!, display: false, line });
  }
  return out;
}

/** Every paper is listed by at least one topic it names, or by a path. */
export function checkReachability(content: ContentSet): Problem[] {
  const topics = new Set(content.topics.map((t) => t.id));
  const inPaths = new Set<string>();
  for (const p of content.paths)
    for (const s of (p.raw?.['steps'] as { paper?: string }[] | undefined) ?? []) if (s?.paper) inPaths.add(s.paper);
  // A paper without readable frontmatter, without topics, or naming an unknown topic is already
  // reported by the schema or the reference check.
  const listed = (e: SourceEntry) => (Array.isArray(e.raw?.['topics']) ? (e.raw['topics'] as unknown[]) : []);
  return content.papers
    .filter((e) => e.raw !== undefined && listed(e).length > 0 && !listed(e).some((t) => typeof t === 'string' && !topics.has(t)))
    .filter((e) => !inPaths.has(e.id) && !listed(e).some((t) => typeof t === 'string' && topics.has(t)))
    .map((e) => ({
      file: e.file,
      line: e.lineOf(['topics']) ?? 1,
      field: 'topics',
      severity: 'error' as const,
      message: 'no topic or path leads to this paper. Fix: give it a topic from content/topics/ or add it to a path.',
    }));
}
