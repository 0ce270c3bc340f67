/**
 * A local Sigstore stack on 127.0.0.1: Fulcio, Rekor v1, Rekor v2 and a timestamp authority, served
 * by one node:http server from @sigstore/mock's CA, CT log, transparency log and TSA primitives, with
 * a trusted_root.json and signing_config.json built from their keys. Fulcio verifies the OIDC token
 * against the issuers it is told to trust and the proof of possession, as the real one does.
 *
 * Where the mock's own handlers differ from the real services, this file does the real thing:
 * Rekor v1 stores a DSSE entry in its canonical form (hashes and signatures, not the proposed
 * envelope), Rekor v2 logs an Entry (not the CreateEntryRequest), and every service shares a clock
 * whose milliseconds have three significant digits (@sigstore/core parses GeneralizedTime only with
 * 0 or 3 fractional digits).
 */
import { createHash, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate as CoreCertificate, dsse, json as canonicalJson, pem } from '@sigstore/core';
import { initializeCA, initializeCTLog, initializeTLog, initializeTSA, tsaHandler } from '@sigstore/mock';
import {
  HashAlgorithm,
  PublicKeyDetails,
  ServiceSelector,
  SigningConfig,
  TransparencyLogEntry,
  TrustedRoot,
} from '@sigstore/protobuf-specs';
import { CreateEntryRequest, Entry } from '@sigstore/protobuf-specs/rekor/v2';
import { verifyPrehashed } from '@gatehouse/sigstore';
import { verifyJwt, type Jwks } from './oidc.js';

export type SigstoreService = 'fulcio' | 'rekor' | 'rekor2' | 'tsa';

export interface TrustedIssuer {
  issuer: string;
  jwks: Jwks;
}

export interface SigstoreStackOptions {
  /** OIDC issuers Fulcio accepts tokens from (verified against their JWKS). */
  issuers?: TrustedIssuer[];
  /** Answer the first N requests of a service with 503, to exercise client retries. */
  failFirst?: Partial<Record<SigstoreService, number>>;
}

