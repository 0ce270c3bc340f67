import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { expandGlobs, toRelative, UsageError } from '@gatehouse/findings';
import picomatch from 'picomatch';
import { GitignoreRules, IgnoreStack } from './gitignore.js';

export type FileKind = 'dockerfile' | 'workflow' | 'action' | 'manifests';

export interface DiscoveredFile {
  /** Relative to the workspace, forward slashes. */
  path: string;
  kind: FileKind;
}

/** Folders never worth walking, ignored or not. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/** Suffixes of files that are not Dockerfiles even when named after one (Dockerfile.md, dockerfile.test.ts). */
const NOT_A_DOCKERFILE =
  /\.(?:dockerignore|md|txt|rst|j2|jinja|tmpl|tpl|template|orig|bak|ts|js|mjs|cjs|go|py|rs|java|rb|json|ya?ml|toml|sh|snap)$/i;

/** The kind of file a path names, from its name alone; undefined for files we do not read. */
export function classifyPath(path: string): FileKind | undefined {
  const name = posix.basename(path);
  if (isDockerfileName(name)) return 'dockerfile';
  if (!/\.ya?ml$/i.test(name)) return undefined;
  if (/(?:^|\/)\.github\/workflows\/[^/]+$/.test(path)) return 'workflow';
  if (/^action\.ya?ml$/i.test(name)) return 'action';
  return 'manifests';
}

/** Dockerfile, Containerfile, dockerfile, Dockerfile.dev, Dockerfile-dev, api.Dockerfile, app.containerfile. */
function isDockerfileName(name: string): boolean {
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return (
    /^(?:Dockerfile|Containerfile|dockerfile|containerfile)$/.test(name) ||
    /^(?:Dockerfile|Containerfile)[.-]./.test(name) ||
    /\.(?:dockerfile|containerfile)$/i.test(name)
  );
}

/**
 * The files to read. Without patterns: the whole workspace, honouring every .gitignore (and never
 * .git or node_modules), less any `!pattern`. With patterns: the files they match (`!pattern` excludes); a file named
 * literally is read even when its name is unusual (YAML by extension, otherwise a Dockerfile).
 */
export async function discoverFiles(workspace: string, patterns: readonly string[]): Promise<DiscoveredFile[]> {
  const root = resolve(workspace);
  const given = patterns.map((pattern) => pattern.trim()).filter(Boolean);
  if (given.every((pattern) => pattern.startsWith('!'))) {
    // Only exclusions: the whole workspace (as without patterns) minus what they name.
    const excluded =
      given.length > 0
        ? picomatch(
            given.map((pattern) => pattern.slice(1)),
            { dot: true },
          )
        : () => false;
    return walkWorkspace(root).filter((file) => !excluded(file.path));
  }
  const literal = new Set(
    given
      .filter(
        (pattern) =>
          !pattern.startsWith('!') && existsSync(resolve(root, pattern)) && statSync(resolve(root, pattern)).isFile(),
      )
      .map((pattern) => toRelative(root, resolve(root, pattern))),
  );
  const matched = await expandGlobs(given, { input: 'paths', cwd: root, ignore: ['**/.git/**', '**/node_modules/**'] });
  if (matched.length === 0) throw new UsageError(`Input 'paths' matched no file: ${given.join(', ')}`);
  const files: DiscoveredFile[] = [];
  for (const path of matched) {
    const kind =
      classifyPath(path) ?? (literal.has(path) ? (/\.ya?ml$/i.test(path) ? 'manifests' : 'dockerfile') : undefined);
    if (kind) files.push({ path, kind });
  }
  return files;
}

function walkWorkspace(root: string): DiscoveredFile[] {
  const files: DiscoveredFile[] = [];
  for (const path of walkWorkspaceFiles(root)) {
    const kind = classifyPath(path);
    if (kind) files.push({ path, kind });
  }
  return files;
}

/**
 * Every file of the workspace that git would track: each .gitignore is honoured where it stands,
 * and .git and node_modules are never entered. Sorted, relative, with forward slashes.
 */
export function walkWorkspaceFiles(workspace: string): string[] {
  const root = resolve(workspace);
  const files: string[] = [];
  const walk = (relativeDir: string, ignore: IgnoreStack): void => {
    const absolute = relativeDir === '' ? root : join(root, relativeDir);
    const entries = readdirSync(absolute, { withFileTypes: true });
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      ignore = ignore.with(relativeDir, new GitignoreRules(readFileSync(join(absolute, '.gitignore'), 'utf8')));
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !ignore.ignores(path, true)) walk(path, ignore);
      } else if (entry.isFile() && !ignore.ignores(path, false)) {
        files.push(path);
      }
    }
  };
  walk('', new IgnoreStack());
  return files;
}
