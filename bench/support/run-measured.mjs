import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const MEASURE = resolve(import.meta.dirname, 'measure.mjs');

/** Runs `node <args>` with the measuring preload; returns its exit code, wall ms and peak RSS in MiB. */
export function runMeasured(args, options = {}) {
  const result = spawnSync(process.execPath, ['--import', MEASURE, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const line = result.stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('BENCH '));
  if (!line)
    throw new Error(`benchmarked process printed no measurement (exit ${result.status}): ${result.stderr.slice(-500)}`);
  return { status: result.status, stdout: result.stdout, ...JSON.parse(line.slice(6)) };
}
