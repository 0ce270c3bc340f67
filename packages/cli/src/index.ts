#!/usr/bin/env node
// The engine uses Node 24 features (RegExp modifiers, among others): check the runtime before
// loading it, so an older Node gets one clear line instead of a syntax error from deep inside.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`gatehouse: Node ${process.versions.node} is too old; Gatehouse needs Node 24 or newer.\n`);
  process.exit(2);
}

const { main } = await import('./main.js');
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  debug: process.env.GATEHOUSE_DEBUG === '1' || process.env.ACTIONS_STEP_DEBUG === 'true',
});
process.exitCode = code;
