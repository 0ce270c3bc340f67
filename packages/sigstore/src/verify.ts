import { createVerify } from 'node:crypto';
import { stat, readFile } from 'node:fs/promises';
import type { Bundle } from '@sigstore/bundle';
import type { HashAlgorithm } from '@sigstore/protobuf-specs';
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core';
import { Verifier, type Signer } from '@sigstore/verify';
import { describeError, UsageError } from '@gatehouse/findings';
import { BundleError, readBundle } from './bundle.js';
import { digestFile, formatDigest, type HashName } from './digest.js';
import { policyMismatch, type IdentityPolicy } from './policy.js';
import { HASH_NAMES, signedEntityFor, signingKeyOf, type ArtifactEvidence } from './signed-entity.js';
import { readStatement, statementMatches } from './statement.js';
import { trustMaterialFrom, type LoadedTrustedRoot } from './trusted-root.js';
import { mapBounded } from './concurrency.js';

/** Ed25519 message signatures cover the artifact itself, so the file must be read whole; up to this size. */
export const ED25519_MESSAGE_LIMIT = 64 * 1024 * 1024;

/** Files up to this size get their message signature checked by node:crypto while streaming. */
const NATIVE_CHECK_LIMIT = 1024 * 1024;

/** One artifact to verify: a file, or only its digest (`sha256:<hex>`), with its bundle. */
export interface VerifySubject {
  /** The name shown in results (a workspace-relative path, or subject-name). */
  name: string;
  path?: string;
  digest?: { algorithm: HashName; digest: Buffer };
  bundlePath: string;
  /** The bundle name shown in results (workspace-relative). */
  bundleName?: string;
}

export interface VerifyOptions {
  trustedRoot: LoadedTrustedRoot;
  /** Keyless: who must have signed. Exactly one of policy and publicKey. */
  policy?: IdentityPolicy;
  /** Keyed: a PEM public key. */
  publicKey?: string;
  tlogThreshold?: number;
  timestampThreshold?: number;
  ctlogThreshold?: number;
  /** Require an in-toto attestation of this predicate type. */
  predicateType?: string;
  concurrency?: number;
}

export interface VerifyResult {
  subject: string;
  bundle: string;
  /** `sha256:<hex>` of the artifact (or the given digest). */
  digest?: string;
  verified: boolean;
  identity?: string;
  issuer?: string;
  logIndex?: string;
  /** ISO time of the earliest verified timestamp. */
  time?: string;
  predicateType?: string;
  reason?: string;
}

export interface VerifyReport {
  verified: boolean;
  results: VerifyResult[];
}

/** Checks every subject (a failure never stops the others) and returns one result each. */
export async function verifyArtifacts(
  subjects: readonly VerifySubject[],
  options: VerifyOptions,
): Promise<VerifyReport> {
  if (subjects.length === 0)
    throw new UsageError("Nothing to verify: 'subject-path' and 'subject-digest' matched no artifact.");
  if ((options.policy === undefined) === (options.publicKey === undefined)) {
    throw new UsageError(
      options.policy
        ? "Give either an identity policy or 'public-key', not both."
        : "Keyless verification needs an identity policy ('certificate-identity' and 'certificate-oidc-issuer', or 'signer-workflow'/'signer-repository'); keyed verification needs 'public-key'.",
    );
  }
  const verifier = new Verifier(trustMaterialFrom(options.trustedRoot, options.publicKey), {
    tlogThreshold: options.tlogThreshold ?? 1,
    timestampThreshold: options.timestampThreshold ?? 1,
    ctlogThreshold: options.ctlogThreshold ?? 1,
  });
  const results = await mapBounded(subjects, options.concurrency ?? 4, (subject) =>
    verifyOne(subject, verifier, options),
  );
  return { verified: results.every((result) => result.verified), results };
}

async function verifyOne(subject: VerifySubject, verifier: Verifier, options: VerifyOptions): Promise<VerifyResult> {
  const result: VerifyResult = {
    subject: subject.name,
    bundle: subject.bundleName ?? subject.bundlePath,
    verified: false,
  };
  try {
    Object.assign(result, await check(subject, verifier, options, result));
    result.verified = true;
  } catch (error) {
    result.reason = oneLine(error instanceof UsageError ? error.message : reasonOf(error));
  }
  return result;
}

