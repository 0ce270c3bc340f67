import { readFileSync, existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  UsageError,
  describeError,
  existingFile,
  expandGlobs,
  fingerprintOf,
  toRelative,
  type Finding,
} from '@gatehouse/findings';
import { parseDigest } from './digest.js';
import { pemFromInput } from './keys.js';
import { buildIdentityPolicy, type IdentityPolicyInput } from './policy.js';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { fetchPublicGoodTrustedRoot } from './public-good.js';
import { githubActionsTokenGetter } from './sign/oidc.js';
import { signArtifacts, type SignResult, type SignSubject } from './sign/sign.js';
import { KeyedSigner, KeylessSigner } from './sign/signers.js';
import { readSigningConfig } from './sign/signing-config.js';
import { readTrustedRoot, type LoadedTrustedRoot } from './trusted-root.js';
import { verifyArtifacts, type VerifyReport, type VerifySubject } from './verify.js';

export const PUBLIC_GOOD_FULCIO = 'https://fulcio.sigstore.dev';
export const PUBLIC_GOOD_REKOR = 'https://rekor.sigstore.dev';

/** Everything the sign action and `gatehouse sign` take, as plain values. */
export interface SignRequest {
  workspace: string;
  subjectPaths: string[];
  subjectDigest?: string;
  subjectName?: string;
  predicateType?: string;
  /** JSON text of the predicate (from `predicate`, or read from `predicate-path`). */
  predicate?: string;
  predicatePath?: string;
  bundleDir?: string;
  /** PEM text or a path. */
  key?: string;
  keyPassword?: string;
  oidcAudience: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  signingConfig?: string;
  tlog: boolean;
  /** Where the OIDC token comes from (the runner's endpoint, read from the environment by the front). */
  idToken?: { requestUrl?: string; requestToken?: string };
  /** A raw OIDC token instead of the runner's endpoint (CLI: SIGSTORE_ID_TOKEN). */
  identityToken?: string;
  concurrency?: number;
}

export interface SignReport {
  results: SignResult[];
  /** Bundle paths relative to the workspace. */
  bundlePaths: string[];
  subjects: Array<{ name: string; sha256: string }>;
}

export async function signWorkspace(request: SignRequest): Promise<SignReport> {
  const subjects = await signSubjects(request);
  const predicate = readPredicate(request);
  const services = request.signingConfig ? readSigningConfig(resolve(request.workspace, request.signingConfig)) : {};
  const rekorUrl = request.rekorUrl ?? services.rekor?.url ?? PUBLIC_GOOD_REKOR;
  const rekor = request.tlog
    ? { url: rekorUrl, majorApiVersion: request.rekorUrl ? 1 : (services.rekor?.majorApiVersion ?? 1) }
    : undefined;
  const tsaUrl = request.tsaUrl ?? services.tsaUrl;
  let signer;
  if (request.key) {
    signer = new KeyedSigner(pemFromInput('key', request.key, request.workspace), request.keyPassword);
  } else {
    const getToken = request.identityToken
      ? async () => request.identityToken!
      : githubActionsTokenGetter({ ...request.idToken, audience: request.oidcAudience });
    signer = new KeylessSigner({ fulcioUrl: request.fulcioUrl ?? services.fulcioUrl ?? PUBLIC_GOOD_FULCIO, getToken });
  }
  if (!rekor && !tsaUrl && !request.key) {
    throw new UsageError(
      "Keyless signing with tlog: false needs 'tsa-url' (or a signing config with a TSA): the certificate lives ten minutes, so the signature needs a timestamp.",
    );
  }
  const results = await signArtifacts(subjects, {
    signer,
    cwd: request.workspace,
    ...(request.bundleDir ? { bundleDir: resolve(request.workspace, request.bundleDir) } : {}),
    ...(rekor ? { rekor } : {}),
    ...(tsaUrl ? { tsaUrl } : {}),
    ...(predicate ? { predicate } : {}),
    ...(request.concurrency ? { concurrency: request.concurrency } : {}),
  });
  for (const result of results) result.bundlePath = toRelative(request.workspace, result.bundlePath);
  return {
    results,
    bundlePaths: results.map((result) => result.bundlePath),
    subjects: results.map((result) => ({ name: result.subject, sha256: result.digest.replace(/^sha256:/, '') })),
  };
}

