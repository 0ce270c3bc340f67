import { readActionMetadata, readManifests, readWorkflow } from '../../readers/yaml.js';
import type { ActionOccurrence, ImageOccurrence, Occurrence } from '../../occurrence.js';

function summary(text: string, occurrences: Occurrence[]): unknown[] {
  return occurrences.map((o) => {
    const value = o.kind === 'image' ? o.image : o.uses;
    const spanText = o.span ? text.slice(o.span.start, o.span.end) : undefined;
    expect(spanText === undefined || spanText === value).toBe(true);
    return [o.kind, value, o.line, o.column];
  });
}

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

describe('readWorkflow', () => {
  const text = [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    container: node:20',
    '    services:',
    '      db:',
    '        image: "postgres:16"',
    '      cache:',
    "        image: 'redis@sha256:" + 'c'.repeat(64) + "'",
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - uses: actions/setup-node@${SHA} # v4.0.2`,
    '      - uses: ./local-action',
    '      - uses: $/self',
    '      - uses: docker://alpine:3.19',
    '      - uses: github/codeql-action/init@v3   # pinned later',
    '      - run: echo hi',
    '  deploy:',
    '    container:',
    '      image: ${{ matrix.image }}',
    '    uses: org/repo/.github/workflows/deploy.yml@main',
    '',
  ].join('\n');

  it('finds every uses, container and service image with its position', () => {
    const { occurrences, problems } = readWorkflow(text);
    expect(problems).toEqual([]);
    expect(summary(text, occurrences)).toEqual([
      ['image', 'node:20', 5, 16],
      ['image', 'postgres:16', 8, 17],
      ['image', `redis@sha256:${'c'.repeat(64)}`, 10, 17],
      ['action', 'actions/checkout@v4', 12, 15],
      ['action', `actions/setup-node@${SHA}`, 13, 15],
      ['image', 'alpine:3.19', 16, 24],
      ['action', 'github/codeql-action/init@v3', 17, 15],
      ['action', 'org/repo/.github/workflows/deploy.yml@main', 22, 11],
      ['image', '${{ matrix.image }}', 21, 14],
    ]);
  });

  it('splits owner, repo, path and ref and reads version comments', () => {
    const actions = readWorkflow(text).occurrences.filter((o): o is ActionOccurrence => o.kind === 'action');
    expect(actions[1]).toMatchObject({
      owner: 'actions',
      repo: 'setup-node',
      ref: SHA,
      versionComment: { tag: 'v4.0.2' },
    });
    expect(actions[2]).toMatchObject({ owner: 'github', repo: 'codeql-action', subpath: 'init', ref: 'v3' });
    expect(actions[2]!.versionComment).toBeUndefined();
    expect(actions[3]).toMatchObject({
      owner: 'org',
      repo: 'repo',
      subpath: '.github/workflows/deploy.yml',
      ref: 'main',
    });
  });

  it('marks expressions as unresolvable', () => {
    const images = readWorkflow(text).occurrences.filter((o): o is ImageOccurrence => o.kind === 'image');
    expect(images.find((o) => o.image.includes('matrix'))!.unresolvable).toContain('expression');
  });

  it('reports a YAML syntax error with its line', () => {
    const { problems } = readWorkflow('jobs:\n  a:\n    steps: [\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a uses value that is not owner/repo@ref', () => {
    const { problems } = readWorkflow('jobs:\n  a:\n    steps:\n      - uses: actions/checkout\n');
    expect(problems).toEqual([
      { line: 4, column: 15, message: "uses: 'actions/checkout' is not owner/repo[/path]@ref" },
    ]);
  });
});

describe('readActionMetadata', () => {
  it('reads runs.image of a docker action (docker:// only) and composite steps', () => {
    const docker = "runs:\n  using: docker\n  image: 'docker://ghcr.io/o/i:1'\n";
    expect(summary(docker, readActionMetadata(docker).occurrences)).toEqual([['image', 'ghcr.io/o/i:1', 3, 20]]);
    expect(readActionMetadata('runs:\n  using: docker\n  image: Dockerfile\n').occurrences).toEqual([]);
    const composite = 'runs:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n';
    expect(summary(composite, readActionMetadata(composite).occurrences)).toEqual([
      ['action', 'actions/cache@v4', 4, 13],
    ]);
  });
});

describe('readManifests', () => {
  it('reads every Kubernetes workload kind and container list, across documents', () => {
    const text = [
      '# Source: chart/templates/pod.yaml',
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: app:1',
      '  initContainers:',
      '    - image: init:1',
      '  ephemeralContainers:',
      '    - image: debug:1',
      '---',
      ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].flatMap((kind) => [
        'apiVersion: apps/v1',
        `kind: ${kind}`,
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        `        - image: ${kind.toLowerCase()}:1`,
        '---',
      ]),
      'apiVersion: batch/v1',
      'kind: CronJob',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '            - image: cron:1',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'data:',
      '  image: not-an-image:1',
      '',
    ].join('\n');
    const { occurrences, problems } = readManifests(text);
    expect(problems).toEqual([]);
    expect(summary(text, occurrences).map((row) => (row as unknown[])[1])).toEqual([
      'init:1',
      'app:1',
      'debug:1',
      'deployment:1',
      'statefulset:1',
      'daemonset:1',
      'replicaset:1',
      'job:1',
      'cron:1',
    ]);
    expect(occurrences[1]).toMatchObject({ line: 7, column: 14 });
    expect(occurrences[8]).toMatchObject({ line: 61, column: 22 });
  });

  it('reads List items', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    spec:\n      containers:\n        - image: x:1\n';
    expect(summary(text, readManifests(text).occurrences)).toEqual([['image', 'x:1', 8, 18]]);
  });

  it('reads compose services and flags interpolation as unresolvable', () => {
    const text =
      'services:\n  web:\n    image: nginx:1.25 # web\n  api:\n    build: .\n  worker:\n    image: "${REGISTRY}/worker:${TAG:-latest}"\n';
    const { occurrences } = readManifests(text);
    expect(summary(text, occurrences)).toEqual([
      ['image', 'nginx:1.25', 3, 12],
      ['image', '${REGISTRY}/worker:${TAG:-latest}', 7, 13],
    ]);
    expect((occurrences[1] as ImageOccurrence).unresolvable).toContain('interpolation');
  });

  it('ignores YAML that is neither', () => {
    expect(readManifests('name: x\nimage: y:1\n').occurrences).toEqual([]);
  });
});

describe('readManifests by content', () => {
  it('reads a workflow kept outside .github/workflows and action metadata under another name', () => {
    const workflow = 'on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n';
    expect(summary(workflow, readManifests(workflow).occurrences)).toEqual([['action', 'actions/checkout@v4', 5, 15]]);
    const action = 'name: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n';
    expect(summary(action, readManifests(action).occurrences)).toEqual([['action', 'actions/cache@v4', 5, 13]]);
  });
});

describe('readManifests: compose extension fields', () => {
  it('reads images in x- extension fields shared through anchors', () => {
    const text = 'x-base: &base\n  image: python:3.12\nservices:\n  a:\n    <<: *base\n  b:\n    image: redis:7\n';
    expect(summary(text, readManifests(text).occurrences)).toEqual([
      ['image', 'redis:7', 7, 12],
      ['image', 'python:3.12', 2, 10],
    ]);
  });
});