export interface SigstoreStack {
  url: string;
  fulcioUrl: string;
  rekorUrl: string;
  rekorV2Url: string;
  tsaUrl: string;
  /** trusted_root.json for this stack (plain JSON). */
  trustedRoot: Record<string, unknown>;
  signingConfig(rekorVersion: 1 | 2): Record<string, unknown>;
  writeTrustedRoot(dir: string): string;
  writeSigningConfig(dir: string, rekorVersion: 1 | 2): string;
  trustIssuer(issuer: TrustedIssuer): void;
  /** Every request in order, with the service and the status answered. */
  requests: Array<{ service: SigstoreService; status: number }>;
  close(): Promise<void>;
}

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export async function startSigstoreStack(options: SigstoreStackOptions = {}): Promise<SigstoreStack> {
  const issuers = [...(options.issuers ?? [])];
  const failures: Partial<Record<SigstoreService, number>> = { ...options.failFirst };
  const requests: SigstoreStack['requests'] = [];
  const clock = new Date();
  const tick = (): void => {
    const now = Date.now();
    clock.setTime(now % 10 === 0 ? now + 1 : now);
  };
  const start = new Date(Date.now() - 60_000);

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fulcioUrl = `${url}/fulcio`;
  const rekorUrl = `${url}/rekor`;
  const rekorV2Url = `${url}/rekor2`;
  const tsaUrl = `${url}/tsa/api/v1/timestamp`;

  const keyPair = (): { publicKey: KeyObject; privateKey: KeyObject } =>
    generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctLog = await initializeCTLog(keyPair(), clock);
  const ca = await initializeCA(keyPair(), ctLog, clock);
  const tlog = await initializeTLog(rekorUrl, keyPair(), clock);
  const tlogV2 = await initializeTLog(rekorV2Url, keyPair(), clock);
  const tsa = await initializeTSA(keyPair(), clock);
  const timestamp = tsaHandler(tsa);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', url).pathname;
    const service: SigstoreService | undefined =
      path === '/fulcio/api/v2/signingCert'
        ? 'fulcio'
        : path === '/rekor/api/v1/log/entries'
          ? 'rekor'
          : path === '/rekor2/api/v2/log/entries'
            ? 'rekor2'
            : path === '/tsa/api/v1/timestamp'
              ? 'tsa'
              : undefined;
    if (!service || request.method !== 'POST')
      return reply(service ?? 'fulcio', response, 404, { message: 'not found' });
    const body = await readBody(request);
    if ((failures[service] ?? 0) > 0) {
      failures[service]!--;
      return reply(service, response, 503, { message: 'service unavailable (injected)' });
    }
    tick();
    try {
      switch (service) {
        case 'fulcio':
          return reply(service, response, 201, await issueCertificate(body));
        case 'rekor':
          return reply(service, response, 201, await tlog.log(canonicalV1Entry(JSON.parse(body))));
        case 'rekor2':
          return reply(service, response, 201, await logV2(body));
        case 'tsa': {
          const result = await timestamp.fn(body);
          return reply(
            service,
            response,
            result.statusCode,
            Buffer.from(result.response as Uint8Array),
            result.contentType,
          );
        }
      }
    } catch (error) {
      return reply(service, response, 400, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  function reply(
    service: SigstoreService,
    response: ServerResponse,
    status: number,
    body: unknown,
    contentType?: string,
  ): void {
    requests.push({ service, status });
    send(response, status, body, contentType);
  }

  async function issueCertificate(body: string): Promise<unknown> {
    const request = JSON.parse(body) as {
      credentials?: { oidcIdentityToken?: string };
      publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string };
    };
    const token = request.credentials?.oidcIdentityToken ?? '';
    const unverified = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}',
    ) as Record<string, unknown>;
    const trusted = issuers.find((candidate) => candidate.issuer === unverified.iss);
    if (!trusted) throw new Error(`untrusted OIDC issuer ${String(unverified.iss)}`);
    const { payload: claims } = verifyJwt(token, trusted.jwks, { issuer: trusted.issuer, audience: 'sigstore' });
    const publicKeyPem = request.publicKeyRequest?.publicKey?.content ?? '';
    const publicKey = createPublicKey(publicKeyPem);
    const subject = typeof claims.email === 'string' ? claims.email : String(claims.sub);
    const proof = Buffer.from(request.publicKeyRequest?.proofOfPossession ?? '', 'base64');
    if (!verify('sha256', Buffer.from(subject), publicKey, proof))
      throw new Error('proof of possession does not verify');
    const github = claims.iss === GITHUB_ISSUER;
    const certificate = await ca.issueCertificate({
      publicKey: publicKey.export({ format: 'der', type: 'spki' }),
      subjectAltName: github ? `https://github.com/${String(claims.job_workflow_ref)}` : subject,
      extensions: certificateExtensions(claims, github),
    });
    const toPem = (der: ArrayBufferView): string => pem.fromDER(bytes(der), 'CERTIFICATE');
    return {
      signedCertificateEmbeddedSct: { chain: { certificates: [toPem(certificate), toPem(ca.rootCertificate)] } },
    };
  }

  async function logV2(body: string): Promise<unknown> {
    const entry = entryFor(CreateEntryRequest.fromJSON(JSON.parse(body)));
    const logged = Object.values(await tlogV2.log(Entry.toJSON(entry) as object))[0] as unknown as MockLogEntry;
    const proof = logged.verification.inclusionProof;
    const kind = entry.spec?.spec?.$case === 'hashedRekordV002' ? 'hashedrekord' : 'dsse';
    return TransparencyLogEntry.toJSON({
      logIndex: String(logged.logIndex),
      logId: { keyId: Buffer.from(logged.logID, 'hex') },
      kindVersion: { kind, version: '0.0.2' },
      integratedTime: '0',
      inclusionPromise: undefined,
      inclusionProof: {
        logIndex: String(proof.logIndex),
        rootHash: Buffer.from(proof.rootHash, 'hex'),
        treeSize: String(proof.treeSize),
        hashes: [],
        checkpoint: { envelope: proof.checkpoint },
      },
      canonicalizedBody: Buffer.from(logged.body, 'base64'),
    });
  }

  const logKey = (publicKey: Buffer, baseUrl: string): Record<string, unknown> => ({
    baseUrl,
    hashAlgorithm: HashAlgorithm.SHA2_256,
    publicKey: { rawBytes: publicKey, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
    logId: { keyId: createHash('sha256').update(publicKey).digest() },
  });
  const trustedRoot = TrustedRoot.toJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: fulcioUrl,
        certChain: { certificates: [{ rawBytes: bytes(ca.rootCertificate) }] },
        validFor: { start, end: undefined },
      },
    ],
    tlogs: [logKey(tlog.publicKey, rekorUrl), logKey(tlogV2.publicKey, rekorV2Url)],
    ctlogs: [{ ...logKey(ctLog.publicKey, `${url}/ct`), logId: { keyId: bytes(ctLog.logID) } }],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: tsaUrl,
        certChain: {
          certificates: [{ rawBytes: bytes(tsa.intCertificate) }, { rawBytes: bytes(tsa.rootCertificate) }],
        },
        validFor: { start, end: undefined },
      },
    ],
  } as unknown as TrustedRoot) as Record<string, unknown>;

  const signingConfig = (rekorVersion: 1 | 2): Record<string, unknown> =>
    SigningConfig.toJSON({
      mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
      caUrls: [{ url: fulcioUrl, majorApiVersion: 1, validFor: { start, end: undefined }, operator: 'local' }],
      oidcUrls: [],
      rekorTlogUrls: [
        rekorVersion === 2
          ? { url: rekorV2Url, majorApiVersion: 2, validFor: { start, end: undefined }, operator: 'local' }
          : { url: rekorUrl, majorApiVersion: 1, validFor: { start, end: undefined }, operator: 'local' },
      ],
      rekorTlogConfig: { selector: ServiceSelector.ANY, count: 1 },
      tsaUrls: [{ url: tsaUrl, majorApiVersion: 1, validFor: { start, end: undefined }, operator: 'local' }],
      tsaConfig: { selector: ServiceSelector.ANY, count: 1 },
    }) as Record<string, unknown>;

  const writeJson = (dir: string, name: string, value: unknown): string => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
    return path;
  };

  return {
    url,
    fulcioUrl,
    rekorUrl,
    rekorV2Url,
    tsaUrl,
    trustedRoot,
    signingConfig,
    writeTrustedRoot: (dir) => writeJson(dir, 'trusted_root.json', trustedRoot),
    writeSigningConfig: (dir, version) =>
      writeJson(dir, `signing_config.rekor-v${version}.json`, signingConfig(version)),
    trustIssuer: (issuer) => issuers.push(issuer),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The Fulcio extensions for a token's claims (issuer always; the GitHub workflow claims when present). */
function certificateExtensions(
  claims: Record<string, unknown>,
  github: boolean,
): Array<{ oid: string; value: string; legacy?: boolean }> {
  const text = (name: string): string | undefined =>
    typeof claims[name] === 'string' ? (claims[name] as string) : undefined;
  const extensions = [
    { oid: '1.3.6.1.4.1.57264.1.1', value: String(claims.iss), legacy: true },
    { oid: '1.3.6.1.4.1.57264.1.8', value: String(claims.iss) },
  ];
  if (!github) return extensions;
  const add = (oid: string, value: string | undefined): void => {
    if (value !== undefined) extensions.push({ oid, value });
  };
  add('1.3.6.1.4.1.57264.1.9', text('job_workflow_ref') && `https://github.com/${text('job_workflow_ref')}`);
  add('1.3.6.1.4.1.57264.1.10', text('job_workflow_sha'));
  add('1.3.6.1.4.1.57264.1.11', text('runner_environment'));
  add('1.3.6.1.4.1.57264.1.12', text('repository') && `https://github.com/${text('repository')}`);
  add('1.3.6.1.4.1.57264.1.13', text('sha'));
  add('1.3.6.1.4.1.57264.1.14', text('ref'));
  add('1.3.6.1.4.1.57264.1.18', text('workflow_ref') && `https://github.com/${text('workflow_ref')}`);
  add('1.3.6.1.4.1.57264.1.20', text('event_name'));
  return extensions;
}

/** The key that signed an entry: a PEM certificate or public key, given base64-encoded as Rekor v1 takes it. */
function verifierKey(base64Pem: string): KeyObject {
  const text = Buffer.from(base64Pem, 'base64').toString('utf8');
  if (text.includes('CERTIFICATE')) {
    const certificate = CoreCertificate.parse(pem.toDER(text));
    return createPublicKey({ key: certificate.publicKey, format: 'der', type: 'spki' });
  }
  return createPublicKey(text);
}

interface ProposedEntry {
  kind?: string;
  apiVersion?: string;
  spec?: {
    data?: { hash?: { algorithm?: string; value?: string } };
    signature?: { content?: string; publicKey?: { content?: string } };
    proposedContent?: { envelope?: string; verifiers?: string[] };
  };
}

/** What Rekor v1 stores: hashedrekord as proposed (after checking it), DSSE in its canonical form. */
function canonicalV1Entry(proposed: ProposedEntry): object {
  if (proposed.kind === 'hashedrekord' && proposed.apiVersion === '0.0.1') {
    const spec = proposed.spec!;
    const key = verifierKey(spec.signature?.publicKey?.content ?? '');
    const digest = Buffer.from(spec.data?.hash?.value ?? '', 'hex');
    if (verifyPrehashed(key, digest, 'sha256', Buffer.from(spec.signature?.content ?? '', 'base64')) !== 'valid') {
      throw new Error('hashedrekord signature does not verify');
    }
    return proposed;
  }
  if (proposed.kind === 'dsse' && proposed.apiVersion === '0.0.1' && proposed.spec?.proposedContent) {
    const { envelope: envelopeText = '', verifiers = [] } = proposed.spec.proposedContent;
    const envelope = JSON.parse(envelopeText) as {
      payloadType: string;
      payload: string;
      signatures: Array<{ sig: string }>;
    };
    const payload = Buffer.from(envelope.payload, 'base64');
    const key = verifierKey(verifiers[0] ?? '');
    const pae = dsse.preAuthEncoding(envelope.payloadType, payload);
    for (const signature of envelope.signatures) {
      const algorithm = key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
      if (!verify(algorithm, pae, key, Buffer.from(signature.sig, 'base64')))
        throw new Error('DSSE signature does not verify');
    }
    return {
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        envelopeHash: { algorithm: 'sha256', value: sha256Hex(Buffer.from(canonicalJson.canonicalize(envelope))) },
        payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
        signatures: envelope.signatures.map((signature) => ({ signature: signature.sig, verifier: verifiers[0] })),
      },
    };
  }
  throw new Error(`unsupported entry kind ${String(proposed.kind)}/${String(proposed.apiVersion)}`);
}

