import { constants, createHash, generateKeyPairSync, privateEncrypt, sign, verify, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { UsageError } from '@gatehouse/findings';
import { buildIdentityPolicy, GITHUB_ACTIONS_ISSUER, OID_SOURCE_REPOSITORY_URI, policyMismatch } from '../policy.js';
import { CURVES, onCurve, parseDerSignature, verifyPrehashed, type DigestAlgorithm } from '../prehashed.js';
import { statementMatches, type InTotoStatement } from '../statement.js';

/** Adversarial checks of the verification path (security review): each asserts a rejection. */

function derInteger(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

function derSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  const length = body.length < 0x80 ? Buffer.from([body.length]) : Buffer.from([0x81, body.length]);
  return Buffer.concat([Buffer.from([0x30]), length, body]);
}

describe('verifyPrehashed against node:crypto on altered signatures (differential)', () => {
  const cases: Array<[string, KeyObject, KeyObject, DigestAlgorithm, string]> = [
    ['P-256/sha256', ...pair('P-256'), 'sha256', 'P-256'],
    ['P-256/sha512', ...pair('P-256'), 'sha512', 'P-256'],
    ['P-384/sha256', ...pair('P-384'), 'sha256', 'P-384'],
    ['P-384/sha384', ...pair('P-384'), 'sha384', 'P-384'],
  ];
  function pair(curve: string): [KeyObject, KeyObject] {
    const keys = generateKeyPairSync('ec', { namedCurve: curve });
    return [keys.publicKey, keys.privateKey];
  }

  it.each(cases)(
    'agrees with node:crypto on bit flips, high-s and out-of-range r/s (%s)',
    (_name, pub, priv, alg, crv) => {
      const n = CURVES[crv]!.n;
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), (bytes, at) => {
          const message = Buffer.from(bytes);
          const digest = createHash(alg).update(message).digest();
          const signature = sign(alg, message, priv);
          const { r, s } = parseDerSignature(signature)!;
          const flipped = Buffer.from(signature);
          flipped[at % flipped.length]! ^= 1 << (at % 8);
          const variants: Array<[Buffer, boolean]> = [
            [signature, true],
            [derSignature(r, n - s), true], // high-s: a valid ECDSA signature, must verify
            [derSignature(r + n, s), false],
            [derSignature(r, s + n), false],
            [derSignature(0n, s), false],
            [derSignature(r, 0n), false],
            [derSignature(n, s), false],
            [derSignature(r, n), false],
            [flipped, false],
          ];
          for (const [variant, expected] of variants) {
            const native = verify(alg, message, pub, variant);
            const ours = verifyPrehashed(pub, digest, alg, variant) === 'valid';
            expect(ours).toBe(native);
            if (variant !== flipped) expect(ours).toBe(expected);
          }
        }),
        { numRuns: 10 },
      );
    },
  );

  it('rejects points off the curve and coordinates outside the field', () => {
    for (const curve of Object.values(CURVES)) {
      expect(onCurve(curve, { x: curve.g.x, y: curve.g.y + 1n })).toBe(false);
      expect(onCurve(curve, { x: curve.g.x + curve.p, y: curve.g.y })).toBe(false);
      expect(onCurve(curve, { x: curve.g.x, y: curve.p - curve.g.y })).toBe(true);
    }
  });
});

