import fc from 'fast-check';
import { AhoCorasick } from '../aho-corasick.js';
import { stripAnsi } from '../ansi.js';
import { FollowKind } from '../kernel-follow.js';
import { URL_CREDENTIALS_FOLLOW } from '../rules/generic.js';
import { ASSIGNMENT_FOLLOWS } from '../rules/types.js';
import { base64LooksLikeText, hexLooksLikeText, RUN_FLAGS, worthDecoding } from '../encoded-runs.js';
import { MIN_RUN, runByteNibbles, ScanKernel } from '../scan-kernel.js';
import { SecretScanner } from '../scanner.js';

const PATTERNS = ['key', 'password', 'pass', '://', 'SK', 'q~', 'ghp_', 'AKIA', 'private key', 'bench-secret-1-Xy9'];
const FRAGMENTS = [
  ...PATTERNS,
  'KEY',
  'Pass',
  'sk',
  'ghp',
  'bench-secret-1-',
  ' ',
  '=',
  '\n',
  '\r\n',
  '\x1b[31m',
  'é',
  '\xff',
  'a',
  'Z',
  '0',
  '+',
  '/',
  '_',
  '-',
  'abcdef0123456789',
  'QUJDREVGR0hJSktMTU5PUA',
  'ZXhwb3J0IFRPS0VOPWFiYw',
  '68656c6c6f2c20776f726c6421',
  'e3b0c44298fc1c149afbf4c8996fb924',
  '6b65793d',
];

/** Every occurrence of every pattern, ASCII case folded, found naively: (end, pattern id) pairs. */
function referenceHits(text: string): number[] {
  const hits: number[] = [];
  const folded = text.toLowerCase();
  PATTERNS.forEach((pattern, id) => {
    const lower = pattern.toLowerCase();
    for (let at = folded.indexOf(lower); at >= 0; at = folded.indexOf(lower, at + 1))
      hits.push(at + lower.length - 1, id);
  });
  return hits;
}

/** Whether the run reads as text at one of the alignments the scanner tries. */
function readsAsText(text: string, start: number, end: number, flags: number): boolean {
  const hex = (flags & 8) === 0;
  for (let offset = 0; offset < (hex ? 2 : 4); offset++) {
    if (hex ? hexLooksLikeText(text, start + offset, end) : base64LooksLikeText(text, start + offset, end)) return true;
  }
  return false;
}

/** Maximal runs of base64/hex characters worth decoding that read as text, byte by byte. */
function referenceRuns(text: string): number[] {
  const runs: number[] = [];
  let start = -1;
  let flags = 0;
  for (let i = 0; i <= text.length; i++) {
    const flag = i < text.length ? RUN_FLAGS[text.charCodeAt(i)]! : 0;
    if (flag !== 0) {
      if (start < 0) [start, flags] = [i, 0];
      flags |= flag;
    } else if (start >= 0) {
      if (i - start >= MIN_RUN && worthDecoding(flags) && readsAsText(text, start, i, flags))
        runs.push(start, i, flags);
      start = -1;
    }
  }
  return runs;
}

