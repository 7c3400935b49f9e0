/**
 * rehype plugin, placed after rehype-katex: rehype-katex turns bad TeX into a red `.katex-error` span
 * and only warns. This stops the build instead, naming the file, line and KaTeX's reason.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';

export default function rehypeKatexStrict() {
  return (_tree: Root, file: VFile) => {
    const bad = file.messages.find((m) => m.source === 'rehype-katex');
    if (bad) {
      const cause = bad.cause instanceof Error ? bad.cause.message : String(bad.cause ?? bad.reason);
      file.fail(
        `KaTeX could not render a formula: ${cause}. Fix: correct the TeX; shared macros are listed in CONTRIBUTING.md.`,
        bad.place ?? undefined,
      );
    }
  };
}
