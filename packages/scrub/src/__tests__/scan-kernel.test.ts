import fc from 'fast-check';
import { AhoCorasick } from '../aho-corasick.js';
import { stripAnsi } from '../ansi.js';
import { FollowKind } from '../kernel-follow.js';
import { URL_CREDENTIALS_FOLLOW } from '../rules/generic.js';
import { ASSIGNMENT_FOLLOWS } from '../rules/types.js';
import { base64LooksLikeText, hexLooksLikeText, RUN_FLAGS, worthDecoding } from '../encoded-runs.js';
import { MIN_RUN, ScanKernel } from '../scan-kernel.js';

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