async function signSubjects(request: SignRequest): Promise<SignSubject[]> {
  const subjects: SignSubject[] = [];
  if (request.subjectPaths.length > 0) {
    const paths = await expandGlobs(request.subjectPaths, { input: 'subject-path', cwd: request.workspace });
    if (paths.length === 0)
      throw new UsageError(`Input 'subject-path' matched no file: ${request.subjectPaths.join(', ')}`);
    for (const path of paths.filter((path) => !path.endsWith('.sigstore.json')))
      subjects.push({ name: path, path: resolve(request.workspace, path) });
  }
  if (request.subjectDigest !== undefined) {
    const parsed = parseDigest(request.subjectDigest);
    if (!parsed || parsed.algorithm !== 'sha256')
      throw new UsageError(`Input 'subject-digest' must be sha256:<64 hex digits> (got '${request.subjectDigest}').`);
    if (!request.subjectName) throw new UsageError("Input 'subject-name' is required with 'subject-digest'.");
    subjects.push({ name: request.subjectName, sha256: parsed.digest });
  }
  if (subjects.length === 0)
    throw new UsageError("Give 'subject-path' (files or globs) or 'subject-digest' with 'subject-name'.");
  return subjects;
}

function readPredicate(request: SignRequest): { type: string; value: unknown } | undefined {
  if (request.predicate !== undefined && request.predicatePath !== undefined) {
    throw new UsageError("Give 'predicate' or 'predicate-path', not both.");
  }
  const given = request.predicate ?? request.predicatePath;
  if (given === undefined) {
    if (request.predicateType) throw new UsageError("Input 'predicate-type' needs 'predicate' or 'predicate-path'.");
    return undefined;
  }
  if (!request.predicateType) throw new UsageError("Input 'predicate-type' is required with a predicate.");
  const name = request.predicate !== undefined ? 'predicate' : 'predicate-path';
  const text =
    request.predicate ??
    readFileSync(existingFile('predicate-path', request.predicatePath!, request.workspace), 'utf8');
  try {
    return { type: request.predicateType, value: JSON.parse(text) };
  } catch (error) {
    throw new UsageError(`Input '${name}' is not valid JSON (${describeError(error)}).`);
  }
}

/** Everything the verify action and `gatehouse verify` take, as plain values. */
export interface VerifyRequest extends IdentityPolicyInput {
  workspace: string;
  subjectPaths: string[];
  subjectDigest?: string;
  bundlePath?: string;
  publicKey?: string;
  trustedRoot?: string;
  tlogThreshold: number;
  timestampThreshold: number;
  predicateType?: string;
  /** Used instead of TUF when no trusted root is given (tests, air-gapped defaults). */
  defaultTrustedRoot?: () => Promise<LoadedTrustedRoot>;
}

export async function verifyWorkspace(request: VerifyRequest): Promise<VerifyReport> {
  const keyed = request.publicKey !== undefined;
  const identityGiven = [
    request.certificateIdentity,
    request.certificateIdentityRegexp,
    request.signerRepository,
    request.signerWorkflow,
    request.sourceRepository,
    request.sourceRef,
    request.certificateOidcIssuer,
  ].some((value) => value !== undefined);
  if (keyed && identityGiven) throw new UsageError("Give either 'public-key' or an identity policy, not both.");
  const policy = keyed ? undefined : buildIdentityPolicy(request);
  const publicKey = keyed ? pemFromInput('public-key', request.publicKey!, request.workspace) : undefined;
  const subjects = await verifySubjects(request);
  const trustedRoot = request.trustedRoot
    ? readTrustedRoot(existingFile('trusted-root', request.trustedRoot, request.workspace))
    : keyed && request.tlogThreshold === 0 && request.timestampThreshold === 0
      ? keyOnlyTrustedRoot()
      : await (request.defaultTrustedRoot ?? defaultTrustedRoot)();
  return verifyArtifacts(subjects, {
    trustedRoot,
    ...(policy ? { policy } : { publicKey: publicKey! }),
    tlogThreshold: request.tlogThreshold,
    timestampThreshold: request.timestampThreshold,
    ...(request.predicateType ? { predicateType: request.predicateType } : {}),
  });
}

/**
 * With a public key and neither log entries nor timestamps required, nothing in a trusted root is
 * consulted: verification needs no network and no root, so it works offline out of the box.
 */
