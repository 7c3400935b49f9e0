/**
 * The header search, loaded on first focus of the header search box (see src/lib/head-script.ts).
 * It adds Pagefind's modal and opens it with whatever the reader has typed; the plain form still
 * submits to /search/ if the modal cannot load.
 */
import { RESULT_TEMPLATE, configElement, loadPagefindUI } from './pagefind-loader.ts';
import { SEARCH_DEBOUNCE_MS } from '../lib/search-ranking.ts';

interface ModalElement extends HTMLElement {
  open(): void;
}

export async function init(base: string): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form[data-search]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!form || !input) return;
  let components;
  try {
    components = await loadPagefindUI(base);
  } catch {
    return; // the form keeps working as a link to /search/
  }
  const holder = document.createElement('div');
  holder.innerHTML = `${configElement(base)}<pagefind-modal><pagefind-modal-header><pagefind-input placeholder="Search papers, concepts, topics" debounce="${SEARCH_DEBOUNCE_MS}" autofocus></pagefind-input></pagefind-modal-header><pagefind-modal-body><pagefind-summary></pagefind-summary><pagefind-results max-results="12">${RESULT_TEMPLATE}</pagefind-results></pagefind-modal-body><pagefind-modal-footer><pagefind-keyboard-hints></pagefind-keyboard-hints></pagefind-modal-footer></pagefind-modal>`;
  document.body.append(holder);
  const modal = holder.querySelector('pagefind-modal') as ModalElement;
  await customElements.whenDefined('pagefind-modal');

  const openWith = (term: string) => {
    modal.open();
    const modalInput = modal.querySelector<HTMLInputElement>('pagefind-input input');
    if (modalInput) {
      modalInput.value = term;
      modalInput.focus();
    }
    if (term) components.getInstanceManager().getInstance('default').triggerSearch(term);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    openWith(input.value);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      openWith(input.value + e.key);
    }
  });
  input.addEventListener('click', () => openWith(input.value));
  // Whatever was typed while the UI loaded is not lost: open the modal with it now.
  if (document.activeElement === input && input.value.trim() !== '') openWith(input.value);
}
