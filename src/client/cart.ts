/**
 * The citation cart: paper ids kept in localStorage under "atlas-cart", ticked with
 * `<input type="checkbox" data-cart="<paper id>">` anywhere on the site, downloaded from /cart/ as one
 * BibTeX file (the papers' own /papers/<id>.bib entries, so the cart and the site never disagree) or as
 * CSL-JSON (from /papers.csl.json).
 *
 * Loaded by the inline head script when a cart box is approached (pointer, focus, touch) or changed;
 * the head script calls set() on every change. Keeps no state of its own: localStorage is the truth,
 * so several tabs and several copies of this module agree.
 */
export const CART_KEY = 'atlas-cart';

let base = '/';

export function ids(): string[] {
  try {
    const raw = JSON.parse(localStorage.getItem(CART_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string' && /^[a-z]+\d{4}[a-z0-9]+$/.test(x)) : [];
  } catch {
    return [];
  }
}

function save(list: readonly string[]): void {
  try {
    localStorage.setItem(CART_KEY, JSON.stringify([...new Set(list)]));
  } catch {
    // Storage blocked: the cart lasts for this page only.
  }
  sync();
  dispatchEvent(new CustomEvent('atlas-cart', { detail: ids() }));
}

export function add(id: string): void {
  save([...ids(), id]);
}

export function remove(id: string): void {
  save(ids().filter((x) => x !== id));
}

export function clear(): void {
  save([]);
}

/** Called by the head script when a cart box changes: the box's state becomes the cart's. */
export function set(box: HTMLInputElement): void {
  const id = box.dataset['cart'];
  if (!id) return;
  if (box.checked) add(id);
  else remove(id);
  const status = box.closest('[data-cart-scope]')?.querySelector<HTMLElement>('[data-cart-status]');
  if (status) status.textContent = box.checked ? `Added; ${ids().length} in the cart.` : `Removed; ${ids().length} in the cart.`;
}

/** Brings every cart box and counter on the page in line with the stored cart. */
export function sync(): void {
  const inCart = new Set(ids());
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-cart]')) box.checked = inCart.has(box.dataset['cart'] ?? '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-cart-count]')) el.textContent = String(inCart.size);
}

export function init(b: string): void {
  base = b;
  // A box ticked while this module was still loading keeps its tick: the reader's change is saved
  // before sync() brings the boxes in line with the stored cart (which would otherwise untick it).
  const early = [...document.querySelectorAll<HTMLInputElement>('input[data-cart]')].filter((box) => box.checked && !box.defaultChecked);
  const stored = ids();
  if (early.some((box) => !stored.includes(box.dataset['cart'] ?? ''))) save([...stored, ...early.map((box) => box.dataset['cart']!)]);
  sync();
  // Another tab changed the cart.
  addEventListener('storage', (e) => {
    if (e.key === CART_KEY) sync();
  });
  addEventListener('pageshow', () => sync());
}

/** The BibTeX of the given papers, in cart order: each paper's own .bib file, joined. */
export async function bibtex(list: readonly string[] = ids(), b = base): Promise<string> {
  const parts = await Promise.all(
    list.map(async (id) => {
      const r = await fetch(`${b}papers/${id}.bib`);
      if (!r.ok) throw new Error(`no BibTeX for ${id} (${r.status})`);
      return (await r.text()).trim();
    }),
  );
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}

/** The CSL-JSON items of the given papers, in cart order. */
export async function cslJson(list: readonly string[] = ids(), b = base): Promise<object[]> {
  const r = await fetch(`${b}papers.csl.json`);
  if (!r.ok) throw new Error(`papers.csl.json is unavailable (${r.status})`);
  const all = (await r.json()) as { id: string }[];
  const byId = new Map(all.map((item) => [item.id, item]));
  return list.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Saves text as a file through a temporary link. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
