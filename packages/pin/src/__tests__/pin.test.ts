import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '@gatehouse/findings';
import type { ActionResolver, ResolvedActionRef } from '../github-client.js';
import { ResolveError } from '../http.js';
import { runPin } from '../pin.js';
import { canonicalName, type ImageReference } from '../reference.js';
import type { ImageResolver, ResolvedImage } from '../registry-client.js';

/** Resolvers over fixed tables: the engine's contract, without a network (integration tests use real servers). */
class TableImageResolver implements ImageResolver {
  calls: string[] = [];
  constructor(private readonly table: Record<string, string>) {}
  async resolveImageDigest(reference: ImageReference): Promise<ResolvedImage> {
    const key = `${canonicalName(reference)}:${reference.tag ?? 'latest'}`;
    this.calls.push(key);
    const digest = this.table[key];
    if (!digest) throw new ResolveError('not-found', `${key}: no such tag or repository (HTTP 404)`);
    return { digest };
  }
}
class TableActionResolver implements ActionResolver {
  constructor(private readonly table: Record<string, string>) {}
  async resolveActionRef(owner: string, repo: string, ref: string): Promise<ResolvedActionRef> {
    const sha = this.table[`${owner}/${repo}@${ref}`];
    if (!sha) throw new ResolveError('not-found', `${owner}/${repo}@${ref}: no such tag or branch`);
    return { sha, kind: 'tag' };
  }
}

const D = (c: string): string => `sha256:${c.repeat(64)}`;
const SHA = (c: string): string => c.repeat(40);

function workspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'pin-engine-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
function make(files: Record<string, string | Buffer>): string {
  const root = workspace(files);
  roots.push(root);
  return root;
}

