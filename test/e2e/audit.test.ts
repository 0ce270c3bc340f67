import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTemporaryFolders, runAction, runCli } from '../harness/runner.js';

afterAll(removeTemporaryFolders);

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-e2e-'));
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install flask\n');
  writeFileSync(
    join(dir, '.github', 'workflows', 'ci.yml'),
    'on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/setup-node@v4\n',
  );
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(join(dir, 'deploy.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return dir;
}

describe('the root action (gatehouse audit)', () => {
  it('fails with annotations on the files, a summary and SARIF, never printing the key', async () => {
    const dir = repository();
    const key = readFileSync(join(dir, 'deploy.pem'), 'utf8');
    const run = await runAction({ action: '.', workspace: dir, inputs: { 'sarif-output': 'audit.sarif' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(run.outputs['sarif-path']).toBe('audit.sarif');
    const files = run.annotations.map((a) => `${a.file}:${a.line}`);
    expect(files).toEqual(expect.arrayContaining(['Dockerfile:1', '.github/workflows/ci.yml:6']));
    expect(files.some((f) => f.startsWith('deploy.pem:'))).toBe(true);
    expect(run.summary.split('\n')[0]).toBe('## ❌ Gatehouse audit: failed');
    const body = key.split('\n')[1]!;
    expect(run.log).not.toContain(body);
    expect(run.summary).not.toContain(body);
    expect(readFileSync(join(dir, 'audit.sarif'), 'utf8')).not.toContain(body);
  });

  it('passes on a pinned repository, and the CLI agrees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-clean-'));
    writeFileSync(join(dir, 'Dockerfile'), `FROM python:3.12-slim@sha256:${'b'.repeat(64)}\n`);
    const run = await runAction({ action: '.', workspace: dir });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('true');
    const cli = await runCli(['audit'], { cwd: dir });
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toMatch(/gatehouse audit: passed/);
  });

  it('an unknown check is a usage error naming the input', async () => {
    const run = await runAction({ action: '.', workspace: repository(), inputs: { checks: 'pin,malware' } });
    expect(run.exitCode).toBe(2);
    expect(run.annotations[0]!.message).toBe("Input 'checks' must list only pin, secrets (got 'malware').");
  });
});