describe('the WebAssembly scan kernel', () => {
  const automaton = new AhoCorasick(PATTERNS, true);
  const kernel = ScanKernel.for(automaton, RUN_FLAGS)!;

  it('reports every pattern occurrence and every run that reads as text that a naive search finds, for any text', () => {
    expect(kernel).toBeDefined();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }), (parts) => {
        const text = Buffer.from(parts.join(''), 'utf8').toString('latin1');
        const result = kernel.scan(text, true);
        const hits: number[] = [];
        for (let h = 0; h < result.hitCount * 2; h += 2) {
          const [position, state] = [result.hits[h]!, result.hits[h + 1]!];
          const ids: number[] = [];
          for (let id = automaton.output[state]!; id >= 0; id = automaton.nextOutput[id]!) ids.push(id);
          for (const id of ids.reverse()) hits.push(position, id);
        }
        const sortPairs = (pairs: number[]): string =>
          JSON.stringify(
            Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i]!, pairs[2 * i + 1]!]).sort(
              (a, b) => a[0]! - b[0]! || a[1]! - b[1]!,
            ),
          );
        expect(sortPairs(hits)).toEqual(sortPairs(referenceHits(text)));
        expect(Array.from(result.runs)).toEqual(referenceRuns(text));
      }),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 500) },
    );
  });

  it('tells run characters from the rest for every byte value', () => {
    // Base64 of text, one byte short of a run: the 16th byte decides whether there is one.
    const prefix = Buffer.from('password=hunter2').toString('base64').slice(0, 15);
    let runs = 0;
    for (let byte = 0; byte < 256; byte++) {
      const text = `${prefix}${String.fromCharCode(byte)} `;
      const found = Array.from(kernel.scan(text, true).runs);
      expect(found).toEqual(referenceRuns(text));
      runs += found.length / 3;
    }
    expect(runs).toBe(66);
  });

  it('removes escape sequences from bytes exactly as stripAnsi does from text, and scans what is left', () => {
    const ESCAPES = [
      '\x1b[31m',
      '\x1b[1;32m',
      '\x1b[0K',
      '\x1b[?25l',
      '\x1b[',
      '\x1b',
      '\x1b(B',
      '\x1b]8;;https://example.com\x07',
      '\x1b]0;title\x1b\\',
      '\x1b]2;cut\n',
      '\x1b]unterminated',
      '\x1b[12',
      '\x1b[2~',
      '\x1b[5;3\x7f',
    ];
    const long = ['\x1b]', 'x'.repeat(5000), '\x1b]', 'y'.repeat(4094)];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS, ...ESCAPES, ...long, 'abcdefgh', 'ABCDEFGHIJKLMNOP'), {
          maxLength: 80,
        }),
        (parts) => {
          const bytes = Buffer.from(parts.join(''), 'utf8');
          const expected = stripAnsi(bytes.toString('latin1'));
          const result = kernel.scanBytes(bytes, true);
          expect(result.visibleText()).toBe(expected.text);
          expect(Array.from(result.segments())).toEqual(expected.segments);
          const [hits, runs] = [Array.from(result.hits), Array.from(result.runs)];
          const direct = kernel.scan(expected.text, true);
          expect(hits).toEqual(Array.from(direct.hits));
          expect(runs).toEqual(Array.from(direct.runs));
        },
      ),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 500) },
    );
  });

  it('runs the URL and assignment hit checks itself exactly as the rules do, and reports only hits that pass', () => {
    const patterns = ['://', 'token', 'pass', 'registered-value'];
    const checks = [URL_CREDENTIALS_FOLLOW, ASSIGNMENT_FOLLOWS, ASSIGNMENT_FOLLOWS, undefined];
    const checked = new AhoCorasick(patterns, true);
    const kinds = new Uint8Array(checked.stateCount);
    for (let state = 0; state < checked.stateCount; state++) {
      const id = checked.output[state]!;
      if (id >= 0 && checked.nextOutput[id]! < 0)
        kinds[state] = [FollowKind.urlCredentials, FollowKind.assignment, FollowKind.assignment, 0][id]!;
    }
    const checkedKernel = ScanKernel.for(checked, RUN_FLAGS, kinds)!;
    const pieces = [
      '://',
      'token',
      'pass',
      'registered-value',
      'user',
      'pw1',
      'x',
      ':',
      '@',
      '/',
      ' ',
      '\xa0',
      '=',
      '"',
    ];
    const agree = (text: string): void => {
      const expected: number[] = [];
      const folded = text.toLowerCase();
      for (let end = 1; end <= text.length; end++) {
        patterns.forEach((pattern, id) => {
          const start = end - pattern.length;
          if (start < 0 || folded.slice(start, end) !== pattern) return;
          const check = checks[id];
          if (check === undefined || check(text, start, end, pattern)) expected.push(end - 1);
        });
      }
      const result = checkedKernel.scan(text, false);
      const positions = Array.from({ length: result.hitCount }, (_, h) => result.hits[2 * h]!);
      expect([text, positions]).toEqual([text, expected]);
    };
    for (const text of [
      '://u:ab@h',
      '://u:abc@h',
      '://:abc@h',
      '://u:a:b@h',
      '://u:abc',
      'token =',
      'token.x',
      'token x=',
      'pass\xa0=',
      'pass"]:',
      'tokens are',
    ])
      agree(text);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces, '.', ',', '!', '_x', "'", '`', ']', '\t', 'é'), { maxLength: 30 }),
        (parts) => agree(Buffer.from(parts.join(''), 'utf8').toString('latin1')),
      ),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 1000) },
    );
  });
});

/** The runs the JavaScript loop of SecretScanner finds (worth decoding; before the text check). */
function javascriptLoopRuns(scanner: SecretScanner, text: string): number[] {
  const loop = scanner as unknown as { scanLoop(text: string, decode: boolean, ended: () => void): number[] };
  return loop.scanLoop(text, true, () => undefined);
}

const HEX_DIGITS = '0123456789abcdef';
const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_';
const OTHER_CHARS = ' =\n\r\t.:,;"\'()[]{}<>!?@#$%&*|~`^\\\x00\x7f\x80\xe9\xff';
const length = fc.oneof(fc.integer({ min: 14, max: 18 }), fc.integer({ min: 31, max: 33 }), fc.nat(40));
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

/** One piece of a text: a run of hex or base64 (random, or encoding text so the run reads as text) or other bytes. */
const piece = fc.oneof(
  fc
    .tuple(fc.constantFrom(HEX_DIGITS, HEX_DIGITS.toUpperCase(), BASE64_CHARS, OTHER_CHARS), length, fc.nat())
    .map(([chars, n, seed]) =>
      Array.from({ length: n }, (_, i) => chars[(seed + i * 7919 + ((i * i) % 13)) % chars.length]).join(''),
    ),
  fc
    .tuple(printable, fc.constantFrom<BufferEncoding>('hex', 'base64', 'base64url'), length)
    .map(([text, encoding, n]) => Buffer.from(text.repeat(4)).toString(encoding).replace(/=+$/, '').slice(0, n)),
);

