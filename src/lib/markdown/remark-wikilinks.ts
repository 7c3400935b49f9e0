/**
 * remark plugin: turns `[[id]]` and `[[id|label]]` in text into links, through the shared resolver.
 * An unknown or ambiguous target stops the build with the file, line and "did you mean …".
 *
 * Pure: the id index comes from the caller. astro.config.mjs passes the knowledge's index from the
 * content loader (src/integrations/content-loader.ts), asked again for each file so that a note
 * added during `npm run dev` resolves.
 */
import type { Root, Text, PhrasingContent, Parent } from 'mdast';
import type { VFile } from 'vfile';
import { entryPath, withBase } from '../slug.ts';
import { defaultLabel, resolveWikilink, type IdIndex, parseWikilink } from '../wikilinks.ts';

export interface WikilinkOptions {
  /** The index of every entry (src/lib/knowledge.ts), or a function returning the current one. */
  index: IdIndex | (() => IdIndex);
  /** Site base path, e.g. "/" or "/attention-atlas/". */
  base: string;
}

const PATTERN = /\[\[([^[\]|\n]+?)(?:\|([^[\]\n]+?))?\]\]/g;

export default function remarkWikilinks(options: WikilinkOptions) {
  return (tree: Root, file: VFile) => {
    const index = typeof options.index === 'function' ? options.index() : options.index;
    walk(tree, (parent) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i] as PhrasingContent;
        if (node.type !== 'text' || !node.value.includes('[[')) continue;
        const parts = split(node, index, options, file);
        if (parts) {
          parent.children.splice(i, 1, ...(parts as never[]));
          i += parts.length - 1;
        }
      }
    });
  };
}

function walk(node: Root | Parent, visit: (parent: Parent) => void): void {
  if (!('children' in node)) return;
  const type = (node as { type: string }).type;
  if (type === 'link' || type === 'linkReference' || type === 'code' || type === 'inlineCode') return;
  visit(node);
  for (const child of node.children) if ('children' in child) walk(child as Parent, visit);
}

function split(node: Text, index: IdIndex, options: WikilinkOptions, file: VFile): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of node.value.matchAll(PATTERN)) {
    const link = parseWikilink(m[1]!, m[2]);
    const resolved = resolveWikilink(link, index);
    if (!resolved.ok) {
      file.fail(`${resolved.message}`, node);
    }
    const entry = resolved.entry;
    if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
    out.push({
      type: 'link',
      url: withBase(entryPath(entry.collection, entry.id), options.base),
      data: { hProperties: { className: ['wikilink', `wikilink-${entry.collection}`], 'data-preview': `${entry.collection}/${entry.id}` } },
      children: [{ type: 'text', value: link.label ?? defaultLabel(entry) }],
    });
    last = m.index + m[0].length;
  }
  if (last === 0) return undefined;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}
