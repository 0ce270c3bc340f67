import { constants, publicDecrypt, type KeyObject } from 'node:crypto';

/**
 * Signature checks over a digest the caller already computed (node:crypto only verifies over the
 * whole message). ECDSA P-256/P-384 is implemented here with BigInt arithmetic on public values;
 * RSA PKCS#1 v1.5 recovers the DigestInfo with publicDecrypt. Ed25519 signs the message itself,
 * so it cannot be checked from a digest: that returns 'unsupported'.
 */
export type PrehashedResult = 'valid' | 'invalid' | 'unsupported';

export type DigestAlgorithm = 'sha256' | 'sha384' | 'sha512';

export function verifyPrehashed(
  key: KeyObject,
  digest: Buffer,
  algorithm: DigestAlgorithm,
  signature: Buffer,
): PrehashedResult {
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const jwk = key.export({ format: 'jwk' });
      const curve = jwk.crv ? CURVES[jwk.crv] : undefined;
      if (!curve || !jwk.x || !jwk.y) return 'unsupported';
      const point = { x: fromBase64Url(jwk.x), y: fromBase64Url(jwk.y) };
      return verifyEcdsa(curve, point, digest, signature) ? 'valid' : 'invalid';
    }
    case 'rsa':
      return verifyRsaPkcs1(key, digest, algorithm, signature) ? 'valid' : 'invalid';
    default:
      return 'unsupported';
  }
}

interface Curve {
  p: bigint;
  a: bigint;
  b: bigint;
  n: bigint;
  g: Affine;
  bits: number;
}
interface Affine {
  x: bigint;
  y: bigint;
}
interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}

const P256_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const P384_P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn;

export const CURVES: Record<string, Curve> = {
  'P-256': {
    p: P256_P,
    a: P256_P - 3n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    g: {
      x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
      y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    },
    bits: 256,
  },
  'P-384': {
    p: P384_P,
    a: P384_P - 3n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    g: {
      x: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
      y: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    },
    bits: 384,
  },
};

export function verifyEcdsa(curve: Curve, publicPoint: Affine, digest: Buffer, signature: Buffer): boolean {
  const parsed = parseDerSignature(signature);
  if (!parsed) return false;
  const { r, s } = parsed;
  const { n } = curve;
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  if (!onCurve(curve, publicPoint)) return false;
  const e = digestToInteger(digest, curve.bits);
  const w = modInverse(s, n);
  const u1 = mod(e * w, n);
  const u2 = mod(r * w, n);
  const sum = shamirMultiply(curve, u1, curve.g, u2, publicPoint);
  if (sum === undefined) return false;
  return mod(sum.x, n) === r;
}

export function onCurve(curve: Curve, { x, y }: Affine): boolean {
  const { p, a, b } = curve;
  if (x < 0n || x >= p || y < 0n || y >= p) return false;
  return mod(y * y - (x * x * x + a * x + b), p) === 0n;
}

/** u1·G + u2·Q in one pass over the bits; undefined for the point at infinity. */
function shamirMultiply(curve: Curve, u1: bigint, g: Affine, u2: bigint, q: Affine): Affine | undefined {
  const p = curve.p;
  const jg: Jacobian = { x: g.x, y: g.y, z: 1n };
  const jq: Jacobian = { x: q.x, y: q.y, z: 1n };
  const both = add(p, jg, jq);
  let acc: Jacobian | undefined;
  const length = Math.max(u1.toString(2).length, u2.toString(2).length);
  for (let bit = length - 1; bit >= 0; bit--) {
    if (acc) acc = double(p, acc);
    const b1 = (u1 >> BigInt(bit)) & 1n;
    const b2 = (u2 >> BigInt(bit)) & 1n;
    const addend = b1 && b2 ? both : b1 ? jg : b2 ? jq : undefined;
    if (addend) acc = acc ? add(p, acc, addend) : addend;
  }
  return acc ? toAffine(p, acc) : undefined;
}

// Jacobian formulas for a = -3 curves (dbl-2001-b, add-2007-bl); z = 0 is the point at infinity.
function double(p: bigint, { x, y, z }: Jacobian): Jacobian | undefined {
  if (z === 0n || y === 0n) return { x: 1n, y: 1n, z: 0n };
  const delta = mod(z * z, p);
  const gamma = mod(y * y, p);
  const beta = mod(x * gamma, p);
  const alpha = mod(3n * (x - delta) * (x + delta), p);
  const x3 = mod(alpha * alpha - 8n * beta, p);
  const z3 = mod((y + z) * (y + z) - gamma - delta, p);
  const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, p);
  return { x: x3, y: y3, z: z3 };
}

