import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createResolvers, runPin } from '@gatehouse/pin';
import { fakeSha, startGitHubApi, type LocalGitHubApi } from '../../harness/github-api.js';
import {
  buildImage,
  buildIndex,
  describeWithRegistryTools,
  pushWithSkopeo,
  startRegistry,
  writeOciLayout,
  type LocalRegistry,
} from '../../harness/registry.js';

describeWithRegistryTools('gatehouse pin fix mode against a local registry and GitHub API', () => {
  let layout: string;
  let registry: LocalRegistry;
  let api: LocalGitHubApi;
  const single = buildImage('fix-single');
  const multi = buildIndex('fix-multi', [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ]);

  beforeAll(async () => {
    layout = mkdtempSync(join(tmpdir(), 'pin-fix-layout-'));
    writeOciLayout(layout, 'single', single);
    writeOciLayout(layout, 'multi', multi);
    registry = await startRegistry();
    await pushWithSkopeo(layout, 'single', `${registry.host}/team/app:1.0`);
    await pushWithSkopeo(layout, 'multi', `${registry.host}/team/base:3`, { all: true });
    api = await startGitHubApi();
    api.annotatedTag('actions/checkout', 'v4', fakeSha('checkout'));
    api.lightweightTag('actions/cache', 'v4', fakeSha('cache'));
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
    await api?.stop();
    rmSync(layout, { recursive: true, force: true });
  });

  function workspace(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'pin-fix-ws-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it('pins images (the index digest for multi-platform) and actions, reports what it could not, and is idempotent', async () => {
    const root = workspace({
      Dockerfile: `ARG BASE=${registry.host}/team/base:3\nFROM \${BASE} AS build\nFROM ${registry.host}/team/app:1.0\nCOPY --from=${registry.host}/team/app:missing /a /a\n`,
      '.github/workflows/ci.yml': `jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: '${registry.host}/team/app:1.0'\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/cache@v4 # cache\n      - uses: actions/unknown@v1\n`,
    });
    try {
      const { registry: imageResolver, github: actionResolver } = createResolvers({
        insecureRegistries: ['127.0.0.1'],
        githubApiUrl: api.url,
      });
      const options = { workspace: root, mode: 'fix' as const, imageResolver, actionResolver };
      const result = await runPin(options);

      expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe(
        `ARG BASE=${registry.host}/team/base:3@${multi.manifest.digest}\nFROM \${BASE} AS build\nFROM ${registry.host}/team/app:1.0@${single.manifest.digest}\nCOPY --from=${registry.host}/team/app:missing /a /a\n`,
      );
      expect(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')).toBe(
        `jobs:\n  a:\n    runs-on: ubuntu-latest\n    container: '${registry.host}/team/app:1.0@${single.manifest.digest}'\n    steps:\n      - uses: actions/checkout@${fakeSha('checkout')} # v4\n      - uses: actions/cache@${fakeSha('cache')} # v4 # cache\n      - uses: actions/unknown@v1\n`,
      );
      expect(result.fixed).toHaveLength(5);
      expect(result.unresolved).toBe(2);
      expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.line])).toEqual([
        ['action-not-pinned', '.github/workflows/ci.yml', 8],
        ['image-not-pinned', 'Dockerfile', 4],
      ]);
      expect(imageResolver.requests).toBe(3);

      const again = await runPin(options);
      expect(again.fixed).toEqual([]);
      expect(again.filesWritten).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports a version comment whose tag resolves to another SHA, through the GitHub API, and leaves it', async () => {
    api.lightweightTag('actions/setup-go', 'v5.0.0', fakeSha('setup-go v5.0.0'));
    const text = `jobs:\n  a:\n    steps:\n      - uses: actions/setup-go@${fakeSha('something else')} # v5.0.0\n      - uses: actions/checkout@${fakeSha('checkout')} # v4\n`;
    const root = workspace({ '.github/workflows/ci.yml': text });
    try {
      const { registry: imageResolver, github: actionResolver } = createResolvers({ githubApiUrl: api.url });
      const result = await runPin({ workspace: root, mode: 'fix', imageResolver, actionResolver });
      expect(result.findings.map((f) => [f.ruleId, f.location?.line, f.properties.expectedSha])).toEqual([
        ['action-ref-mismatch', 4, fakeSha('setup-go v5.0.0')],
      ]);
      expect(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')).toBe(text);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
