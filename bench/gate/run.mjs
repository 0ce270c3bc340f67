// bench/gate: findings per second and peak memory of `gatehouse gate` reading one large SARIF file,
// beside the floor a reader cannot beat in the same run: JSON.parse of the same file and a loop
// over its results. Options: --mb <size of the SARIF file, default 100>.
import { mkdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runMeasured } from '../support/run-measured.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const mbArg = process.argv.indexOf('--mb');
const targetMb = mbArg >= 0 ? Number(process.argv[mbArg + 1]) : 100;
const work = join(root, '.bench-tmp', 'gate');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const sarifPath = join(work, 'big.sarif');
const results = writeSarif(sarifPath, targetMb * 1024 * 1024);
const sizeMb = statSync(sarifPath).size / 1024 / 1024;
console.log(`input: ${sizeMb.toFixed(1)} MB SARIF, ${results} results`);

const floorScript = join(work, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readFileSync } from 'node:fs';
const log = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let n = 0; for (const run of log.runs) for (const r of run.results) if (r.ruleId) n++;
console.log(n);\n`,
);

const floor = runMeasured([floorScript, sarifPath]);
const gate = runMeasured(
  [join(root, 'dist', 'cli', 'index.js'), 'gate', sarifPath, '--fail-on', 'none', '--no-summary'],
  { cwd: work },
);
if (gate.status !== 0) throw new Error(`gatehouse gate exited ${gate.status}: ${gate.stdout.slice(-500)}`);

const rate = (ms) => Math.round(results / (ms / 1000));
console.log('| reader | time | findings/s | peak RSS |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| JSON.parse + loop (floor) | ${floor.ms} ms | ${rate(floor.ms)} | ${floor.maxRssMiB} MiB |`);
console.log(`| gatehouse gate | ${gate.ms} ms | ${rate(gate.ms)} | ${gate.maxRssMiB} MiB |`);
console.log(
  `ratio gatehouse/floor: time ${(gate.ms / floor.ms).toFixed(2)}x, memory ${(gate.maxRssMiB / floor.maxRssMiB).toFixed(2)}x`,
);
if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });

function writeSarif(path, bytes) {
  const fd = openSync(path, 'w');
  const rules = Array.from({ length: 200 }, (_, i) => ({
    id: `rule-${i}`,
    shortDescription: { text: `Rule ${i}` },
    defaultConfiguration: { level: ['error', 'warning', 'note'][i % 3] },
    properties: { 'security-severity': String((i % 100) / 10) },
  }));
  writeSync(
    fd,
    `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"bench","rules":${JSON.stringify(rules)}}},"results":[`,
  );
  let written = 0;
  let count = 0;
  while (written < bytes) {
    const result = {
      ruleId: `rule-${count % 200}`,
      ruleIndex: count % 200,
      level: ['error', 'warning', 'note'][count % 3],
      message: { text: `Finding ${count}: user input reaches a sensitive sink in module ${count % 977}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/module${count % 977}/file${count % 31}.js` },
            region: { startLine: 1 + (count % 400), startColumn: 1 + (count % 80) },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${count.toString(16)}:1` },
    };
    const text = (count ? ',' : '') + JSON.stringify(result);
    writeSync(fd, text);
    written += text.length;
    count++;
  }
  writeSync(fd, ']}]}');
  closeSync(fd);
  return count;
}
