import { mkdir, writeFile, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  bundleToJSON,
  toDSSEBundle,
  toMessageSignatureBundle,
  type Bundle,
  type SerializedBundle,
} from '@sigstore/bundle';
import { dsse, pem } from '@sigstore/core';
import { RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import { UsageError, describeError } from '@gatehouse/findings';
import { mapBounded } from '../concurrency.js';
import { digestFile, formatDigest } from '../digest.js';
import { IN_TOTO_PAYLOAD_TYPE } from '../statement.js';
import { signBytes, signFile, type ArtifactSigner, type SigningSession } from './signers.js';

/**
 * The predicate type of a plain signature made as an in-toto statement (a digest-only subject or an
 * Ed25519 key, where a message signature over the file is not possible); the predicate is empty.
 */
export const SIGNATURE_PREDICATE_TYPE = 'https://gatehouse.dev/attestation/signature/v1';

export const DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 };

export interface SignSubject {
  /** Name in results and in an attestation's subject (workspace-relative path or subject-name). */
  name: string;
  path?: string;
  /** sha256 hex, for subject-digest. */
  sha256?: Buffer;
}

export interface SignOptions {
  signer: ArtifactSigner;
  /** Where bundles go; default `<file>.sigstore.json` beside each file. */
  bundleDir?: string;
  /** Base for bundle paths of digest-only subjects without bundle-dir. */
  cwd: string;
  rekor?: { url: string; majorApiVersion: number };
  tsaUrl?: string;
  predicate?: { type: string; value: unknown };
  concurrency?: number;
  retry?: typeof DEFAULT_RETRY;
  timeout?: number;
}

export interface SignResult {
  subject: string;
  digest: string;
  bundlePath: string;
  mediaType: string;
  kind: 'message-signature' | 'attestation';
  predicateType?: string;
  identity?: string;
  issuer?: string;
  keyHint?: string;
  logIndex?: string;
  logId?: string;
}

