// npm run demo: runs the bundled actions on the example project in examples/ exactly as the runner
// would (through test/harness), offline, and shows what a user sees: the log with annotations, the
// outputs, the job summary and the exit code. Every step runs on a fresh copy of examples/.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { requireNode24 } from './node24.mjs';

requireNode24();
const root = resolve(import.meta.dirname, '..');
const harness = await loadHarness();
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

/** The demo's steps: which bundled action, with which inputs, and what it shows. */
const STEPS = [
  {
    title: 'audit (the root action): every offline check of the example repository in one step',
    action: '.',
    inputs: {},
  },
  {
    title: 'gate: every scanner report of the example project, no policy (fail-on: high)',
    action: 'gate',
    inputs: { reports: 'reports/*', 'sarif-output': 'out/gatehouse-gate.sarif' },
  },
  {
    title: "gate: the same reports with the team's VEX and owned, expiring exceptions (fail-on: critical)",
    action: 'gate',
    inputs: {
      reports: 'reports/*',
      'fail-on': 'critical',
      exceptions: 'policy/exceptions.yml',
      vex: 'policy/vex.openvex.json',
    },
  },
];

let number = 0;
for (const step of STEPS) {
  number++;
  const workspace = mkdtempSync(join(tmpdir(), 'gatehouse-demo-'));
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  console.log(`\n${bold(`━━ ${number}. ${step.title}`)}`);
  console.log(`   uses: ${step.action === '.' ? './' : `./actions/${step.action}`}`);
  for (const [name, value] of Object.entries(step.inputs))
    console.log(`   ${name}: ${value.replace(/\n/g, '\n      ')}`);
  const run = await harness.runAction({ action: step.action, workspace, inputs: step.inputs, env: step.env ?? {} });

  console.log(bold('\n── log (as the runner shows it)'));
  for (const line of run.log.split('\n').filter((l) => l.trim())) console.log(`   ${line}`);
  console.log(bold('\n── outputs'));
  for (const [name, value] of Object.entries(run.outputs)) console.log(`   ${name} = ${value}`);
  if (run.summary.trim()) {
    console.log(bold('\n── job summary (Markdown)'));
    for (const line of run.summary.trimEnd().split('\n')) console.log(`   ${line}`);
  }
  console.log(
    bold(
      `\n── exit code ${run.exitCode} (${run.exitCode === 0 ? 'the step passes' : run.exitCode === 1 ? 'the step fails: policy violation' : 'the step fails: bad input or error'})`,
    ),
  );
  rmSync(workspace, { recursive: true, force: true });
}
await harness.removeTemporaryFolders?.();

/** test/harness is TypeScript; transpile it to a temporary folder so plain Node can load it. */
async function loadHarness() {
  const source = join(root, 'test', 'harness');
  // Inside node_modules so the transpiled files resolve the project's packages (yaml ...).
  const out = join(root, 'node_modules', '.cache', 'gatehouse-demo-harness');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(source).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(source, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    // The harness finds the repository from its own location; point it back at the real one.
    writeFileSync(
      join(out, file.replace(/\.ts$/, '.js')),
      outputText.replaceAll("new URL('../../', import.meta.url)", JSON.stringify(pathToFileURL(root + '/').href)),
    );
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  return import(pathToFileURL(join(out, 'runner.js')).href);
}
