/**
 * Loads Pagefind's own component UI (its CSS and script, written into dist/pagefind/ by the build)
 * once, on first use, with the site's ranking (src/lib/search-ranking.ts). Search never loads before
 * the reader asks for it.
 */
import { SEARCH_RANKING } from '../lib/search-ranking.ts';
import { createSearchScheduler } from '../lib/search-scheduler.ts';

interface PagefindInstance {
  triggerSearch(term: string): void;
  searchFilters?: unknown;
  /** Pagefind 1.6 component UI internals, used by searchOneAtATime below. */
  __searchID__: number;
  __search__(term: string, filters: unknown): Promise<void>;
  __dispatch__(event: string, ...args: unknown[]): void;
  /** Passed to Pagefind's createInstance on first load. */
  pagefindOptions?: Record<string, unknown>;
  triggerLoad(): Promise<unknown>;
  searchSort?: Record<string, 'asc' | 'desc'>;
  searchTerm?: string;
}
export interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

let loading: Promise<PagefindComponents> | undefined;

/** The site base path ("/" or "/repo/"), read from the search page or the header form. */
export function basePath(): string {
  const el = document.querySelector<HTMLElement>('[data-base]');
  return el?.dataset['base'] ?? '/';
}

export function loadPagefindUI(base: string): Promise<PagefindComponents> {
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${base}pagefind/pagefind-component-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${base}pagefind/pagefind-component-ui.js`;
    script.onload = () => {
      const components = (window as unknown as { PagefindComponents?: PagefindComponents }).PagefindComponents;
      if (components) {
        // The ranking must be in place before the instance loads Pagefind (on first focus or search).
        const instance = components.getInstanceManager().getInstance('default');
        instance.pagefindOptions = { ...instance.pagefindOptions, ranking: SEARCH_RANKING };
        searchOneAtATime(instance);
        resolve(components);
      } else reject(new Error('Pagefind UI loaded but did not register its components'));
    };
    script.onerror = () => reject(new Error('Search is unavailable: the index has not been built (run npm run build).'));
    document.head.append(script);
  });
  return loading;
}

/**
 * Route the instance's searches through the scheduler of src/lib/search-scheduler.ts: one search at
 * a time, the newest query waiting, stale results dropped, one-letter prefixes only after a pause.
 * Every caller (the inputs, the sort control, ?q=) goes through `triggerSearch`, so replacing it is
 * enough. It does what Pagefind 1.6's own triggerSearch does (set the term, tell the components,
 * search) but awaits the search; bumping `__searchID__` is how Pagefind itself discards a search
 * that a newer one overtook. These are the component UI's internals, pinned with the pagefind
 * version in package.json; tests/e2e/search*.spec.ts fail if an upgrade changes them.
 */
function searchOneAtATime(instance: PagefindInstance): void {
  const scheduler = createSearchScheduler({
    run: async (term) => {
      instance.searchTerm = term;
      instance.__dispatch__('search', term, instance.searchFilters);
      await instance.__search__(term, instance.searchFilters);
    },
    supersede: () => {
      instance.__searchID__++;
    },
    onError: (error) => instance.__dispatch__('error', { type: 'search_failed', message: 'Search failed; try again.', error }),
  });
  instance.triggerSearch = (term: string) => scheduler.request(term);
}

/** The `<pagefind-config>` element that points the components at this site's bundle. */
export function configElement(base: string): string {
  return `<pagefind-config bundle-path="${base}pagefind/" base-url="${base}" excerpt-length="24"></pagefind-config>`;
}

/**
 * The result template of every `<pagefind-results>` (Pagefind's own markup and classes, so its
 * styles and keyboard handling apply): the title line is the page's title and, for a paper, its
 * first author and year ("Ashish Vaswani et al., 2017", the `byline` meta); the snippet is Pagefind's
 * excerpt, which on a paper note is the matching words of the TL;DR or the note (the header's
 * metadata, topic chips and section headings are not indexed; see SEARCH_EXCLUDE_SELECTORS), or the
 * TL;DR itself when only a name matched. Sections are not listed as sub-results.
 */
export const RESULT_TEMPLATE = `<script type="text/pagefind-template">
<li class="pf-result">
  <div class="pf-result-card">
    <div class="pf-result-content">
      <p class="pf-result-title">
        <a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a>{{#if meta.byline}} <span class="pf-result-byline">{{ meta.byline }}</span>{{/if}}
      </p>
      {{#if excerpt}}
      <p class="pf-result-excerpt">{{+ excerpt +}}</p>
      {{/if}}
    </div>
  </div>
</li>
</script>`;
