const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * The checksum GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens end with: CRC32 of the
 * 30 random characters, base62, zero-padded to six characters.
 */
export function hasCrc32Base62Checksum(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** A token shaped like one of these formats whose checksum holds can be reported with certainty. */
export function withCrc32Base62Checksum(token: string): string {
  const prefix = token.slice(0, token.indexOf('_') + 1);
  const random = token.slice(prefix.length, prefix.length + 30);
  return `${prefix}${random}${base62(crc32(random), 6)}`;
}