function add(p: bigint, a: Jacobian | undefined, b: Jacobian | undefined): Jacobian | undefined {
  if (!a || a.z === 0n) return b;
  if (!b || b.z === 0n) return a;
  const z1z1 = mod(a.z * a.z, p);
  const z2z2 = mod(b.z * b.z, p);
  const u1 = mod(a.x * z2z2, p);
  const u2 = mod(b.x * z1z1, p);
  const s1 = mod(a.y * b.z * z2z2, p);
  const s2 = mod(b.y * a.z * z1z1, p);
  const h = mod(u2 - u1, p);
  const r = mod(2n * (s2 - s1), p);
  if (h === 0n) return r === 0n ? double(p, a) : { x: 1n, y: 1n, z: 0n };
  const i = mod(4n * h * h, p);
  const j = mod(h * i, p);
  const v = mod(u1 * i, p);
  const x3 = mod(r * r - j - 2n * v, p);
  const y3 = mod(r * (v - x3) - 2n * s1 * j, p);
  const z3 = mod(((a.z + b.z) * (a.z + b.z) - z1z1 - z2z2) * h, p);
  return { x: x3, y: y3, z: z3 };
}

function toAffine(p: bigint, point: Jacobian): Affine | undefined {
  if (point.z === 0n) return undefined;
  const zInverse = modInverse(point.z, p);
  const zInverse2 = mod(zInverse * zInverse, p);
  return { x: mod(point.x * zInverse2, p), y: mod(point.y * zInverse2 * zInverse, p) };
}

function digestToInteger(digest: Buffer, bits: number): bigint {
  let value = digest.length === 0 ? 0n : BigInt(`0x${digest.toString('hex')}`);
  const digestBits = digest.length * 8;
  if (digestBits > bits) value >>= BigInt(digestBits - bits);
  return value;
}

function mod(value: bigint, m: bigint): bigint {
  const result = value % m;
  return result < 0n ? result + m : result;
}

function modInverse(value: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(value, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return mod(oldS, m);
}

function fromBase64Url(text: string): bigint {
  return BigInt(`0x${Buffer.from(text, 'base64url').toString('hex')}`);
}

/** Strict DER `SEQUENCE { INTEGER r, INTEGER s }`; undefined for anything else. */
export function parseDerSignature(der: Buffer): { r: bigint; s: bigint } | undefined {
  let offset = 0;
  const readLength = (): number | undefined => {
    const first = der[offset++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count === 0 || count > 2) return undefined;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const byte = der[offset++];
      if (byte === undefined) return undefined;
      length = length * 256 + byte;
    }
    return length < 0x80 ? undefined : length;
  };
  const readInteger = (): bigint | undefined => {
    if (der[offset++] !== 0x02) return undefined;
    const length = readLength();
    if (length === undefined || length === 0 || offset + length > der.length) return undefined;
    const bytes = der.subarray(offset, offset + length);
    offset += length;
    if (bytes[0]! & 0x80) return undefined;
    if (bytes.length > 1 && bytes[0] === 0 && !(bytes[1]! & 0x80)) return undefined;
    return BigInt(`0x${bytes.toString('hex')}`);
  };
  if (der[offset++] !== 0x30) return undefined;
  const total = readLength();
  if (total === undefined || offset + total !== der.length) return undefined;
  const r = readInteger();
  const s = readInteger();
  if (r === undefined || s === undefined || offset !== der.length) return undefined;
  return { r, s };
}

const DIGEST_INFO_PREFIX: Record<DigestAlgorithm, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

function verifyRsaPkcs1(key: KeyObject, digest: Buffer, algorithm: DigestAlgorithm, signature: Buffer): boolean {
  // As RSA_verify does: publicDecrypt alone accepts a signature shorter than the modulus.
  const modulusBits = key.asymmetricKeyDetails?.modulusLength;
  if (!modulusBits || signature.length !== Math.ceil(modulusBits / 8)) return false;
  let recovered: Buffer;
  try {
    recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
  const expected = Buffer.concat([Buffer.from(DIGEST_INFO_PREFIX[algorithm], 'hex'), digest]);
  return recovered.length === expected.length && recovered.equals(expected);
}
