import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY, WORKFLOW_REF } from '../harness/github-context.js';
import { startOidcServer, type OidcServer } from '../harness/oidc.js';
import { removeTemporaryFolders, runAction, temporaryFolder } from '../harness/runner.js';
import { startSigstoreStack, type SigstoreStack } from '../harness/sigstore.js';

/** The bundled sign and verify actions, run as the runner runs them, against the local Sigstore stack. */
let oidc: OidcServer;
let stack: SigstoreStack;
let foreign: SigstoreStack;
beforeAll(async () => {
  oidc = await startOidcServer();
  [stack, foreign] = await Promise.all([
    startSigstoreStack({ issuers: [{ issuer: oidc.issuer, jwks: oidc.jwks }] }),
    startSigstoreStack({ issuers: [{ issuer: oidc.issuer, jwks: oidc.jwks }] }),
  ]);
});
afterAll(async () => {
  await Promise.all([oidc?.close(), stack?.close(), foreign?.close()]);
  removeTemporaryFolders();
});

function workspace(): string {
  const dir = temporaryFolder('sign-e2e');
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'app.tar.gz'), 'the application\n');
  writeFileSync(join(dir, 'dist', 'app.sbom.json'), '{"bomFormat":"CycloneDX"}\n');
  stack.writeTrustedRoot(join(dir, 'trust'));
  foreign.writeTrustedRoot(join(dir, 'foreign'));
  stack.writeSigningConfig(join(dir, 'trust'), 2);
  return dir;
}

async function signKeyless(dir: string, inputs: Record<string, string> = {}) {
  return runAction({
    action: 'sign',
    workspace: dir,
    oidc,
    inputs: { 'subject-path': 'dist/*', 'fulcio-url': stack.fulcioUrl, 'rekor-url': stack.rekorUrl, ...inputs },
  });
}

async function verify(dir: string, inputs: Record<string, string>) {
  return runAction({
    action: 'verify',
    workspace: dir,
    inputs: { 'subject-path': 'dist/*', 'trusted-root': 'trust/trusted_root.json', ...inputs },
  });
}