describe('runPin check mode', () => {
  it('reports unpinned images and actions with file, line and column', async () => {
    const root = make({
      Dockerfile: '\uFEFFFROM python:3.12\nFROM alpine@' + D('a') + '\n',
      '.github/workflows/ci.yml': `jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@${SHA('1')} # v4\n`,
      'k8s/app.yaml': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: ghcr.io/o/app\n',
    });
    const result = await runPin({ workspace: root });
    expect(result.filesRead).toBe(3);
    expect(result.references).toBe(5);
    expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.line, f.location?.column])).toEqual([
      ['action-not-pinned', '.github/workflows/ci.yml', 4, 15],
      ['image-not-pinned', 'Dockerfile', 1, 6],
      ['image-not-pinned', 'k8s/app.yaml', 5, 14],
    ]);
    expect(result.findings[1]!.fix).toContain('python:3.12@sha256:');
    expect(result.findings.every((f) => f.severity === 'high' && f.fingerprint.length === 32)).toBe(true);
  });

  it('honours require-digest, require-action-sha and trusted registries with wildcards and ports', async () => {
    const root = make({
      Dockerfile: [
        'FROM python:3.12',
        'FROM ghcr.io/o/a:1',
        'FROM registry.corp.example.com:5000/x:1',
        'FROM quay.io/q/b@' + D('b'),
        'FROM localhost:5000/l:1',
      ].join('\n'),
      '.github/workflows/ci.yml': 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n',
    });
    const result = await runPin({
      workspace: root,
      requireDigest: false,
      requireActionSha: false,
      trustedRegistries: ['docker.io', '*.example.com', 'ghcr.io:443', 'localhost'],
    });
    expect(result.findings.map((f) => [f.ruleId, f.properties.reference])).toEqual([
      ['image-untrusted-registry', 'ghcr.io/o/a:1'],
      ['image-untrusted-registry', `quay.io/q/b@${D('b')}`],
    ]);
  });

  it('suppresses with an inline allow-unpinned comment (reason required) and allow patterns', async () => {
    const root = make({
      Dockerfile:
        '# gatehouse: allow-unpinned base is rebuilt nightly\nFROM python:3.12\n# gatehouse: allow-unpinned\nFROM node:20\n',
      '.github/workflows/ci.yml':
        'jobs:\n  a:\n    steps:\n      - uses: my-org/deploy@main\n      - uses: actions/checkout@v4 # gatehouse: allow-unpinned pinned by org policy\n      - uses: other/x@v1\n',
    });
    const result = await runPin({ workspace: root, allow: ['my-org/*'] });
    const rows = result.findings.map((f) => [f.properties.reference, f.properties.suppression?.reason ?? null]);
    expect(rows).toEqual([
      ['my-org/deploy@main', "matches allow pattern 'my-org/*'"],
      ['actions/checkout@v4', 'pinned by org policy'],
      ['other/x@v1', null],
      ['python:3.12', 'base is rebuilt nightly'],
      ['node:20', null],
    ]);
    expect(result.findings.find((f) => f.properties.reference === 'node:20')!.message).toContain('needs a reason');
  });

  it('turns expressions, arguments without defaults and invalid references into image-unresolvable', async () => {
    const root = make({
      Dockerfile: 'ARG BASE\nFROM $BASE\nFROM Not/Valid\n',
      '.github/workflows/ci.yml': 'jobs:\n  a:\n    container: ${{ matrix.image }}\n    steps: []\n',
    });
    const result = await runPin({ workspace: root });
    expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.line])).toEqual([
      ['image-unresolvable', '.github/workflows/ci.yml', 3],
      ['image-unresolvable', 'Dockerfile', 2],
      ['image-unresolvable', 'Dockerfile', 3],
    ]);
  });

  it('gives one parse-error finding per file and still checks every other file', async () => {
    const root = make({
      'bad.yaml': 'a: [1, 2\nb: c\n',
      'helm/templates/deploy.yaml': 'spec:\n  {{- if .Values.x }}\n  replicas: [\n',
      Dockerfile: 'FROM\nFROM node:20\nFRUM x\nRUM y\n',
      'ok.yaml': 'services:\n  db:\n    image: postgres:16\n',
    });
    const result = await runPin({ workspace: root });
    expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.line])).toEqual([
      ['parse-error', 'Dockerfile', 1],
      ['image-not-pinned', 'Dockerfile', 2],
      ['parse-error', 'bad.yaml', 2],
      ['image-not-pinned', 'ok.yaml', 3],
    ]);
    expect(result.findings[0]!.message).toBe(
      'Dockerfile Dockerfile: FROM needs an image (and 2 more problems in this file)',
    );
  });

  it('checks version comments against an offline tag map', async () => {
    const root = make({
      '.github/workflows/ci.yml': `jobs:\n  a:\n    steps:\n      - uses: actions/checkout@${SHA('1')} # v4.1.1\n      - uses: actions/cache@${SHA('2')} # v4\n`,
    });
    const tags = new Map([
      ['actions/checkout@v4.1.1', SHA('1')],
      ['actions/cache@v4', SHA('3')],
    ]);
    const result = await runPin({ workspace: root, actionTags: tags });
    expect(result.findings.map((f) => [f.ruleId, f.location?.line, f.properties.expectedSha])).toEqual([
      ['action-ref-mismatch', 5, SHA('3')],
    ]);
  });

  it('rejects a bad registry pattern with one line naming the input', async () => {
    await expect(runPin({ workspace: make({}), trustedRegistries: ['not a host'] })).rejects.toThrow(UsageError);
    await expect(runPin({ workspace: make({}), trustedRegistries: ['not a host'] })).rejects.toThrow(
      "Input 'trusted-registries'",
    );
  });
});

