import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@gatehouse/findings';
import {
  KeyedSigner,
  KeylessSigner,
  buildIdentityPolicy,
  githubActionsTokenGetter,
  readSigningConfig,
  readTrustedRoot,
  signArtifacts,
  signStatement,
  verifyArtifacts,
  type SignSubject,
} from '@gatehouse/sigstore';
import { REPOSITORY, WORKFLOW_REF } from '../../harness/github-context.js';
import { startLocalSigstore, type LocalSigstore } from './local-stack.js';

let local: LocalSigstore;
beforeAll(async () => {
  local = await startLocalSigstore();
});
afterAll(async () => local?.close());

let counter = 0;
function artifact(content = `artifact ${++counter}\n`): SignSubject {
  const folder = join(local.dir, `case-${++counter}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'app.tar.gz');
  writeFileSync(path, content);
  return { name: 'app.tar.gz', path };
}

const keyless = (): KeylessSigner =>
  new KeylessSigner({
    fulcioUrl: local.stack.fulcioUrl,
    getToken: githubActionsTokenGetter({
      requestUrl: local.oidc.tokenUrl,
      requestToken: local.oidc.requestToken,
      audience: 'sigstore',
    }),
  });

const repositoryPolicy = (repository = REPOSITORY) => buildIdentityPolicy({ signerRepository: repository });

async function verifyOne(
  subject: SignSubject,
  bundlePath: string,
  options: Partial<Parameters<typeof verifyArtifacts>[1]> = {},
) {
  const report = await verifyArtifacts([{ name: subject.name, path: subject.path!, bundlePath }], {
    trustedRoot: readTrustedRoot(local.trustedRootPath),
    ...(options.publicKey ? {} : { policy: repositoryPolicy() }),
    ...options,
  });
  return report.results[0]!;
}

describe('keyless signing against the local stack', () => {
  it('signs with Fulcio + Rekor v1 and verifies the round trip', async () => {
    const subject = artifact();
    const [signed] = await signArtifacts([subject], {
      signer: keyless(),
      cwd: local.dir,
      rekor: { url: local.stack.rekorUrl, majorApiVersion: 1 },
    });
    expect(signed).toMatchObject({
      kind: 'message-signature',
      bundlePath: `${subject.path}.sigstore.json`,
      identity: `https://github.com/${WORKFLOW_REF}`,
      issuer: 'https://token.actions.githubusercontent.com',
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    });
    const result = await verifyOne(subject, signed!.bundlePath);
    expect(result).toMatchObject({
      verified: true,
      identity: `https://github.com/${WORKFLOW_REF}`,
      logIndex: signed!.logIndex,
      digest: signed!.digest,
    });
    expect(result.time).toMatch(/^\d{4}-/);
    const workflow = await verifyOne(subject, signed!.bundlePath, {
      policy: buildIdentityPolicy({
        signerWorkflow: `${REPOSITORY}/.github/workflows/release.yml`,
        sourceRef: 'refs/heads/main',
      }),
    });
    expect(workflow.reason).toBeUndefined();
  });

  it('verifies a file over 1 MiB through the digest (one hashing pass) and rejects a bad signature', async () => {
    const subject = artifact('large artifact line\n'.repeat(120_000));
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signer = new KeyedSigner(pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const [signed] = await signArtifacts([subject], { signer, cwd: local.dir });
    const options = {
      publicKey: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      tlogThreshold: 0,
      timestampThreshold: 0,
    };
    expectVerified(await verifyOne(subject, signed!.bundlePath, options));
    const bundle = JSON.parse(readFileSync(signed!.bundlePath, 'utf8'));
    const signature = Buffer.from(bundle.messageSignature.signature, 'base64');
    signature[10]! ^= 1;
    bundle.messageSignature.signature = signature.toString('base64');
    writeFileSync(signed!.bundlePath, JSON.stringify(bundle));
    expect((await verifyOne(subject, signed!.bundlePath, options)).reason).toBe(
      'bad signature: signature verification failed',
    );
  });

  it('signs through a signing config with Rekor v2 and a TSA timestamp', async () => {
    const subject = artifact();
    const services = readSigningConfig(local.stack.writeSigningConfig(join(local.dir, 'config'), 2));
    expect(services.rekor).toEqual({ url: local.stack.rekorV2Url, majorApiVersion: 2 });
    const [signed] = await signArtifacts([subject], {
      signer: new KeylessSigner({ fulcioUrl: services.fulcioUrl!, getToken: keylessToken() }),
      cwd: local.dir,
      rekor: services.rekor!,
      tsaUrl: services.tsaUrl!,
    });
    const bundle = JSON.parse(readFileSync(signed!.bundlePath, 'utf8'));
    expect(bundle.verificationMaterial.tlogEntries[0].kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' });
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
    expectVerified(await verifyOne(subject, signed!.bundlePath));
  });

  it('signs an in-toto attestation when a predicate is given and can require its type', async () => {
    const subject = artifact();
    const predicate = { type: 'https://slsa.dev/provenance/v1', value: { buildDefinition: { buildType: 'local' } } };
    const [signed] = await signArtifacts([subject], {
      signer: keyless(),
      cwd: local.dir,
      rekor: { url: local.stack.rekorUrl, majorApiVersion: 1 },
      predicate,
    });
    expect(signed!.kind).toBe('attestation');
    expect(await verifyOne(subject, signed!.bundlePath, { predicateType: predicate.type })).toMatchObject({
      verified: true,
      predicateType: predicate.type,
    });
    expect(
      (await verifyOne(subject, signed!.bundlePath, { predicateType: 'https://spdx.dev/Document' })).reason,
    ).toMatch(/predicate type/);
  });

  it('retries 5xx answers from Rekor and the TSA with backoff', async () => {
    const flaky = await startLocalSigstore({ failFirst: { rekor: 2, tsa: 1 } });
    try {
      const subject = { name: 'f.bin', path: join(flaky.dir, 'f.bin') };
      writeFileSync(subject.path, 'flaky');
      const signer = new KeylessSigner({
        fulcioUrl: flaky.stack.fulcioUrl,
        getToken: githubActionsTokenGetter({
          requestUrl: flaky.oidc.tokenUrl,
          requestToken: flaky.oidc.requestToken,
          audience: 'sigstore',
        }),
      });
      const retry = { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 20 };
      await signArtifacts([subject], {
        signer,
        cwd: flaky.dir,
        rekor: { url: flaky.stack.rekorUrl, majorApiVersion: 1 },
        tsaUrl: flaky.stack.tsaUrl,
        retry,
      });
      expect(flaky.stack.requests.filter((r) => r.service === 'rekor').map((r) => r.status)).toEqual([503, 503, 201]);
      expect(flaky.stack.requests.filter((r) => r.service === 'tsa').map((r) => r.status)).toEqual([503, 201]);
    } finally {
      await flaky.close();
    }
  });

  it('fails with one line naming the id-token permission when the token env is missing', () => {
    expect(() => githubActionsTokenGetter({ audience: 'sigstore' })).toThrow(UsageError);
    expect(() => githubActionsTokenGetter({ audience: 'sigstore' })).toThrow(/permissions: id-token: write/);
  });

  it('signs many files with one certificate and bounded concurrency', async () => {
    const subjects = Array.from({ length: 12 }, (_, index) => artifact(`file ${index}\n`));
    const results = await signArtifacts(subjects, {
      signer: keyless(),
      cwd: local.dir,
      rekor: { url: local.stack.rekorUrl, majorApiVersion: 1 },
      concurrency: 3,
    });
    expect(new Set(results.map((result) => result.digest)).size).toBe(12);
    const report = await verifyArtifacts(
      subjects.map((subject, index) => ({
        name: subject.path!,
        path: subject.path!,
        bundlePath: results[index]!.bundlePath,
      })),
      { trustedRoot: readTrustedRoot(local.trustedRootPath), policy: repositoryPolicy() },
    );
    expect(report.verified).toBe(true);
  });
});

