import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { classifyPath, discoverFiles } from '../discover.js';
import { GitignoreRules } from '../gitignore.js';

describe('GitignoreRules', () => {
  const rules = new GitignoreRules(
    ['# comment', '*.log', '/build', 'out/', 'docs/**/gen', '!keep.log', '\\#hash', ''].join('\n'),
  );
  it.each([
    ['a.log', false, true],
    ['deep/x/a.log', false, true],
    ['keep.log', false, false],
    ['build', true, true],
    ['sub/build', true, undefined],
    ['out', true, true],
    ['out', false, undefined],
    ['x/out', true, true],
    ['docs/a/b/gen', false, true],
    ['#hash', false, true],
    ['src/main.ts', false, undefined],
  ])('%s (dir: %s) → %s', (path, isDirectory, verdict) => {
    expect(rules.verdict(path, isDirectory)).toBe(verdict);
  });
});

describe('discoverFiles', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pin-discover-'));
    const files: Record<string, string> = {
      '.gitignore': 'ignored/\n*.tmp.yml\n',
      Dockerfile: 'FROM a\n',
      Containerfile: 'FROM a\n',
      'api.Dockerfile': 'FROM a\n',
      'Dockerfile.prod': 'FROM a\n',
      'compose.yaml': 'services: {}\n',
      'x.tmp.yml': 'a: 1\n',
      'README.md': '# x\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'action.yml': 'runs: {}\n',
      'ignored/Dockerfile': 'FROM a\n',
      'sub/.gitignore': '!*.tmp.yml\nlocal.yaml\n',
      'sub/x.tmp.yml': 'a: 1\n',
      'sub/local.yaml': 'a: 1\n',
      'node_modules/p/Dockerfile': 'FROM a\n',
      'odd/base-image': 'FROM a\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks the whole workspace honouring nested .gitignore files', async () => {
    const found = await discoverFiles(root, []);
    expect(found.map((f) => `${f.kind}:${f.path}`).sort()).toEqual([
      'action:action.yml',
      'dockerfile:Containerfile',
      'dockerfile:Dockerfile',
      'dockerfile:Dockerfile.prod',
      'dockerfile:api.Dockerfile',
      'manifests:compose.yaml',
      'manifests:sub/x.tmp.yml',
      'workflow:.github/workflows/ci.yml',
    ]);
  });

  it('takes globs, and a literal file of any name', async () => {
    const found = await discoverFiles(root, ['**/Dockerfile*', 'odd/base-image', '!Dockerfile.prod']);
    expect(found.map((f) => `${f.kind}:${f.path}`)).toEqual([
      'dockerfile:Dockerfile',
      'dockerfile:ignored/Dockerfile',
      'dockerfile:odd/base-image',
    ]);
  });

  it('walks the whole workspace less the exclusions when only exclusions are given', async () => {
    const found = await discoverFiles(root, ['!**/Dockerfile*', '!.github/**']);
    expect(found.map((f) => f.path).sort()).toEqual([
      'Containerfile',
      'action.yml',
      'api.Dockerfile',
      'compose.yaml',
      'sub/x.tmp.yml',
    ]);
  });

  it('classifies by name', () => {
    expect(classifyPath('containerfile')).toBe('dockerfile');
    expect(classifyPath('app/Dockerfile-dev')).toBe('dockerfile');
    expect(classifyPath('Dockerfiles.txt')).toBeUndefined();
    expect(classifyPath('Dockerfile.dockerignore')).toBeUndefined();
    expect(classifyPath('Dockerfile.j2')).toBeUndefined();
    expect(classifyPath('src/__tests__/dockerfile.test.ts')).toBeUndefined();
    expect(classifyPath('dockerfile-parser.go')).toBeUndefined();
    expect(classifyPath('dockerfile')).toBe('dockerfile');
    expect(classifyPath('app.containerfile')).toBe('dockerfile');
    expect(classifyPath('a/.github/workflows/x.yaml')).toBe('workflow');
    expect(classifyPath('.github/actions/a/action.yaml')).toBe('action');
    expect(classifyPath('k8s/app.yml')).toBe('manifests');
    expect(classifyPath('main.go')).toBeUndefined();
  });
});

describe('discoverFiles: paths that match nothing', () => {
  it('is a usage error naming the input', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pin-discover-empty-'));
    try {
      writeFileSync(join(root, 'README.md'), '# x\n');
      await expect(discoverFiles(root, ['docker/**/Dockerfile', 'missing.yaml'])).rejects.toThrow(
        "Input 'paths' matched no file: docker/**/Dockerfile, missing.yaml",
      );
      // Files that match but hold nothing we read are not an error: there is just nothing to check.
      expect(await discoverFiles(root, ['*.md'])).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
