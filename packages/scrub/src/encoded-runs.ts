/** Runs of base64 or hex characters in text: which are worth decoding, and cheap looks at what they decode to. */

// Character classes for runs of encoded text: bit 1 lower, 2 upper, 4 digit, 8 not a hex digit.
export const RUN_FLAGS = (() => {
  const flags = new Uint8Array(256);
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (/[a-z]/.test(ch)) flags[c] = 1 | (/[a-f]/.test(ch) ? 0 : 8);
    else if (/[A-Z]/.test(ch)) flags[c] = 2 | (/[A-F]/.test(ch) ? 0 : 8);
    else if (/[0-9]/.test(ch)) flags[c] = 4;
    else if (/[+/_-]/.test(ch)) flags[c] = 8 | 16;
  }
  return flags;
})();

/**
 * Hex-only runs, or runs mixing at least two of lower case, upper case and digits: base64 of 16+
 * characters virtually always does, while paths and words (one case, no digits) are left alone.
 */
export function worthDecoding(flags: number): boolean {
  const kinds = flags & 7;
  return (flags & 8) === 0 || (kinds & (kinds - 1)) !== 0;
}

export const BASE64_VALUE = (() => {
  const table = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  table[45] = 62; // -
  table[95] = 63; // _
  return table;
})();

export const HEX_VALUE = (() => {
  const table = new Uint8Array(256);
  for (let i = 0; i < 16; i++) {
    table['0123456789abcdef'.charCodeAt(i)] = i;
    table['0123456789ABCDEF'.charCodeAt(i)] = i;
  }
  return table;
})();

function isTextByte(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13;
}

/** Whether the first bytes the hex in run[from, end) decodes to are mostly printable text. */
export function hexLooksLikeText(run: string, from: number, end: number): boolean {
  const total = Math.min(32, (end - from) >> 1);
  let other = 0;
  for (let i = from, pair = 0; pair < total; i += 2, pair++) {
    // Random bytes are printable a third of the time: most runs fail within a few bytes.
    if (
      !isTextByte((HEX_VALUE[run.charCodeAt(i)]! << 4) | HEX_VALUE[run.charCodeAt(i + 1)]!) &&
      ++other > 1 + (pair >> 2)
    ) {
      return false;
    }
  }
  return total >= 8 && other <= total >> 2;
}

/** Whether the first bytes the base64 in run[from, end) decodes to are mostly printable text. */
export function base64LooksLikeText(run: string, from: number, end: number): boolean {
  const total = Math.min(24, ((end - from) * 6) >> 3);
  let bytes = 0;
  let other = 0;
  let bits = 0;
  let buffer = 0;
  for (let i = from; i < end && bytes < total; i++) {
    const value = BASE64_VALUE[run.charCodeAt(i)]!;
    if (value < 0) return false;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (!isTextByte((buffer >> bits) & 0xff) && ++other > 1 + (bytes >> 2)) return false;
      bytes++;
    }
  }
  return total >= 8 && other <= total >> 2;
}

export function mostlyPrintable(text: string): boolean {
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable >= text.length * 0.75;
}
