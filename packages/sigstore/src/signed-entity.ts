import { createPublicKey, verify as verifyRaw, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { toSignedEntity, type SignedEntity } from '@sigstore/verify';
import type { HashName } from './digest.js';
import { verifyPrehashed } from './prehashed.js';

export const HASH_NAMES: Partial<Record<HashAlgorithm, HashName>> = {
  [HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
  [HashAlgorithm.SHA2_256]: 'sha256',
  [HashAlgorithm.SHA2_384]: 'sha384',
  [HashAlgorithm.SHA2_512]: 'sha512',
};

/** What the artifact side of a message signature is checked against. */
export type ArtifactEvidence =
  /** The artifact's digest, computed by streaming (or given as subject-digest). */
  | {
      kind: 'digest';
      digest: Buffer;
      /** The signature already checked over the streamed file with this key (a native fast path). */
      checked?: { key: KeyObject; valid: boolean };
    }
  /** The artifact itself: only for Ed25519, which signs the message rather than a digest. */
  | { kind: 'bytes'; data: Buffer };

/** The public key that signed the bundle: its leaf certificate's key, or the caller's key. */
export function signingKeyOf(bundle: Bundle, publicKeyPem?: string): KeyObject | undefined {
  const material = bundle.verificationMaterial.content;
  switch (material.$case) {
    case 'publicKey':
      return publicKeyPem === undefined ? undefined : createPublicKey(publicKeyPem);
    case 'certificate':
      return spki(X509Certificate.parse(Buffer.from(material.certificate.rawBytes)).publicKey);
    case 'x509CertificateChain': {
      const leaf = material.x509CertificateChain.certificates[0];
      return leaf ? spki(X509Certificate.parse(Buffer.from(leaf.rawBytes)).publicKey) : undefined;
    }
  }
}

/**
 * The SignedEntity @sigstore/verify checks, with the message signature verified over the streamed
 * digest instead of an in-memory artifact. `compareDigest` still answers with the bundle's digest,
 * which is what the transparency-log body is compared against; the caller compares the bundle's
 * digest with the artifact's own.
 */
export function signedEntityFor(bundle: Bundle, evidence: ArtifactEvidence | undefined): SignedEntity {
  const entity = toSignedEntity(bundle, evidence?.kind === 'bytes' ? evidence.data : undefined);
  if (bundle.content.$case !== 'messageSignature') return entity;
  const message = bundle.content.messageSignature;
  const algorithm = HASH_NAMES[message.messageDigest?.algorithm ?? HashAlgorithm.SHA2_256] ?? 'sha256';
  const signature = entity.signature;
  return {
    ...entity,
    signature: {
      signature: signature.signature,
      compareSignature: (candidate) => signature.compareSignature(candidate),
      compareDigest: (digest) => signature.compareDigest(digest),
      compareSignedDigest: (digest) => signature.compareSignedDigest(digest),
      verifySignature: (key) => {
        if (!evidence) return false;
        if (evidence.kind === 'bytes') {
          if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448') {
            return safe(() => verifyRaw(null, evidence.data, key, signature.signature));
          }
          return safe(() => verifyRaw(algorithm, evidence.data, key, signature.signature));
        }
        if (evidence.checked?.key.equals(key)) return evidence.checked.valid;
        return verifyPrehashed(key, evidence.digest, algorithm, signature.signature) === 'valid';
      },
    },
  };
}

function safe(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

function spki(der: Buffer): KeyObject {
  return createPublicKey({ key: der, format: 'der', type: 'spki' });
}
