/**
 * The path finder on /graph/path-finder/: pick two papers, see the shortest chain of typed relations
 * between them with each step's note. The relations ship inside the page as JSON; the search is the
 * same pure function the build uses for the precomputed examples (src/lib/lineage.ts).
 */
import { adjacency, findPath, type ChainStep, type Relation } from '../lib/lineage.ts';
import type { RelationType } from '../schema/taxonomy.ts';

interface PathData {
  base: string;
  /** id → [short label, year] */
  papers: Record<string, [string, number]>;
  /** What each relation type reads as: "builds on". */
  verbs: Record<RelationType, string>;
  /** [from, to, type, note] */
  relations: [string, string, RelationType, string][];
}

export function mountPathFinder(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-path-finder]');
  const out = document.querySelector<HTMLElement>('[data-path-result]');
  const raw = document.getElementById('path-data')?.textContent;
  if (!form || !out || !raw) return;
  const data = JSON.parse(raw) as PathData;
  const relations: Relation[] = data.relations.map(([from, to, type, note]) => ({ from, to, type, note }));
  const adj = adjacency(relations);
  const from = form.elements.namedItem('from') as HTMLSelectElement;
  const to = form.elements.namedItem('to') as HTMLSelectElement;
  const label = (id: string) => {
    const p = data.papers[id];
    return p ? `${p[0]} (${p[1]})` : id;
  };
  const link = (id: string) => {
    const a = document.createElement('a');
    a.href = `${data.base}papers/${id}/`;
    a.dataset['preview'] = `papers/${id}`;
    a.textContent = label(id);
    return a;
  };
  const render = (steps: ChainStep[] | undefined, a: string, b: string) => {
    out.replaceChildren();
    const heading = document.createElement('h2');
    heading.id = 'path-result-heading';
    heading.tabIndex = -1;
    if (a === b) {
      heading.textContent = 'Pick two different papers';
      out.append(heading);
      return heading;
    }
    if (!steps) {
      heading.textContent = `No chain of relations joins ${label(a)} and ${label(b)}`;
      const p = document.createElement('p');
      p.textContent = 'They sit in parts of the lineage that no typed relation connects yet.';
      out.append(heading, p);
      return heading;
    }
    heading.textContent = `${label(a)} to ${label(b)}: ${steps.length} step${steps.length === 1 ? '' : 's'}`;
    const ol = document.createElement('ol');
    ol.className = 'chain';
    for (const s of steps) {
      const li = document.createElement('li');
      const head = document.createElement('p');
      head.className = 'chain__papers';
      head.append(link(s.at), ' → ', link(s.next));
      const note = document.createElement('p');
      note.className = 'chain__note';
      const strong = document.createElement('strong');
      strong.textContent = `${label(s.relation.from)} ${data.verbs[s.relation.type]} ${label(s.relation.to)}.`;
      note.append(strong, ` ${s.relation.note}`);
      li.append(head, note);
      ol.append(li);
    }
    out.append(heading, ol);
    return heading;
  };
  const run = (focus: boolean) => {
    if (!from.value || !to.value) return;
    const heading = render(findPath(adj, from.value, to.value), from.value, to.value);
    const url = new URL(location.href);
    url.searchParams.set('from', from.value);
    url.searchParams.set('to', to.value);
    history.replaceState(null, '', url);
    if (focus) heading.focus();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(true);
  });
  form.querySelector('[data-swap]')?.addEventListener('click', () => {
    [from.value, to.value] = [to.value, from.value];
    run(false);
  });
  const params = new URLSearchParams(location.search);
  const a = params.get('from');
  const b = params.get('to');
  if (a && b && data.papers[a] && data.papers[b]) {
    from.value = a;
    to.value = b;
    run(false);
  }
}
