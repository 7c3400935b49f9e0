/**
 * The focus view on /graph/: the page is built with one paper's lineage drawn; choosing another
 * paper (the search box, or ?focus=<id> in the address) fetches that paper's own page and takes its
 * lineage section ([data-lineage], src/components/NeighbourhoodGraph.astro), which the build laid
 * out already. Nothing is laid out in the browser, and only first-party pages are fetched.
 */

export function mountFocus(root: Document = document): void {
  const form = root.querySelector<HTMLFormElement>('form[data-focus-form]');
  const panel = root.querySelector<HTMLElement>('[data-focus-panel]');
  const input = form?.querySelector<HTMLInputElement>('input[name="paper"]');
  const status = form?.querySelector<HTMLElement>('[data-focus-status]');
  if (!form || !panel || !input || !status) return;
  const base = panel.dataset['base'] ?? '/';
  const options = [...(form.querySelectorAll<HTMLOptionElement>('datalist option') ?? [])];
  const byId = new Map(options.map((o) => [o.dataset['id']!, o.value]));
  const current = () => panel.querySelector<HTMLElement>('[data-lineage]')?.dataset['lineage'] ?? '';

  /** The paper a typed value names: an option's text, a BibTeX key, or a unique start of a name. */
  const resolve = (value: string): string | undefined => {
    const v = value.trim().toLowerCase();
    if (!v) return undefined;
    const exact = options.find((o) => o.value.toLowerCase() === v || o.dataset['id'] === v);
    if (exact) return exact.dataset['id'];
    const starts = options.filter((o) => o.value.toLowerCase().startsWith(v));
    if (starts.length === 1) return starts[0]!.dataset['id'];
    const contains = options.filter((o) => o.value.toLowerCase().includes(v));
    return contains.length === 1 ? contains[0]!.dataset['id'] : undefined;
  };

  let loading = 0;
  const load = async (id: string, how: 'push' | 'replace' | 'none'): Promise<void> => {
    if (id === current()) {
      status.textContent = `Showing the lineage of ${byId.get(id)?.split(' · ')[0] ?? id}.`;
      return;
    }
    const ticket = ++loading;
    status.textContent = 'Loading…';
    let section: HTMLElement | null;
    try {
      const res = await fetch(`${base}papers/${encodeURIComponent(id)}/`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      section = doc.querySelector<HTMLElement>('[data-lineage]');
    } catch {
      section = null;
    }
    if (ticket !== loading) return; // a newer choice superseded this one
    if (!section) {
      status.textContent = `Could not load the lineage of ${id}. Open its page instead: ${base}papers/${id}/`;
      return;
    }
    const label = byId.get(id)?.split(' · ')[0] ?? id;
    const heading = section.querySelector('h2');
    if (heading) {
      heading.id = 'lineage-heading';
      heading.textContent = `Lineage of ${label}`;
      heading.tabIndex = -1;
    }
    section.setAttribute('aria-labelledby', 'lineage-heading');
    panel.replaceChildren(document.importNode(section, true));
    const n = panel.querySelectorAll('.lg-node').length;
    status.textContent = `Showing the lineage of ${label}: ${n} paper${n === 1 ? '' : 's'}.`;
    if (how !== 'none') {
      const url = new URL(location.href);
      url.searchParams.set('focus', id);
      if (how === 'push') history.pushState({ focus: id }, '', url);
      else history.replaceState({ focus: id }, '', url);
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = resolve(input.value);
    if (!id) {
      status.textContent = input.value.trim()
        ? `No single paper matches “${input.value.trim()}”. Pick one of the suggestions.`
        : 'Type a paper’s name first.';
      return;
    }
    input.value = byId.get(id) ?? input.value;
    void load(id, 'push').then(() => panel.querySelector<HTMLElement>('#lineage-heading')?.focus());
  });
  // Picking a suggestion from the list shows it at once.
  input.addEventListener('change', () => {
    const exact = options.find((o) => o.value === input.value);
    if (exact) void load(exact.dataset['id']!, 'push');
  });
  addEventListener('popstate', () => {
    const id = new URLSearchParams(location.search).get('focus');
    if (id && byId.has(id)) void load(id, 'none');
  });
  const wanted = new URLSearchParams(location.search).get('focus');
  if (wanted && byId.has(wanted)) {
    input.value = byId.get(wanted)!;
    void load(wanted, 'replace');
  } else if (wanted) {
    status.textContent = `No paper has the id “${wanted}”; showing the lineage of ${byId.get(current())?.split(' · ')[0] ?? current()}.`;
  }
}