describe('RSA PKCS#1 v1.5 over a digest resists Bleichenbacher-style forgeries (e = 3)', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 });
  const jwk = publicKey.export({ format: 'jwk' });
  const n = BigInt(`0x${Buffer.from(jwk.n!, 'base64url').toString('hex')}`);
  const k = 256;
  const SHA256_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

  const toInt = (bytes: Buffer): bigint => BigInt(`0x${bytes.toString('hex') || '0'}`);
  const toBytes = (value: bigint, length = k): Buffer =>
    Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
  function cubeRoot(value: bigint): bigint {
    let x = 1n << BigInt(Math.ceil(value.toString(2).length / 3));
    for (;;) {
      const next = (2n * x + value / (x * x)) / 3n;
      if (next >= x) break;
      x = next;
    }
    while (x * x * x > value) x--;
    while ((x + 1n) ** 3n <= value) x++;
    return x;
  }
  /** Cube root modulo 2^bits of an odd value (Hensel lifting, one bit at a time). */
  function cubeRootModPow2(value: bigint, bits: number): bigint {
    let x = 1n;
    for (let bit = 1; bit < bits; bit++) {
      const mask = (1n << BigInt(bit + 1)) - 1n;
      if (((x * x * x - value) & mask) !== 0n) x |= 1n << BigInt(bit);
    }
    return x;
  }

  it('rejects garbage after the DigestInfo', () => {
    const digest = createHash('sha256').update('forged artifact').digest();
    const prefix = Buffer.concat([Buffer.from('0001ffffffffffffffff00', 'hex'), SHA256_INFO, digest]);
    const garbage = k - prefix.length;
    const s = cubeRoot(toInt(prefix) << BigInt(8 * garbage)) + 1n;
    const recovered = toBytes(s ** 3n % n);
    expect(recovered.subarray(0, prefix.length).equals(prefix)).toBe(true); // a lenient parser would accept
    expect(verifyPrehashed(publicKey, digest, 'sha256', toBytes(s))).toBe('invalid');
  });

  it('rejects garbage in the padding', () => {
    let digest = createHash('sha256').update('forged artifact').digest();
    for (let i = 0; !(digest[31]! & 1); i++) digest = createHash('sha256').update(`forged artifact ${i}`).digest();
    const suffix = Buffer.concat([Buffer.from([0]), SHA256_INFO, digest]);
    const bits = suffix.length * 8;
    const low = cubeRootModPow2(toInt(suffix), bits);
    const high = cubeRoot(1n << BigInt(8 * (k - 2)));
    const s = ((high >> BigInt(bits)) << BigInt(bits)) | low;
    const recovered = toBytes(s ** 3n % n);
    expect(recovered.subarray(0, 2).toString('hex')).toBe('0001');
    expect(recovered.subarray(k - suffix.length).equals(suffix)).toBe(true);
    expect(verifyPrehashed(publicKey, digest, 'sha256', toBytes(s))).toBe('invalid');
  });

  it('compares the DigestInfo exactly: another algorithm, a missing NULL or a short digest is invalid', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const digest = createHash('sha256').update('artifact').digest();
    const withInfo = (info: Buffer): Buffer =>
      // a PKCS#1 type-1 block around exactly these bytes
      privateEncrypt({ key: rsa.privateKey, padding: constants.RSA_PKCS1_PADDING }, info);
    expect(verifyPrehashed(rsa.publicKey, digest, 'sha256', withInfo(Buffer.concat([SHA256_INFO, digest])))).toBe(
      'valid',
    );
    const sha384Info = Buffer.from('3041300d060960864801650304020205000430', 'hex');
    expect(verifyPrehashed(rsa.publicKey, digest, 'sha256', withInfo(Buffer.concat([sha384Info, digest])))).toBe(
      'invalid',
    );
    const noNull = Buffer.from('302f300b0609608648016503040201' + '0420', 'hex');
    expect(verifyPrehashed(rsa.publicKey, digest, 'sha256', withInfo(Buffer.concat([noNull, digest])))).toBe('invalid');
    expect(
      verifyPrehashed(rsa.publicKey, digest, 'sha256', withInfo(Buffer.concat([SHA256_INFO, digest.subarray(1)]))),
    ).toBe('invalid');
  });
});

describe('RSA over a digest agrees with node:crypto on the signature length', () => {
  it('rejects a signature with its leading zero byte dropped or an extra one added (node:crypto does)', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let message = Buffer.alloc(0);
    let signature = Buffer.alloc(0);
    for (let i = 0; signature[0] !== 0; i++) {
      message = Buffer.from(`artifact ${i}`);
      signature = sign('sha256', message, rsa.privateKey);
    }
    const digest = createHash('sha256').update(message).digest();
    expect(verifyPrehashed(rsa.publicKey, digest, 'sha256', signature)).toBe('valid');
    const short = signature.subarray(1);
    const long = Buffer.concat([Buffer.from([0]), signature]);
    expect(verify('sha256', message, rsa.publicKey, short)).toBe(false);
    expect(verifyPrehashed(rsa.publicKey, digest, 'sha256', short)).toBe('invalid');
    expect(verifyPrehashed(rsa.publicKey, digest, 'sha256', long)).toBe('invalid');
  });
});

