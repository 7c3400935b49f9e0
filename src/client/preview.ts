/**
 * Hover and focus previews for links that carry `data-preview="papers/<id>"` (wikilinks, relation
 * links, graph nodes, path steps): a small card with the title, year, authors and TL;DR, read from
 * the build-time /previews.json.
 *
 * Loaded by the inline head script on the first pointerover, focus or touch of such a link; the head
 * script hands every later event to hit(). The card is a tooltip: it never takes focus, Escape closes
 * it, and it closes on leaving the link, on navigation and when the page comes back from the
 * back/forward cache. On touch screens, pressing and holding a link shows the card (a short tap still
 * follows the link).
 */

interface Preview {
  /** Title. */
  t: string;
  /** Meta line: year and authors, or the kind of entry. */
  m: string;
  /** TL;DR or summary. */
  s: string;
}

const SHOW_DELAY = 250;
const HIDE_DELAY = 200;
const HOLD = 450;

let base = '/';
let data: Promise<Record<string, Preview>> | undefined;
let card: HTMLElement | undefined;
let current: Element | undefined;
/** The link whose show timer is running. */
let pending: Element | undefined;
let showTimer = 0;
let hideTimer = 0;
let holdTimer = 0;
let held = false;
let holdStart: { x: number; y: number } | undefined;
let overCard = false;
/** The link Escape closed the card for; it stays closed until the pointer or focus moves on. */
let dismissed: Element | undefined;

function load(): Promise<Record<string, Preview>> {
  data ??= fetch(`${base}previews.json`)
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  return data;
}

function ensureCard(): HTMLElement {
  if (card) return card;
  card = document.createElement('div');
  card.id = 'atlas-preview';
  card.className = 'preview-card';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  card.addEventListener('pointerenter', () => {
    overCard = true;
    clearTimeout(hideTimer);
  });
  card.addEventListener('pointerleave', () => {
    overCard = false;
    scheduleHide();
  });
  document.body.append(card);
  return card;
}

export function init(b: string): void {
  base = b;
  void load();
  addEventListener('pointerout', (e) => {
    // A touch pointer leaves when the finger lifts: a card opened by press and hold must stay up
    // (a touch anywhere else closes it, below).
    if (e.pointerType === 'touch') return;
    const link = (e.target as Element).closest?.('[data-preview]');
    if (!link) return;
    if (e.relatedTarget instanceof Node && link.contains(e.relatedTarget)) return;
    if (link === dismissed) dismissed = undefined;
    if (link === pending) {
      clearTimeout(showTimer);
      pending = undefined;
    }
    if (link === current) scheduleHide();
  });
  addEventListener('focusout', (e) => {
    if ((e.target as Element).closest?.('[data-preview]') === current && !overCard) hide();
  });
  addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && card && !card.hidden) {
      dismissed = current;
      hide();
    }
  });
  // Never stick: close on navigation away and when the page is restored from the bfcache.
  addEventListener('pagehide', () => hide());
  addEventListener('pageshow', () => hide());
  addEventListener('resize', () => hide());
  addEventListener(
    'touchmove',
    (e) => {
      const t = e.touches[0];
      if (holdStart && t && Math.hypot(t.clientX - holdStart.x, t.clientY - holdStart.y) > 10) clearTimeout(holdTimer);
    },
    { passive: true },
  );
  addEventListener(
    'touchend',
    (e) => {
      clearTimeout(holdTimer);
      if (held) {
        // The hold showed the card: do not also follow the link.
        e.preventDefault();
        held = false;
      }
    },
    { passive: false },
  );
  addEventListener(
    'touchstart',
    (e) => {
      if (card && !card.hidden && !card.contains(e.target as Node) && !(e.target as Element).closest?.('[data-preview]')) hide();
    },
    { passive: true },
  );
  // A press anywhere but the card closes it, as a touch does (above): the press may start a drag of
  // the lineage graph, which would otherwise leave the card floating over a moved drawing.
  addEventListener(
    'pointerdown',
    (e) => {
      if (e.pointerType !== 'touch' && card && !card.hidden && !card.contains(e.target as Node)) hide();
    },
    { passive: true },
  );
  addEventListener('contextmenu', (e) => {
    if (held || (card && !card.hidden && (e.target as Element).closest?.('[data-preview]') === current)) e.preventDefault();
  });
}

