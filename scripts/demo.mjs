// npm run demo: runs the bundled actions on the example project in examples/ exactly as the runner
// would (through test/harness), offline, and shows what a user sees: the log with annotations, the
// outputs, the job summary and the exit code. Every step runs on a fresh copy of examples/.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { requireNode24 } from './node24.mjs';

requireNode24();
const root = resolve(import.meta.dirname, '..');
const harness = await loadHarness();
// Generated for this run only: a fake token in GitHub's format and a throwaway signing key.
const FAKE_TOKEN = `ghp_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
const SIGNING_KEY = (() => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    private: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    public: pair.publicKey.export({ type: 'spki', format: 'pem' }),
  };
})();
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
  {
    title: 'pin: every image and action reference of examples/pin-demo (check mode, offline)',
    action: 'pin',
    inputs: { paths: 'pin-demo/**' },
  },
  {
    title: 'scrub: a build step that prints a token, raw and base64-encoded, across stdout and stderr',
    action: 'scrub',
    inputs: {
      // A generated fake in the shape of a GitHub token; the command only echoes it.
      secrets: FAKE_TOKEN,
      run: 'echo "deploying with $DEPLOY_TOKEN"\nprintf "%s" "$DEPLOY_TOKEN" | base64\necho "auth failed for $DEPLOY_TOKEN" >&2\necho done',
    },
    env: { DEPLOY_TOKEN: FAKE_TOKEN },
  },
  {
    title: 'sign: the example reports with a key (offline: no transparency log), a bundle beside each file',
    action: 'sign',
    inputs: { 'subject-path': 'reports/*', key: SIGNING_KEY.private, tlog: 'false' },
  },
  {
    title: 'verify: the same files against the public key, in the same workspace',
    action: 'verify',
    sameWorkspace: true,
    inputs: {
      'subject-path': 'reports/*',
      'public-key': SIGNING_KEY.public,
      'tlog-threshold': '0',
      'timestamp-threshold': '0',
    },
  },
  {
    title: 'verify: after someone edits one of the signed reports',
    action: 'verify',
    sameWorkspace: true,
    before: (workspace) => appendFileSync(join(workspace, 'reports', 'npm-audit.json'), '\n'),
    inputs: {
      'subject-path': 'reports/*',
      'public-key': SIGNING_KEY.public,
      'tlog-threshold': '0',
      'timestamp-threshold': '0',
    },
  },
];

let number = 0;
let workspace;
for (const step of STEPS) {
  number++;
  if (!step.sameWorkspace) {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    workspace = mkdtempSync(join(tmpdir(), 'gatehouse-demo-'));
    cpSync(join(root, 'examples'), workspace, { recursive: true });
  }
  step.before?.(workspace);
  console.log(`\n${bold(`━━ ${number}. ${step.title}`)}`);
  console.log(`   uses: ${step.action === '.' ? './' : `./actions/${step.action}`}`);
  for (const [name, value] of Object.entries(step.inputs)) console.log(`   ${name}: ${shown(name, value)}`);
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
}
if (workspace) rmSync(workspace, { recursive: true, force: true });
await harness.removeTemporaryFolders?.();

/** An input as the workflow file would show it: secrets as a `${{ secrets.* }}` reference. */
function shown(name, value) {
  if (name === 'key' || name === 'secrets') return `\${{ secrets.${name === 'key' ? 'SIGNING_KEY' : 'DEPLOY_TOKEN'} }}`;
  if (name === 'public-key') return 'keys/release.pub';
  return value.replace(/\n/g, '\n      ');
}

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