async function check(
  subject: VerifySubject,
  verifier: Verifier,
  options: VerifyOptions,
  result: VerifyResult,
): Promise<Partial<VerifyResult>> {
  const bundle = await readBundle(subject.bundlePath);
  const keyed = bundle.verificationMaterial.content.$case === 'publicKey';
  if (keyed && options.publicKey === undefined) {
    throw new BundleError("the bundle is signed with a key, not a certificate: verify it with 'public-key'");
  }
  if (!keyed && options.publicKey !== undefined) {
    throw new BundleError(
      "the bundle is signed with a certificate, but 'public-key' was given: verify it with an identity policy",
    );
  }

  rejectRootInChain(bundle);
  const statement = bundle.content.$case === 'dsseEnvelope' ? readStatement(bundle.content.dsseEnvelope) : undefined;
  const { evidence, digests } = await artifactEvidence(
    subject,
    bundle,
    options.publicKey,
    result,
    statement?.algorithms ?? [],
  );
  if (bundle.content.$case === 'messageSignature') {
    const expected = bundle.content.messageSignature.messageDigest?.digest;
    if (evidence.kind === 'digest' && (!expected || !expected.equals(evidence.digest))) {
      throw new BundleError(
        `digest mismatch: the artifact is ${result.digest} but the bundle signs ${signedDigestText(bundle.content.messageSignature.messageDigest)}`,
      );
    }
  }
  let signer: Signer;
  try {
    signer = verifier.verify(signedEntityFor(bundle, evidence));
  } catch (error) {
    throw new BundleError(reasonOf(error));
  }

  const found: Partial<VerifyResult> = { logIndex: firstLogIndex(bundle), time: earliestTime(bundle) };
  if (options.policy) {
    const identity = {
      subjectAlternativeName: signer.identity?.subjectAlternativeName,
      issuer: signer.identity?.extensions?.issuer,
      extensions: new Map(
        (signer.identity?.oids ?? []).map((oid) => [oid.oid?.id.join('.') ?? '', Buffer.from(oid.value)]),
      ),
    };
    found.identity = identity.subjectAlternativeName;
    found.issuer = identity.issuer;
    Object.assign(result, found);
    const mismatch = policyMismatch(options.policy, identity);
    if (mismatch) throw new BundleError(mismatch);
  }

  if (statement) {
    found.predicateType = statement.predicateType;
    if (!statementMatches(statement, digests)) {
      throw new BundleError(`digest mismatch: the artifact ${result.digest} is not a subject of the attestation`);
    }
  }
  if (options.predicateType !== undefined && found.predicateType !== options.predicateType) {
    throw new BundleError(
      `expected an attestation of predicate type '${options.predicateType}', found ${found.predicateType ? `'${found.predicateType}'` : 'a plain signature'}`,
    );
  }
  return found;
}

/** Streams the artifact once for the digest(s) the bundle needs; Ed25519 message signatures need the bytes. */
async function artifactEvidence(
  subject: VerifySubject,
  bundle: Bundle,
  publicKey: string | undefined,
  result: VerifyResult,
  statementAlgorithms: readonly HashName[],
): Promise<{ evidence: ArtifactEvidence; digests: Map<HashName, Buffer> }> {
  const message = bundle.content.$case === 'messageSignature' ? bundle.content.messageSignature : undefined;
  const algorithm: HashName = message ? (HASH_NAMES[message.messageDigest?.algorithm ?? 1] ?? 'sha256') : 'sha256';
  if (subject.digest) {
    result.digest = formatDigest(subject.digest.algorithm, subject.digest.digest);
    if (message && subject.digest.algorithm !== algorithm) {
      throw new BundleError(`the bundle signs a ${algorithm} digest; give subject-digest as ${algorithm}:<hex>`);
    }
    return {
      evidence: { kind: 'digest', digest: subject.digest.digest },
      digests: new Map([[subject.digest.algorithm, subject.digest.digest]]),
    };
  }
  if (!subject.path) throw new UsageError(`Subject '${subject.name}' has neither a file nor a digest.`);
  let key;
  try {
    key = message ? signingKeyOf(bundle, publicKey) : undefined;
  } catch (error) {
    throw new BundleError(`the signing certificate or key cannot be read (${describeError(error)})`);
  }
  if (key?.asymmetricKeyType === 'ed25519') {
    const size = (await stat(subject.path)).size;
    if (size > ED25519_MESSAGE_LIMIT) {
      throw new BundleError(
        `an Ed25519 message signature covers the whole file, which is over ${ED25519_MESSAGE_LIMIT / 1048576} MiB; sign large files as an attestation (DSSE)`,
      );
    }
    const data = await readFile(subject.path);
    const digests = await digestFile(subject.path, ['sha256', algorithm]);
    result.digest = formatDigest('sha256', digests.get('sha256')!);
    if (!message!.messageDigest?.digest.equals(digests.get(algorithm)!)) {
      throw new BundleError(
        `digest mismatch: the artifact is ${result.digest} but the bundle signs ${signedDigestText(message!.messageDigest)}`,
      );
    }
    return { evidence: { kind: 'bytes', data }, digests };
  }
  // A small file's signature is checked natively in the same pass (hashing it twice costs less than
  // the BigInt check); a large file is hashed once and its signature checked over the digest.
  const small = (await stat(subject.path)).size <= NATIVE_CHECK_LIMIT;
  const native = message && key && small ? createVerify(algorithm) : undefined;
  const digests = await digestFile(subject.path, ['sha256', algorithm, ...statementAlgorithms], native ? [native] : []);
  result.digest = formatDigest('sha256', digests.get('sha256')!);
  const evidence: ArtifactEvidence = { kind: 'digest', digest: digests.get(algorithm)! };
  if (native && key && message) {
    let valid = false;
    try {
      valid = native.verify(key, message.signature);
    } catch {
      valid = false;
    }
    evidence.checked = { key, valid };
  }
  return { evidence, digests };
}

