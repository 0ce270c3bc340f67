import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { removeTemporaryFolders, runAction, temporaryFolder } from '../harness/runner.js';

afterAll(removeTemporaryFolders);

// Fakes, generated for the test: a 21-character value (a multiple of 3, so its base64 has no
// padding) with the characters every escaping treats specially, and a multi-line value.
const SECRET = `k9R/e+T w"Q'z$Lp\\m4Xv`;
const MULTI_LINE = 'first-line-of-the-key-AAA\nsecond-line-BBB-ccc-42\nxy';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** label → what the command prints; every value must come out as `***` (quotes kept where printed). */
const PRINTED: Array<[label: string, value: string, expected: string]> = [
  ['raw', SECRET, '***'],
  ['base64', b64(SECRET), '***'],
  ['base64 with newline', b64(`${SECRET}\n`), '***'],
  ['base64 at offset 1', b64(`:${SECRET}`), '***'],
  ['base64 at offset 2', b64(`::${SECRET}`), '***'],
  ['base64 no padding', b64(`${SECRET}\n`).replace(/=+$/, ''), '***'],
  ['base64 last char trimmed', b64(`${SECRET}\n`).replace(/=+$/, '').slice(0, -1), '***'],
  ['base64url', Buffer.from(SECRET).toString('base64url'), '***'],
  ['hex', Buffer.from(SECRET).toString('hex'), '***'],
  ['HEX', Buffer.from(SECRET).toString('hex').toUpperCase(), '***'],
  ['url', encodeURIComponent(SECRET), '***'],
  ['json', JSON.stringify(SECRET), '"***"'],
  ['shell single', `'${SECRET.replace(/'/g, `'\\''`)}'`, `'***'`],
  ['shell double', `"${SECRET.replace(/[\\"$`]/g, '\\$&')}"`, '"***"'],
  ['base64 of base64', b64(b64(SECRET)), '***'],
  ['base64 of base64 of base64', b64(b64(b64(SECRET))), '***'],
  ['hex of base64', Buffer.from(b64(SECRET)).toString('hex'), '***'],
  ['multi-line json', JSON.stringify(MULTI_LINE), '"***"'],
  ['line 1', 'first-line-of-the-key-AAA', '***'],
  ['line 2', 'second-line-BBB-ccc-42', '***'],
];

/**
 * A script that prints each value split across two writes with a pause between them, alternating
 * stdout and stderr; the values come in through the environment, never through the script text.
 */
function printingScript(): { script: string; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const lines = ['echo BEGIN-CHILD'];
  PRINTED.forEach(([label, value], index) => {
    env[`PRINTED_${index}`] = value;
    const cut = Math.max(1, Math.floor(value.length / 2));
    const target = index % 2 === 0 ? '' : ' >&2';
    lines.push(
      `printf '%s: %s' '${label}' "\${PRINTED_${index}:0:${cut}}"${target}`,
      'sleep 0.02',
      `printf '%s\\n' "\${PRINTED_${index}:${cut}}"${target}`,
    );
  });
  lines.push('echo END-CHILD');
  return { script: lines.join('\n'), env };
}

