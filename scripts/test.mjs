// The test command: jest (ESM) on Node 24, with the public corpora required under CI=true.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { requireNode24 } from './node24.mjs';

requireNode24();
const corpora = resolve(process.env.GATEHOUSE_CORPORA ?? '../shared/corpora');
if (process.env.CI === 'true' && !existsSync(corpora)) {
  console.error(`gatehouse: CI=true but the test corpora are missing at ${corpora} (set GATEHOUSE_CORPORA).`);
  process.exit(2);
}
const jest = resolve('node_modules/jest/bin/jest.js');
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, GATEHOUSE_CORPORA: corpora } },
);
process.exit(result.status ?? 3);
