// bench/pin: the bundled pin action (dist/pin/index.js, run as the runner runs it) beside naive peers
// in the same run.
//  1. files/s over a generated tree (default 20,000 files, 2,000 of them Dockerfiles, workflows,
//     compose files and Kubernetes manifests), check mode; peers: GNU grep -rE and a Node regex scan
//     that read every file with no grammar and no positions beyond the line.
//  2. references resolved/s in fix mode against Debian's docker-registry on loopback; peer: one
//     `skopeo inspect` per reference, as a shell loop would do.
// Options: --small (2,000 files, 200 relevant, 60 references), --files N, --relevant N, --refs N.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runMeasured } from '../support/run-measured.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const small = args.includes('--small');
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const totalFiles = option('files', small ? 2000 : 20000);
const relevantFiles = option('relevant', small ? 200 : 2000);
const referenceCount = option('refs', small ? 60 : 500);
const bundle = join(root, 'dist', 'pin', 'index.js');
const work = join(root, '.bench-tmp', 'pin');
/** Each workspace's GITHUB_OUTPUT file, to read the action's outputs back. */
const lastOutput = new Map();
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// ---------------------------------------------------------------------------------------------
// 1. files per second

const tree = join(work, 'tree');
const generated = generateTree(tree, totalFiles, relevantFiles);
console.log(
  `tree: ${generated.files} files (${generated.relevant} Dockerfiles/workflows/compose/manifests), ${generated.references} references`,
);

const pinCheck = runMeasured([bundle], { cwd: tree, env: actionEnv(tree, { mode: 'check' }) });
if (pinCheck.status !== 1) throw new Error(`pin (check) exited ${pinCheck.status}: ${pinCheck.stdout.slice(-500)}`);
const pinFound = Number(readOutput(tree, 'findings'));

const grepScript = join(work, 'grep.sh');
writeFileSync(
  grepScript,
  `grep -rEn --exclude-dir=.git '^[[:space:]]*(FROM[[:space:]]|-?[[:space:]]*(image|uses|container):[[:space:]])' "$1" | wc -l\n`,
);
const grepStart = performance.now();
const grep = spawnSync('sh', [grepScript, tree], { encoding: 'utf8' });
const grepMs = Math.round(performance.now() - grepStart);
const grepFound = Number(grep.stdout.trim());

const regexScript = join(work, 'regex-scan.mjs');
writeFileSync(
  regexScript,
  `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const pattern = /^\\s*(?:FROM\\s+(?:--\\S+\\s+)*(\\S+)|-?\\s*(?:image|uses|container):\\s*(\\S+))/gm;
let found = 0;
const walk = (dir) => { for (const e of readdirSync(dir, { withFileTypes: true })) {
  if (e.isDirectory()) { if (e.name !== '.git') walk(join(dir, e.name)); continue; }
  const text = readFileSync(join(dir, e.name), 'utf8');
  for (const m of text.matchAll(pattern)) if (!(m[1] ?? m[2]).includes('@sha256:') && !/@[0-9a-f]{40}$/.test(m[1] ?? m[2])) found++;
} };
walk(process.argv[2]);
console.log(found);\n`,
);
const regex = runMeasured([regexScript, tree]);
const regexFound = Number(regex.stdout.trim());

const rate = (count, ms) => Math.round(count / (ms / 1000));
console.log('\n| scanner | time | files/s | peak RSS | references reported |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(
  `| grep -rE (peer, line matches) | ${grepMs} ms | ${rate(generated.files, grepMs)} | - | ${grepFound} lines |`,
);
console.log(
  `| Node regex scan (peer) | ${regex.ms} ms | ${rate(generated.files, regex.ms)} | ${regex.maxRssMiB} MiB | ${regexFound} unpinned |`,
);
console.log(
  `| gatehouse pin check | ${pinCheck.ms} ms | ${rate(generated.files, pinCheck.ms)} | ${pinCheck.maxRssMiB} MiB | ${pinFound} findings |`,
);
console.log(
  `ratio gatehouse/grep: time ${(pinCheck.ms / grepMs).toFixed(2)}x; gatehouse/regex scan: time ${(pinCheck.ms / regex.ms).toFixed(2)}x, memory ${(pinCheck.maxRssMiB / regex.maxRssMiB).toFixed(2)}x`,
);
console.log(
  `(expected unpinned references in the tree: ${generated.unpinned}; the peers miss ARG defaults and multi-line FROMs, and count a FROM inside a heredoc)`,
);

// ---------------------------------------------------------------------------------------------
// 2. references resolved per second

const missing = ['docker-registry', 'skopeo'].filter(
  (binary) => spawnSync('sh', ['-c', `command -v ${binary}`]).status !== 0,
);
if (missing.length > 0) {
  console.log(
    `\nskipping references/s: ${missing.join(' and ')} not installed (apt-get install -y docker-registry skopeo)`,
  );
} else {
  await resolveBench();
}
rmSync(work, { recursive: true, force: true });