function keyOnlyTrustedRoot(): LoadedTrustedRoot {
  return {
    source: 'none needed (a public key, no log entry or timestamp required)',
    root: TrustedRoot.fromJSON({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: [],
    }),
  };
}

async function defaultTrustedRoot(): Promise<LoadedTrustedRoot> {
  try {
    return await fetchPublicGoodTrustedRoot();
  } catch (error) {
    throw new Error(
      `cannot update the public-good trusted root over TUF (${describeError(error)}); give 'trusted-root' to verify offline`,
    );
  }
}

async function verifySubjects(request: VerifyRequest): Promise<VerifySubject[]> {
  const bundleGiven = request.bundlePath ? resolve(request.workspace, request.bundlePath) : undefined;
  const bundleIsDir = bundleGiven !== undefined && existsSync(bundleGiven) && statSync(bundleGiven).isDirectory();
  const bundleFor = (name: string, path?: string): string => {
    if (bundleGiven && !bundleIsDir) return bundleGiven;
    if (bundleGiven) return join(bundleGiven, `${basename(name)}.sigstore.json`);
    return `${path}.sigstore.json`;
  };
  const subjects: VerifySubject[] = [];
  if (request.subjectPaths.length > 0) {
    const paths = (await expandGlobs(request.subjectPaths, { input: 'subject-path', cwd: request.workspace })).filter(
      (path) => !path.endsWith('.sigstore.json'),
    );
    if (paths.length === 0)
      throw new UsageError(`Input 'subject-path' matched no file: ${request.subjectPaths.join(', ')}`);
    await requireEveryPatternMatches(request);
    for (const path of paths) {
      const absolute = resolve(request.workspace, path);
      const bundlePath = bundleFor(path, absolute);
      subjects.push({ name: path, path: absolute, bundlePath, bundleName: toRelative(request.workspace, bundlePath) });
    }
  }
  if (request.subjectDigest !== undefined) {
    const digest = parseDigest(request.subjectDigest);
    if (!digest) throw new UsageError(`Input 'subject-digest' must be sha256:<hex> (got '${request.subjectDigest}').`);
    if (!bundleGiven || bundleIsDir)
      throw new UsageError("Input 'bundle-path' (a bundle file) is required with 'subject-digest'.");
    subjects.push({
      name: request.subjectDigest,
      digest,
      bundlePath: bundleGiven,
      bundleName: toRelative(request.workspace, bundleGiven),
    });
  }
  if (subjects.length === 0) throw new UsageError("Give 'subject-path' (files or globs) or 'subject-digest'.");
  if (bundleGiven && !bundleIsDir && subjects.length > 1) {
    throw new UsageError(
      "Input 'bundle-path' names one bundle file but several subjects matched; give a folder of <name>.sigstore.json bundles.",
    );
  }
  return subjects;
}

/**
 * Each path or glob listed must match a file: with `a.tar.gz` and `b.tar.gz` listed and `b.tar.gz`
 * missing, verifying only `a.tar.gz` and passing would leave an artifact the user meant to check
 * unverified. Exclusions (`!pattern`) apply to every pattern.
 */
async function requireEveryPatternMatches(request: VerifyRequest): Promise<void> {
  const patterns = request.subjectPaths.map((pattern) => pattern.trim()).filter(Boolean);
  const exclusions = patterns.filter((pattern) => pattern.startsWith('!'));
  const inclusions = patterns.filter((pattern) => !pattern.startsWith('!'));
  if (inclusions.length < 2) return;
  for (const pattern of inclusions) {
    const matched = (
      await expandGlobs([pattern, ...exclusions], { input: 'subject-path', cwd: request.workspace })
    ).filter((path) => !path.endsWith('.sigstore.json'));
    if (matched.length === 0) throw new UsageError(`Input 'subject-path' matched no file: ${pattern}`);
  }
}

/** One finding per subject that failed verification. */
export function verificationFindings(report: VerifyReport): Finding[] {
  return report.results
    .filter((result) => !result.verified)
    .map((result) => ({
      ruleId: 'sigstore/verification-failed',
      severity: 'high' as const,
      title: 'Signature verification failed',
      message: `${result.subject} (bundle ${result.bundle}): ${result.reason ?? 'not verified'}`,
      location: { path: result.subject },
      fingerprint: fingerprintOf('sigstore/verification-failed', result.subject, result.bundle),
      properties: { tags: ['supply-chain'], ...(result.identity ? { identity: result.identity } : {}) },
    }));
}
