import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { withCrc32Base62Checksum } from '../checksums.js';
import { collectKnownValues } from '../known-values.js';
import { SecretScanner } from '../scanner.js';
import { createRedactStream, StreamRedactor } from '../stream-redactor.js';

function redact(
  scanner: SecretScanner,
  chunks: readonly Buffer[],
  style: 'mask' | 'rule' = 'mask',
  /** After which chunks a timed flush happens (as if the program paused there). */
  pauses: readonly boolean[] = [],
): { output: Buffer; redactor: StreamRedactor } {
  const out: Buffer[] = [];
  const redactor = new StreamRedactor(scanner, (chunk) => out.push(chunk), {
    replacement: style,
    flushAfterMs: 60_000,
  });
  chunks.forEach((chunk, index) => {
    redactor.write(chunk);
    if (pauses[index]) redactor.flushPartial();
  });
  redactor.end();
  return { output: Buffer.concat(out), redactor };
}

function chunked(data: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let last = 0;
  for (const point of points) {
    chunks.push(data.subarray(last, point));
    last = point;
  }
  chunks.push(data.subarray(last));
  return chunks;
}

const GREP_ON = '\x1b[01;31m\x1b[K';
const GREP_OFF = '\x1b[m\x1b[K';

/** The listed encodings, computed here independently of the engine. */
const ENCODINGS: Record<string, (secret: string) => string> = {
  raw: (s) => s,
  base64: (s) => Buffer.from(s).toString('base64'),
  'base64 no padding': (s) => Buffer.from(s).toString('base64').replace(/=+$/, ''),
  'base64 last char trimmed': (s) => Buffer.from(s).toString('base64').replace(/=+$/, '').slice(0, -1),
  'base64 of value and newline': (s) => Buffer.from(`${s}\n`).toString('base64'),
  'base64 at offset 1': (s) => Buffer.from(`x${s}`).toString('base64'),
  'base64 at offset 2': (s) => Buffer.from(`xy${s}`).toString('base64'),
  base64url: (s) => Buffer.from(s).toString('base64url'),
  'base64url at offset 1': (s) => Buffer.from(`?${s}`).toString('base64url'),
  'base64 of base64': (s) => Buffer.from(Buffer.from(s).toString('base64')).toString('base64'),
  'base64 of base64 of base64': (s) =>
    Buffer.from(Buffer.from(Buffer.from(s).toString('base64')).toString('base64')).toString('base64'),
  'hex of base64': (s) => Buffer.from(Buffer.from(s).toString('base64')).toString('hex'),
  hex: (s) => Buffer.from(s).toString('hex'),
  'hex upper': (s) => Buffer.from(s).toString('hex').toUpperCase(),
  url: (s) => encodeURIComponent(s),
  json: (s) => JSON.stringify(s).slice(1, -1),
  'shell single quotes': (s) => `'${s.replace(/'/g, `'\\''`)}'`,
  'shell double quotes': (s) => `"${s.replace(/[\\"$`]/g, '\\$&')}"`,
};

const secretArbitrary = fc
  .string({
    unit: fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&()+,-./:;=?@[]^_{|}~ \'"$`\\é日',
    ),
    minLength: 8,
    maxLength: 40,
  })
  .filter((s) => s.trim() === s && s.length >= 8);
const fillerArbitrary = fc.string({ unit: fc.constantFrom(...'abc XYZ 123\n\t.,:;é日😀'), maxLength: 60 });

