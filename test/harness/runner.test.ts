import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { writeAction } from './fixtures.js';
import { REPO_ROOT, removeTemporaryFolders, runAction, runCli, temporaryFolder } from './runner.js';

afterAll(removeTemporaryFolders);

const INPUTS = `  fail-on:
    description: 'hyphenated'
    default: 'high'
  my input:
    description: 'with a space'
    default: '\${{ github.workspace }}/out'
  token:
    default: \${{ github.token }}
  temp:
    default: '\${{ runner.temp }}'
  unsupported:
    default: "\${{ hashFiles('**/package-lock.json') }}"
  flag:
    default: false
  no-default:
    required: false`;

describe('runAction: inputs and environment', () => {
  const action = writeAction({
    inputs: INPUTS,
    main: `
const inputs = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_')));
core.setOutput('inputs', JSON.stringify(inputs));
core.setOutput('via-core', core.getInput('my input') + '|' + core.getInput('fail-on'));
core.setOutput('cwd', process.cwd());
core.setOutput('env-names', Object.keys(process.env).sort().join(','));
core.setOutput('event', fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
`,
  });

  it('passes given inputs and action.yml defaults as INPUT_<NAME> (hyphens kept, spaces to _)', async () => {
    const run = await runAction({ action, inputs: { 'fail-on': 'critical' } });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.inputs!)).toEqual({
      'INPUT_FAIL-ON': 'critical',
      INPUT_MY_INPUT: `${run.workspace}/out`,
      INPUT_TOKEN: run.githubToken,
      INPUT_TEMP: run.runnerTemp,
      INPUT_UNSUPPORTED: '',
      INPUT_FLAG: 'false',
    });
    expect(run.githubToken).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(run.outputs['via-core']).toBe(`${run.workspace}/out|critical`);
  });

  it('runs in GITHUB_WORKSPACE with a clean runner environment and an event payload', async () => {
    const run = await runAction({ action, env: { EXTRA: 'yes' } });
    expect(realpathSync(run.outputs.cwd!)).toBe(realpathSync(run.workspace));
    const names = run.outputs['env-names']!.split(',');
    for (const name of [
      'PATH',
      'HOME',
      'GITHUB_WORKSPACE',
      'GITHUB_OUTPUT',
      'GITHUB_STEP_SUMMARY',
      'GITHUB_ENV',
      'GITHUB_STATE',
      'GITHUB_PATH',
      'RUNNER_TEMP',
      'GITHUB_EVENT_PATH',
      'EXTRA',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.filter((n) => n.startsWith('JEST') || n.startsWith('npm_') || n === 'GATEHOUSE_CORPORA')).toEqual([]);
    expect(JSON.parse(run.outputs.event!).repository.full_name).toBe('octo-org/octo-repo');
  });

  it('throws on an input the action does not declare', async () => {
    await expect(runAction({ action, inputs: { fail_on: 'high' } })).rejects.toThrow("declares no input 'fail_on'");
  });

  it('refuses an action that does not run on node24', async () => {
    const old = writeAction({ main: '', using: 'node20' });
    await expect(runAction({ action: old })).rejects.toThrow("runs.using is 'node20', expected 'node24'");
  });

  it('resolves a folder under actions/ and `.` against the repository', async () => {
    await expect(runAction({ action: 'no-such-action' })).rejects.toThrow(join(REPO_ROOT, 'actions', 'no-such-action'));
  });
});

