import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@gatehouse/findings';
import { runAudit, type AuditOptions } from '../audit.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install flask\n');
  writeFileSync(
    join(dir, '.github', 'workflows', 'ci.yml'),
    `on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@${SHA} # v4.1.1\n      - uses: actions/setup-node@v4\n`,
  );
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'deploy', 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  mkdirSync(join(dir, 'build'));
  writeFileSync(join(dir, 'build', 'Dockerfile'), 'FROM node:latest\n');
  writeFileSync(join(dir, '.gitignore'), 'build/\n');
  return dir;
}

function options(workspace: string, overrides: Partial<AuditOptions> = {}): AuditOptions {
  return {
    workspace,
    paths: [],
    checks: ['pin', 'secrets'],
    failOn: 'high',
    reportOn: 'low',
    onlyFixed: false,
    trustedRegistries: [],
    allow: [],
    ...overrides,
  };
}

describe('runAudit', () => {
  it('finds unpinned images and actions and a committed private key, and fails', async () => {
    const result = await runAudit(options(repository()));
    const where = result.gate.findings.map((f) => `${f.ruleId} ${f.location?.path}:${f.location?.line}`).sort();
    expect(where).toEqual(
      expect.arrayContaining(['action-not-pinned .github/workflows/ci.yml:7', 'image-not-pinned Dockerfile:1']),
    );
    expect(where.some((line) => line.startsWith('secret-leak/private-key deploy/key.pem:'))).toBe(true);
    // build/ is ignored by .gitignore: neither check reads it.
    expect(where.some((line) => line.includes('build/'))).toBe(false);
    expect(result.gate.passed).toBe(false);
    expect(result.checks.map((c) => c.check)).toEqual(['pin', 'secrets']);
  });

  it('runs only the checks asked for', async () => {
    const result = await runAudit(options(repository(), { checks: ['pin'] }));
    expect(result.gate.findings.some((f) => f.ruleId.startsWith('secret-leak/'))).toBe(false);
  });

  it('honours exceptions with an owner and expiry', async () => {
    const dir = repository();
    writeFileSync(
      join(dir, 'exceptions.yml'),
      'exceptions:\n  - id: image-not-pinned\n    path: Dockerfile\n    owner: platform@example.com\n    reason: rebuilt nightly from a pinned base\n    expires: 2099-01-01\n',
    );
    const result = await runAudit(options(dir, { exceptions: 'exceptions.yml', checks: ['pin'] }));
    const image = result.gate.findings.find((f) => f.ruleId === 'image-not-pinned');
    expect(image?.properties.suppression).toMatchObject({ owner: 'platform@example.com' });
  });

  it('a clean repository passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-clean-'));
    writeFileSync(join(dir, 'Dockerfile'), `FROM python:3.12-slim@sha256:${'a'.repeat(64)}\n`);
    const result = await runAudit(options(dir));
    expect(result.gate.passed).toBe(true);
    expect(result.gate.findings).toEqual([]);
  });

  it('exclusions alone mean the whole repository less them, for both checks', async () => {
    const result = await runAudit(options(repository(), { paths: ['!deploy/**', '!Dockerfile'] }));
    const paths = result.gate.findings.map((f) => f.location?.path);
    expect(paths).toContain('.github/workflows/ci.yml');
    expect(paths).not.toContain('Dockerfile');
    expect(paths.some((p) => p?.startsWith('deploy/'))).toBe(false);
  });

  it('a path that matches nothing is a usage error', async () => {
    await expect(runAudit(options(repository(), { paths: ['nope/**'] }))).rejects.toBeInstanceOf(UsageError);
  });
});