describe('a multi-subject statement (the core model signing builds on)', () => {
  it('signs one statement over many files; each file verifies against it', async () => {
    const files = ['weights.bin', 'config.json'].map((name) => {
      const path = join(local.dir, `model-${name}`);
      writeFileSync(path, `${name} content\n`);
      return { name, path };
    });
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: files.map(({ name, path }) => ({
        name,
        digest: { sha256: createHash('sha256').update(readFileSync(path)).digest('hex') },
      })),
      predicateType: 'https://model_signing/signature/v1.0',
      predicate: {},
    };
    const bundle = await signStatement(Buffer.from(JSON.stringify(statement)), 'application/vnd.in-toto+json', {
      signer: keyless(),
      rekor: { url: local.stack.rekorUrl, majorApiVersion: 1 },
    });
    const bundlePath = join(local.dir, 'model.sigstore.json');
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const report = await verifyArtifacts(
      files.map(({ name, path }) => ({ name, path, bundlePath })),
      {
        trustedRoot: readTrustedRoot(local.trustedRootPath),
        policy: repositoryPolicy(),
        predicateType: statement.predicateType,
      },
    );
    expect(report.results.map((result) => [result.subject, result.verified, result.reason])).toEqual([
      ['weights.bin', true, undefined],
      ['config.json', true, undefined],
    ]);
    writeFileSync(files[0]!.path, 'swapped weights\n');
    const tampered = await verifyArtifacts([{ ...files[0]!, bundlePath }], {
      trustedRoot: readTrustedRoot(local.trustedRootPath),
      policy: repositoryPolicy(),
    });
    expect(tampered.results[0]!.reason).toMatch(/is not a subject of the attestation/);
  });
});

