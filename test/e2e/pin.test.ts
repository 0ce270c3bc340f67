import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { Inputs } from '@gatehouse/action-kit/inputs';
import { pinCommand } from '../../packages/cli/src/commands/pin.js';
import { fakeSha, startGitHubApi, type LocalGitHubApi } from '../harness/github-api.js';
import {
  buildImage,
  buildIndex,
  describeWithRegistryTools,
  pushWithSkopeo,
  startRegistry,
  writeOciLayout,
  type BuiltImage,
  type LocalRegistry,
} from '../harness/registry.js';
import { runAction } from '../harness/runner.js';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'pin-demo');
const copies: string[] = [];

function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pin-e2e-'));
  cpSync(example, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

/** Every file of a folder, path → bytes, to compare trees byte for byte. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const EXPECTED_CHECK = [
  ['.github/workflows/ci.yml', 12, 16, 'image-not-pinned'],
  ['.github/workflows/ci.yml', 14, 15, 'action-not-pinned'],
  ['.github/workflows/ci.yml', 17, 15, 'action-not-pinned'],
  ['.github/workflows/ci.yml', 21, 24, 'image-not-pinned'],
  ['compose.yaml', 8, 12, 'image-not-pinned'],
  ['compose.yaml', 10, 13, 'image-not-pinned'],
  ['Dockerfile', 1, 10, 'image-not-pinned'],
  ['Dockerfile', 4, 6, 'image-not-pinned'],
  ['Dockerfile', 9, 6, 'image-not-pinned'],
  ['k8s/deployment.yaml', 15, 18, 'image-not-pinned'],
  ['k8s/deployment.yaml', 19, 18, 'image-not-pinned'],
];

describe('bundled pin action, check mode, on examples/pin-demo', () => {
  it('fails with every unpinned reference at its file, line and column, and writes SARIF', async () => {
    const workspace = copyExample();
    const before = snapshot(workspace);
    const run = await runAction({ action: 'pin', workspace, inputs: { 'sarif-output': 'out/pin.sarif' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '11', fixed: '0', 'sarif-path': 'out/pin.sarif' });
    const sarif = JSON.parse(readFileSync(join(workspace, 'out/pin.sarif'), 'utf8'));
    const results = sarif.runs[0].results.map(
      (r: {
        ruleId: string;
        locations: Array<{
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
        }>;
      }) => {
        const { artifactLocation, region } = r.locations[0]!.physicalLocation;
        return [artifactLocation.uri, region.startLine, region.startColumn, r.ruleId];
      },
    );
    expect(results.sort()).toEqual([...EXPECTED_CHECK].sort());
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors[0]!.message).toContain('Pin check failed: 11 references in 4 files');
    expect(errors).toContainEqual(expect.objectContaining({ file: 'Dockerfile', line: 4, column: 6 }));
    expect(run.summary).toContain('## ❌ Gatehouse pin: failed');
    const after = snapshot(workspace);
    after.delete('out/pin.sarif');
    expect(after).toEqual(before);
  });

  it('passes with exemptions: allow patterns, require-digest off, trusted registries', async () => {
    const workspace = copyExample();
    const run = await runAction({
      action: 'pin',
      workspace,
      inputs: { 'require-digest': 'false', allow: 'actions/*', 'trusted-registries': 'docker.io, ghcr.io, gcr.io' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.summary).toContain('## ✅ Gatehouse pin: passed');
  });

  it('exits 2 with one line on a bad input', async () => {
    const run = await runAction({ action: 'pin', workspace: copyExample(), inputs: { mode: 'rewrite' } });
    expect(run.exitCode).toBe(2);
    expect(run.annotations.map((a) => a.message)).toEqual(["Input 'mode' must be one of check, fix (got 'rewrite')."]);
  });

  it('gives the same findings through the gatehouse pin command', async () => {
    const workspace = copyExample();
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const context = {
      cwd: workspace,
      env: {},
      stdout,
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      debug: false,
    };
    const code = await pinCommand.run(new Inputs(() => undefined, workspace), context, []);
    expect(code).toBe(1);
    for (const [path, line, column, rule] of EXPECTED_CHECK)
      expect(text).toContain(`${rule}  ${path}:${line}:${column}`);
    expect(text).toContain('gatehouse pin: failed: 11 references in 4 files');
  });
});

describeWithRegistryTools('bundled pin action, fix mode, against a loopback registry and GitHub API', () => {
  let registry: LocalRegistry;
  let api: LocalGitHubApi;
  let layout: string;
  const pushed = new Map<string, BuiltImage>();
  // The example's images, re-homed in the copy to the loopback registry under the same repository names.
  const IMAGES = [
    ['docker/dockerfile:1', 'docker/dockerfile:1'],
    ['python:3.12-slim', 'library/python:3.12-slim'],
    ['gcr.io/distroless/python3-debian12:nonroot', 'distroless/python3-debian12:nonroot'],
    ['redis:7.2', 'library/redis:7.2'],
    ["'postgres:16-alpine'", 'library/postgres:16-alpine'],
    ['busybox:1.36', 'library/busybox:1.36'],
    ['ghcr.io/example/pin-demo:1.4.0', 'example/pin-demo:1.4.0'],
    ['alpine:3.20', 'library/alpine:3.20'],
  ] as const;

  beforeAll(async () => {
    registry = await startRegistry();
    api = await startGitHubApi();
    api.annotatedTag('actions/checkout', 'v4', fakeSha('checkout v4'));
    api.nestedTag('actions/setup-python', 'v5', fakeSha('setup-python v5'));
    layout = mkdtempSync(join(tmpdir(), 'pin-e2e-layout-'));
    for (const [i, [, name]] of IMAGES.entries()) {
      // Every other image is multi-platform, so the test proves the index digest is what gets pinned.
      const image =
        i % 2 === 0
          ? buildIndex(name, [
              { os: 'linux', architecture: 'amd64' },
              { os: 'linux', architecture: 'arm64' },
            ])
          : buildImage(name);
      writeOciLayout(layout, `t${i}`, image);
      await pushWithSkopeo(layout, `t${i}`, `${registry.host}/${name}`, { all: true });
      pushed.set(name, image);
    }
  }, 180_000);

  afterAll(async () => {
    await registry?.stop();
    await api?.stop();
    rmSync(layout, { recursive: true, force: true });
  });

  function rehomedCopy(): string {
    const workspace = copyExample();
    for (const file of ['Dockerfile', 'compose.yaml', 'k8s/deployment.yaml', '.github/workflows/ci.yml']) {
      let text = readFileSync(join(workspace, file), 'utf8');
      for (const [original, name] of IMAGES) {
        const quote = original.startsWith("'") ? "'" : '';
        text = text.split(original).join(`${quote}${registry.host}/${name}${quote}`);
      }
      writeFileSync(join(workspace, file), text);
    }
    return workspace;
  }

  const digest = (name: string): string => pushed.get(name)!.manifest.digest;

  it('pins every reference (index digests for multi-platform images), keeps everything else, and a second run changes nothing', async () => {
    const workspace = rehomedCopy();
    // Credentials for a registry this repository does not use: unused, but masked all the same.
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    const registryAuth = JSON.stringify({
      auths: { 'registry.example.com': { auth: Buffer.from(`bot:${password}`).toString('base64') } },
    });
    const inputs = {
      mode: 'fix',
      'insecure-registries': '127.0.0.1',
      'github-api-url': api.url,
      'registry-auth': registryAuth,
    };
    const run = await runAction({ action: 'pin', workspace, inputs });
    expect(run.stderr).toBe('');
    expect(run.masks).toContain(password);
    expect(run.log).not.toContain(password);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', fixed: '11' });

    const host = registry.host;
    const dockerfile = readFileSync(join(workspace, 'Dockerfile'), 'utf8').split('\n');
    expect(dockerfile[0]).toBe(`# syntax=${host}/docker/dockerfile:1@${digest('docker/dockerfile:1')}`);
    expect(dockerfile[1]).toBe(
      `ARG PYTHON_IMAGE=${host}/library/python:3.12-slim@${digest('library/python:3.12-slim')}`,
    );
    expect(dockerfile[3]).toBe('FROM ${PYTHON_IMAGE} AS build');
    expect(digest('docker/dockerfile:1')).toBe(
      (pushed.get('docker/dockerfile:1') as ReturnType<typeof buildIndex>).manifest.digest,
    );
    const compose = readFileSync(join(workspace, 'compose.yaml'), 'utf8');
    expect(compose).toContain(`    image: ${host}/library/redis:7.2@${digest('library/redis:7.2')} # session store\n`);
    expect(compose).toContain(
      `    image: '${host}/library/postgres:16-alpine@${digest('library/postgres:16-alpine')}'\n`,
    );
    const workflow = readFileSync(join(workspace, '.github/workflows/ci.yml'), 'utf8');
    expect(workflow).toContain(`      - uses: actions/checkout@${fakeSha('checkout v4')} # v4\n`);
    expect(workflow).toContain(
      `      - uses: actions/setup-python@${fakeSha('setup-python v5')} # v5 # python for the tests\n`,
    );
    expect(workflow).toContain(`      - uses: docker://${host}/library/alpine:3.20@${digest('library/alpine:3.20')}\n`);
    expect(workflow).toContain('      - uses: ./.github/actions/local-helper\n');
    expect(run.summary).toContain('### Pinned by this run');

    const fixedTree = snapshot(workspace);
    const again = await runAction({ action: 'pin', workspace, inputs });
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ findings: '0', fixed: '0' });
    expect(snapshot(workspace)).toEqual(fixedTree);
  });

  it('leaves a reference it cannot resolve as it was, reports it and exits 1', async () => {
    const workspace = rehomedCopy();
    const compose = join(workspace, 'compose.yaml');
    writeFileSync(compose, readFileSync(compose, 'utf8').replace('redis:7.2', 'redis:9.9-missing'));
    const run = await runAction({
      action: 'pin',
      workspace,
      inputs: { mode: 'fix', 'insecure-registries': '127.0.0.1', 'github-api-url': api.url },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', fixed: '10' });
    expect(readFileSync(compose, 'utf8')).toContain(
      `image: ${registry.host}/library/redis:9.9-missing # session store`,
    );
    const error = run.annotations.find((a) => a.file === 'compose.yaml');
    expect(error).toMatchObject({ level: 'error', line: 8, column: 12 });
    expect(error!.message).toContain('no such tag or repository');
  });
});