describe('identity policy input handling', () => {
  const APP = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
  const source = 'https://github.com/acme/app';
  const signer = (san: string) => ({
    subjectAlternativeName: san,
    issuer: GITHUB_ACTIONS_ISSUER,
    extensions: new Map([
      [OID_SOURCE_REPOSITORY_URI, Buffer.concat([Buffer.from([0x0c, source.length]), Buffer.from(source)])],
    ]),
  });

  it('a certificate-identity-regexp cannot close the anchoring group and accept anything', () => {
    const build = () =>
      buildIdentityPolicy({
        certificateIdentityRegexp: 'https://github\\.com/acme/app/.*)|(.*',
        certificateOidcIssuer: GITHUB_ACTIONS_ISSUER,
      });
    let accepted = false;
    try {
      accepted =
        policyMismatch(build(), signer('https://github.com/evil/x/.github/workflows/w.yml@main')) === undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
    }
    expect(accepted).toBe(false);
  });

  it('signer-repository and signer-workflow reject look-alikes: case, encoding, traversal, suffixes, newlines', () => {
    const repository = buildIdentityPolicy({ signerRepository: 'acme/app' });
    const workflow = buildIdentityPolicy({ signerWorkflow: 'acme/app/.github/workflows/release.yml@refs/heads/main' });
    const anyRef = buildIdentityPolicy({ signerWorkflow: 'acme/app/.github/workflows/release.yml' });
    for (const policy of [repository, workflow, anyRef]) expect(policyMismatch(policy, signer(APP))).toBeUndefined();
    const lookalikes = [
      'https://github.com/acme/app-evil/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/ACME/APP/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme%2Fapp/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/evil/x/../../acme/app/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acmeXapp/.github/workflows/release.yml@refs/heads/main',
      'https://github.com.evil.example/acme/app/.github/workflows/release.yml@refs/heads/main',
      `https://evil.example/x\n${APP}`,
      `${APP}\nhttps://evil.example/`,
      'https://github.com/acme/app/.github/workflows/release.yml',
    ];
    for (const san of lookalikes) {
      expect(policyMismatch(repository, signer(san))).toMatch(/untrusted signer/);
      expect(policyMismatch(workflow, signer(san))).toMatch(/untrusted signer/);
      expect(policyMismatch(anyRef, signer(san))).toMatch(/untrusted signer/);
    }
    expect(
      policyMismatch(workflow, signer('https://github.com/acme/app/.github/workflows/release.yml@refs/heads/mainx')),
    ).toMatch(/untrusted signer/);
    expect(
      policyMismatch(anyRef, signer('https://github.com/acme/app/.github/workflows/release.yml.evil@refs/heads/main')),
    ).toMatch(/untrusted signer/);
  });
});

describe('statementMatches binds the artifact digest', () => {
  const digest = createHash('sha256').update('artifact').digest();
  const other = createHash('sha256').update('other').digest().toString('hex');
  const statement = (subjects: InTotoStatement['subjects']): InTotoStatement => ({
    predicateType: 'https://slsa.dev/provenance/v1',
    subjects,
    algorithms: ['sha256'],
  });

  it('never matches a statement about another digest, an empty subject list, or a subject with no shared algorithm', () => {
    const digests = new Map([['sha256' as const, digest]]);
    expect(statementMatches(statement([{ name: 'app.bin', digest: { sha256: other } }]), digests)).toBe(false);
    expect(statementMatches(statement([]), digests)).toBe(false);
    expect(statementMatches(statement([{ name: 'app.bin', digest: { sha1: 'abc', gitCommit: other } }]), digests)).toBe(
      false,
    );
    expect(statementMatches(statement([{ digest: { sha256: `${digest.toString('hex')}00` } }]), digests)).toBe(false);
    expect(statementMatches(statement([{ digest: { sha256: digest.toString('hex').toUpperCase() } }]), digests)).toBe(
      true,
    );
  });

  it('a subject whose sha512 disagrees does not match even when its sha256 does', () => {
    const sha512 = createHash('sha512').update('artifact').digest();
    const digests = new Map([
      ['sha256' as const, digest],
      ['sha512' as const, sha512],
    ]);
    expect(
      statementMatches(statement([{ digest: { sha256: digest.toString('hex'), sha512: '00'.repeat(64) } }]), digests),
    ).toBe(false);
  });
});
