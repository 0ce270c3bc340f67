import { readFileSync } from 'node:fs';
import { X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import { createPublicKey } from 'node:crypto';
import { UsageError, describeError } from '@gatehouse/findings';
import { parsePublicKey } from './keys.js';

const TRUSTED_ROOT_MEDIA_TYPES = [
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  'application/vnd.dev.sigstore.trustedroot.v0.1+json',
  'application/vnd.dev.sigstore.trustedroot.v0.2+json',
];

/** A trusted root that has passed our own checks, with the name it came from for messages. */
export interface LoadedTrustedRoot {
  source: string;
  root: TrustedRoot;
}

/** Reads and checks a trusted_root.json file. */
export function readTrustedRoot(path: string, input = 'trusted-root'): LoadedTrustedRoot {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Input '${input}': cannot read ${path}: ${describeError(error)}`);
  }
  return parseTrustedRoot(text, path, input);
}

/**
 * Parses a trusted root and rejects one that cannot be trusted as written: an unknown media type,
 * a log without a key or a validity start, a CA without a certificate chain, undecodable keys or
 * certificates. @sigstore/verify would quietly treat a missing start as the beginning of time.
 */
export function parseTrustedRoot(text: string, source: string, input = 'trusted-root'): LoadedTrustedRoot {
  const fail = (problem: string): never => {
    throw new UsageError(`Input '${input}': ${source} is not a usable trusted root: ${problem}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON (${describeError(error)})`);
  }
  if (!isObject(json)) return fail('not a JSON object');
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(json);
  } catch (error) {
    return fail(describeError(error));
  }
  if (!TRUSTED_ROOT_MEDIA_TYPES.includes(root.mediaType)) {
    fail(`unsupported mediaType '${root.mediaType || '(none)'}'`);
  }
  root.tlogs.forEach((log, index) => checkLog(log, `tlogs[${index}]`, fail));
  root.ctlogs.forEach((log, index) => checkLog(log, `ctlogs[${index}]`, fail));
  root.certificateAuthorities.forEach((ca, index) => checkAuthority(ca, `certificateAuthorities[${index}]`, fail));
  root.timestampAuthorities.forEach((ca, index) => checkAuthority(ca, `timestampAuthorities[${index}]`, fail));
  if (root.certificateAuthorities.length === 0 && root.tlogs.length === 0 && root.timestampAuthorities.length === 0) {
    fail('it lists no certificate authority, transparency log or timestamp authority');
  }
  return { source, root };
}

type Fail = (problem: string) => never;

function checkLog(log: TrustedRoot['tlogs'][number], where: string, fail: Fail): void {
  if (!log.logId?.keyId?.length) fail(`${where} has no logId`);
  const key = log.publicKey;
  if (!key?.rawBytes?.length) fail(`${where} has no public key`);
  if (!key?.validFor?.start) fail(`${where} public key has no validFor.start`);
  if (key?.validFor?.end && key.validFor.start && key.validFor.end < key.validFor.start) {
    fail(`${where} public key validity ends before it starts`);
  }
  try {
    createPublicKey({ key: Buffer.from(key!.rawBytes!), format: 'der', type: 'spki' });
  } catch {
    try {
      createPublicKey({ key: Buffer.from(key!.rawBytes!), format: 'der', type: 'pkcs1' });
    } catch (error) {
      fail(`${where} public key cannot be decoded (${describeError(error)})`);
    }
  }
}

function checkAuthority(ca: TrustedRoot['certificateAuthorities'][number], where: string, fail: Fail): void {
  const certificates = ca.certChain?.certificates ?? [];
  if (certificates.length === 0) fail(`${where} has an empty certificate chain`);
  if (!ca.validFor?.start) fail(`${where} has no validFor.start`);
  certificates.forEach((certificate, index) => {
    try {
      X509Certificate.parse(Buffer.from(certificate.rawBytes));
    } catch (error) {
      fail(`${where} certificate ${index} cannot be parsed (${describeError(error)})`);
    }
  });
}

/** Trust material for @sigstore/verify; `publicKey` answers every key hint with the given key. */
export function trustMaterialFrom(loaded: LoadedTrustedRoot, publicKeyPem?: string): TrustMaterial {
  if (publicKeyPem === undefined) return toTrustMaterial(loaded.root);
  const publicKey = parsePublicKey('public-key', publicKeyPem);
  return toTrustMaterial(loaded.root, () => ({ publicKey, validFor: () => true }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