describe('StreamRedactor guarantees', () => {
  it('never lets a registered secret or any listed encoding through, whatever the chunking', () => {
    fc.assert(
      fc.property(
        secretArbitrary,
        fc.constantFrom(...Object.keys(ENCODINGS)),
        fillerArbitrary,
        fillerArbitrary,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (secret, encoding, before, after, cuts, useKernel, pauses) => {
          // Both loops, WebAssembly and JavaScript, must give the same guarantee, with or without pauses.
          const scanner = new SecretScanner({ knownValues: collectKnownValues([secret]).values, rules: [], useKernel });
          const encoded = ENCODINGS[encoding]!(secret);
          const input = Buffer.from(`${before} ${encoded} ${after}\n`);
          const { output } = redact(scanner, chunked(input, cuts), 'mask', pauses);
          const text = output.toString('utf8');
          expect(text.includes(secret)).toBe(false);
          expect(text.includes(encoded)).toBe(false);
        },
      ),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 400) },
    );
  });

  it('splits into one-byte writes and across grep --color codes still redact', () => {
    fc.assert(
      fc.property(secretArbitrary, fc.nat(), fillerArbitrary, (secret, at, before) => {
        const scanner = new SecretScanner({ knownValues: [secret], rules: [] });
        const cut = 1 + (at % (secret.length - 1));
        const coloured = `${before}${secret.slice(0, cut)}${GREP_ON}${secret.slice(cut)}${GREP_OFF} tail\n`;
        const { output } = redact(
          scanner,
          [...Buffer.from(coloured)].map((b) => Buffer.from([b])),
        );
        const visible = output.toString('utf8').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
        expect(visible.includes(secret)).toBe(false);
        // The colour codes themselves survive, so the terminal state is what the program meant.
        expect(output.toString('utf8')).toContain(GREP_OFF);
      }),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 200) },
    );
  });

  it('passes input through byte for byte when nothing registered matches, UTF-8 split anywhere', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abc xyz\n\r\té日😀\x1b[31m'), maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        (text, cuts) => {
          const scanner = new SecretScanner({ knownValues: ['#never-in-this-text#'] });
          const input = Buffer.from(text);
          const { output, redactor } = redact(scanner, chunked(input, cuts));
          expect(output.equals(input)).toBe(true);
          expect(redactor.counts.total).toBe(0);
        },
      ),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 300) },
    );
  });

  it('never emits half a UTF-8 sequence when a partial line is flushed', () => {
    const scanner = new SecretScanner({ knownValues: ['日本語のひみつ123'], rules: [] });
    const out: Buffer[] = [];
    const redactor = new StreamRedactor(scanner, (chunk) => out.push(chunk), { flushAfterMs: 60_000 });
    const data = Buffer.from('prompt 日本');
    redactor.write(data.subarray(0, data.length - 1));
    redactor.flushPartial();
    for (const chunk of out) expect(chunk.toString('utf8')).not.toContain('\ufffd');
    redactor.write(data.subarray(data.length - 1));
    redactor.end();
    expect(Buffer.concat(out).toString('utf8')).toBe('prompt 日本');
  });

  it('holds back only a tail that could start a registered value when a partial line is flushed', () => {
    const scanner = new SecretScanner({ knownValues: ['hunter2-hunter2'], rules: [] });
    const out: Buffer[] = [];
    const redactor = new StreamRedactor(scanner, (chunk) => out.push(chunk), { flushAfterMs: 60_000 });
    redactor.write('Password: hunter2-');
    redactor.flushPartial();
    expect(Buffer.concat(out).toString()).toBe('Password: ');
    redactor.write('hunter2 ok\n');
    redactor.end();
    expect(Buffer.concat(out).toString()).toBe('Password: *** ok\n');
  });

  it('keeps back a trailing token on a timed flush, and releases a prompt at once', () => {
    const scanner = new SecretScanner();
    const out: Buffer[] = [];
    const redactor = new StreamRedactor(scanner, (chunk) => out.push(chunk), { flushAfterMs: 60_000 });
    const doubled = Buffer.from(
      Buffer.from('token=ghp_abcdefghijklmnopqrstuvwxyz0123456789').toString('base64'),
    ).toString('base64');
    redactor.write(`payload ${doubled.slice(0, 20)}`);
    redactor.flushPartial();
    expect(Buffer.concat(out).toString()).toBe('payload ');
    redactor.write(`${doubled.slice(20)} done\nContinue? [y/N] `);
    redactor.flushPartial();
    expect(Buffer.concat(out).toString()).toBe('payload *** done\nContinue? [y/N] ');
    redactor.end();
  });

  it('releases a partial line after the timeout so interactive output never stalls', async () => {
    const scanner = new SecretScanner({ knownValues: ['hunter2-hunter2'] });
    const out: Buffer[] = [];
    const redactor = new StreamRedactor(scanner, (chunk) => out.push(chunk), { flushAfterMs: 5, holdAtMostMs: 5 });
    redactor.write('Continue? [y/N] ');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(Buffer.concat(out).toString()).toBe('Continue? [y/N] ');
    redactor.end();
  });

  it('names the rule with replacement style rule, and counts by rule', () => {
    const scanner = new SecretScanner({ knownValues: ['registered-value-1'] });
    const token = withCrc32Base62Checksum(
      `ghp_${randomBytes(40)
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 30)}`,
    );
    const { output, redactor } = redact(scanner, [Buffer.from(`a registered-value-1 b ${token} c\r\nnext\n`)], 'rule');
    expect(output.toString()).toBe('a [REDACTED:known-secret] b [REDACTED:github-pat] c\r\nnext\n');
    expect(redactor.counts.toJSON()).toEqual({ 'github-pat': 1, 'known-secret': 1 });
  });

  it('redacts a secret redrawn on a progress line with \\r', () => {
    const scanner = new SecretScanner({ knownValues: ['progress-secret-9'], rules: [] });
    const { output } = redact(scanner, [
      Buffer.from('10% progress-sec'),
      Buffer.from('ret-9\r50% progress-secret-9\r100%\n'),
    ]);
    expect(output.toString()).toBe('10% ***\r50% ***\r100%\n');
  });

  it('redacts the body of a private key printed across lines and chunks, keeping the markers', () => {
    const scanner = new SecretScanner();
    const body = [
      'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
      'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
    ];
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
    const { output, redactor } = redact(scanner, chunked(Buffer.from(pem), [7, 40, 41, 100]));
    expect(output.toString()).toBe('-----BEGIN RSA PRIVATE KEY-----\n***\n***\n-----END RSA PRIVATE KEY-----\n');
    expect(redactor.counts.toJSON()).toEqual({ 'private-key': 1 });
  });
});

