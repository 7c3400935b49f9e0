/**
 * Wikilinks: `[[id]]`, `[[id|label]]` and, when an id is shared by two collections, `[[topic:id]]`.
 *
 * One resolver serves the markdown pipeline, the content linter and the browser. Pure: it works on
 * strings and an index of known entries, and never touches the file system.
 */
import type { CollectionName } from '../schema/taxonomy.ts';
import { nearest } from '../schema/suggest.ts';
import { collectionOfPrefix, PREFIX } from './slug.ts';

/** What the resolver needs to know about an entry. */
export interface EntryRef {
  collection: CollectionName;
  id: string;
  title: string;
  /** Short display name for papers ("BERT"); defaults to the title. */
  short?: string;
  year?: number;
}

/** One `[[…]]` occurrence in a body. */
export interface WikilinkMatch {
  /** The whole source text, e.g. `[[bert|the BERT paper]]`. */
  raw: string;
  /** Collection named by a prefix such as `topic:`; undefined when the link is bare. */
  collection?: CollectionName;
  id: string;
  label?: string;
  /** Offset of `[[` in the scanned text. */
  index: number;
  /** 1-based line within the scanned text. */
  line: number;
}

/** Every id, mapped to the entries that use it (more than one only across collections). */
export type IdIndex = Map<string, EntryRef[]>;

export function buildIdIndex(entries: Iterable<EntryRef>): IdIndex {
  const index: IdIndex = new Map();
  for (const e of entries) {
    const list = index.get(e.id);
    if (list) list.push(e);
    else index.set(e.id, [e]);
  }
  return index;
}

const WIKILINK = /\[\[([^[\]|\n]+?)(?:\|([^[\]\n]+?))?\]\]/g;

/** Parses the inside of a wikilink: `topic:moe|label` → { collection: topics, id: moe, label }. */
export function parseWikilink(target: string, label?: string): Omit<WikilinkMatch, 'raw' | 'index' | 'line'> {
  const trimmed = target.trim();
  const colon = trimmed.indexOf(':');
  const collection = colon > 0 ? collectionOfPrefix(trimmed.slice(0, colon)) : undefined;
  const id = collection ? trimmed.slice(colon + 1).trim() : trimmed;
  return { ...(collection ? { collection } : {}), id, ...(label?.trim() ? { label: label.trim() } : {}) };
}

/**
 * Finds wikilinks in Markdown/MDX source, skipping fenced code blocks, inline code and math
 * (`$…$`, `$$…$$`), where `[[` means something else.
 */
export function findWikilinks(source: string): WikilinkMatch[] {
  const masked = maskCodeAndMath(source);
  const out: WikilinkMatch[] = [];
  for (const m of masked.matchAll(WIKILINK)) {
    const index = m.index;
    const raw = source.slice(index, index + m[0].length);
    const inner = /^\[\[([^|]+?)(?:\|(.+))?\]\]$/.exec(raw)!;
    out.push({ raw, index, line: lineAt(source, index), ...parseWikilink(inner[1]!, inner[2]) });
  }
  return out;
}

/** Replaces code and math with spaces of the same length, so offsets and lines stay true. */
export function maskCodeAndMath(source: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return source
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/(?<![\\$])\$(?!\$)[^$\n]+?\$/g, blank);
}

/** 1-based line number of an offset. */
export function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

export type Resolution = { ok: true; entry: EntryRef } | { ok: false; message: string; suggestions: string[] };

/** Resolves one parsed wikilink against the index; on failure says why and suggests close ids. */
export function resolveWikilink(link: Pick<WikilinkMatch, 'id' | 'collection'>, index: IdIndex): Resolution {
  const candidates = (index.get(link.id) ?? []).filter((e) => !link.collection || e.collection === link.collection);
  if (candidates.length === 1) return { ok: true, entry: candidates[0]! };
  const shown = link.collection ? `${PREFIX[link.collection]}:${link.id}` : link.id;
  if (candidates.length > 1) {
    const options = candidates.map((e) => `[[${PREFIX[e.collection]}:${e.id}]]`);
    return {
      ok: false,
      message: `wikilink [[${shown}]] is ambiguous: ${candidates.map((e) => e.collection).join(' and ')} both have that id. Fix: write ${options.join(' or ')}.`,
      suggestions: options,
    };
  }
  const pool = link.collection
    ? [...index.values()]
        .flat()
        .filter((e) => e.collection === link.collection)
        .map((e) => e.id)
    : [...index.keys()];
  const suggestions = nearest(link.id, pool, 3);
  return {
    ok: false,
    message: `wikilink [[${shown}]] points to no ${link.collection ? PREFIX[link.collection] : 'note'}. Fix: ${
      suggestions.length ? `did you mean ${suggestions.map((s) => `[[${s}]]`).join(', ')}? ` : ''
    }use the file name (without extension) of an entry in content/.`,
    suggestions,
  };
}

/** The text a resolved link shows when the author gave no label: papers as "Short (year)", others by title. */
export function defaultLabel(entry: EntryRef): string {
  if (entry.collection === 'papers') {
    const short = entry.short ?? shortTitle(entry.title);
    return entry.year ? `${short} (${entry.year})` : short;
  }
  return entry.title;
}

/** The title up to its first colon: "BERT: Pre-training of …" → "BERT". */
export function shortTitle(title: string): string {
  const head = title.split(':')[0]!.trim();
  return head.length > 0 && head.length <= 60 ? head : title;
}