/** The Rekor v2 Entry recorded for a CreateEntryRequest. */
function entryFor(request: CreateEntryRequest): Entry {
  const spec = request.spec;
  if (spec?.$case === 'hashedRekordRequestV002') {
    const { digest, signature } = spec.hashedRekordRequestV002;
    return {
      kind: 'hashedrekord',
      apiVersion: '0.0.2',
      spec: {
        spec: {
          $case: 'hashedRekordV002',
          hashedRekordV002: { data: { algorithm: HashAlgorithm.SHA2_256, digest }, signature },
        },
      },
    } as Entry;
  }
  if (spec?.$case === 'dsseRequestV002') {
    const { envelope, verifiers } = spec.dsseRequestV002;
    return {
      kind: 'dsse',
      apiVersion: '0.0.2',
      spec: {
        spec: {
          $case: 'dsseV002',
          dsseV002: {
            payloadHash: {
              algorithm: HashAlgorithm.SHA2_256,
              digest: createHash('sha256').update(envelope!.payload).digest(),
            },
            signatures: envelope!.signatures.map((signature) => ({ content: signature.sig, verifier: verifiers[0] })),
          },
        },
      },
    } as Entry;
  }
  throw new Error('unsupported Rekor v2 request');
}

/** The response @sigstore/mock's TLog.log gives per entry (Rekor v1's LogEntry). */
interface MockLogEntry {
  body: string;
  logID: string;
  logIndex: number;
  verification: { inclusionProof: { logIndex: number; rootHash: string; treeSize: number; checkpoint: string } };
}

function bytes(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, contentType?: string): void {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'content-type': contentType ?? 'application/json', 'content-length': data.length });
  response.end(data);
}