describe('runPin fix mode', () => {
  const images = {
    'docker.io/library/python:3.12': D('1'),
    'docker.io/library/node:latest': D('2'),
    'ghcr.io/o/app:v1': D('3'),
    'docker.io/library/alpine:3.19': D('4'),
    'docker.io/library/redis:7': D('5'),
  };
  const actions = {
    'actions/checkout@v4': SHA('a'),
    'github/codeql-action@v3': SHA('b'),
    'actions/cache@v4': SHA('c'),
  };

  it('rewrites only reference bytes, keeps comments, quotes and CRLF, and is idempotent', async () => {
    const files = {
      Dockerfile:
        '\uFEFF# syntax=docker/dockerfile:1\r\nARG BASE=python:3.12\r\nFROM ${BASE} AS build\r\nFROM node\r\nCOPY --from=ghcr.io/o/app:v1 /a /a\r\n',
      '.github/workflows/ci.yml': [
        'jobs:',
        '  a:',
        '    container: "alpine:3.19"   # keep me',
        '    steps:',
        '      - uses: actions/checkout@v4',
        "      - uses: 'github/codeql-action/init@v3' # v3",
        '      - {uses: actions/cache@v4, with: {a: 1}}',
        '      - uses: docker://redis:7',
        '      - uses: missing/action@v1',
        '',
      ].join('\n'),
    };
    const root = make(files);
    const imageResolver = new TableImageResolver(images);
    const options = {
      workspace: root,
      mode: 'fix' as const,
      imageResolver,
      actionResolver: new TableActionResolver(actions),
    };
    const result = await runPin(options);

    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe(
      `\uFEFF# syntax=docker/dockerfile:1\r\nARG BASE=python:3.12@${D('1')}\r\nFROM \${BASE} AS build\r\nFROM node:latest@${D('2')}\r\nCOPY --from=ghcr.io/o/app:v1@${D('3')} /a /a\r\n`,
    );
    expect(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')).toBe(
      [
        'jobs:',
        '  a:',
        `    container: "alpine:3.19@${D('4')}"   # keep me`,
        '    steps:',
        `      - uses: actions/checkout@${SHA('a')} # v4`,
        `      - uses: 'github/codeql-action/init@${SHA('b')}' # v3`,
        `      - {uses: actions/cache@${SHA('c')}, with: {a: 1}}`,
        `      - uses: docker://redis:7@${D('5')}`,
        '      - uses: missing/action@v1',
        '',
      ].join('\n'),
    );
    expect(result.fixed).toHaveLength(8);
    expect(result.filesWritten).toEqual(['.github/workflows/ci.yml', 'Dockerfile']);
    // The syntax frontend and the missing action could not be resolved: reported, left as they were.
    expect(result.unresolved).toBe(2);
    expect(result.findings.map((f) => [f.ruleId, f.properties.reference])).toEqual([
      ['action-not-pinned', 'missing/action@v1'],
      ['image-not-pinned', 'docker/dockerfile:1'],
    ]);
    expect(result.findings[0]!.message).toContain('left as it was');
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const before = readFileSync(join(root, 'Dockerfile'));
    const again = await runPin(options);
    expect(again.fixed).toEqual([]);
    expect(again.filesWritten).toEqual([]);
    expect(readFileSync(join(root, 'Dockerfile')).equals(before)).toBe(true);
  });

  it('resolves each reference once however often it appears', async () => {
    const root = make({
      'a/Dockerfile': 'FROM python:3.12\n',
      'b/Dockerfile': 'FROM python:3.12\nFROM docker.io/library/python:3.12\n',
    });
    const imageResolver = new TableImageResolver(images);
    // The table resolver has no memo of its own; the engine asks per occurrence and the real clients memoise.
    await runPin({ workspace: root, mode: 'fix', imageResolver, actionResolver: new TableActionResolver({}) });
    expect(readFileSync(join(root, 'b/Dockerfile'), 'utf8')).toBe(
      `FROM python:3.12@${D('1')}\nFROM docker.io/library/python:3.12@${D('1')}\n`,
    );
  });

  it('reports a version comment that does not match its SHA and leaves it', async () => {
    const text = `jobs:\n  a:\n    steps:\n      - uses: actions/checkout@${SHA('f')} # v4\n`;
    const root = make({ '.github/workflows/ci.yml': text });
    const result = await runPin({
      workspace: root,
      mode: 'fix',
      imageResolver: new TableImageResolver({}),
      actionResolver: new TableActionResolver(actions),
    });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['action-ref-mismatch']);
    expect(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')).toBe(text);
  });

  it('leaves a file that is not valid UTF-8 untouched', async () => {
    const bytes = Buffer.concat([Buffer.from('# \xff\n', 'latin1'), Buffer.from('FROM python:3.12\n')]);
    const root = make({ Dockerfile: bytes });
    const result = await runPin({
      workspace: root,
      mode: 'fix',
      imageResolver: new TableImageResolver(images),
      actionResolver: new TableActionResolver({}),
    });
    expect(readFileSync(join(root, 'Dockerfile')).equals(bytes)).toBe(true);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['image-not-pinned']);
    expect(result.notes[0]).toContain('not valid UTF-8');
  });

  it('needs resolvers in fix mode', async () => {
    await expect(runPin({ workspace: make({}), mode: 'fix' })).rejects.toThrow(UsageError);
  });
});

describe('runPin: files it will not read', () => {
  it('reports an oversized file as parse-error and checks the rest', async () => {
    const root = make({
      'a/Dockerfile': `FROM python:3.12\n# ${'x'.repeat(17 * 1024 * 1024)}\n`,
      'b/Dockerfile': 'FROM node:20\n',
    });
    const result = await runPin({ workspace: root });
    expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.message])).toEqual([
      ['parse-error', 'a/Dockerfile', 'Dockerfile a/Dockerfile: larger than 16 MiB, not read'],
      ['image-not-pinned', 'b/Dockerfile', "Image 'node:20' (FROM) is not pinned by digest."],
    ]);
  });
});
