/**
 * Content rules, body: what readers read is finished and builds. No scaffold guidance or placeholder
 * is left, bodies meet their word minimums, landmarks show an equation, every .mdx body parses as the
 * MDX the notes allow, and every formula renders with KaTeX and the shared macros.
 */
import { createProcessor } from '@mdx-js/mdx';
import katex from 'katex';
import remarkMath from 'remark-math';
import { BODY_MIN_WORDS } from '../../schema/index.ts';
import type { Problem } from '../../schema/index.ts';
import type { ContentSet, SourceEntry } from '../content-entry.ts';
import { KATEX_OPTIONS } from '../katex-macros.ts';
import { RESULT_GUIDANCE, TLDR_GUIDANCE, findGuidance } from '../note-template.ts';
import { maskCodeAndMath } from '../wikilinks.ts';

/** Words that mark unfinished text. Matched as whole words outside code and math. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME)\b|\blorem ipsum\b/i;

/**
 * Text a contributor has not replaced yet: the scaffold's guidance sentences (`npm run new`), its
 * tldr guidance, and placeholder words such as TODO, TBD, FIXME or lorem ipsum.
 */
export function checkScaffoldLeftovers(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.papers) {
    for (const { line, heading } of findGuidance(e.body)) {
      problems.push({
        file: e.file,
        line: e.bodyLine + line - 1,
        field: 'body',
        severity: 'error',
        message: `the scaffold's guidance under "## ${heading}" is still here. Fix: replace that line with your own sentences (see "Style guide for notes" in CONTRIBUTING.md).`,
      });
    }
    const result = e.raw?.['result'];
    const claim = result && typeof result === 'object' ? (result as Record<string, unknown>)['claim'] : undefined;
    if (typeof claim === 'string' && claim.trim() === RESULT_GUIDANCE) {
      problems.push({
        file: e.file,
        line: e.lineOf(['result', 'claim']) ?? 1,
        field: 'result.claim',
        severity: 'error',
        message:
          "result.claim is still the scaffold's guidance. Fix: state the paper's headline result in your own sentence with its numbers, and set source to the table or section that prints them.",
      });
    }
    const tldr = e.raw?.['tldr'];
    if (typeof tldr === 'string' && tldr.trim() === TLDR_GUIDANCE) {
      problems.push({
        file: e.file,
        line: e.lineOf(['tldr']) ?? 1,
        field: 'tldr',
        severity: 'error',
        message:
          "tldr is still the scaffold's guidance. Fix: write one original sentence, at most 200 characters, on what the paper showed.",
      });
    } else if (typeof tldr === 'string' && PLACEHOLDER.test(tldr)) {
      problems.push({
        file: e.file,
        line: e.lineOf(['tldr']) ?? 1,
        field: 'tldr',
        severity: 'error',
        message: `tldr contains the placeholder "${PLACEHOLDER.exec(tldr)![0]}". Fix: write the finished sentence.`,
      });
    }
  }
  for (const entries of Object.values(content) as SourceEntry[][]) {
    for (const e of entries) {
      maskCodeAndMath(e.body)
        .split('\n')
        .forEach((text, i) => {
          const m = PLACEHOLDER.exec(text);
          if (m) {
            problems.push({
              file: e.file,
              line: e.bodyLine + i,
              field: 'body',
              severity: 'error',
              message: `"${m[0]}" marks unfinished text. Fix: finish the passage or remove the marker before opening the pull request.`,
            });
          }
        });
    }
  }
  return problems;
}