describe('runAction: files and commands', () => {
  it('parses outputs, env and state written in the heredoc form, PATH additions and the summary', async () => {
    const action = writeAction({
      main: `
core.setOutput('report', 'line 1\\nline 2\\n\\nline 4');
core.setOutput('equation', 'a=b<<c');
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'plain=value\\n');
core.exportVariable('MULTI', 'x\\ny');
core.saveState('phase', 'saved in main');
core.addPath('/opt/tool/bin');
await core.summary.addHeading('Gate passed').addRaw('no findings', true).write();
`,
      post: `core.setOutput('state', core.getState('phase'));`,
    });
    const run = await runAction({ action });
    expect(run.result).toBe('success');
    expect(run.outputs).toEqual({ report: 'line 1\nline 2\n\nline 4', equation: 'a=b<<c', plain: 'value' });
    expect(run.env).toEqual({ MULTI: 'x\ny' });
    expect(run.state).toEqual({ phase: 'saved in main' });
    expect(run.path).toEqual(['/opt/tool/bin']);
    expect(run.summary).toBe('<h1>Gate passed</h1>\nno findings\n');
    const post = await runAction({ action, entry: 'post', state: run.state });
    expect(post.outputs.state).toBe('saved in main');
  });

  it('reads annotations with file, line, column and title, unescaping special characters', async () => {
    const action = writeAction({
      main: `
const ws = process.env.GITHUB_WORKSPACE;
core.error('100% broken,\\nsecond line: here', { file: ws + '/src/a,b.ts', startLine: 3, endLine: 3, startColumn: 7, endColumn: 9, title: 'Rule: x, y' });
core.warning('careful', { file: 'docs/readme.md', startLine: 1 });
core.notice('fyi');
`,
    });
    const run = await runAction({ action });
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: '100% broken,\nsecond line: here',
        file: 'src/a,b.ts',
        line: 3,
        endLine: 3,
        column: 7,
        endColumn: 9,
        title: 'Rule: x, y',
        source: 'action',
      },
      { level: 'warning', message: 'careful', file: 'docs/readme.md', line: 1, source: 'action' },
      { level: 'notice', message: 'fyi', source: 'action' },
    ]);
    expect(run.commands.map((c) => c.command)).toEqual(['error', 'warning', 'notice']);
    expect(run.log).toBe('##[error]100% broken,\nsecond line: here\n##[warning]careful\n##[notice]fyi');
  });

  it('applies masks to log lines after the add-mask, on stdout and stderr, and to the github token', async () => {
    const action = writeAction({
      main: `
console.log('before: fake-secret-4242');
core.setSecret('fake-secret-4242');
console.log('after: fake-secret-4242');
console.log('encoded: ' + Buffer.from('fake-secret-4242').toString('base64'));
console.log('token: ' + process.env.INPUT_TOKEN);
await new Promise((r) => setTimeout(r, 200));
console.error('stderr: fake-secret-4242');
`,
      inputs: '  token:\n    default: ${{ github.token }}',
    });
    const run = await runAction({ action });
    expect(run.masks).toEqual(['fake-secret-4242']);
    expect(run.log.split('\n')).toEqual([
      'before: fake-secret-4242',
      'after: ***',
      'encoded: ***',
      'token: ***',
      'stderr: ***',
    ]);
    expect(run.stdout).toContain('after: fake-secret-4242');
  });

  it('does not process commands between ::stop-commands:: and the token', async () => {
    const action = writeAction({
      main: `
const token = 'resume-' + 'a1b2c3';
console.log('::stop-commands::' + token);
console.log('::error file=x.ts::not an annotation');
console.log('::add-mask::not-a-mask');
console.log('::' + token + '::');
console.log('::error::an annotation');
`,
    });
    const run = await runAction({ action });
    expect(run.annotations.map((a) => a.message)).toEqual(['an annotation']);
    expect(run.masks).toEqual([]);
    expect(run.log).toContain('::error file=x.ts::not an annotation');
    expect(run.log).toContain('::add-mask::not-a-mask');
  });

  it('fails the step when an environment file is malformed', async () => {
    const action = writeAction({ main: `fs.appendFileSync(process.env.GITHUB_OUTPUT, 'x<<EOF\\nno end\\n');` });
    const run = await runAction({ action });
    expect(run.exitCode).toBe(0);
    expect(run.result).toBe('failure');
    expect(run.annotations.map((a) => a.message)).toEqual([
      "Unable to process file command 'output' successfully.",
      "Invalid output value. Matching delimiter not found 'EOF'",
    ]);
  });

  it('shows ##[debug] lines only with step debug on (RUNNER_DEBUG=1)', async () => {
    const action = writeAction({ main: `core.debug('details ' + core.isDebug());` });
    expect((await runAction({ action })).log).toBe('');
    expect((await runAction({ action, debug: true })).log).toBe('##[debug]details true');
  });
});

describe('runAction: process', () => {
  it('propagates the exit code and setFailed', async () => {
    const exits = writeAction({ main: `process.exitCode = 3;` });
    const failed = writeAction({ main: `core.setFailed('gate failed');` });
    const three = await runAction({ action: exits });
    expect([three.exitCode, three.result]).toEqual([3, 'failure']);
    const one = await runAction({ action: failed });
    expect(one.exitCode).toBe(1);
    expect(one.annotations).toEqual([{ level: 'error', message: 'gate failed', source: 'action' }]);
  });

  it('passes stdin to the action', async () => {
    const action = writeAction({ main: `core.setOutput('read', fs.readFileSync(0, 'utf8').toUpperCase());` });
    expect((await runAction({ action, stdin: 'piped text' })).outputs.read).toBe('PIPED TEXT');
  });

  it('kills an action that outlives the timeout, with its children, and rejects', async () => {
    const action = writeAction({
      main: `
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
fs.writeFileSync('pids', process.pid + ' ' + child.pid);
console.log('started');
setInterval(() => {}, 1000);
`,
    });
    const workspace = temporaryFolder('ws');
    await expect(runAction({ action, workspace, timeoutMs: 1500 })).rejects.toThrow(
      /timed out after 1500 ms and was killed; last output:\nstarted/,
    );
    const pids = readFileSync(join(workspace, 'pids'), 'utf8').split(' ').map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });
});

describe('runCli', () => {
  const cli = join(REPO_ROOT, 'dist', 'cli', 'index.js');
  it(
    existsSync(cli) ? 'runs the bundled CLI with --version' : 'says how to build the CLI bundle when it is missing',
    async () => {
      if (existsSync(cli)) {
        const run = await runCli(['--version']);
        expect(run.exitCode).toBe(0);
        expect(run.stdout).toMatch(/\d+\.\d+\.\d+/);
      } else {
        await expect(runCli(['--version'])).rejects.toThrow('npm run build -- cli');
      }
    },
  );
});

/** Running, not a zombie (a killed orphan stays a zombie until its new parent reaps it). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
