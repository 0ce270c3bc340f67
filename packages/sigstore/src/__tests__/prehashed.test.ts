import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { CURVES, onCurve, parseDerSignature, verifyPrehashed, type DigestAlgorithm } from '../prehashed.js';

describe('verifyPrehashed', () => {
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ed = generateKeyPairSync('ed25519');
  const cases: Array<[string, typeof p256, DigestAlgorithm]> = [
    ['P-256/sha256', p256, 'sha256'],
    ['P-256/sha512', p256, 'sha512'],
    ['P-384/sha256', p384, 'sha256'],
    ['P-384/sha384', p384, 'sha384'],
    ['RSA/sha256', rsa, 'sha256'],
  ];

  it('has generators on their curves', () => {
    for (const curve of Object.values(CURVES)) expect(onCurve(curve, curve.g)).toBe(true);
  });

  it.each(cases)('accepts node:crypto signatures and rejects altered ones (%s)', (_name, keys, algorithm) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (bytes, flip) => {
        const message = Buffer.from(bytes);
        const digest = createHash(algorithm).update(message).digest();
        const signature = sign(algorithm, message, keys.privateKey);
        expect(verifyPrehashed(keys.publicKey, digest, algorithm, signature)).toBe('valid');
        const otherDigest = Buffer.from(digest);
        otherDigest[flip % 32]! ^= 1; // ECDSA ignores digest bits beyond the curve size
        expect(verifyPrehashed(keys.publicKey, otherDigest, algorithm, signature)).toBe('invalid');
      }),
      { numRuns: 15 },
    );
  });

  it('rejects a signature from another key and a malformed signature', () => {
    const digest = createHash('sha256').update('artifact').digest();
    const signature = sign('sha256', Buffer.from('artifact'), p256.privateKey);
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(verifyPrehashed(other.publicKey, digest, 'sha256', signature)).toBe('invalid');
    expect(verifyPrehashed(p256.publicKey, digest, 'sha256', signature.subarray(0, signature.length - 1))).toBe(
      'invalid',
    );
    expect(verifyPrehashed(p256.publicKey, digest, 'sha256', Buffer.alloc(0))).toBe('invalid');
  });

  it('says Ed25519 cannot be checked from a digest', () => {
    const digest = createHash('sha256').update('x').digest();
    expect(verifyPrehashed(ed.publicKey, digest, 'sha256', sign(null, Buffer.from('x'), ed.privateKey))).toBe(
      'unsupported',
    );
  });

  it('parses only strict DER', () => {
    expect(parseDerSignature(Buffer.from('3006020101020102', 'hex'))).toEqual({ r: 1n, s: 2n });
    expect(parseDerSignature(Buffer.from('300702020001020102', 'hex'))).toBeUndefined(); // non-minimal integer
    expect(parseDerSignature(Buffer.from('3006020181020102', 'hex'))).toBeUndefined(); // negative
    expect(parseDerSignature(Buffer.from('300602010102010200', 'hex'))).toBeUndefined(); // trailing byte
  });
});
