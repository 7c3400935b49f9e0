/**
 * Copy buttons: `<button data-copy="element-id">` copies that element's text and announces the result
 * in the next `.copy-status` live region. Loaded on first click by the inline head script.
 */
export async function copy(button: HTMLElement): Promise<void> {
  const source = document.getElementById(button.dataset['copy'] ?? '');
  const status =
    button.nextElementSibling instanceof HTMLElement && button.nextElementSibling.classList.contains('copy-status')
      ? button.nextElementSibling
      : undefined;
  if (!source) return;
  const text = source.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = 'Copied to the clipboard.';
  } catch {
    // Clipboard blocked (permissions, insecure context): select the text so Ctrl+C works.
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    if (status) status.textContent = 'Copying is blocked here; the text is selected, press Ctrl+C.';
  }
}
