// bench/scrub: throughput (MB/s), added latency per line (p50/p99) and peak memory of the scrub
// engine on a generated CI log with the built-in rules and 50 registered secrets, beside secretlint
// (with @secretlint/secretlint-rule-preset-recommend) on the same file in the same run, at two log
// sizes. Options: --mb <size of the large log, default 200> (the small log is a quarter of it),
// --latency-mb <how much of the log to feed line by line for latency, default 20>.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runMeasured } from '../support/run-measured.mjs';
import { generateLog, makeSecrets } from './generate-log.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const largeMb = option('--mb', 200);
const latencyMb = Math.min(option('--latency-mb', 20), largeMb);
const work = join(root, '.bench-tmp', 'scrub');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const secrets = makeSecrets(50);
const secretsPath = join(work, 'secrets.txt');
writeFileSync(secretsPath, secrets.join('\n'));
writeFileSync(
  join(work, '.secretlintrc.json'),
  JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
);
const secretlintBin = join(root, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
// The engine runs bundled, as the action and the CLI ship it (the bundling is not timed).
const bundle = join(work, 'engine');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const built = spawnSync(
  process.execPath,
  [ncc, 'build', join(import.meta.dirname, 'engine.mjs'), '-o', bundle, '--quiet'],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (built.status !== 0) throw new Error('bench/scrub: could not bundle the engine with ncc');
const engine = join(bundle, 'index.mjs');

const rows = [];
for (const mb of [largeMb / 4, largeMb]) {
  const log = join(work, `ci-${mb}mb.log`);
  const lines = generateLog(log, mb * 1024 * 1024, secrets);
  const size = statSync(log).size / 1024 / 1024;
  const ours = runMeasured([engine, log, secretsPath]);
  if (ours.status !== 0) throw new Error(`engine exited ${ours.status}`);
  const result = JSON.parse(ours.stdout.trim().split('\n').pop());
  const lint = runMeasured(
    [secretlintBin, log, '--secretlintrc', join(work, '.secretlintrc.json'), '--format', 'compact'],
    {
      cwd: work,
    },
  );
  // secretlint exits 1 when it finds something (the log holds leaks on purpose); 0 or 1 is a completed scan.
  if (lint.status !== 0 && lint.status !== 1)
    throw new Error(`secretlint exited ${lint.status}: ${lint.stdout.slice(-300)}`);
  const lintFindings = lint.stdout.split('\n').filter((line) => /: line \d+/.test(line)).length;
  rows.push({ size, lines, result, ours, lint, lintFindings });
}

const smallLog = join(work, `ci-${largeMb / 4}mb.log`);
const fewRules = JSON.parse(
  runMeasured([engine, smallLog, secretsPath, '--rules', '30']).stdout.trim().split('\n').pop(),
);
const latency = runMeasured([engine, join(work, `ci-${largeMb}mb.log`), secretsPath, '--latency', String(latencyMb)]);
const latencyResult = JSON.parse(latency.stdout.trim().split('\n').pop());

const mbps = (size, ms) => (size / (ms / 1000)).toFixed(1);
console.log(`rules: ${rows[0].result.rules}, registered secrets: ${rows[0].result.secrets}`);
console.log('| log | tool | wall time | MB/s (wall) | MB/s (scan only) | peak RSS | found |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const redactions = Object.values(row.result.redactions).reduce((a, b) => a + b, 0);
  console.log(
    `| ${row.size.toFixed(0)} MB | gatehouse scrub engine | ${row.ours.ms} ms | ${mbps(row.size, row.ours.ms)} | ${(row.size / row.result.seconds).toFixed(1)} | ${row.ours.maxRssMiB} MiB | ${redactions} redactions |`,
  );
  console.log(
    `| ${row.size.toFixed(0)} MB | secretlint (preset-recommend) | ${row.lint.ms} ms | ${mbps(row.size, row.lint.ms)} | — | ${row.lint.maxRssMiB} MiB | ${row.lintFindings} findings |`,
  );
}
const large = rows[1];
const small = rows[0];
console.log(
  `ratio scrub/secretlint throughput (wall, ${large.size.toFixed(0)} MB): ${(large.lint.ms / large.ours.ms).toFixed(2)}x`,
);
console.log(
  `peak memory ${small.size.toFixed(0)} MB → ${large.size.toFixed(0)} MB log: scrub ${small.ours.maxRssMiB} → ${large.ours.maxRssMiB} MiB, secretlint ${small.lint.maxRssMiB} → ${large.lint.maxRssMiB} MiB`,
);
console.log(
  `added latency per line (${latencyResult.lines} lines written one by one): p50 ${latencyResult.p50us.toFixed(1)} µs, p99 ${latencyResult.p99us.toFixed(1)} µs, max ${latencyResult.maxUs.toFixed(0)} µs`,
);
console.log(
  `rule count vs throughput (${small.size.toFixed(0)} MB, scan only): ${fewRules.rules} rules ${(small.size / fewRules.seconds).toFixed(1)} MB/s, ${small.result.rules} rules ${(small.size / small.result.seconds).toFixed(1)} MB/s`,
);
console.log(`redactions by rule (${large.size.toFixed(0)} MB): ${JSON.stringify(large.result.redactions)}`);
if (!existsSync(join(root, '.bench-keep'))) rmSync(work, { recursive: true, force: true });