describe('keyed signing', () => {
  const keyCases = [
    ['P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'message-signature'],
    ['P-384', generateKeyPairSync('ec', { namedCurve: 'P-384' }), 'message-signature'],
    ['Ed25519', generateKeyPairSync('ed25519'), 'attestation'],
  ] as const;

  it.each(keyCases)('signs and verifies with a %s key (Rekor v1)', async (_name, pair, kind) => {
    const subject = artifact();
    const privatePem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const publicPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const [signed] = await signArtifacts([subject], {
      signer: new KeyedSigner(privatePem),
      cwd: local.dir,
      rekor: { url: local.stack.rekorUrl, majorApiVersion: 1 },
    });
    expect(signed!.kind).toBe(kind);
    expectVerified(await verifyOne(subject, signed!.bundlePath, { publicKey: publicPem }));
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();
    expect((await verifyOne(subject, signed!.bundlePath, { publicKey: other })).verified).toBe(false);
  });

  it('verifies a pure Ed25519 message signature over the artifact (made outside our sign)', async () => {
    const { signMessageBundleEd25519 } = await import('./ed25519-bundle.js');
    const subject = artifact('ed25519 message\n');
    const pair = generateKeyPairSync('ed25519');
    const bundlePath = await signMessageBundleEd25519(subject.path!, pair.privateKey, local.stack.tsaUrl);
    const publicPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const options = { publicKey: publicPem, tlogThreshold: 0 };
    expectVerified(await verifyOne(subject, bundlePath, options));
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    const signature = Buffer.from(bundle.messageSignature.signature, 'base64');
    signature[10]! ^= 1;
    bundle.messageSignature.signature = signature.toString('base64');
    writeFileSync(bundlePath, JSON.stringify(bundle));
    expect((await verifyOne(subject, bundlePath, options)).reason).toMatch(/timestamp|signature/);
    writeFileSync(subject.path!, 'ed25519 messagE\n');
    expect((await verifyOne(subject, bundlePath, options)).reason).toMatch(/digest mismatch/);
  });

  it('opens an encrypted key with its password and refuses a wrong one without echoing it', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const password = 'fake-test-password-123';
    const encrypted = pair.privateKey
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: password })
      .toString();
    expect(() => new KeyedSigner(encrypted, password)).not.toThrow();
    let message = '';
    try {
      new KeyedSigner(encrypted, 'wrong-password');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/key-password is wrong/);
    expect(message).not.toContain('wrong-password');
    expect(
      () =>
        new KeyedSigner(
          generateKeyPairSync('rsa', { modulusLength: 2048 })
            .privateKey.export({ format: 'pem', type: 'pkcs8' })
            .toString(),
        ),
    ).toThrow(/P-256\/P-384 or Ed25519/);
  });

  it('signs a digest without the file as an attestation', async () => {
    const subject = artifact('digest only\n');
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update('digest only\n').digest();
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const [signed] = await signArtifacts([{ name: 'image', sha256 }], {
      signer: new KeyedSigner(pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()),
      cwd: local.dir,
      bundleDir: join(local.dir, 'digest-bundles'),
    });
    expect(signed!.bundlePath).toBe(join(local.dir, 'digest-bundles', 'image.sigstore.json'));
    const report = await verifyArtifacts(
      [{ name: 'image', digest: { algorithm: 'sha256', digest: sha256 }, bundlePath: signed!.bundlePath }],
      {
        trustedRoot: readTrustedRoot(local.trustedRootPath),
        publicKey: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
        tlogThreshold: 0,
        timestampThreshold: 0,
      },
    );
    expect(report.results[0]).toMatchObject({ verified: true, digest: `sha256:${sha256.toString('hex')}` });
    expect(
      (
        await verifyOne(subject, signed!.bundlePath, {
          publicKey: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
        })
      ).reason,
    ).toMatch(/timestamp|tlog/);
  });
});

function expectVerified(result: { verified: boolean; reason?: string }): void {
  expect(result.reason).toBeUndefined();
  expect(result.verified).toBe(true);
}

function keylessToken(): () => Promise<string> {
  return githubActionsTokenGetter({
    requestUrl: local.oidc.tokenUrl,
    requestToken: local.oidc.requestToken,
    audience: 'sigstore',
  });
}
