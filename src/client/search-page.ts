/**
 * The /search/ page: Pagefind's component UI with filters (topic, year, family, kind, has-demo),
 * a sort control (relevance, newest, oldest) and the query kept in the URL (?q=…).
 */
import { RESULT_TEMPLATE, basePath, configElement, loadPagefindUI } from './pagefind-loader.ts';
import { SEARCH_DEBOUNCE_MS } from '../lib/search-ranking.ts';

export async function mountSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  if (!root) return;
  const base = basePath();
  const q = new URLSearchParams(location.search).get('q') ?? '';
  let components;
  try {
    components = await loadPagefindUI(base);
  } catch (err) {
    root.insertAdjacentHTML('beforeend', `<p class="notice" role="alert">${(err as Error).message}</p>`);
    return;
  }
  root.insertAdjacentHTML(
    'beforeend',
    `${configElement(base)}
    <div class="search-layout">
      <div class="search-layout__main">
        <pagefind-input placeholder="Search the atlas" debounce="${SEARCH_DEBOUNCE_MS}" autofocus></pagefind-input>
        <p class="search-sort"><label for="search-sort">Sort results</label>
          <select id="search-sort"><option value="">By relevance</option><option value="desc">Newest first</option><option value="asc">Oldest first</option></select></p>
        <pagefind-summary></pagefind-summary>
        <pagefind-results>${RESULT_TEMPLATE}</pagefind-results>
      </div>
      <aside class="search-layout__filters" aria-label="Filters"><pagefind-filter-pane></pagefind-filter-pane></aside>
    </div>`,
  );
  await customElements.whenDefined('pagefind-input');
  const instance = components.getInstanceManager().getInstance('default');
  const input = root.querySelector<HTMLInputElement>('pagefind-input input');
  const sort = root.querySelector<HTMLSelectElement>('#search-sort')!;
  sort.addEventListener('change', () => {
    instance.searchSort = sort.value ? { year: sort.value as 'asc' | 'desc' } : {};
    instance.triggerSearch(input?.value ?? '');
  });
  input?.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
  if (q && input) {
    input.value = q;
    instance.triggerSearch(q);
  }
}
