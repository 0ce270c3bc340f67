import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signWorkspace, verifyWorkspace, type VerifyRequest } from '../workspace.js';

// A key, no transparency log, no timestamps: nothing in a trusted root is needed, so verification
// must work with no root given and no network (the TUF fallback here throws if it is ever asked).
describe('keyed verification without a log or timestamps', () => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const noTuf = async (): Promise<never> => {
    throw new Error('TUF must not be consulted');
  };

  async function signed(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'key-only-'));
    writeFileSync(join(dir, 'app.tar.gz'), 'release bits\n');
    await signWorkspace({
      workspace: dir,
      subjectPaths: ['app.tar.gz'],
      key: privatePem,
      tlog: false,
      oidcAudience: 'sigstore',
    });
    return dir;
  }
  const request = (workspace: string, overrides: Partial<VerifyRequest> = {}): VerifyRequest => ({
    workspace,
    subjectPaths: ['app.tar.gz'],
    publicKey: publicPem,
    tlogThreshold: 0,
    timestampThreshold: 0,
    defaultTrustedRoot: noTuf,
    ...overrides,
  });

  it('verifies offline with no trusted root', async () => {
    const report = await verifyWorkspace(request(await signed()));
    expect(report.verified).toBe(true);
  });

  it('still rejects a changed artifact', async () => {
    const dir = await signed();
    appendFileSync(join(dir, 'app.tar.gz'), 'tampered');
    const report = await verifyWorkspace(request(dir));
    expect(report.verified).toBe(false);
    expect(report.results[0]!.reason).toMatch(/digest/i);
  });

  it('asks for the trusted root as soon as a log entry is required', async () => {
    await expect(verifyWorkspace(request(await signed(), { tlogThreshold: 1 }))).rejects.toThrow(
      /TUF must not be consulted/,
    );
  });
});
