import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@gatehouse/findings';
import { signWorkspace, verifyWorkspace, type SignRequest, type VerifyRequest } from '../workspace.js';
import { seededPublicGoodTrustedRoot } from '../public-good.js';

const dir = mkdtempSync(join(tmpdir(), 'sigstore-workspace-'));
writeFileSync(join(dir, 'a.txt'), 'a');

const verifyRequest = (overrides: Partial<VerifyRequest>): VerifyRequest => ({
  workspace: dir,
  subjectPaths: ['a.txt'],
  tlogThreshold: 1,
  timestampThreshold: 1,
  defaultTrustedRoot: async () => seededPublicGoodTrustedRoot(),
  ...overrides,
});

const signRequest = (overrides: Partial<SignRequest>): SignRequest => ({
  workspace: dir,
  subjectPaths: ['a.txt'],
  oidcAudience: 'sigstore',
  tlog: true,
  ...overrides,
});

describe('verifyWorkspace input errors', () => {
  it.each<[string, Partial<VerifyRequest>, RegExp]>([
    [
      'key and identity together',
      { publicKey: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----', signerRepository: 'acme/app' },
      /not both/,
    ],
    [
      'an issuer without an identity',
      { certificateOidcIssuer: 'https://token.actions.githubusercontent.com' },
      /needs an identity/,
    ],
    ['a glob that matches nothing', { subjectPaths: ['nope/*'], signerRepository: 'acme/app' }, /matched no file/],
    [
      'a digest without a bundle',
      { subjectPaths: [], subjectDigest: `sha256:${'a'.repeat(64)}`, signerRepository: 'acme/app' },
      /bundle-path/,
    ],
    [
      'a malformed digest',
      { subjectPaths: [], subjectDigest: 'sha256:xyz', bundlePath: 'a.txt', signerRepository: 'acme/app' },
      /subject-digest/,
    ],
    ['a missing trusted root', { signerRepository: 'acme/app', trustedRoot: 'missing.json' }, /trusted-root/],
    ['a public key that is not a file or PEM', { publicKey: 'keys/none.pub' }, /public-key/],
  ])('rejects %s with a UsageError', async (_name, overrides, message) => {
    const attempt = verifyWorkspace(verifyRequest(overrides));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(verifyWorkspace(verifyRequest(overrides))).rejects.toThrow(message);
  });

  it('reports a missing bundle as a failed subject, not an input error', async () => {
    const report = await verifyWorkspace(verifyRequest({ signerRepository: 'acme/app' }));
    expect(report.verified).toBe(false);
    expect(report.results[0]).toMatchObject({ subject: 'a.txt', bundle: 'a.txt.sigstore.json', verified: false });
    expect(report.results[0]!.reason).toMatch(/cannot read the bundle/);
  });
});

describe('signWorkspace input errors', () => {
  it.each<[string, Partial<SignRequest>, RegExp]>([
    ['keyless without the token environment', {}, /permissions: id-token: write/],
    [
      'a digest without a name',
      { subjectPaths: [], subjectDigest: `sha256:${'b'.repeat(64)}`, key: 'x' },
      /subject-name/,
    ],
    ['a predicate type without a predicate', { predicateType: 'https://slsa.dev/provenance/v1' }, /predicate/],
    ['a predicate that is not JSON', { predicateType: 'https://x', predicate: '{' }, /'predicate' is not valid JSON/],
    [
      'a key that is not a key',
      { key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' },
      /Input 'key' is not a usable PEM private key/,
    ],
  ])('rejects %s with a UsageError', async (_name, overrides, message) => {
    await expect(signWorkspace(signRequest(overrides))).rejects.toThrow(UsageError);
    await expect(signWorkspace(signRequest(overrides))).rejects.toThrow(message);
  });
});
