/**
 * Runs a shell command under GNU time and reports wall time, CPU time (user + system, all child
 * processes) and peak RSS (the largest single process in the tree, as getrusage reports it).
 * Without /usr/bin/time only wall time is measured.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Timing {
  wallS: number;
  cpuS: number | null;
  peakRssMB: number | null;
  ok: boolean;
  log: string;
}

export function timed(command: string, cwd: string, logFile: string, env: Record<string, string> = {}): Timing {
  const timeOut = `${logFile}.time`;
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeOut, 'sh', '-c', `(${command}) > '${logFile}' 2>&1`], {
        cwd,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
        stdio: 'inherit',
      })
    : spawnSync('sh', ['-c', `(${command}) > '${logFile}' 2>&1`], {
        cwd,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
        stdio: 'inherit',
      });
  const wall = (performance.now() - started) / 1000;
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  if (useTime && existsSync(timeOut)) {
    const line = readFileSync(timeOut, 'utf8').trim().split('\n').at(-1) ?? '';
    rmSync(timeOut, { force: true });
    const [e, u, s, m] = line.split(/\s+/).map(Number);
    if ([e, u, s, m].every((x) => Number.isFinite(x))) return { wallS: e!, cpuS: u! + s!, peakRssMB: m! / 1024, ok: run.status === 0, log };
  }
  return { wallS: wall, cpuS: null, peakRssMB: null, ok: run.status === 0, log };
}

/** Total bytes and file count of a directory. */
export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

export const fmt = (x: number | null, digits = 1): string => (x === null ? 'n/a' : x.toFixed(digits));
