import { collectKnownValues } from '../known-values.js';
import { SecretScanner } from '../scanner.js';
import { shellArguments, StopCommandsTracker, wrapCommand } from '../wrap.js';

const secret = 'wrapped-secret-value-42';

async function run(script: string, extra: Partial<Parameters<typeof wrapCommand>[0]> = {}) {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const order: string[] = [];
  const known = collectKnownValues([secret]);
  const result = await wrapCommand({
    script,
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, SECRET_ARG: secret },
    scanner: new SecretScanner({ knownValues: known.values }),
    masks: known.masks,
    beforeSpawn: (masks) => void order.push(`masks:${masks.length}`),
    stdout: (chunk) => {
      order.push('stdout');
      stdout.push(chunk);
    },
    stderr: (chunk) => stderr.push(chunk),
    ...extra,
  });
  return { result, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), order };
}

describe('wrapCommand', () => {
  it('runs the script with bash, redacting stdout and stderr, and hands the masks over before any output', async () => {
    const { result, stdout, stderr, order } = await run(
      'echo "out $SECRET_ARG"; printf "%s" "$SECRET_ARG" | base64; echo "err $SECRET_ARG" >&2',
    );
    expect(result.exitCode).toBe(0);
    expect(stdout).toBe('out ***\n***\n');
    expect(stderr).toBe('err ***\n');
    expect(result.redactions).toEqual({ 'known-secret': 3 });
    expect(order[0]).toBe('masks:1');
  });

  it('returns the child exit code, and 128 + signal when it was killed', async () => {
    expect((await run('exit 7')).result.exitCode).toBe(7);
    expect((await run('false; echo not reached')).stdout).toBe('');
    const killed = await run('kill -TERM $$');
    expect(killed.result.exitCode).toBe(143);
    expect(killed.result.signal).toBe('SIGTERM');
  });

  it('never splices anything into a command line: the script is a file given to the shell', () => {
    expect(shellArguments('bash', '/tmp/x/script.sh')).toEqual({
      file: 'bash',
      args: ['--noprofile', '--norc', '-eo', 'pipefail', '/tmp/x/script.sh'],
    });
    expect(shellArguments('perl -w {0}', '/tmp/x/script')).toEqual({ file: 'perl', args: ['-w', '/tmp/x/script'] });
    expect(shellArguments('node', '/tmp/x/script')).toEqual({ file: 'node', args: ['/tmp/x/script'] });
  });

  it('keeps redacting after the child prints ::stop-commands::, and reports the open token', async () => {
    const { result, stdout } = await run('echo "::stop-commands::pause-token"; echo "$SECRET_ARG"');
    expect(stdout).toBe('::stop-commands::pause-token\n***\n');
    expect(result.openStopCommandsToken).toBe('pause-token');
    const resumed = await run('echo "::stop-commands::t1"; echo "::t1::"');
    expect(resumed.result.openStopCommandsToken).toBeUndefined();
  });

  it('follows stop-commands across chunks', () => {
    const tracker = new StopCommandsTracker();
    tracker.observe(Buffer.from('::stop-comm'));
    tracker.observe(Buffer.from('ands::abc\r\nmore\n'));
    expect(tracker.openToken).toBe('abc');
  });
});