describe('bundled scrub action', () => {
  it('redacts every encoding, split across writes, on stdout and stderr, byte for byte', async () => {
    const { script, env } = printingScript();
    const run = await runAction({
      action: 'scrub',
      inputs: { run: script, secrets: JSON.stringify({ API_SECRET: SECRET, DEPLOY_KEY: MULTI_LINE }) },
      env,
    });
    const expectedStdout = ['BEGIN-CHILD']
      .concat(PRINTED.filter((_, i) => i % 2 === 0).map(([label, , expected]) => `${label}: ${expected}`))
      .concat(['END-CHILD'])
      .join('\n');
    const child = run.stdout.slice(
      run.stdout.indexOf('BEGIN-CHILD'),
      run.stdout.indexOf('END-CHILD') + 'END-CHILD'.length,
    );
    expect(child).toBe(expectedStdout);
    const expectedStderr = PRINTED.filter((_, i) => i % 2 === 1)
      .map(([label, , expected]) => `${label}: ${expected}\n`)
      .join('');
    expect(run.stderr).toBe(expectedStderr);

    // Masks reach the runner before the command prints anything.
    const firstChildLine = run.stdout.indexOf('BEGIN-CHILD');
    const maskLines = run.commands.filter((c) => c.command === 'add-mask');
    expect(maskLines.length).toBeGreaterThanOrEqual(3);
    for (const command of maskLines) expect(run.stdout.indexOf(command.raw)).toBeLessThan(firstChildLine);
    expect(run.masks).toEqual(expect.arrayContaining([SECRET, 'first-line-of-the-key-AAA', 'second-line-BBB-ccc-42']));
    expect(run.masks).not.toContain('xy');

    // Apart from the add-mask commands themselves (the runner never shows those), no value appears.
    const printed = withoutMaskCommands(run.stdout);
    for (const [, value] of PRINTED) {
      expect(printed).not.toContain(value);
      expect(run.stderr).not.toContain(value);
      expect(run.log).not.toContain(value);
    }
    expect(run.exitCode).toBe(1);
    expect(Number(run.outputs.leaks)).toBe(PRINTED.length);
    expect(JSON.parse(run.outputs.redactions!)).toEqual({ 'known-secret': PRINTED.length });
    expect(run.summary).toContain('Gatehouse scrub: failed');
  });

  it('keeps the command exit code, exits 0 without leaks, and 0 with leaks when fail-on-leak is false', async () => {
    const failed = await runAction({
      action: 'scrub',
      inputs: { run: `echo "$MY_TOKEN"; exit 3` },
      env: { MY_TOKEN: 'tok-abcdefgh-12345' },
    });
    expect(failed.exitCode).toBe(3);
    expect(failed.stdout).toContain('***');
    expect(withoutMaskCommands(failed.stdout)).not.toContain('tok-abcdefgh-12345');

    const clean = await runAction({ action: 'scrub', inputs: { run: 'echo hello world' } });
    expect(clean.exitCode).toBe(0);
    expect(clean.outputs.leaks).toBe('0');
    expect(clean.outputs.redactions).toBe('{}');

    const tolerated = await runAction({
      action: 'scrub',
      inputs: { run: `echo "$MY_TOKEN"`, 'fail-on-leak': 'false', replacement: 'rule' },
      env: { MY_TOKEN: 'tok-abcdefgh-12345' },
    });
    expect(tolerated.exitCode).toBe(0);
    expect(tolerated.stdout).toContain('[REDACTED:known-secret]');
    expect(tolerated.outputs.leaks).toBe('1');
  });

  it('finds credentials nobody registered, including a runner-memory dump fragment', async () => {
    const ghToken = `ghp_${'Q7mW2xK9pL4vN8rT5yB3cZ6hJ1fD0sA'.slice(0, 30)}`;
    const run = await runAction({
      action: 'scrub',
      inputs: {
        run: 'printf \'%s\\n\' "token=$T1" "$DUMP"',
        'env-secrets': 'none',
      },
      env: { T1: `${ghToken}ABCDEF`, DUMP: '"SOME_SECRET":{"value":"hunter2-in-memory","isSecret":true}' },
    });
    expect(run.stdout).toContain('token=***\n');
    expect(run.stdout).toContain('"SOME_SECRET":{"value":"***","isSecret":true}');
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.outputs.redactions!)).toEqual({ 'github-pat': 1, 'runner-memory-dump': 1 });
  });

  it('keeps reporting after the command stops workflow commands', async () => {
    const run = await runAction({
      action: 'scrub',
      inputs: { run: `echo "::stop-commands::child-pause"; echo "$MY_PASSWORD"` },
      env: { MY_PASSWORD: 'correct-horse-battery' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::child-pause::');
    expect(run.annotations.some((a) => a.level === 'error' && /Secrets leaked/.test(a.message))).toBe(true);
  });

  it('scans files and archives, writes SARIF without the secret, and rewrites plain files', async () => {
    const workspace = temporaryFolder('scrub-e2e');
    const registered = 'artifact-secret-value-99';
    mkdirSync(join(workspace, 'out'));
    writeFileSync(join(workspace, 'out', 'build.log'), `line one\nusing ${registered}\n`);
    writeFileSync(join(workspace, 'out', 'logs.tar.gz'), gzipSync(tarOf('inner/app.log', `x\ny\n${registered}\n`)));
    const run = await runAction({
      action: 'scrub',
      workspace,
      inputs: {
        secrets: registered,
        'scan-paths': 'out/**',
        'redact-files': 'true',
        'sarif-output': 'reports/scrub.sarif',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['sarif-path']).toBe('reports/scrub.sarif');
    const sarif = readFileSync(join(workspace, 'reports', 'scrub.sarif'), 'utf8');
    expect(sarif).not.toContain(registered);
    const locations = (
      JSON.parse(sarif) as {
        runs: Array<{
          results: Array<{
            locations: Array<{
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            }>;
          }>;
        }>;
      }
    ).runs[0]!.results.map(
      (r) =>
        `${decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri)}:${r.locations[0]!.physicalLocation.region.startLine}`,
    );
    expect(locations.sort()).toEqual(['out/build.log:2', 'out/logs.tar.gz!inner/app.log:3']);
    expect(readFileSync(join(workspace, 'out', 'build.log'), 'utf8')).toBe('line one\nusing ***\n');
    expect(run.annotations.some((a) => a.file === 'out/build.log' && a.line === 2)).toBe(true);
  });

  it('does not hand its own inputs (the secrets among them) to the command', async () => {
    const run = await runAction({
      action: 'scrub',
      inputs: { run: 'echo "inputs: ${INPUT_SECRETS:-none} ${INPUT_RUN:-none}"', secrets: 'input-secret-value-1' },
    });
    expect(run.stdout).toContain('inputs: none none\n');
    expect(run.exitCode).toBe(0);
  });

  it('warns, and passes, when scan-paths matches no file', async () => {
    const run = await runAction({ action: 'scrub', inputs: { 'scan-paths': 'nothing-here/**' } });
    expect(run.exitCode).toBe(0);
    expect(run.annotations.some((a) => a.level === 'warning' && /matched no file/.test(a.message))).toBe(true);
    expect(run.summary).toContain('scan-paths matched no file');
  });

  it.each([
    [{}, "Input 'run' or 'scan-paths' is required"],
    [{ run: 'true', replacement: 'stars' }, "Input 'replacement' must be one of mask, rule (got 'stars')."],
    [{ run: 'true', secrets: '{"a": ' }, "Input 'secrets' starts with '{' but is not valid JSON"],
    [{ run: 'true', 'fail-on-leak': 'yes' }, "Input 'fail-on-leak' must be true or false (got 'yes')."],
  ])('exits 2 with one error line on bad input %j', async (inputs, message) => {
    const run = await runAction({ action: 'scrub', inputs });
    expect(run.exitCode).toBe(2);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(message);
  });
});

function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** A one-entry ustar archive. */
function tarOf(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${Buffer.byteLength(content).toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const body = Buffer.from(content);
  return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512), Buffer.alloc(1024)]);
}