/** Counts the words of a body as a reader sees them: no math, code, markup or link syntax. */
export function wordCount(body: string): number {
  const text = maskCodeAndMath(body)
    .replace(/\[\[([^\]|]+\|)?([^\]]+)\]\]/g, '$2')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>|`[\]]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Bodies meet the word minimums; landmarks have a display equation. */
export function checkBodies(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const e of content.papers) {
    const depth = e.raw?.['depth'] === 'landmark' ? 'landmark' : 'note';
    const min = BODY_MIN_WORDS[depth];
    const words = wordCount(e.body);
    if (words < min) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: `the body has ${words} words; a ${depth} needs at least ${min}. Fix: cover the problem, the key idea, the results, why it matters and its limitations, in your own words.`,
      });
    }
    if (depth === 'landmark' && !/^\s*\$\$/m.test(e.body)) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: 'a landmark note has no display equation. Fix: add the key equation on its own lines between $$ and $$.',
      });
    }
  }
  for (const e of content.concepts) {
    const words = wordCount(e.body);
    if (words < BODY_MIN_WORDS.concept) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: `the body has ${words} words; a concept page needs at least ${BODY_MIN_WORDS.concept}. Fix: derive the equations step by step.`,
      });
    }
  }
  for (const e of content.topics) {
    if (wordCount(e.body) < 40) {
      problems.push({
        file: e.file,
        line: e.bodyLine,
        field: 'body',
        severity: 'error',
        message: 'a topic needs a description paragraph of at least 40 words. Fix: say what the topic covers and how its papers connect.',
      });
    }
  }
  return problems;
}

/** One MDX parser for every body, with remark-math so that braces inside $…$ are math, as in the build. */
let mdxProcessor: ReturnType<typeof createProcessor> | undefined;

/** Components a body may use without an import: the pages pass them to `<Content components={{ … }} />`. */
export const MDX_COMPONENTS: readonly string[] = ['Demo'];

interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  position?: { start: { line: number } };
  children?: MdxNode[];
}

/**
 * Every .mdx body parses as MDX, as the build's compiler will parse it, and uses no MDX feature the
 * notes do not allow: JavaScript expressions (`{n^2}` outside math), import/export lines, raw HTML
 * elements and components other than those in MDX_COMPONENTS. Each of these either fails the build
 * or runs code the reader never sees.
 */
export function checkMdx(content: ContentSet): Problem[] {
  mdxProcessor ??= createProcessor({ remarkPlugins: [remarkMath] });
  const problems: Problem[] = [];
  const fix =
    'outside math, write "{", "}" and "<" as words or inside $…$, and use no raw HTML or HTML comments (CONTRIBUTING.md, "MDX pitfalls")';
  for (const entries of Object.values(content) as SourceEntry[][]) {
    for (const e of entries) {
      if (!e.file.endsWith('.mdx')) continue;
      let tree: MdxNode;
      try {
        tree = mdxProcessor.parse({ value: e.body, path: e.file }) as unknown as MdxNode;
      } catch (err) {
        const m = err as { line?: number; reason?: string; message?: string };
        const reason = (m.reason ?? m.message ?? String(err)).replace(/\s+/g, ' ').replace(/\.$/, '');
        problems.push({
          file: e.file,
          line: e.bodyLine + (m.line ?? 1) - 1,
          field: 'body',
          severity: 'error',
          message: `MDX cannot parse the body: ${reason}. Fix: ${fix}.`,
        });
        continue;
      }
      const report = (node: MdxNode, message: string) =>
        problems.push({ file: e.file, line: e.bodyLine + (node.position?.start.line ?? 1) - 1, field: 'body', severity: 'error', message });
      const walk = (node: MdxNode) => {
        switch (node.type) {
          case 'mdxjsEsm':
            report(node, 'MDX import and export lines are not allowed in notes. Fix: remove the line; <Demo> works without an import.');
            return;
          case 'mdxFlowExpression':
          case 'mdxTextExpression': {
            const text = `{${(node.value ?? '').trim().slice(0, 40)}}`;
            report(
              node,
              `MDX reads ${JSON.stringify(text)} as JavaScript, which the build would try to run. Fix: write math between $…$ (for example $n^2$), or avoid braces outside math.`,
            );
            return;
          }
          case 'mdxJsxFlowElement':
          case 'mdxJsxTextElement': {
            const name = node.name ?? '';
            if (!MDX_COMPONENTS.includes(name)) {
              report(
                node,
                /^[A-Z]/.test(name)
                  ? `<${name}> is not a component notes can use. Fix: use ${MDX_COMPONENTS.map((c) => `<${c} … />`).join(' or ')}, or write it in Markdown.`
                  : `raw HTML <${name || '>'}${name ? '>' : ''} is not allowed in notes. Fix: use Markdown instead (## headings, **bold**, lists, [text](url)).`,
              );
              return;
            }
            break;
          }
        }
        node.children?.forEach(walk);
      };
      walk(tree);
    }
  }
  return problems;
}

/** Every $…$ and $$…$$ compiles with KaTeX and the shared macros. */
export function checkMath(content: ContentSet): Problem[] {
  const problems: Problem[] = [];
  for (const entries of [content.papers, content.concepts] as SourceEntry[][]) {
    for (const e of entries) {
      for (const { tex, display, line } of extractMath(e.body)) {
        try {
          katex.renderToString(tex, { ...KATEX_OPTIONS, macros: { ...KATEX_OPTIONS.macros }, displayMode: display });
        } catch (err) {
          const reason = (err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err))
            .replace(/\s+/g, ' ')
            .trim()
            .replace(/\.$/, '');
          problems.push({
            file: e.file,
            line: e.bodyLine + line - 1,
            field: 'body',
            severity: 'error',
            message: `KaTeX cannot render ${display ? '$$' : '$'}${tex.trim().replace(/\s+/g, ' ').slice(0, 60)}${display ? '$$' : '$'}: ${reason}. Fix: correct the TeX (the shared macros are listed in CONTRIBUTING.md).`,
          });
        }
      }
    }
  }
  return problems;
}

/** Inline and display math in a body, skipping code. Lines are 1-based within the body. */
export function extractMath(body: string): { tex: string; display: boolean; line: number }[] {
  const noCode = body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (s) => s.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (s) => ' '.repeat(s.length));
  const out: { tex: string; display: boolean; line: number }[] = [];
  const re = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?!\$)([^$\n]+?)\$/g;
  for (const m of noCode.matchAll(re)) {
    const line = noCode.slice(0, m.index).split('\n').length;
    if (m[1] !== undefined) out.push({ tex: m[1], display: true, line });
    else out.push({ tex: m[2]!, display: false, line });
  }
  return out;
}
