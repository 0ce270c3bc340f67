// bench/sign-verify: throughput and peak memory of signing and verifying 1,000 small files and one
// large file with gatehouse (streaming) beside sigstore-js (top-level sign(); its verifier on the same
// trusted root) in the same run, against the local Sigstore stack on loopback.
// Options: --small (100 files, 64 MiB), --files <n> (default 1000), --large-mb <n> (default 512; the
// full run is --large-mb 4096). sigstore-js reads a whole file into memory, so it is skipped for a
// large file over 1 GiB (the table says so).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runMeasured } from '../support/run-measured.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const small = argv.includes('--small');
const fileCount = option('--files', small ? 100 : 1000);
const largeMiB = option('--large-mb', small ? 64 : 512);
const work = join(root, '.bench-tmp', 'sign-verify');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// Bundle the TypeScript workload (engine + harness) once, as the actions are bundled.
const workload = join(work, 'workload', 'index.js');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const built = spawnSync(
  process.execPath,
  [ncc, 'build', join('bench', 'sign-verify', 'workload.ts'), '-o', join(work, 'workload'), '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
if (built.status !== 0) throw new Error('bench: ncc build of the workload failed');

const smallDir = join(work, 'small');
mkdirSync(smallDir);
for (let i = 0; i < fileCount; i++)
  writeFileSync(join(smallDir, `file-${String(i).padStart(4, '0')}.txt`), `small artifact ${i}\n`.repeat(64));
const largeDir = join(work, 'large');
mkdirSync(largeDir);
const largePath = join(largeDir, 'large.bin');
writeLargeFile(largePath, largeMiB);
console.log(`input: ${fileCount} files of ~1 KiB, one file of ${largeMiB} MiB`);

const stackInfo = join(work, 'stack.json');
const stack = spawn(process.execPath, [workload, 'stack', stackInfo], { stdio: 'inherit' });
for (let i = 0; i < 200 && !existsSync(stackInfo); i++) await sleep(50);
if (!existsSync(stackInfo)) throw new Error('bench: the local Sigstore stack did not start');

const rows = [];
try {
  const smallFiles = readdirSync(smallDir).map((name) => join(smallDir, name));
  measurePair('sign', `${fileCount} small files`, fileCount, 'files/s', [
    ['gatehouse-sign', stackInfo, join(smallDir, '*'), join(work, 'g-small')],
    ['sigstore-sign', stackInfo, join(work, 's-small'), ...smallFiles],
  ]);
  measurePair('verify', `${fileCount} small files`, fileCount, 'files/s', [
    ['gatehouse-verify', stackInfo, join(smallDir, '*'), join(work, 'g-small')],
    ['sigstore-verify', stackInfo, join(work, 's-small'), ...smallFiles],
  ]);
  const skipPeer = largeMiB > 1024;
  measurePair('sign', `one ${largeMiB} MiB file`, largeMiB, 'MiB/s', [
    ['gatehouse-sign', stackInfo, largePath, join(work, 'g-large')],
    skipPeer ? undefined : ['sigstore-sign', stackInfo, join(work, 's-large'), largePath],
  ]);
  measurePair('verify', `one ${largeMiB} MiB file`, largeMiB, 'MiB/s', [
    ['gatehouse-verify', stackInfo, largePath, join(work, 'g-large')],
    skipPeer ? undefined : ['sigstore-verify', stackInfo, join(work, 's-large'), largePath],
  ]);
} finally {
  stack.kill('SIGTERM');
}

console.log(
  '| operation | input | gatehouse | sigstore-js | time ratio (gatehouse/sigstore-js) | gatehouse peak RSS | sigstore-js peak RSS | memory ratio |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
rmSync(work, { recursive: true, force: true });

function measurePair(operation, input, units, unitName, [ours, theirs]) {
  const a = run(ours);
  const b = theirs ? run(theirs) : undefined;
  const rate = (ms) => `${(units / (ms / 1000)).toFixed(1)} ${unitName}`;
  rows.push(
    `| ${operation} | ${input} | ${a.ms} ms (${rate(a.ms)}) | ${b ? `${b.ms} ms (${rate(b.ms)})` : 'skipped: reads the whole file into memory'} | ${b ? (a.ms / b.ms).toFixed(2) + 'x' : '—'} | ${a.maxRssMiB} MiB | ${b ? `${b.maxRssMiB} MiB` : '—'} | ${b ? (a.maxRssMiB / b.maxRssMiB).toFixed(2) + 'x' : '—'} |`,
  );
}

function run(args) {
  const result = runMeasured([workload, ...args], { cwd: work });
  if (result.status !== 0) throw new Error(`bench: ${args[0]} exited ${result.status}: ${result.stdout.slice(-300)}`);
  return result;
}

function writeLargeFile(path, mib) {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) {
    chunk.fill(i % 251);
    writeSync(fd, chunk);
  }
  closeSync(fd);
}