/** Signs every subject into a v0.3 bundle and writes it; one failure fails the run. */
export async function signArtifacts(subjects: readonly SignSubject[], options: SignOptions): Promise<SignResult[]> {
  if (subjects.length === 0)
    throw new UsageError("Nothing to sign: 'subject-path' and 'subject-digest' matched no artifact.");
  const witnesses = witnessesFor(options);
  const bundlePaths = new Set<string>();
  const planned = subjects.map((subject) => {
    const path = bundlePathFor(subject, options);
    if (bundlePaths.has(path))
      throw new UsageError(`Two subjects would write the same bundle ${path}; give distinct names or no bundle-dir.`);
    bundlePaths.add(path);
    return { subject, path };
  });
  return mapBounded(planned, options.concurrency ?? 4, async ({ subject, path }) => {
    const session = await options.signer.session();
    if (options.rekor?.majorApiVersion === 2 && session.material.kind === 'publicKey') {
      throw new UsageError(
        'Rekor v2 records keyless (certificate) signatures only here; sign keyed artifacts with Rekor v1 or tlog: false.',
      );
    }
    const { bundle, sha256, kind, predicateType } = await signOne(subject, session, options.predicate);
    const material = await witness(bundle, session, witnesses);
    bundle.verificationMaterial.tlogEntries = material.tlogEntries;
    bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: material.timestamps };
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(bundleToJSON(bundle), null, 2)}\n`);
    await rename(temporary, path);
    const entry = bundle.verificationMaterial.tlogEntries[0];
    const result: SignResult = {
      subject: subject.name,
      digest: formatDigest('sha256', sha256),
      bundlePath: path,
      mediaType: bundle.mediaType,
      kind,
      ...(predicateType ? { predicateType } : {}),
      ...(entry ? { logIndex: entry.logIndex, logId: entry.logId?.keyId.toString('hex') } : {}),
    };
    if (session.material.kind === 'certificate') {
      if (session.material.identity) result.identity = session.material.identity;
      if (session.material.issuer) result.issuer = session.material.issuer;
    } else {
      result.keyHint = session.material.hint;
    }
    return result;
  });
}

/** The transparency-log and timestamp witnesses a signing run asks, with retries and timeouts. */
function witnessesFor(options: WitnessOptions): Witness[] {
  const witnesses: Witness[] = [];
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeout = options.timeout ?? 20_000;
  if (options.rekor) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: options.rekor.url,
        majorApiVersion: options.rekor.majorApiVersion,
        entryType: 'dsse',
        fetchOnConflict: true,
        retry,
        timeout,
      }),
    );
  }
  if (options.tsaUrl) witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaUrl, retry, timeout }));
  return witnesses;
}

export type WitnessOptions = Pick<SignOptions, 'rekor' | 'tsaUrl' | 'retry' | 'timeout'>;

/**
 * Signs any in-toto statement (or other DSSE payload) into a v0.3 bundle: the core a multi-file
 * signature such as an OpenSSF model signature is built on. Returns the bundle as JSON.
 */
export async function signStatement(
  payload: Buffer,
  payloadType: string,
  options: WitnessOptions & { signer: ArtifactSigner },
): Promise<SerializedBundle> {
  const session = await options.signer.session();
  const keyMaterial =
    session.material.kind === 'certificate'
      ? { certificate: pem.toDER(session.material.certificatePem) }
      : { keyHint: session.material.hint };
  const signature = signBytes(session, dsse.preAuthEncoding(payloadType, payload));
  const bundle = toDSSEBundle({
    artifact: payload,
    artifactType: payloadType,
    signature,
    ...keyMaterial,
    certificateChain: false,
  });
  const material = await witness(bundle, session, witnessesFor(options));
  bundle.verificationMaterial.tlogEntries = material.tlogEntries;
  bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: material.timestamps };
  return bundleToJSON(bundle);
}

function bundlePathFor(subject: SignSubject, options: SignOptions): string {
  if (options.bundleDir) return join(options.bundleDir, `${basename(subject.name)}.sigstore.json`);
  if (subject.path) return `${subject.path}.sigstore.json`;
  return resolve(options.cwd, `${basename(subject.name)}.sigstore.json`);
}

interface Signed {
  bundle: Bundle;
  sha256: Buffer;
  kind: SignResult['kind'];
  predicateType?: string;
}

async function signOne(
  subject: SignSubject,
  session: SigningSession,
  predicate: SignOptions['predicate'],
): Promise<Signed> {
  const keyMaterial =
    session.material.kind === 'certificate'
      ? { certificate: pem.toDER(session.material.certificatePem) }
      : { keyHint: session.material.hint };
  // A message signature needs the file and an ECDSA key; anything else is signed as an in-toto statement.
  if (!predicate && subject.path && session.keyType === 'ec') {
    const { sha256, signature } = await signFile(session, subject.path);
    const bundle = toMessageSignatureBundle({ digest: sha256, signature, ...keyMaterial, certificateChain: false });
    return { bundle, sha256, kind: 'message-signature' };
  }
  const sha256 = subject.sha256 ?? (await digestFile(subject.path!, ['sha256'])).get('sha256')!;
  const predicateType = predicate?.type ?? SIGNATURE_PREDICATE_TYPE;
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: subject.name, digest: { sha256: sha256.toString('hex') } }],
    predicateType,
    predicate: predicate?.value ?? {},
  };
  const payload = Buffer.from(JSON.stringify(statement));
  const signature = signBytes(session, dsse.preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload));
  const bundle = toDSSEBundle({
    artifact: payload,
    artifactType: IN_TOTO_PAYLOAD_TYPE,
    signature,
    ...keyMaterial,
    certificateChain: false,
  });
  return { bundle, sha256, kind: 'attestation', predicateType };
}

async function witness(
  bundle: Bundle,
  session: SigningSession,
  witnesses: readonly Witness[],
): Promise<{
  tlogEntries: Bundle['verificationMaterial']['tlogEntries'];
  timestamps: Array<{ signedTimestamp: Buffer }>;
}> {
  const key = session.material.kind === 'certificate' ? session.material.certificatePem : session.material.publicKeyPem;
  const tlogEntries: Bundle['verificationMaterial']['tlogEntries'] = [];
  const timestamps: Array<{ signedTimestamp: Buffer }> = [];
  for (const witness of witnesses) {
    let material;
    try {
      material = await witness.testify(bundle.content, key);
    } catch (error) {
      const service = witness instanceof TSAWitness ? 'the timestamp authority' : 'the transparency log';
      throw new Error(`${service} refused or failed: ${describeError(error)}${causeOf(error)}`);
    }
    tlogEntries.push(...(material.tlogEntries ?? []));
    timestamps.push(...(material.rfc3161Timestamps ?? []));
  }
  return { tlogEntries, timestamps };
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  return cause ? ` (${describeError(cause)})` : '';
}
