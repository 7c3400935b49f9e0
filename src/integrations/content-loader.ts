/**
 * The one reader of content/: lists every collection folder, reads each file once, parses it
 * (src/lib/content-entry.ts) and builds the knowledge from it (src/lib/knowledge.ts). It also lists
 * the demo folders under src/demos/, which the content rules check the concepts' `demos:` against.
 *
 * `loadContent` is memoised per process, keyed by the content folder and the size and time of every
 * file in it, so the build (the content guard before and after it, the wikilink plugin in between),
 * `npm run lint:content` and the scripts read content/ once, and a file that changes is read again.
 * The wikilink plugin, which asks once per page, passes `{ check: 'folders' }`: it then compares only
 * the collection folders' times (a note added, renamed or removed), not every file's.
 * The memo lives on globalThis because Astro loads the config and its plugins through more than one
 * module graph in the same process.
 *
 * Node-only (node:fs). The pages read their entries through astro:content (src/data/site-data.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { knowledgeOfContent, readEntry, type ContentSet, type SourceEntry } from '../lib/content-entry.ts';
import type { DemoFolder } from '../lib/content-rules/index.ts';
import type { Knowledge } from '../lib/knowledge.ts';
import { EXTENSIONS, type Problem } from '../schema/index.ts';
import { COLLECTIONS } from '../schema/taxonomy.ts';

export type { DemoFolder };

export interface LoadResult {
  content: ContentSet;
  /** Problems found while reading: folders, file names, YAML and schemas. */
  problems: Problem[];
  knowledge: Knowledge;
  /** The demos under `<root>/src/demos/`; empty when the folder does not exist. */
  demos: DemoFolder[];
}

interface Memo {
  stamp: string;
  folders: string;
  result: LoadResult;
}

export interface LoadOptions {
  /**
   * What tells a memoised read from a stale one: every file's size and time (the default), or only
   * the collection folders' times, which change when a file is added, renamed or removed.
   */
  check?: 'files' | 'folders';
}

const STORE = Symbol.for('attention-atlas.content-loader');
type Store = { memo: Map<string, Memo>; reads: number };
const store = ((globalThis as Record<symbol, unknown>)[STORE] ??= { memo: new Map(), reads: 0 }) as Store;

/** How many content files this process has read so far (the build logs it; the tests assert it). */
export function contentReads(): number {
  return store.reads;
}

/**
 * Every entry under `contentDir` (default `<root>/content`), with its problems, the knowledge and the
 * demo folders. Read from disk once per process and content state.
 */
export function loadContent(
  root: string = process.cwd(),
  contentDir: string = join(root, 'content'),
  options: LoadOptions = {},
): LoadResult {
  const key = `${resolve(root)}\0${resolve(contentDir)}`;
  const hit = store.memo.get(key);
  const folders = folderStamp(contentDir);
  if (hit && options.check === 'folders' && hit.folders === folders) return hit.result;
  const listing = listCollections(contentDir);
  const stamp = JSON.stringify(listing.map((c) => c.files?.map((f) => [f.path, f.size, f.mtimeMs]) ?? null));
  if (hit && hit.stamp === stamp) return hit.result;
  const result = read(root, listing);
  store.memo.set(key, { stamp, folders, result });
  return result;
}

function folderStamp(contentDir: string): string {
  return COLLECTIONS.map((c) => {
    try {
      return statSync(join(contentDir, c)).mtimeMs;
    } catch {
      return 0;
    }
  }).join(':');
}

interface FileInfo {
  path: string;
  size: number;
  mtimeMs: number;
}

interface Listing {
  collection: (typeof COLLECTIONS)[number];
  dir: string;
  /** Undefined when the folder is missing. */
  files: FileInfo[] | undefined;
}

function listCollections(contentDir: string): Listing[] {
  return COLLECTIONS.map((collection) => {
    const dir = join(contentDir, collection);
    return { collection, dir, files: listFiles(dir) };
  });
}

function read(root: string, listing: Listing[]): LoadResult {
  const problems: Problem[] = [];
  const content = {} as ContentSet;
  for (const { collection, dir, files } of listing) {
    if (files === undefined) {
      problems.push({
        file: relative(root, dir) || dir,
        field: '',
        severity: 'error',
        message: `the ${collection} folder is missing. Fix: create ${relative(root, dir)}/ with at least one entry.`,
      });
      (content as Record<string, unknown>)[collection] = [];
      continue;
    }
    const entries: SourceEntry[] = [];
    for (const { path } of files) {
      const file = relative(root, join(dir, path));
      const name = basename(path);
      const ext = EXTENSIONS[collection];
      if (!name.endsWith(`.${ext}`)) {
        if (/\.(md|mdx)$/.test(name)) {
          problems.push({
            file,
            line: 1,
            field: '',
            severity: 'error',
            message: `${collection} entries are .${ext} files. Fix: rename it to ${name.replace(/\.\w+$/, `.${ext}`)}.`,
          });
        }
        continue;
      }
      if (path !== name) {
        // The build's glob loader would give it the id "<folder>/<name>", which no link or URL expects.
        problems.push({
          file,
          line: 1,
          field: '',
          severity: 'error',
          message: `entries live directly in content/${collection}/, not in a subfolder. Fix: move it to content/${collection}/${name}.`,
        });
      }
      const id = name.slice(0, -(ext.length + 1));
      store.reads++;
      entries.push(readEntry(collection, id, file, readFileSync(join(dir, path), 'utf8'), problems));
    }
    if (entries.length === 0) {
      problems.push({
        file: relative(root, dir),
        field: '',
        severity: 'error',
        message: `the ${collection} collection is empty. Fix: add at least one .${EXTENSIONS[collection]} file, or check the folder name.`,
      });
    }
    (content as Record<string, unknown>)[collection] = entries;
  }
  return { content, problems, knowledge: knowledgeOfContent(content), demos: demoFolders(root) };
}

/**
 * The files under `dir`, as paths relative to it, skipping names that start with "." or "_" (drafts),
 * as the build's glob loader does. Subfolders are listed too, so that a note filed one level too deep
 * is reported rather than silently built under another id.
 */
function listFiles(dir: string): FileInfo[] | undefined {
  try {
    if (!statSync(dir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const out: FileInfo[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else {
        const { size, mtimeMs } = statSync(join(dir, path));
        out.push({ path, size, mtimeMs });
      }
    }
  };
  walk('');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The folders of `<root>/src/demos/` that hold a PascalCase .astro component, sorted by name. */
export function demoFolders(root: string = process.cwd()): DemoFolder[] {
  const dir = join(root, 'src', 'demos');
  let folders;
  try {
    folders = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return folders
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .flatMap((d) => {
      const component = readdirSync(join(dir, d.name))
        .filter((f) => /^[A-Z].*\.astro$/.test(f))
        .sort()[0];
      return component ? [{ name: d.name, component: relative(root, join(dir, d.name, component)) }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
