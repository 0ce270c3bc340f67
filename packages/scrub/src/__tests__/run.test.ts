import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runScrub, type ScrubOptions } from '../run.js';

let workspace: string;
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'scrub-run-'));
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

function options(overrides: Partial<ScrubOptions>): ScrubOptions {
  return {
    workspace,
    env: { PATH: process.env.PATH },
    secrets: ['run-test-secret-1'],
    scanPaths: [],
    redactFiles: false,
    failOnLeak: true,
    replacement: 'mask',
    ...overrides,
  };
}

async function scrub(overrides: Partial<ScrubOptions>, stdin?: string) {
  const out: Buffer[] = [];
  const masks: string[] = [];
  const result = await runScrub(options(overrides), {
    beforeSpawn: (values) => void masks.push(...values),
    stdout: (chunk) => out.push(chunk),
    stderr: (chunk) => out.push(chunk),
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  });
  return { result, output: Buffer.concat(out).toString(), masks };
}

describe('runScrub exit codes', () => {
  it('is the command code when the command failed, even with leaks', async () => {
    const { result } = await scrub({ command: ['sh', '-c', 'echo run-test-secret-1; exit 6'] });
    expect(result.exitCode).toBe(6);
    expect(result.commandExitCode).toBe(6);
    expect(result.leaks).toBe(1);
  });

  it('is 1 for a leak with fail-on-leak, 0 without it, and 0 when nothing leaked', async () => {
    expect((await scrub({ command: ['echo', 'run-test-secret-1'] })).result.exitCode).toBe(1);
    expect((await scrub({ command: ['echo', 'run-test-secret-1'], failOnLeak: false })).result.exitCode).toBe(0);
    expect((await scrub({ command: ['echo', 'nothing to see'] })).result.exitCode).toBe(0);
  });

  it('counts secrets found in files, and fails closed on an archive it cannot read', async () => {
    writeFileSync(join(workspace, 'a.log'), 'x run-test-secret-1\n');
    const found = await scrub({ scanPaths: ['a.log'] });
    expect(found.result.exitCode).toBe(1);
    expect(found.result.findings.map((f) => f.ruleId)).toEqual(['secret-leak/known-secret']);
    writeFileSync(join(workspace, 'bad.zip'), Buffer.from('PK\u0003\u0004 not really a zip'));
    const broken = await scrub({ scanPaths: ['bad.zip'] });
    expect(broken.result.exitCode).toBe(1);
    expect(broken.result.findings[0]!.ruleId).toBe('secret-leak/unreadable-archive');
  });

  it('filters stdin, and hands the masks over before any output', async () => {
    const { result, output, masks } = await scrub({}, 'a run-test-secret-1 b\n');
    expect(output).toBe('a *** b\n');
    expect(masks).toEqual(['run-test-secret-1']);
    expect(result.redactions).toEqual({ 'known-secret': 1 });
    expect(result.findings[0]!.message).toBe(
      'Registered secret (or an encoding of it): 1 occurrence redacted from the output.',
    );
  });
});
