/**
 * The /cart/ page: lists the papers in the citation cart, removes them one by one or all at once, and
 * downloads them as one .bib file or as CSL-JSON. Titles come from /previews.json.
 */
import { bibtex, clear, cslJson, download, ids, init, remove } from './cart.ts';

export async function mountCartPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-cart-page]');
  if (!root) return;
  const base = root.dataset['base'] ?? '/';
  init(base);
  const list = root.querySelector<HTMLOListElement>('[data-cart-list]')!;
  const empty = root.querySelector<HTMLElement>('[data-cart-empty]')!;
  const actions = root.querySelector<HTMLElement>('[data-cart-actions]')!;
  const status = root.querySelector<HTMLElement>('[data-cart-status]')!;
  const previews = (await fetch(`${base}previews.json`)
    .then((r) => r.json())
    .catch(() => ({}))) as Record<string, { t: string; m: string }>;

  const render = () => {
    const current = ids();
    list.replaceChildren(
      ...current.map((id) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `${base}papers/${id}/`;
        a.dataset['preview'] = `papers/${id}`;
        a.textContent = previews[`papers/${id}`]?.t ?? id;
        const meta = document.createElement('span');
        meta.className = 'muted small';
        meta.textContent = ` · ${previews[`papers/${id}`]?.m.split(' · ')[0] ?? ''} · ${id}`;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'cart-remove';
        button.dataset['remove'] = id;
        button.textContent = 'Remove';
        button.setAttribute('aria-label', `Remove ${a.textContent} from the cart`);
        li.append(a, meta, ' ', button);
        return li;
      }),
    );
    empty.hidden = current.length > 0;
    actions.hidden = current.length === 0;
    for (const el of root.querySelectorAll<HTMLElement>('[data-cart-count]')) el.textContent = String(current.length);
  };
  render();
  addEventListener('atlas-cart', render);
  addEventListener('storage', render);

  root.addEventListener('click', async (e) => {
    const target = e.target as Element;
    const rm = target.closest<HTMLButtonElement>('button[data-remove]');
    if (rm) {
      const next =
        rm.closest('li')?.nextElementSibling?.querySelector<HTMLElement>('button') ??
        root.querySelector<HTMLElement>('[data-cart-heading]');
      remove(rm.dataset['remove']!);
      status.textContent = `Removed. ${ids().length} in the cart.`;
      next?.focus();
      return;
    }
    const action = target.closest<HTMLButtonElement>('button[data-cart-action]')?.dataset['cartAction'];
    if (!action) return;
    try {
      if (action === 'bib') {
        download('attention-atlas.bib', await bibtex(ids(), base), 'application/x-bibtex');
        status.textContent = `Downloaded ${ids().length} BibTeX entries.`;
      } else if (action === 'csl') {
        download(
          'attention-atlas.json',
          `${JSON.stringify(await cslJson(ids(), base), null, 2)}\n`,
          'application/vnd.citationstyles.csl+json',
        );
        status.textContent = `Downloaded ${ids().length} CSL-JSON items.`;
      } else if (action === 'clear') {
        clear();
        status.textContent = 'The cart is empty.';
      }
    } catch (err) {
      status.textContent = `Could not prepare the file: ${(err as Error).message}.`;
    }
  });
}