async function resolveBench() {
  const { startRegistry, buildIndex, writeOciLayout, pushWithSkopeo } = await import('../../test/harness/registry.ts');
  const registry = await startRegistry();
  try {
    const layout = join(work, 'layout');
    const image = buildIndex('bench', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
    writeOciLayout(layout, 'bench', image);
    await pushWithSkopeo(layout, 'bench', `${registry.host}/bench/app:t0`, { all: true });
    // More tags for the same index, put straight through the distribution API.
    const indexBody = image.manifest.bytes;
    for (let i = 1; i < referenceCount; i++) {
      const put = await fetch(`${registry.url}/v2/bench/app/manifests/t${i}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
        body: indexBody,
      });
      if (put.status !== 201) throw new Error(`PUT manifest t${i}: HTTP ${put.status}`);
    }
    const workspace = join(work, 'resolve');
    mkdirSync(workspace, { recursive: true });
    for (let i = 0; i < referenceCount; i += 10) {
      const lines = [];
      for (let j = i; j < Math.min(i + 10, referenceCount); j++)
        lines.push(`FROM ${registry.host}/bench/app:t${j} AS s${j}`);
      writeFileSync(join(workspace, `Dockerfile.${i}`), lines.join('\n') + '\n');
    }
    const fix = runMeasured([bundle], {
      cwd: workspace,
      env: actionEnv(workspace, { mode: 'fix', 'insecure-registries': '127.0.0.1' }),
    });
    const fixed = Number(readOutput(workspace, 'fixed'));
    if (fix.status !== 0 || fixed !== referenceCount)
      throw new Error(`pin (fix) exited ${fix.status}, fixed ${fixed} of ${referenceCount}: ${fix.stdout.slice(-800)}`);
    const pinned = readFileSync(join(workspace, 'Dockerfile.0'), 'utf8');
    if (!pinned.includes(image.manifest.digest)) throw new Error('pin did not write the index digest');

    const sample = Math.min(referenceCount, 40);
    const skopeoStart = performance.now();
    for (let i = 0; i < sample; i++) {
      const inspect = spawnSync(
        'skopeo',
        ['inspect', '--tls-verify=false', '--raw', `docker://${registry.host}/bench/app:t${i}`],
        { encoding: 'utf8' },
      );
      if (inspect.status !== 0) throw new Error(`skopeo inspect failed: ${inspect.stderr}`);
    }
    const skopeoMs = Math.round(performance.now() - skopeoStart);

    console.log(
      `\nreferences: ${referenceCount} distinct tags of one multi-platform index on a loopback docker-registry`,
    );
    console.log('| resolver | references | time | references/s |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| skopeo inspect --raw, one per reference (peer) | ${sample} | ${skopeoMs} ms | ${rate(sample, skopeoMs)} |`,
    );
    console.log(
      `| gatehouse pin fix (whole run: read, resolve, rewrite ${referenceCount / 10} files) | ${referenceCount} | ${fix.ms} ms | ${rate(referenceCount, fix.ms)} |`,
    );
    console.log(
      `ratio gatehouse/skopeo: references/s ${(rate(referenceCount, fix.ms) / rate(sample, skopeoMs)).toFixed(2)}x`,
    );
  } finally {
    await registry.stop();
  }
}

// ---------------------------------------------------------------------------------------------

function actionEnv(workspace, inputs) {
  const output = join(work, `output-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  lastOutput.set(workspace, output);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

function readOutput(workspace, name) {
  const text = readFileSync(lastOutput.get(workspace), 'utf8');
  const match = new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(text);
  return match?.[2];
}

function generateTree(dir, files, relevant) {
  let written = 0;
  let references = 0;
  let unpinned = 0;
  const write = (path, text) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    written++;
  };
  const pinned = `@sha256:${'ab'.repeat(32)}`;
  write('.gitignore', 'build/\n*.log\n');
  for (let i = 0; i < relevant; i++) {
    const service = `svc${Math.floor(i / 4)}`;
    switch (i % 4) {
      case 0:
        write(
          `services/${service}/Dockerfile`,
          `# syntax=docker/dockerfile:1\nARG BASE=python:3.${i % 13}-slim\nFROM \${BASE} AS build\nRUN <<EOF\npip install -r requirements.txt\nEOF\nCOPY <<EOF /templates/Dockerfile.child\nFROM alpine:3\nEOF\nFROM \\\n  gcr.io/distroless/python3:nonroot\nCOPY --from=build /app /app\n`,
        );
        references += 3;
        unpinned += 3;
        break;
      case 1:
        write(
          `.github/workflows/${service}.yml`,
          `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container: node:${18 + (i % 4)}\n    steps:\n      - uses: actions/checkout@${'1'.repeat(40)} # v4\n      - uses: actions/setup-node@v4\n      - run: npm test\n`,
        );
        references += 3;
        unpinned += 2;
        break;
      case 2:
        write(
          `deploy/${service}/deployment.yaml`,
          `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${service}\nspec:\n  template:\n    spec:\n      initContainers:\n        - image: busybox:1.36\n      containers:\n        - name: app\n          image: ghcr.io/example/${service}:1.${i}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${service}\n`,
        );
        references += 2;
        unpinned += 2;
        break;
      default:
        write(
          `services/${service}/compose.yaml`,
          `services:\n  app:\n    build: .\n  cache:\n    image: redis:7${pinned}\n  db:\n    image: "postgres:16"\n`,
        );
        references += 2;
        unpinned += 1;
    }
  }
  const filler =
    'export function handler(event) {\n  // FROM here on the value is used as an image: not a reference\n  return { status: 200, body: JSON.stringify(event) };\n}\n'.repeat(
      8,
    );
  for (let i = 0; written < files; i++) {
    const folder = `src/module${i % 200}/part${Math.floor(i / 200) % 10}`;
    if (i % 10 === 9) write(`build/out${i}.js`, filler);
    else if (i % 7 === 0)
      write(
        `${folder}/config${i}.json`,
        JSON.stringify({ name: `c${i}`, values: Array.from({ length: 40 }, (_, k) => k) }),
      );
    else write(`${folder}/file${i}.ts`, filler);
  }
  return { files: written, relevant, references, unpinned };
}