describe('keyless', () => {
  it('signs with the workflow identity and verifies with the GitHub shortcuts', async () => {
    const dir = workspace();
    const signed = await signKeyless(dir);
    expect(signed.stderr).toBe('');
    expect(signed.exitCode).toBe(0);
    expect(JSON.parse(signed.outputs['bundle-paths']!)).toEqual([
      'dist/app.sbom.json.sigstore.json',
      'dist/app.tar.gz.sigstore.json',
    ]);
    expect(JSON.parse(signed.outputs.subjects!).map((s: { name: string }) => s.name)).toEqual([
      'dist/app.sbom.json',
      'dist/app.tar.gz',
    ]);
    expect(oidc.requests.at(-1)).toEqual({ audience: 'sigstore', status: 200 });
    expect(signed.summary).toContain(`https://github.com/${WORKFLOW_REF}`);

    const verified = await verify(dir, { 'signer-repository': REPOSITORY, 'source-ref': 'refs/heads/main' });
    expect(verified.exitCode).toBe(0);
    expect(verified.outputs.verified).toBe('true');
    const results = JSON.parse(verified.outputs.results!);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      subject: 'dist/app.sbom.json',
      verified: true,
      identity: `https://github.com/${WORKFLOW_REF}`,
    });
    expect(verified.summary.split('\n')[0]).toBe('## ✅ Gatehouse verify: verified');
  });

  it('signs through a signing config (Rekor v2 + TSA) into a bundle dir', async () => {
    const dir = workspace();
    const signed = await runAction({
      action: 'sign',
      workspace: dir,
      oidc,
      inputs: {
        'subject-path': 'dist/app.tar.gz',
        'signing-config': 'trust/signing_config.rekor-v2.json',
        'bundle-dir': 'bundles',
      },
    });
    expect(signed.exitCode).toBe(0);
    expect(JSON.parse(signed.outputs['bundle-paths']!)).toEqual(['bundles/app.tar.gz.sigstore.json']);
    const bundle = JSON.parse(readFileSync(join(dir, 'bundles', 'app.tar.gz.sigstore.json'), 'utf8'));
    expect(bundle.verificationMaterial.tlogEntries[0].kindVersion.version).toBe('0.0.2');
    const verified = await verify(dir, {
      'subject-path': 'dist/app.tar.gz',
      'bundle-path': 'bundles',
      'signer-workflow': `${REPOSITORY}/.github/workflows/release.yml@refs/heads/main`,
    });
    expect(verified.exitCode).toBe(0);
  });

  it('rejects tampering with the artifact, the bundle, the identity and the trusted root, each with its reason', async () => {
    const dir = workspace();
    expect((await signKeyless(dir)).exitCode).toBe(0);
    const policy = { 'signer-repository': REPOSITORY };
    const reasonsOf = (run: Awaited<ReturnType<typeof verify>>) =>
      Object.fromEntries(
        JSON.parse(run.outputs.results!).map((r: { subject: string; reason?: string }) => [r.subject, r.reason]),
      );

    writeFileSync(join(dir, 'dist', 'app.tar.gz'), 'the application, patched\n');
    const artifact = await verify(dir, policy);
    expect(artifact.exitCode).toBe(1);
    expect(artifact.outputs.verified).toBe('false');
    expect(reasonsOf(artifact)['dist/app.tar.gz']).toMatch(/^digest mismatch/);
    expect(reasonsOf(artifact)['dist/app.sbom.json']).toBeUndefined();
    expect(
      artifact.annotations.some(
        (a) => a.level === 'error' && a.file === 'dist/app.tar.gz' && /digest mismatch/.test(a.message),
      ),
    ).toBe(true);
    expect(artifact.summary).toContain('1 of 2 failed');
    writeFileSync(join(dir, 'dist', 'app.tar.gz'), 'the application\n');

    const bundlePath = join(dir, 'dist', 'app.tar.gz.sigstore.json');
    const original = readFileSync(bundlePath, 'utf8');
    const edit = (change: (bundle: any) => void): void => {
      const bundle = JSON.parse(original);
      change(bundle);
      writeFileSync(bundlePath, JSON.stringify(bundle));
    };
    const flip = (text: string, at: number): string => {
      const bytes = Buffer.from(text, 'base64');
      bytes[at < 0 ? bytes.length + at : at]! ^= 1;
      return bytes.toString('base64');
    };
    const cases: Array<[string, (bundle: any) => void, RegExp]> = [
      [
        'signature',
        (b) => (b.messageSignature.signature = flip(b.messageSignature.signature, 20)),
        /signature mismatch/,
      ],
      [
        'certificate',
        (b) => (b.verificationMaterial.certificate.rawBytes = flip(b.verificationMaterial.certificate.rawBytes, -8)),
        /certificate/,
      ],
      [
        'log entry',
        (b) =>
          (b.verificationMaterial.tlogEntries[0].logIndex = String(
            Number(b.verificationMaterial.tlogEntries[0].logIndex) + 1,
          )),
        /bad inclusion promise/,
      ],
    ];
    for (const [, change, reason] of cases) {
      edit(change);
      const run = await verify(dir, policy);
      expect(run.exitCode).toBe(1);
      expect(reasonsOf(run)['dist/app.tar.gz']).toMatch(reason);
    }
    writeFileSync(bundlePath, original);

    const evil = await verify(dir, { 'signer-repository': `${REPOSITORY}-evil` });
    expect(evil.exitCode).toBe(1);
    expect(reasonsOf(evil)['dist/app.tar.gz']).toContain(
      `untrusted signer: identity 'https://github.com/${WORKFLOW_REF}'`,
    );

    const calledFrom = await verify(dir, { ...policy, 'source-repository': 'acme/other' });
    expect(calledFrom.exitCode).toBe(1);
    expect(reasonsOf(calledFrom)['dist/app.tar.gz']).toContain(
      `untrusted signer: source repository 'https://github.com/${REPOSITORY}' is not 'https://github.com/acme/other'`,
    );
    const badInput = await verify(dir, { ...policy, 'source-repository': 'https://github.com/acme/other' });
    expect(badInput.exitCode).toBe(2);

    const root = await verify(dir, { ...policy, 'trusted-root': 'foreign/trusted_root.json' });
    expect(root.exitCode).toBe(1);
    expect(reasonsOf(root)['dist/app.tar.gz']).toMatch(/certificate|inclusion/);
  });

  it('fails with exit 2 and one line naming the permission when the id-token permission is missing', async () => {
    const run = await runAction({ action: 'sign', workspace: workspace(), inputs: { 'subject-path': 'dist/*' } });
    expect(run.exitCode).toBe(2);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('`permissions: id-token: write`');
  });

  it('refuses keyless verification without an identity (exit 2)', async () => {
    const run = await verify(workspace(), { 'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com' });
    expect(run.exitCode).toBe(2);
    expect(run.annotations[0]!.message).toMatch(/needs an identity/);
  });
});

describe('keyed', () => {
  it.each(['P-256', 'Ed25519'] as const)(
    'signs with a password-protected %s key from a secret, masked, and verifies with the public key',
    async (curve) => {
      const dir = workspace();
      const pair =
        curve === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const password = `fake-pass-${curve}`;
      const key = pair.privateKey
        .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: password })
        .toString();
      writeFileSync(join(dir, 'key.pub'), pair.publicKey.export({ format: 'pem', type: 'spki' }).toString());
      const signed = await runAction({
        action: 'sign',
        workspace: dir,
        inputs: { 'subject-path': 'dist/app.tar.gz', key, 'key-password': password, 'rekor-url': stack.rekorUrl },
      });
      expect(signed.exitCode).toBe(0);
      expect(signed.masks).toEqual(expect.arrayContaining([password]));
      expect(signed.log).not.toContain(password);
      expect(signed.log).not.toContain(key.split('\n')[1]);
      const verified = await verify(dir, { 'subject-path': 'dist/app.tar.gz', 'public-key': 'key.pub' });
      expect(verified.stdout).toContain('verified dist/app.tar.gz');
      expect(verified.exitCode).toBe(0);
      writeFileSync(join(dir, 'dist', 'app.tar.gz'), 'swapped\n');
      const tampered = await verify(dir, { 'subject-path': 'dist/app.tar.gz', 'public-key': 'key.pub' });
      expect(tampered.exitCode).toBe(1);
      expect(JSON.parse(tampered.outputs.results!)[0].reason).toMatch(/digest mismatch/);
    },
  );
});
