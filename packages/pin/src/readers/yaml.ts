import { isMap, isScalar } from 'yaml';
import type { FileReading } from '../occurrence.js';
import { entries, get, items, readYamlDocuments, stringAt, YamlSource } from './yaml-source.js';

/** GitHub workflow: steps' and jobs' `uses`, `container` (string or map) and `services.*.image`. */
export function readWorkflow(text: string): FileReading {
  const source = new YamlSource(text);
  readYamlDocuments(source, (contents) => visitWorkflow(source, contents));
  return { occurrences: source.occurrences, problems: source.problems };
}

/** action.yml: `runs.image` of a docker action and `runs.steps[].uses` of a composite one. */
export function readActionMetadata(text: string): FileReading {
  const source = new YamlSource(text);
  readYamlDocuments(source, (contents) => visitActionMetadata(source, contents));
  return { occurrences: source.occurrences, problems: source.problems };
}

/**
 * Any other YAML, by content: a Kubernetes resource (apiVersion + kind), a compose file (top-level
 * `services`), a workflow kept elsewhere (top-level `jobs`, e.g. workflow templates), action metadata
 * (`runs.using`), or skipped. Multi-document streams such as Helm output work as is.
 */
export function readManifests(text: string): FileReading {
  const source = new YamlSource(text);
  readYamlDocuments(source, (contents) => {
    if (stringAt(contents, 'apiVersion') !== undefined && stringAt(contents, 'kind') !== undefined) {
      visitKubernetes(source, contents, '');
    } else if (isMap(get(contents, 'jobs')) && get(contents, 'on') !== undefined) {
      visitWorkflow(source, contents);
    } else if (stringAt(get(contents, 'runs'), 'using') !== undefined) {
      visitActionMetadata(source, contents);
    } else if (isMap(get(contents, 'services'))) {
      visitCompose(source, contents);
    }
  });
  return { occurrences: source.occurrences, problems: source.problems };
}

function visitWorkflow(source: YamlSource, contents: unknown): void {
  for (const [jobId, job] of entries(get(contents, 'jobs'))) {
    const at = `jobs.${jobId}`;
    source.uses(get(job, 'uses'), `${at}.uses`);
    const container = get(job, 'container');
    if (isScalar(container)) source.image(container, `${at}.container`, { interpolation: 'expression' });
    else source.image(get(container, 'image'), `${at}.container.image`, { interpolation: 'expression' });
    for (const [name, service] of entries(get(job, 'services'))) {
      if (isScalar(service)) source.image(service, `${at}.services.${name}`, { interpolation: 'expression' });
      else source.image(get(service, 'image'), `${at}.services.${name}.image`, { interpolation: 'expression' });
    }
    items(get(job, 'steps')).forEach((step, i) => source.uses(get(step, 'uses'), `${at}.steps[${i}].uses`));
  }
}

function visitActionMetadata(source: YamlSource, contents: unknown): void {
  const runs = get(contents, 'runs');
  const image = source.scalar(get(runs, 'image'));
  if (image?.value.startsWith('docker://')) source.uses(get(runs, 'image'), 'runs.image');
  items(get(runs, 'steps')).forEach((step, i) => source.uses(get(step, 'uses'), `runs.steps[${i}].uses`));
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

function visitKubernetes(source: YamlSource, resource: unknown, prefix: string): void {
  const kind = stringAt(resource, 'kind') ?? '';
  if (kind.endsWith('List')) {
    items(get(resource, 'items')).forEach((item, i) => visitKubernetes(source, item, `${prefix}items[${i}].`));
    return;
  }
  // Workload kinds we do not know by name (operators' CRDs) usually embed a pod template here too.
  const path = POD_SPEC_PATHS[kind] ?? ['spec', 'template', 'spec'];
  let podSpec: unknown = resource;
  for (const key of path) podSpec = get(podSpec, key);
  if (!isMap(podSpec)) return;
  for (const list of CONTAINER_LISTS) {
    items(get(podSpec, list)).forEach((container, i) => {
      const name = stringAt(container, 'name');
      source.image(
        get(container, 'image'),
        `${prefix}${kind}${name ? ` ${name}` : ''} ${path.join('.')}.${list}[${i}].image`,
      );
    });
  }
}

function visitCompose(source: YamlSource, contents: unknown): void {
  for (const [name, service] of entries(get(contents, 'services'))) {
    source.image(get(service, 'image'), `services.${name}.image`, { interpolation: 'compose' });
  }
  // Extension fields (x-base: &base {image: …}) are where shared service settings live.
  for (const [name, extension] of entries(contents)) {
    if (name.startsWith('x-')) source.image(get(extension, 'image'), `${name}.image`, { interpolation: 'compose' });
  }
}
