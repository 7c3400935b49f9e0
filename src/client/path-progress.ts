/**
 * Reading progress on a reading path: a "Mark as read" box per step and a progress bar, kept in
 * localStorage under "atlas-read" as the keys of the notes read ("papers/<id>", "concepts/<id>"), so a
 * note read on one path counts on every path. Progress exports to a small JSON file and imports back
 * (merged with what is already there). No account, no server. Without JS the path is a plain list.
 */
export const READ_KEY = 'atlas-read';
export const EXPORT_FORMAT = 'attention-atlas-reading-progress';
const KEY_PATTERN = /^(papers|concepts)\/[a-z0-9-]+$/;

export function readKeys(): Set<string> {
  try {
    const raw = JSON.parse(localStorage.getItem(READ_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string' && KEY_PATTERN.test(k)) : []);
  } catch {
    return new Set();
  }
}

function store(keys: Set<string>): void {
  try {
    localStorage.setItem(READ_KEY, JSON.stringify([...keys].sort()));
  } catch {
    // Storage blocked: progress lasts for this page only.
  }
}

/** The export file's content. */
export function exportProgress(keys: Set<string> = readKeys()): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, exported: new Date().toISOString(), read: [...keys].sort() }, null, 2)}\n`;
}

/** Parses an export file; throws with a reason when it is not one. */
export function parseProgress(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  const d = data as { format?: unknown; read?: unknown };
  if (d.format !== EXPORT_FORMAT || !Array.isArray(d.read)) throw new Error('the file is not an Attention Atlas reading-progress export');
  return d.read.filter((k): k is string => typeof k === 'string' && KEY_PATTERN.test(k));
}

export function mountPathProgress(): void {
  const list = document.querySelector<HTMLElement>('[data-path]');
  const panel = document.querySelector<HTMLElement>('[data-path-progress]');
  if (!list || !panel) return;
  const steps = [...list.querySelectorAll<HTMLElement>('[data-step]')];
  const bar = panel.querySelector<HTMLProgressElement>('progress')!;
  const text = panel.querySelector<HTMLElement>('[data-progress-text]')!;
  const status = panel.querySelector<HTMLElement>('[data-progress-status]')!;
  const file = panel.querySelector<HTMLInputElement>('input[type="file"]')!;

  const render = () => {
    const read = readKeys();
    let done = 0;
    for (const step of steps) {
      const isRead = read.has(step.dataset['step']!);
      const box = step.querySelector<HTMLInputElement>('input[data-read]');
      if (box) box.checked = isRead;
      step.classList.toggle('is-read', isRead);
      if (isRead) done++;
    }
    bar.max = steps.length;
    bar.value = done;
    text.textContent = `${done} of ${steps.length} steps read`;
  };

  list.addEventListener('change', (e) => {
    const box = (e.target as Element).closest<HTMLInputElement>('input[data-read]');
    if (!box) return;
    const read = readKeys();
    const key = box.closest<HTMLElement>('[data-step]')!.dataset['step']!;
    if (box.checked) read.add(key);
    else read.delete(key);
    store(read);
    render();
  });
  panel.addEventListener('click', (e) => {
    const action = (e.target as Element).closest<HTMLButtonElement>('button[data-progress-action]')?.dataset['progressAction'];
    if (action === 'export') {
      const url = URL.createObjectURL(new Blob([exportProgress()], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'attention-atlas-progress.json';
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = 'Progress exported.';
    } else if (action === 'import') {
      file.click();
    } else if (action === 'reset') {
      const read = readKeys();
      for (const s of steps) read.delete(s.dataset['step']!);
      store(read);
      render();
      status.textContent = 'Progress on this path cleared.';
    }
  });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const keys = parseProgress(await f.text());
      const read = readKeys();
      for (const k of keys) read.add(k);
      store(read);
      render();
      status.textContent = `Imported ${keys.length} read note${keys.length === 1 ? '' : 's'}.`;
    } catch (err) {
      status.textContent = `Could not import: ${(err as Error).message}.`;
    }
    file.value = '';
  });
  addEventListener('storage', (e) => {
    if (e.key === READ_KEY) render();
  });
  addEventListener('pageshow', render);
  render();
}
