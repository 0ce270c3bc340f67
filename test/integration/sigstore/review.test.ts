import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@gatehouse/findings';
import {
  KeyedSigner,
  KeylessSigner,
  buildIdentityPolicy,
  readTrustedRoot,
  signArtifacts,
  verifyArtifacts,
  verifyWorkspace,
  type VerifyOptions,
} from '@gatehouse/sigstore';
import { startLocalSigstore, type LocalSigstore } from './local-stack.js';

/** Security review: ways to make verify accept what it must reject. Each test asserts a rejection. */
let local: LocalSigstore;
beforeAll(async () => {
  local = await startLocalSigstore();
});
afterAll(async () => local?.close());

const APP = 'acme/app/.github/workflows/release.yml@refs/heads/main';
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PUBLIC_PEM = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();

let counter = 0;
function folder(): string {
  const dir = join(local.dir, `review-${++counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const keyless = (claims: Record<string, unknown> = {}) =>
  new KeylessSigner({
    fulcioUrl: local.stack.fulcioUrl,
    getToken: async () =>
      local.oidc.issueToken('sigstore', { job_workflow_ref: APP, repository: 'acme/app', ...claims }),
  });

async function signFile(
  dir: string,
  signer: KeylessSigner | KeyedSigner,
  options: { tsa?: boolean; predicate?: { type: string; value: unknown } } = {},
) {
  const path = join(dir, 'app.bin');
  writeFileSync(path, `artifact ${counter}\n`);
  const [result] = await signArtifacts([{ name: 'app.bin', path }], {
    signer,
    cwd: dir,
    rekor: { url: local.stack.rekorUrl, majorApiVersion: 1 },
    ...(options.tsa ? { tsaUrl: local.stack.tsaUrl } : {}),
    ...(options.predicate ? { predicate: options.predicate } : {}),
  });
  return { path, bundlePath: result!.bundlePath };
}

async function verifyFile(path: string, bundlePath: string, options: Partial<VerifyOptions>) {
  const report = await verifyArtifacts([{ name: 'app.bin', path, bundlePath }], {
    trustedRoot: readTrustedRoot(local.trustedRootPath),
    ...options,
  });
  expect(report.verified).toBe(report.results[0]!.verified);
  return report.results[0]!;
}

function rewrite(bundlePath: string, change: (bundle: any) => void): void {
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
  change(bundle);
  writeFileSync(bundlePath, JSON.stringify(bundle));
}

describe('keyed and keyless cannot stand in for each other', () => {
  it('rejects a keyed bundle under an identity policy', async () => {
    const { path, bundlePath } = await signFile(
      folder(),
      new KeyedSigner(keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()),
    );
    expect((await verifyFile(path, bundlePath, { publicKey: PUBLIC_PEM })).verified).toBe(true);
    const result = await verifyFile(path, bundlePath, {
      policy: buildIdentityPolicy({ signerRepository: 'acme/app' }),
    });
    expect(result.verified).toBe(false);
    expect(result.reason).toMatch(/signed with a key, not a certificate/);
  });

  it("rejects a certificate bundle under 'public-key', even when the key is the certificate's own", async () => {
    const { path, bundlePath } = await signFile(folder(), keyless());
    const policy = buildIdentityPolicy({ signerRepository: 'acme/app' });
    expect((await verifyFile(path, bundlePath, { policy })).verified).toBe(true);
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    const certificateKey = new X509Certificate(
      Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64'),
    ).publicKey.export({ format: 'pem', type: 'spki' });
    const result = await verifyFile(path, bundlePath, { publicKey: certificateKey.toString() });
    expect(result.verified).toBe(false);
    expect(result.reason).toMatch(/signed with a certificate/);
  });
});

it('requires the predicate type: a plain signature does not satisfy predicate-type', async () => {
  const { path, bundlePath } = await signFile(folder(), keyless());
  const result = await verifyFile(path, bundlePath, {
    policy: buildIdentityPolicy({ signerRepository: 'acme/app' }),
    predicateType: 'https://slsa.dev/provenance/v1',
  });
  expect(result.verified).toBe(false);
  expect(result.reason).toMatch(/found a plain signature/);
});

it('a message signature without its digest is rejected', async () => {
  const { path, bundlePath } = await signFile(folder(), keyless());
  rewrite(bundlePath, (bundle) => delete bundle.messageSignature.messageDigest);
  const result = await verifyFile(path, bundlePath, { policy: buildIdentityPolicy({ signerRepository: 'acme/app' }) });
  expect(result.verified).toBe(false);
});

describe('subject-path: every listed path or glob must match', () => {
  async function signedWorkspace() {
    const dir = folder();
    await signFile(dir, keyless());
    return dir;
  }
  const request = (workspace: string, subjectPaths: string[]) => ({
    workspace,
    subjectPaths,
    signerRepository: 'acme/app',
    trustedRoot: local.trustedRootPath,
    tlogThreshold: 1,
    timestampThreshold: 1,
  });

  it('verifies the signed file on its own', async () => {
    const dir = await signedWorkspace();
    expect((await verifyWorkspace(request(dir, ['app.bin']))).verified).toBe(true);
  });

  it('is a usage error when one of several paths matches no file (never a silent skip)', async () => {
    const dir = await signedWorkspace();
    await expect(verifyWorkspace(request(dir, ['app.bin', 'release/app-linux.tar.gz']))).rejects.toThrow(
      /release\/app-linux\.tar\.gz/,
    );
    await expect(verifyWorkspace(request(dir, ['app.bin', 'dist/*.tar.gz']))).rejects.toBeInstanceOf(UsageError);
  });
});

it('a failure reason is one line: a crafted bundle cannot inject workflow commands into the log', async () => {
  const { path, bundlePath } = await signFile(folder(), keyless());
  rewrite(bundlePath, (bundle) => {
    // the runner splits its log on \r as well as \n
    bundle.mediaType = 'x\r::stop-commands::pwned\r::notice::verified\r';
  });
  const result = await verifyFile(path, bundlePath, { policy: buildIdentityPolicy({ signerRepository: 'acme/app' }) });
  expect(result.verified).toBe(false);
  expect(result.reason).toMatch(/unsupported bundle mediaType/);
  expect(result.reason).not.toMatch(/[\r\n\u0000-\u001f\u007f\u2028\u2029]/);
});

it('reports the signing time only from verified timestamps, not an unauthenticated integratedTime', async () => {
  const { path, bundlePath } = await signFile(folder(), keyless(), { tsa: true });
  const policy = buildIdentityPolicy({ signerRepository: 'acme/app' });
  const honest = await verifyFile(path, bundlePath, { policy });
  expect(honest.verified).toBe(true);
  rewrite(bundlePath, (bundle) => {
    const entry = bundle.verificationMaterial.tlogEntries[0];
    delete entry.inclusionPromise; // the inclusion proof still verifies: it does not cover integratedTime
    entry.integratedTime = '1';
  });
  const forged = await verifyFile(path, bundlePath, { policy });
  if (forged.verified) {
    expect(forged.time).not.toBe('1970-01-01T00:00:01.000Z');
    expect(Date.parse(forged.time!)).toBeGreaterThanOrEqual(Date.parse(honest.time!) - 60_000);
  }
});

// A reusable workflow's identity (the certificate SAN) names the workflow file, not the repository
// whose run called it: evil/x can call a public acme/app workflow that has `on: workflow_call` and
// get a certificate whose SAN is acme/app's. The Source Repository URI extension names evil/x; like
// gh attestation verify --repo, verify checks it (by default against the signer repository).
describe('the source repository of a reusable workflow run', () => {
  it('signer-repository acme/app rejects a run in evil/x that called an acme/app reusable workflow', async () => {
    const { path, bundlePath } = await signFile(folder(), keyless({ repository: 'evil/x' }));
    const result = await verifyFile(path, bundlePath, {
      policy: buildIdentityPolicy({ signerRepository: 'acme/app' }),
    });
    expect(result.verified).toBe(false);
    expect(result.identity).toBe(`https://github.com/${APP}`);
    expect(result.reason).toMatch(
      /^untrusted signer: source repository 'https:\/\/github\.com\/evil\/x' is not 'https:\/\/github\.com\/acme\/app'/,
    );
    const workflow = await verifyFile(path, bundlePath, {
      policy: buildIdentityPolicy({ signerWorkflow: APP }),
    });
    expect(workflow.verified).toBe(false);
    expect(workflow.reason).toMatch(/source repository 'https:\/\/github\.com\/evil\/x'/);
  });

  it("accepts acme/app's reusable workflow called by acme/other when source-repository is acme/other", async () => {
    const { path, bundlePath } = await signFile(folder(), keyless({ repository: 'acme/other' }));
    const result = await verifyFile(path, bundlePath, {
      policy: buildIdentityPolicy({ signerRepository: 'acme/app', sourceRepository: 'acme/other' }),
    });
    expect(result.reason).toBeUndefined();
    expect(result.verified).toBe(true);
    const byDefault = await verifyFile(path, bundlePath, {
      policy: buildIdentityPolicy({ signerRepository: 'acme/app' }),
    });
    expect(byDefault.verified).toBe(false);
    expect(byDefault.reason).toMatch(
      /source repository 'https:\/\/github\.com\/acme\/other'.*give 'source-repository'/,
    );
  });

  it('rejects an explicit source-repository that the run does not belong to', async () => {
    const { path, bundlePath } = await signFile(folder(), keyless({ repository: 'acme/other' }));
    for (const sourceRepository of ['acme/app', 'acme/other-evil', 'evil/other']) {
      const result = await verifyFile(path, bundlePath, {
        policy: buildIdentityPolicy({ signerWorkflow: APP, sourceRepository }),
      });
      expect(result.verified).toBe(false);
      expect(result.reason).toContain(
        `source repository 'https://github.com/acme/other' is not 'https://github.com/${sourceRepository}'`,
      );
    }
  });

  it('rejects a certificate without the Source Repository URI extension when a source repository is expected', async () => {
    const { path, bundlePath } = await signFile(folder(), keyless({ repository: undefined }));
    const result = await verifyFile(path, bundlePath, {
      policy: buildIdentityPolicy({ signerRepository: 'acme/app' }),
    });
    expect(result.verified).toBe(false);
    expect(result.reason).toMatch(/no Source Repository URI extension \(1\.3\.6\.1\.4\.1\.57264\.1\.12\)/);
    const exact = await verifyFile(path, bundlePath, {
      policy: buildIdentityPolicy({
        certificateIdentity: `https://github.com/${APP}`,
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
      }),
    });
    expect(exact.verified).toBe(true);
  });
});
