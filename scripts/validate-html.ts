/**
 * `npm run validate:html`: html-validate (recommended preset, relaxations in .htmlvalidate.mjs, each
 * with its reason) over every HTML file of the built site. Exits 1 on any error and prints each as
 * `dist/path:line:column: rule: message (selector)`, then a count per rule.
 *
 * Usage: node scripts/validate-html.ts [site-dir=dist]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const site = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(site, 'index.html'))) {
  console.error(`validate:html: ${relative(process.cwd(), site)}/index.html does not exist. Fix: run \`npm run build\` first.`);
  process.exit(1);
}
const files = readdirSync(site, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => join(e.parentPath, e.name))
  .sort();

const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());
const started = performance.now();
let errors = 0;
let warnings = 0;
const perRule = new Map<string, number>();
const perFile = new Map<string, number>();
for (const file of files) {
  const report = await htmlvalidate.validateFile(file);
  for (const result of report.results) {
    for (const m of result.messages) {
      const where = `${relative(process.cwd(), file)}:${m.line}:${m.column}`;
      const line = `${where}: ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`;
      if (m.severity === 2) {
        errors++;
        perRule.set(m.ruleId, (perRule.get(m.ruleId) ?? 0) + 1);
        perFile.set(file, (perFile.get(file) ?? 0) + 1);
        if (errors <= 200) console.error(line);
      } else {
        warnings++;
        console.warn(`warning ${line}`);
      }
    }
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (errors > 200) console.error(`… and ${errors - 200} more errors`);
if (errors > 0) {
  console.error(`\nvalidate:html: ${errors} error(s) in ${perFile.size} of ${files.length} files (${seconds} s):`);
  for (const [rule, n] of [...perRule].sort((a, b) => b[1] - a[1]))
    console.error(`  ${rule}: ${n}  https://html-validate.org/rules/${rule}.html`);
  const worst = [...perFile].sort((a, b) => b[1] - a[1])[0]!;
  console.error(`  worst page: ${relative(process.cwd(), worst[0])} (${worst[1]} errors)`);
  console.error('Fix the markup. Relax a rule in .htmlvalidate.mjs only with a comment giving the reason, and list it in BENCHMARKS.md.');
  process.exit(1);
}
console.log(`validate:html: ${files.length} files, 0 errors${warnings ? `, ${warnings} warnings` : ''} (${seconds} s)`);
