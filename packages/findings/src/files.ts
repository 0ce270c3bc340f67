import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import picomatch from 'picomatch';
import { UsageError } from './errors.js';

export interface ExpandOptions {
  /** Name of the input the patterns came from, for error messages. */
  input: string;
  /** Base for relative patterns. */
  cwd: string;
  /** Also match dot-files and dot-folders (default true: `.github/` matters to us). */
  dot?: boolean;
  ignore?: string[];
}

/**
 * Files named by newline-separated paths or globs, relative to `cwd`, returned as sorted paths
 * relative to `cwd` with forward slashes. A literal path that exists is taken as it is, even when
 * it contains glob characters. `!pattern` excludes.
 */
export async function expandGlobs(patterns: readonly string[], options: ExpandOptions): Promise<string[]> {
  const include: string[] = [];
  const exclude: string[] = [...(options.ignore ?? [])];
  const found = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (!pattern) continue;
    if (pattern.startsWith('!')) {
      exclude.push(pattern.slice(1));
      continue;
    }
    const absolute = resolve(options.cwd, pattern);
    if (existsSync(absolute) && statSync(absolute).isFile()) {
      found.add(toRelative(options.cwd, absolute));
      continue;
    }
    if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      include.push(`${toPosix(relative(options.cwd, absolute)) || '.'}/**/*`);
      continue;
    }
    include.push(isAbsolute(pattern) ? toPosix(relative(options.cwd, pattern)) : pattern);
  }
  if (include.length > 0) {
    const matches = await glob(include, {
      cwd: options.cwd,
      ignore: exclude,
      dot: options.dot ?? true,
      onlyFiles: true,
      expandDirectories: false,
    });
    for (const match of matches) found.add(toPosix(match));
  }
  if (exclude.length > 0 && found.size > 0) {
    const excluded = picomatch(exclude, { dot: true });
    for (const path of [...found]) if (excluded(path)) found.delete(path);
  }
  return [...found].sort();
}

/** Resolves a path input against `cwd`, failing with one line when it does not exist. */
export function existingFile(input: string, path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new UsageError(`Input '${input}': file not found: ${path}`);
  if (!statSync(absolute).isFile()) throw new UsageError(`Input '${input}': not a file: ${path}`);
  return absolute;
}

export function toRelative(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return toPosix(rel.startsWith('..') || isAbsolute(rel) ? absolute : rel);
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the data
 * goes to a temporary file beside the target, which is then renamed over it.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const { mkdir, rename, rm, writeFile } = await import('node:fs/promises');
  const { dirname, basename, join } = await import('node:path');
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
