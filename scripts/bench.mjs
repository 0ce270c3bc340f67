// npm run bench [-- <name> [options]]: runs bench/<name>/run.mjs (all of them without a name) on Node 24.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requireNode24 } from './node24.mjs';

requireNode24();
const root = resolve(import.meta.dirname, '..');
const [name, ...rest] = process.argv.slice(2);
const names =
  name && !name.startsWith('-')
    ? [name]
    : readdirSync(join(root, 'bench')).filter((entry) => existsSync(join(root, 'bench', entry, 'run.mjs')));
const options = name && !name.startsWith('-') ? rest : process.argv.slice(2);
let failed = 0;
for (const bench of names) {
  const script = join(root, 'bench', bench, 'run.mjs');
  if (!existsSync(script)) {
    console.error(`bench: no benchmark named ${bench} (bench/${bench}/run.mjs)`);
    process.exit(2);
  }
  console.log(`\n# bench/${bench}`);
  const result = spawnSync(process.execPath, [script, ...options], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
