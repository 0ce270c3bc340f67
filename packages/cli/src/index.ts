#!/usr/bin/env node
import { main } from './main.js';

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  debug: process.env.GATEHOUSE_DEBUG === '1' || process.env.ACTIONS_STEP_DEBUG === 'true',
});
process.exitCode = code;
