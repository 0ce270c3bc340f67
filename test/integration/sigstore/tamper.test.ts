import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KeylessSigner,
  buildIdentityPolicy,
  readTrustedRoot,
  signArtifacts,
  verifyArtifacts,
  type IdentityPolicy,
} from '@gatehouse/sigstore';
import { startLocalSigstore, type LocalSigstore } from './local-stack.js';

/** Each kind of tampering is rejected, with a reason that says what is wrong. */
let local: LocalSigstore;
let other: LocalSigstore;
beforeAll(async () => {
  [local, other] = await Promise.all([startLocalSigstore(), startLocalSigstore()]);
});
afterAll(async () => Promise.all([local?.close(), other?.close()]));

const APP = 'acme/app/.github/workflows/release.yml@refs/heads/main';

let counter = 0;
async function signed(workflowRef = APP, content = 'release artifact\n') {
  const folder = join(local.dir, `t${++counter}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'app.bin');
  writeFileSync(path, content);
  const signer = new KeylessSigner({
    fulcioUrl: local.stack.fulcioUrl,
    getToken: async () =>
      local.oidc.issueToken('sigstore', {
        job_workflow_ref: workflowRef,
        repository: workflowRef.split('/.github')[0],
      }),
  });
  const [result] = await signArtifacts([{ name: 'app.bin', path }], {
    signer,
    cwd: folder,
    rekor: { url: local.stack.rekorUrl, majorApiVersion: 1 },
  });
  return { path, bundlePath: result!.bundlePath, bundle: JSON.parse(readFileSync(result!.bundlePath, 'utf8')) };
}

async function verify(
  path: string,
  bundlePath: string,
  policy: IdentityPolicy = buildIdentityPolicy({ signerRepository: 'acme/app' }),
  trustedRootPath = local.trustedRootPath,
) {
  const report = await verifyArtifacts([{ name: 'app.bin', path, bundlePath, bundleName: 'app.bin.sigstore.json' }], {
    trustedRoot: readTrustedRoot(trustedRootPath),
    policy,
  });
  return report.results[0]!;
}

function rewrite(bundlePath: string, change: (bundle: any) => void): void {
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
  change(bundle);
  writeFileSync(bundlePath, JSON.stringify(bundle));
}

function flipBase64(value: string, at = 12): string {
  const bytes = Buffer.from(value, 'base64');
  bytes[at]! ^= 0x01;
  return bytes.toString('base64');
}

it('accepts the untouched artifact', async () => {
  const { path, bundlePath } = await signed();
  const result = await verify(path, bundlePath);
  expect(result.reason).toBeUndefined();
  expect(result).toMatchObject({
    verified: true,
    subject: 'app.bin',
    bundle: 'app.bin.sigstore.json',
    identity: `https://github.com/${APP}`,
  });
});

it('rejects a changed artifact: digest mismatch', async () => {
  const { path, bundlePath } = await signed();
  writeFileSync(path, 'release artifact with a backdoor\n');
  const result = await verify(path, bundlePath);
  expect(result).toMatchObject({ verified: false, subject: 'app.bin', bundle: 'app.bin.sigstore.json' });
  expect(result.reason).toMatch(
    /^digest mismatch: the artifact is sha256:[0-9a-f]{64} but the bundle signs sha256:[0-9a-f]{64}$/,
  );
});

it('rejects a changed bundle signature', async () => {
  const { path, bundlePath } = await signed();
  rewrite(bundlePath, (bundle) => {
    bundle.messageSignature.signature = flipBase64(bundle.messageSignature.signature);
  });
  expect((await verify(path, bundlePath)).reason).toMatch(
    /transparency-log entry does not match the bundle: signature mismatch/,
  );
});

it('rejects a swapped certificate', async () => {
  const { path, bundlePath } = await signed();
  const { bundle: another } = await signed(APP, 'another artifact\n');
  rewrite(bundlePath, (bundle) => {
    bundle.verificationMaterial.certificate = another.verificationMaterial.certificate;
  });
  expect((await verify(path, bundlePath)).reason).toMatch(/bad signature|signature/);
});

it('rejects a corrupted certificate', async () => {
  const { path, bundlePath } = await signed();
  rewrite(bundlePath, (bundle) => {
    const raw = Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64');
    bundle.verificationMaterial.certificate.rawBytes = flipBase64(
      bundle.verificationMaterial.certificate.rawBytes,
      raw.length - 8,
    );
  });
  expect((await verify(path, bundlePath)).reason).toBe('certificate: Failed to verify certificate chain');
});

it('rejects a changed log entry: bad inclusion promise and proof', async () => {
  const { path, bundlePath } = await signed();
  rewrite(bundlePath, (bundle) => {
    const entry = bundle.verificationMaterial.tlogEntries[0];
    entry.integratedTime = String(Number(entry.integratedTime) + 1);
  });
  expect((await verify(path, bundlePath)).reason).toMatch(/bad inclusion promise/);
  rewrite(bundlePath, (bundle) => {
    const entry = bundle.verificationMaterial.tlogEntries[0];
    entry.integratedTime = String(Number(entry.integratedTime) - 1);
    const lines = entry.inclusionProof.checkpoint.envelope.split('\n');
    lines[2] = flipBase64(lines[2], 0);
    entry.inclusionProof.checkpoint.envelope = lines.join('\n');
  });
  expect((await verify(path, bundlePath)).reason).toBe('bad inclusion proof: invalid checkpoint signature');
});

it('rejects acme/app-evil under a policy for acme/app, naming the identity found', async () => {
  const evil = 'acme/app-evil/.github/workflows/release.yml@refs/heads/main';
  const { path, bundlePath } = await signed(evil);
  const result = await verify(path, bundlePath);
  expect(result.verified).toBe(false);
  expect(result.reason).toContain(`untrusted signer: identity 'https://github.com/${evil}'`);
  expect(result.identity).toBe(`https://github.com/${evil}`);
  const exact = buildIdentityPolicy({
    certificateIdentity: `https://github.com/${APP}`,
    certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
  });
  expect((await verify(path, bundlePath, exact)).reason).toMatch(/untrusted signer/);
  const other = buildIdentityPolicy({
    certificateIdentity: `https://github.com/${evil}`,
    certificateOidcIssuer: 'https://accounts.example.com',
  });
  expect((await verify(path, bundlePath, other)).reason).toMatch(/expected issuer/);
});

it('rejects a bundle checked against another trusted root', async () => {
  const { path, bundlePath } = await signed();
  expect((await verify(path, bundlePath, undefined, other.trustedRootPath)).reason).toMatch(
    /certificate|inclusion|tlog/i,
  );
});

it('checks every subject and reports each', async () => {
  const good = await signed();
  const bad = await signed();
  writeFileSync(bad.path, 'tampered\n');
  const report = await verifyArtifacts(
    [
      { name: 'bad.bin', path: bad.path, bundlePath: bad.bundlePath },
      { name: 'good.bin', path: good.path, bundlePath: good.bundlePath },
      { name: 'missing.bin', path: good.path, bundlePath: join(local.dir, 'nope.sigstore.json') },
    ],
    {
      trustedRoot: readTrustedRoot(local.trustedRootPath),
      policy: buildIdentityPolicy({ signerRepository: 'acme/app' }),
    },
  );
  expect(report.verified).toBe(false);
  expect(report.results.map((result) => [result.subject, result.verified])).toEqual([
    ['bad.bin', false],
    ['good.bin', true],
    ['missing.bin', false],
  ]);
  expect(report.results[2]!.reason).toMatch(/cannot read the bundle/);
});
