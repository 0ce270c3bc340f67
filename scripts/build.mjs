// npm run build: bundle every action (actions/<name>/src/index.ts -> dist/<name>/) and the CLI
// (packages/cli/src/index.ts -> dist/cli/) with ncc. `--check` builds into a temporary folder and
// fails when dist/ differs from the rebuild. Names after the flags limit the build to those bundles.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { requireNode24 } from './node24.mjs';

requireNode24();
const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((arg) => !arg.startsWith('--'));

const entries = readdirSync(join(root, 'actions'))
  .filter((name) => existsSync(join(root, 'actions', name, 'src', 'index.ts')))
  .map((name) => ({ name, entry: `actions/${name}/src/index.ts` }));
entries.push({ name: 'cli', entry: 'packages/cli/src/index.ts' });
const selected = only.length ? entries.filter((e) => only.includes(e.name)) : entries;

const outRoot = check ? mkdtempSync(join(tmpdir(), 'gatehouse-dist-')) : join(root, 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
for (const { name, entry } of selected) {
  const out = join(outRoot, name);
  rmSync(out, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    console.error(`build: ncc failed for ${entry}`);
    process.exit(1);
  }
  if (!check) console.log(`built dist/${name}`);
}

if (check) {
  const differences = [];
  for (const { name } of selected) compareTrees(join(outRoot, name), join(root, 'dist', name), differences);
  rmSync(outRoot, { recursive: true, force: true });
  if (differences.length) {
    console.error(
      `dist/ differs from a fresh build (run npm run build and commit dist/):\n  ${differences.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`dist/ matches a fresh build (${selected.length} bundles)`);
}

function compareTrees(built, committed, differences) {
  const files = new Set([
    ...listFiles(built).map((f) => relative(built, f)),
    ...listFiles(committed).map((f) => relative(committed, f)),
  ]);
  for (const file of files) {
    const a = join(built, file);
    const b = join(committed, file);
    if (!existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b))) {
      differences.push(relative(root, b));
    }
  }
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