/** Called by the head script for each pointerover, focusin and touchstart on a [data-preview] link. */
export function hit(link: Element, e: Event): void {
  if (e.type === 'pointerover') {
    if ((e as PointerEvent).pointerType === 'touch') return;
    // A button is held: the pointer is dragging (the lineage graph pans), not hovering.
    if ((e as PointerEvent).buttons !== 0) return;
    if (link === dismissed) return;
    clearTimeout(hideTimer);
    if ((link === current && card && !card.hidden) || link === pending) return;
    clearTimeout(showTimer);
    pending = link;
    showTimer = window.setTimeout(() => {
      pending = undefined;
      void show(link);
    }, SHOW_DELAY);
  } else if (e.type === 'focusin') {
    // Only keyboard focus opens a card: a mouse press focuses the link too, and that press may be
    // the start of a drag (the lineage graph) or a click on its way to the page.
    if (!link.matches(':focus-visible')) return;
    dismissed = undefined;
    clearTimeout(hideTimer);
    // Already showing (a touch hold focuses the link after its card opened): keep that card as it is.
    if (link === current && card && !card.hidden) return;
    void show(link);
  } else if (e.type === 'touchstart') {
    const t = (e as TouchEvent).touches[0];
    holdStart = t ? { x: t.clientX, y: t.clientY } : undefined;
    held = false;
    clearTimeout(holdTimer);
    // On the first touch this module loads while the finger is already down: count the hold from the
    // touch itself. If the load took longer than the hold, show the card at once but leave the touch's
    // end alone (it may have happened before this module could listen for it).
    const waited = Math.max(0, performance.now() - e.timeStamp);
    holdTimer = window.setTimeout(
      () => {
        held = waited < HOLD;
        void show(link, true);
      },
      Math.max(0, HOLD - waited),
    );
  }
}

async function show(link: Element, touch = false): Promise<void> {
  const key = (link as HTMLElement).dataset['preview'] ?? link.getAttribute('data-preview') ?? '';
  const p = (await load())[key];
  if (!p || !link.isConnected) return;
  const c = ensureCard();
  if (current && current !== link) current.removeAttribute('aria-describedby');
  current = link;
  c.replaceChildren();
  const title = document.createElement('p');
  title.className = 'preview-card__title';
  title.textContent = p.t;
  const meta = document.createElement('p');
  meta.className = 'preview-card__meta';
  meta.textContent = p.m;
  const text = document.createElement('p');
  text.className = 'preview-card__text';
  text.textContent = p.s;
  c.append(title, meta, text);
  if (touch) {
    const open = document.createElement('a');
    open.className = 'preview-card__open';
    open.href = link.getAttribute('href') ?? '#';
    open.textContent = `Open ${p.t.length > 40 ? 'this note' : p.t} →`;
    c.append(open);
  }
  link.setAttribute('aria-describedby', c.id);
  c.hidden = false;
  place(link, c);
}

function place(link: Element, c: HTMLElement): void {
  const r = link.getBoundingClientRect();
  const w = c.offsetWidth;
  const h = c.offsetHeight;
  const left = Math.max(8, Math.min(r.left, innerWidth - w - 8));
  const below = r.bottom + 8 + h <= innerHeight || r.top - 8 - h < 0;
  const top = below ? r.bottom + 8 : r.top - 8 - h;
  c.style.left = `${left + scrollX}px`;
  c.style.top = `${top + scrollY}px`;
}

function scheduleHide(): void {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  hideTimer = window.setTimeout(() => {
    if (!overCard) hide();
  }, HIDE_DELAY);
}

/** Closes the card (exported for tests and other modules). */
export function hide(): void {
  clearTimeout(showTimer);
  pending = undefined;
  clearTimeout(hideTimer);
  overCard = false;
  current?.removeAttribute('aria-describedby');
  current = undefined;
  if (card) card.hidden = true;
}
