import { createHash, sign, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleToJSON, toMessageSignatureBundle } from '@sigstore/bundle';
import { TSAWitness } from '@sigstore/sign';

/**
 * A message-signature bundle with a pure Ed25519 signature over the whole artifact, as other
 * Sigstore clients make for Ed25519 keys (our sign makes a DSSE attestation instead). Rekor's
 * hashedrekord cannot check a pure Ed25519 signature from a digest, so it carries a TSA timestamp.
 * Test fixture for the Ed25519 verification path.
 */
export async function signMessageBundleEd25519(path: string, privateKey: KeyObject, tsaUrl: string): Promise<string> {
  const data = readFileSync(path);
  const bundle = toMessageSignatureBundle({
    digest: createHash('sha256').update(data).digest(),
    signature: sign(null, data, privateKey),
    keyHint: '',
    certificateChain: false,
  });
  const { rfc3161Timestamps } = await new TSAWitness({ tsaBaseURL: tsaUrl }).testify(bundle.content);
  bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps };
  const bundlePath = `${path}.sigstore.json`;
  writeFileSync(bundlePath, JSON.stringify(bundleToJSON(bundle)));
  return bundlePath;
}
