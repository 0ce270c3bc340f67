import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../main.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'scrub-cli-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function cli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await main(args, {
    cwd,
    env: { PATH: process.env.PATH, ...options.env },
    stdout,
    stderr,
    stdin: Readable.from(options.stdin !== undefined ? [Buffer.from(options.stdin)] : []),
    debug: false,
  });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe('gatehouse scrub', () => {
  it('wraps a command given as arguments (no shell), redacting what it prints', async () => {
    const run = await cli([
      'scrub',
      '--secret',
      'cli-secret-value-1',
      '--',
      'printf',
      '%s|%s\n',
      'cli-secret-value-1',
      'ok',
    ]);
    expect(run.stdout).toBe('***|ok\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('secret-leak/known-secret');
    expect(run.stderr).not.toContain('cli-secret-value-1');
  });

  it('passes the argument array through untouched: shell syntax in an argument is not interpreted', async () => {
    const run = await cli(['scrub', '--fail-on-leak', 'false', '--', 'printf', '%s\n', '$(echo injected); `id`']);
    expect(run.stdout).toBe('$(echo injected); `id`\n');
    expect(run.code).toBe(0);
  });

  it('filters stdin to stdout with --stdin, reading secret-named environment variables by default', async () => {
    const run = await cli(['scrub', '--stdin', '--replacement', 'rule'], {
      env: { DEPLOY_TOKEN: 'env-token-abcdef-123' },
      stdin: `one\ntoken env-token-abcdef-123 ${Buffer.from('env-token-abcdef-123').toString('base64')}\n`,
    });
    expect(run.stdout).toBe('one\ntoken [REDACTED:known-secret] [REDACTED:known-secret]\n');
    expect(run.code).toBe(1);
  });

  it('reads a secrets file (JSON object of values) and keeps the command exit code', async () => {
    writeFileSync(join(cwd, 'secrets.json'), JSON.stringify({ a: 'file-secret-value-2' }));
    const run = await cli([
      'scrub',
      '--secrets-file',
      'secrets.json',
      '--',
      'sh',
      '-c',
      'echo file-secret-value-2; exit 4',
    ]);
    expect(run.stdout).toBe('***\n');
    expect(run.code).toBe(4);
  });

  it('announces masks before the command output when running on a runner', async () => {
    const run = await cli(['scrub', '--secret', 'runner-secret-value', '--', 'echo', 'runner-secret-value'], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(run.stdout).toBe('::add-mask::runner-secret-value\n***\n');
  });

  it.each([
    [['scrub'], "Input 'run' or 'scan-paths' is required"],
    [['scrub', '--stdin', '--', 'echo'], '--stdin filters a stream'],
    [['scrub', '--run', 'echo', '--', 'echo'], 'either --run or a command'],
    [['scrub', '--replacement', 'stars', '--', 'true'], "Input 'replacement' must be one of mask, rule"],
    [['scrub', '--', 'no-such-command-gatehouse'], 'Command not found: no-such-command-gatehouse'],
  ])('exits 2 with one line for %j', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