/** A chain carried in the bundle must stop below the root: the root comes only from the trusted root. */
function rejectRootInChain(bundle: Bundle): void {
  const material = bundle.verificationMaterial.content;
  if (material.$case !== 'x509CertificateChain') return;
  for (const raw of material.x509CertificateChain.certificates) {
    let certificate: X509Certificate;
    try {
      certificate = X509Certificate.parse(Buffer.from(raw.rawBytes));
    } catch (error) {
      throw new BundleError(`a certificate in the bundle cannot be parsed (${describeError(error)})`);
    }
    if (certificate.isCA && certificate.issuer.equals(certificate.subject)) {
      throw new BundleError("the bundle's certificate chain contains a root certificate");
    }
  }
}

function firstLogIndex(bundle: Bundle): string | undefined {
  return bundle.verificationMaterial.tlogEntries[0]?.logIndex;
}

/** The earliest verified time: a log entry's integratedTime counts only under its signed promise. */
function earliestTime(bundle: Bundle): string | undefined {
  const times: number[] = [];
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    if (!entry.inclusionPromise) continue;
    const seconds = Number(entry.integratedTime);
    if (seconds > 0) times.push(seconds * 1000);
  }
  for (const timestamp of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
    try {
      times.push(RFC3161Timestamp.parse(Buffer.from(timestamp.signedTimestamp)).signingTime.getTime());
    } catch {
      // an unparseable timestamp has already failed verification
    }
  }
  return times.length ? new Date(Math.min(...times)).toISOString() : undefined;
}

const CODE_TEXT: Record<string, string> = {
  TLOG_INCLUSION_PROOF_ERROR: 'bad inclusion proof',
  TLOG_INCLUSION_PROMISE_ERROR: 'bad inclusion promise (SET)',
  TLOG_BODY_ERROR: 'transparency-log entry does not match the bundle',
  TLOG_ERROR: 'transparency log',
  TLOG_MISSING_INCLUSION_ERROR: 'missing inclusion proof',
  CERTIFICATE_ERROR: 'certificate',
  SIGNATURE_ERROR: 'bad signature',
  TIMESTAMP_ERROR: 'timestamp',
  PUBLIC_KEY_ERROR: 'public key',
  UNTRUSTED_SIGNER_ERROR: 'untrusted signer',
};

/**
 * Reasons quote bundle content (a media type, a payload type): control characters, which the runner
 * and terminals treat as line breaks or escapes, become spaces so a reason cannot forge log lines.
 */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** One line: what failed and why, from @sigstore/verify's error code and message. */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = describeError(error);
  if (typeof code === 'string' && CODE_TEXT[code] && !message.toLowerCase().startsWith(CODE_TEXT[code]!)) {
    return `${CODE_TEXT[code]}: ${message}`;
  }
  return message;
}

/** The digest a message signature covers, written `<algorithm>:<hex>` like every digest we print. */
function signedDigestText(digest: { algorithm: HashAlgorithm; digest: Buffer } | undefined): string {
  if (!digest?.digest.length) return '(no digest)';
  return formatDigest(HASH_NAMES[digest.algorithm] ?? 'sha256', digest.digest);
}