describe('createRedactStream', () => {
  it('is a Transform of bytes with counts by rule', async () => {
    const scanner = new SecretScanner({ knownValues: ['transform-secret-1'], rules: [] });
    const stream = createRedactStream(scanner);
    const out: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => out.push(chunk));
    const done = new Promise((resolve) => stream.on('end', resolve));
    stream.write(Buffer.from('a transform-se'));
    stream.write(Buffer.from('cret-1 b\nno newline at the end'));
    stream.end();
    await done;
    expect(Buffer.concat(out).toString()).toBe('a *** b\nno newline at the end');
    expect(stream.counts.toJSON()).toEqual({ 'known-secret': 1 });
  });
});

describe('long partial lines', () => {
  it('stays linear for one-byte writes of a long line without a newline', () => {
    const scanner = new SecretScanner({ knownValues: ['needle-secret-77'], rules: [] });
    const out: Buffer[] = [];
    const redactor = new StreamRedactor(scanner, (chunk) => out.push(chunk), {
      flushAfterMs: 60_000,
      maxLineBytes: 4096,
    });
    const line = `${'x'.repeat(50_000)}needle-secret-77${'y'.repeat(50_000)}`;
    const bytes = Buffer.from(line);
    for (let i = 0; i < bytes.length; i++) redactor.write(bytes.subarray(i, i + 1));
    redactor.end();
    const text = Buffer.concat(out).toString();
    expect(text).toBe(`${'x'.repeat(50_000)}***${'y'.repeat(50_000)}`);
  });
});

describe('large writes', () => {
  it('scans a write of many megabytes in pieces, with the same result', () => {
    const scanner = new SecretScanner({ knownValues: ['large-write-secret-5'] });
    const line = 'ordinary line of output with numbers 12345 and words\n';
    const text = `${line.repeat(60_000)}x large-write-secret-5 y\n${line.repeat(10)}`;
    const out: Buffer[] = [];
    const redactor = new StreamRedactor(scanner, (chunk) => out.push(chunk), { flushAfterMs: 60_000 });
    redactor.write(Buffer.from(text));
    redactor.end();
    expect(out.length).toBeGreaterThan(2);
    expect(Buffer.concat(out).toString()).toBe(text.replace('large-write-secret-5', '***'));
  });
});
