/**
 * Progressive enhancement for the papers table: filter rows by text, topic and family as the reader
 * types, sort by a column, and keep the URL's query string in sync so a filtered view can be shared.
 * Without JS the form still submits and the full table is shown.
 */
export function enhanceTable(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-table-filter]');
  const table = form && document.getElementById(form.dataset['tableFilter']!);
  if (!form || !(table instanceof HTMLTableElement)) return;
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  const count = form.querySelector<HTMLElement>('[data-count]');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  const params = new URLSearchParams(location.search);
  for (const name of ['q', 'topic', 'family']) {
    const el = field(name);
    if (el && params.has(name)) el.value = params.get(name)!;
  }

  const apply = () => {
    const q = (field('q')?.value ?? '').trim().toLowerCase();
    const topic = field('topic')?.value ?? '';
    const family = field('family')?.value ?? '';
    let shown = 0;
    for (const row of rows) {
      const ok =
        (!q || q.split(/\s+/).every((w) => row.dataset['text']!.includes(w))) &&
        (!topic || row.dataset['topics']!.split(' ').includes(topic)) &&
        (!family || row.dataset['family'] === family);
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = `${shown} of ${rows.length} papers`;
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    if (topic) next.set('topic', topic);
    if (family) next.set('family', family);
    history.replaceState(null, '', next.size ? `?${next}` : location.pathname);
  };

  form.addEventListener('input', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  apply();

  for (const button of table.querySelectorAll<HTMLButtonElement>('button[data-sort]')) {
    button.addEventListener('click', () => {
      const key = button.dataset['sort']!;
      const th = button.closest('th')!;
      const descending = th.getAttribute('aria-sort') !== 'descending';
      for (const other of table.querySelectorAll('th[aria-sort]')) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const value = (r: HTMLTableRowElement) => r.dataset[key] ?? '';
      rows.sort((a, b) => {
        const c = key === 'year' ? Number(value(a)) - Number(value(b)) : value(a).localeCompare(value(b));
        return descending ? -c : c;
      });
      body.append(...rows);
    });
  }
}
