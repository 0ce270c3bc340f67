import { mkdtempSync, readFileSync, rmSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, decodeFile, encodeFile, writeFileAtomic } from '../fixer.js';
import { runPin } from '../pin.js';
import type { ImageResolver } from '../registry-client.js';
import type { ActionResolver } from '../github-client.js';
import { canonicalName } from '../reference.js';

describe('applyEdits', () => {
  it('applies edits in offset order, once per identical edit', () => {
    expect(
      applyEdits('abcdef', [
        { start: 4, end: 5, text: 'E' },
        { start: 0, end: 1, text: 'AA' },
        { start: 0, end: 1, text: 'AA' },
      ]),
    ).toBe('AAbcdEf');
  });
  it('throws on overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, text: 'x' },
        { start: 2, end: 4, text: 'y' },
      ]),
    ).toThrow('overlapping');
  });
});

describe('decodeFile / encodeFile / writeFileAtomic', () => {
  it('keeps a BOM and detects bytes that are not UTF-8', () => {
    const withBom = Buffer.from('\uFEFFFROM a\n', 'utf8');
    const loaded = decodeFile(withBom);
    expect(loaded).toEqual({ text: 'FROM a\n', bom: true, lossless: true });
    expect(encodeFile(loaded, loaded.text).equals(withBom)).toBe(true);
    expect(decodeFile(Buffer.from([0x46, 0xff, 0x0a])).lossless).toBe(false);
  });
  it('replaces a file through a temporary file, keeping its mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pin-atomic-'));
    try {
      const path = join(dir, 'f');
      writeFileSync(path, 'old', { mode: 0o640 });
      writeFileAtomic(path, Buffer.from('new'));
      expect(readFileSync(path, 'utf8')).toBe('new');
      expect(statSync(path).mode & 0o777).toBe(0o640);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const IMAGES = ['python:3.12', 'node', 'ghcr.io/o/app:v1', 'localhost:5000/x:1', `alpine@sha256:${'e'.repeat(64)}`];
const ACTIONS = ['actions/checkout@v4', 'github/codeql-action/init@v3', `actions/cache@${'c'.repeat(40)}`];
const everyImage: ImageResolver = {
  resolveImageDigest: async (r) => ({
    digest: `sha256:${Buffer.from(canonicalName(r)).toString('hex').padEnd(64, '0').slice(0, 64)}`,
  }),
};
const everyAction: ActionResolver = {
  resolveActionRef: async (o, r) => ({
    sha: Buffer.from(`${o}/${r}`).toString('hex').padEnd(40, '0').slice(0, 40),
    kind: 'tag',
  }),
};

/** A file as alternating filler and reference slots; the slot text is what the fixer may replace. */
type Part = { filler: string } | { slot: string };

const plain = fc.stringMatching(/^[a-zA-Z0-9 .,=_-]{0,16}$/);
const eol = fc.constantFrom('\n', '\r\n');

const dockerLine = fc.oneof(
  plain.map((text): Part[] => [{ filler: `# ${text}` }]),
  fc.stringMatching(/^[ \t]{0,3}$/).map((ws): Part[] => [{ filler: ws }]),
  fc
    .tuple(
      fc.constantFrom('FROM ', 'from ', 'FROM --platform=linux/amd64 '),
      fc.constantFrom(...IMAGES),
      fc.constantFrom('', ' AS stage', '  '),
    )
    .map(([head, image, tail]): Part[] => [{ filler: head }, { slot: image }, { filler: tail }]),
  fc
    .tuple(fc.constantFrom(...IMAGES), fc.stringMatching(/^[ ]{1,4}$/))
    .map(([image, indent]): Part[] => [{ filler: `FROM \\\n${indent}` }, { slot: image }]),
  fc
    .tuple(fc.constantFrom(...IMAGES), plain)
    .map(([image, text]): Part[] => [
      { filler: 'COPY --from=' },
      { slot: image },
      { filler: ` /a /b${text.replace(/\s+$/, '')}` },
    ]),
  plain.map((text): Part[] => [{ filler: `RUN echo ${text.replace(/\s+$/, '')}` }]),
);

const quote = fc.constantFrom('', '"', "'");
const yamlSafe = fc.stringMatching(/^[a-zA-Z0-9 .,=_-]{0,16}$/);
const workflowLine = fc.oneof(
  // A version comment belongs to the action reference: the fixer rewrites it with the SHA.
  fc
    .tuple(quote, fc.constantFrom(...ACTIONS), fc.constantFrom('', '  # note'))
    .map(([q, action, tail]): Part[] => [{ filler: `      - uses: ${q}` }, { slot: action + q }, { filler: tail }]),
  fc
    .tuple(quote, fc.constantFrom(...ACTIONS))
    .map(([q, action]): Part[] => [{ filler: `      - uses: ${q}` }, { slot: `${action}${q} # v9` }]),
  fc
    .tuple(quote, fc.constantFrom(...IMAGES))
    .map(([q, image]): Part[] => [{ filler: `      - uses: ${q}docker://` }, { slot: image + q }]),
  yamlSafe.map((text): Part[] => [{ filler: `      # ${text}` }]),
  yamlSafe.map((text): Part[] => [{ filler: `      - run: echo ${text.replace(/[\s.,=_-]+$/, '')}x` }]),
);

const containerLine = fc.oneof(
  fc
    .tuple(quote, fc.constantFrom(...IMAGES), fc.constantFrom('', ' # pinned soon', '   '))
    .map(([q, image, tail]): Part[] => [{ filler: `        - image: ${q}` }, { slot: image + q }, { filler: tail }]),
  fc
    .tuple(fc.stringMatching(/^[a-z]{1,8}$/), quote, fc.constantFrom(...IMAGES))
    .map(([name, q, image]): Part[] => [
      { filler: `        - name: ${name}\n          image: ${q}` },
      { slot: image + q },
    ]),
  yamlSafe.map((text): Part[] => [{ filler: `        # ${text}` }]),
);

function assemble(lines: Part[][], separator: string, header: string): Part[] {
  const parts: Part[] = [{ filler: header }];
  lines.forEach((line, i) => {
    parts.push(...line.map((part) => ('filler' in part ? { filler: part.filler.replace(/\n/g, separator) } : part)));
    parts.push({ filler: i === lines.length - 1 ? separator : separator });
  });
  return parts;
}

function textOf(parts: Part[]): string {
  return parts.map((part) => ('filler' in part ? part.filler : part.slot)).join('');
}

/** A pattern that matches the fixed text exactly when every filler byte is still there, in order. */
function fillerPattern(parts: Part[]): RegExp {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${parts.map((part) => ('filler' in part ? escape(part.filler) : '([^\\r\\n]*)')).join('')}$`,
    's',
  );
}

describe('fixer property: no byte outside a reference changes', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pin-fixprop-'));
    mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
    mkdirSync(join(root, 'k8s'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function check(path: string, parts: Part[], bom: boolean): Promise<void> {
    const original = textOf(parts);
    writeFileSync(join(root, path), (bom ? '\uFEFF' : '') + original);
    const options = {
      workspace: root,
      paths: [path],
      mode: 'fix' as const,
      imageResolver: everyImage,
      actionResolver: everyAction,
    };
    await runPin(options);
    const fixedBytes = readFileSync(join(root, path));
    const loaded = decodeFile(fixedBytes);
    expect(loaded.bom).toBe(bom);
    const match = fillerPattern(parts).exec(loaded.text);
    expect(match).not.toBeNull();
    const slots = parts.filter((part): part is { slot: string } => 'slot' in part);
    slots.forEach((slot, i) => {
      const after = match![i + 1]!;
      const name = slot.slot.split(/[@'" ]/)[0]!.replace(/:[^/]*$/, '');
      expect(after.startsWith(name)).toBe(true);
      // Every resolver answers, so every reference ends pinned.
      expect(after).toMatch(/@sha256:[0-9a-f]{64}|@[0-9a-f]{40}/);
    });
    await runPin(options);
    expect(readFileSync(join(root, path)).equals(fixedBytes)).toBe(true);
  }

  it('holds for generated Dockerfiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dockerLine, { minLength: 1, maxLength: 12 }),
        eol,
        fc.boolean(),
        async (lines, separator, bom) => {
          await check('Dockerfile', assemble(lines, separator, ''), bom);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('holds for generated Kubernetes manifests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(containerLine, { minLength: 1, maxLength: 10 }),
        eol,
        fc.boolean(),
        async (lines, separator, bom) => {
          const header = [
            'apiVersion: apps/v1',
            'kind: Deployment',
            'spec:',
            '  template:',
            '    spec:',
            '      containers:',
            '',
          ].join(separator);
          await check('k8s/app.yaml', assemble(lines, separator, header), bom);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('holds for generated workflows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(workflowLine, { minLength: 1, maxLength: 12 }),
        eol,
        fc.boolean(),
        async (lines, separator, bom) => {
          await check(
            '.github/workflows/ci.yml',
            assemble(lines, separator, `jobs:${separator}  a:${separator}    steps:${separator}`),
            bom,
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