/** A text of about `size` bytes from a seed: pieces of the kinds above, many of them runs of 14-40 bytes. */
function largeText(seed: number, size: number): string {
  let state = seed >>> 0 || 1;
  const next = (n: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
  const parts: string[] = [];
  let total = 0;
  while (total < size) {
    const n = [14, 15, 16, 17, 18, 31, 32, 33][next(8)]! + (next(4) === 0 ? next(200) : 0);
    const kind = next(4);
    let part: string;
    if (kind === 3) {
      const words = Array.from({ length: n }, () => String.fromCharCode(0x20 + next(95))).join('');
      part = Buffer.from(words)
        .toString(next(2) === 0 ? 'hex' : 'base64')
        .slice(0, n);
    } else {
      const chars = [HEX_DIGITS, BASE64_CHARS, OTHER_CHARS][kind]!;
      part = Array.from({ length: kind === 2 ? 1 + next(4) : n }, () => chars[next(chars.length)]).join('');
    }
    parts.push(part);
    total += part.length;
  }
  return parts.join('');
}

describe('the SIMD run finding of the scan kernel', () => {
  const kernel = ScanKernel.for(new AhoCorasick(PATTERNS, true), RUN_FLAGS)!;
  const scanner = new SecretScanner({ useKernel: false });
  const kernelRuns = (text: string): number[] => Array.from(kernel.scan(text, true).runs);
  /** The JavaScript loop's runs that read as text: what the kernel must report, in the same order. */
  const expectedRuns = (text: string): number[] => {
    const runs = javascriptLoopRuns(scanner, text);
    const kept: number[] = [];
    for (let r = 0; r < runs.length; r += 3)
      if (readsAsText(text, runs[r]!, runs[r + 1]!, runs[r + 2]!)) kept.push(runs[r]!, runs[r + 1]!, runs[r + 2]!);
    return kept;
  };

  it('classifies every byte value as the run-flag table does', () => {
    const nibbles = runByteNibbles(RUN_FLAGS)!;
    for (let byte = 0; byte < 256; byte++) {
      const simd = (nibbles[byte & 15]! & (byte >> 4 < 16 ? nibbles[16 + (byte >> 4)]! : 0)) !== 0;
      expect([byte, simd]).toEqual([byte, RUN_FLAGS[byte] !== 0]);
    }
    const withHighByte = Uint8Array.from(RUN_FLAGS);
    withHighByte[0xe9] = 1;
    expect(runByteNibbles(withHighByte)).toBeUndefined();
    expect(ScanKernel.for(new AhoCorasick(PATTERNS, true), withHighByte)).toBeUndefined();
  });

  it('tells run bytes from the rest for every byte value in every lane of a window', () => {
    // A run of exactly MIN_RUN - 1 bytes that reads as text, then the byte under test: there is a
    // run exactly when the byte is a run byte, wherever the window boundaries fall.
    const run = Buffer.from('password=hunter2')
      .toString('base64')
      .slice(0, MIN_RUN - 1);
    for (let lead = 0; lead < 40; lead++) {
      for (let byte = 0; byte < 256; byte++) {
        const before = `${' '.repeat(lead)}${run}${String.fromCharCode(byte)}`;
        const after = `${' '.repeat(lead)}${String.fromCharCode(byte)}${run}`;
        for (const text of [before, `${before} `, after, `${after}:`]) {
          const found = kernelRuns(text);
          expect(found).toEqual(expectedRuns(text));
          expect(found.length).toBe(RUN_FLAGS[byte] === 0 ? 0 : 3);
        }
      }
    }
  });

  it('finds the same runs as the JavaScript loop, in the same order, for texts of runs of any length', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(200), (pieces, size) => {
        const text = pieces.join('').slice(0, size);
        expect(kernelRuns(text)).toEqual(expectedRuns(text));
        expect(kernelRuns(text)).toEqual(referenceRuns(text));
      }),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 1000) },
    );
  });

  it('finds the same runs as the JavaScript loop in texts of 100 KB and more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.integer({ min: 100 * 1024, max: 160 * 1024 }), (seed, size) => {
        const text = largeText(seed, size);
        const runs = kernelRuns(text);
        expect(runs.length).toBeGreaterThan(30);
        expect(runs).toEqual(expectedRuns(text));
      }),
      { numRuns: 6 },
    );
  });

  it('gives the same scan results with and without the kernel, decoding included', () => {
    const withKernel = new SecretScanner({ knownValues: ['hunter2-secret-value'] });
    const withoutKernel = new SecretScanner({ knownValues: ['hunter2-secret-value'], useKernel: false });
    const secret = Buffer.from('token: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB and hunter2-secret-value');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.constantFrom(secret.toString('base64'), secret.toString('hex'))), {
          maxLength: 20,
        }),
        (pieces) => {
          const text = pieces.join(' ');
          expect(withKernel.scan(text)).toEqual(withoutKernel.scan(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
