import {
  createHash,
  createPrivateKey,
  createPublicKey,
  createSign,
  generateKeyPairSync,
  sign as signOnce,
  type KeyObject,
} from 'node:crypto';
import { createReadStream } from 'node:fs';
import { X509Certificate, pem } from '@sigstore/core';
import { FulcioSigner, type Signer as SigstoreSigner } from '@sigstore/sign';
import { UsageError } from '@gatehouse/findings';

/** The key half of a bundle: a Fulcio certificate (PEM) or a public key with its hint. */
export type SigningMaterial =
  | { kind: 'certificate'; certificatePem: string; identity?: string; issuer?: string }
  | { kind: 'publicKey'; publicKeyPem: string; hint: string };

/** A private key together with the material that vouches for it; used as one unit. */
export interface SigningSession {
  material: SigningMaterial;
  privateKey: KeyObject;
  /** ed25519 signs the message itself; ec keys sign a SHA-256 digest of it. */
  keyType: 'ec' | 'ed25519';
}

export interface ArtifactSigner {
  session(): Promise<SigningSession>;
}

/** Signs small data held in memory (a DSSE pre-authentication encoding). */
export function signBytes(session: SigningSession, data: Buffer): Buffer {
  return signOnce(session.keyType === 'ed25519' ? null : 'sha256', data, session.privateKey);
}

/** Streams a file once: its SHA-256 and an ECDSA-SHA256 signature over its bytes. */
export async function signFile(session: SigningSession, path: string): Promise<{ sha256: Buffer; signature: Buffer }> {
  if (session.keyType === 'ed25519') throw new Error('Ed25519 cannot sign a streamed file; sign it as an attestation');
  const hash = createHash('sha256');
  const signer = createSign('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    signer.update(chunk as Buffer);
  }
  return { sha256: hash.digest(), signature: signer.sign(session.privateKey) };
}

/** A PEM private key (ECDSA P-256/P-384 or Ed25519), optionally encrypted. */
export class KeyedSigner implements ArtifactSigner {
  private readonly value: SigningSession;

  constructor(privateKeyPem: string, password?: string) {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: privateKeyPem, format: 'pem', ...(password ? { passphrase: password } : {}) });
    } catch {
      // The message never includes the key or the password.
      throw new UsageError(
        `Input 'key' is not a usable PEM private key${password ? ' (or key-password is wrong)' : ' (if it is encrypted, give key-password)'}.`,
      );
    }
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const ed25519 = key.asymmetricKeyType === 'ed25519';
    if (!ed25519 && !(key.asymmetricKeyType === 'ec' && (curve === 'prime256v1' || curve === 'secp384r1'))) {
      throw new UsageError(
        `Input 'key' must be an ECDSA P-256/P-384 or Ed25519 private key (got ${key.asymmetricKeyType}${curve ? ` ${curve}` : ''}).`,
      );
    }
    const publicKey = createPublicKey(key);
    this.value = {
      privateKey: key,
      keyType: ed25519 ? 'ed25519' : 'ec',
      material: {
        kind: 'publicKey',
        publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
        hint: createHash('sha256')
          .update(publicKey.export({ format: 'der', type: 'spki' }))
          .digest('base64'),
      },
    };
  }

  async session(): Promise<SigningSession> {
    return this.value;
  }
}

export interface KeylessOptions {
  fulcioUrl: string;
  getToken: () => Promise<string>;
  retry?: { retries: number; factor?: number; minTimeout?: number; maxTimeout?: number };
  timeout?: number;
}

/**
 * An ephemeral P-256 key certified by Fulcio for the OIDC identity. One certificate serves many
 * artifacts; a new key and certificate are made when less than a minute of validity is left.
 */
export class KeylessSigner implements ArtifactSigner {
  private current?: { session: SigningSession; notAfter: number };
  private pending?: Promise<SigningSession>;

  constructor(private readonly options: KeylessOptions) {}

  async session(): Promise<SigningSession> {
    if (this.current && this.current.notAfter - Date.now() > 60_000) return this.current.session;
    this.pending ??= this.certify().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async certify(): Promise<SigningSession> {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const keyHolder: SigstoreSigner = {
      sign: async (data) => ({
        signature: signOnce('sha256', data, privateKey),
        key: { $case: 'publicKey', publicKey: publicKeyPem },
      }),
    };
    const fulcio = new FulcioSigner({
      fulcioBaseURL: this.options.fulcioUrl,
      identityProvider: { getToken: this.options.getToken },
      keyHolder,
      ...(this.options.retry ? { retry: this.options.retry } : {}),
      ...(this.options.timeout ? { timeout: this.options.timeout } : {}),
    });
    // FulcioSigner signs what it is given after certifying the key; an empty buffer suffices.
    const signed = await fulcio.sign(Buffer.alloc(0));
    if (signed.key.$case !== 'x509Certificate') throw new Error('Fulcio returned no certificate');
    const certificatePem = signed.key.certificate;
    const certificate = X509Certificate.parse(pem.toDER(certificatePem));
    const certifiedKey = createPublicKey({ key: certificate.publicKey, format: 'der', type: 'spki' });
    if (!certifiedKey.equals(publicKey)) throw new Error('Fulcio certified a different key than the one we sent');
    const session: SigningSession = {
      privateKey,
      keyType: 'ec',
      material: {
        kind: 'certificate',
        certificatePem,
        identity: certificate.subjectAltName,
        issuer: fulcioIssuer(certificate),
      },
    };
    this.current = { session, notAfter: certificate.notAfter.getTime() };
    return session;
  }
}

/** The OIDC issuer Fulcio wrote into the certificate (extension .1.8, else the legacy .1.1). */
function fulcioIssuer(certificate: X509Certificate): string | undefined {
  const v2 = certificate.extension('1.3.6.1.4.1.57264.1.8');
  if (v2) return v2.valueObj.subs?.[0]?.value.toString('utf8');
  return certificate.extension('1.3.6.1.4.1.57264.1.1')?.value.toString('ascii');
}
