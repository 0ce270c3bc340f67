/**
 * An action's metadata (action.yml) and the inputs the runner derives from it: declared defaults
 * applied, `${{ }}` defaults evaluated against the step's github/runner contexts, and each value
 * passed as INPUT_<NAME> (upper-cased, spaces to underscores, hyphens kept).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionManifest {
  /** The folder that holds action.yml. */
  dir: string;
  file: string;
  name?: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string; pre?: string; post?: string };
}

/**
 * `action` is a folder name under actions/, `.` for the root action.yml, or an absolute path to a
 * folder holding action.yml (or action.yaml).
 */
export function loadActionManifest(action: string, repoRoot: string): ActionManifest {
  const dir = isAbsolute(action) ? action : action === '.' ? repoRoot : join(repoRoot, 'actions', action);
  const file = ['action.yml', 'action.yaml'].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!file) throw new Error(`harness: no action.yml in ${dir}`);
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') throw new Error(`harness: ${file} is not a YAML mapping`);
  const runs = doc.runs as Record<string, unknown> | undefined;
  if (!runs || typeof runs.main !== 'string' || typeof runs.using !== 'string') {
    throw new Error(`harness: ${file} has no runs.using/runs.main (only JavaScript actions can be run)`);
  }
  const inputs: Record<string, ActionInput> = {};
  for (const [name, spec] of Object.entries((doc.inputs ?? {}) as Record<string, Record<string, unknown> | null>)) {
    const input: ActionInput = {};
    if (spec && typeof spec.description === 'string') input.description = spec.description;
    if (spec && spec.required !== undefined) input.required = spec.required === true || spec.required === 'true';
    // The runner reads scalars as strings: `default: false` is the input "false".
    if (spec && spec.default !== undefined && spec.default !== null) input.default = String(spec.default);
    inputs[name] = input;
  }
  return {
    dir,
    file,
    ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
    inputs,
    outputs: (doc.outputs ?? {}) as ActionManifest['outputs'],
    runs: {
      using: runs.using,
      main: runs.main,
      ...(typeof runs.pre === 'string' ? { pre: runs.pre } : {}),
      ...(typeof runs.post === 'string' ? { post: runs.post } : {}),
    },
  };
}

/** The entry script of the action, resolved against the folder of action.yml. */
export function entryPath(manifest: ActionManifest, entry: 'main' | 'pre' | 'post' = 'main'): string {
  const script = manifest.runs[entry];
  if (!script) throw new Error(`harness: ${manifest.file} has no runs.${entry}`);
  return resolve(dirname(manifest.file), script);
}

/** The runner's variable name for an input: INPUT_ + name with spaces as `_`, upper-cased. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;
}

/**
 * INPUT_* variables for the given inputs plus every declared default. An input the action does not
 * declare is an error here (the runner only warns) so a typo in a test fails loudly.
 */
export function inputEnvironment(
  manifest: ActionManifest,
  given: Record<string, string>,
  context: Record<string, string>,
): Record<string, string> {
  const declared = Object.keys(manifest.inputs);
  const unknown = Object.keys(given).filter((name) => !(name in manifest.inputs));
  if (unknown.length) {
    throw new Error(
      `harness: ${manifest.file} declares no input ${unknown.map((n) => `'${n}'`).join(', ')} (declared: ${declared.join(', ') || 'none'})`,
    );
  }
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const value =
      name in given ? given[name] : spec.default !== undefined ? evaluateTemplate(spec.default, context) : undefined;
    if (value !== undefined) env[inputVariable(name)] = value;
  }
  return env;
}

/**
 * Replaces each `${{ expr }}` with the value of a plain context reference (`github.token`,
 * `runner.temp`, ...) from `context`; any other expression becomes the empty string.
 */
export function evaluateTemplate(template: string, context: Record<string, string>): string {
  return template.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expression: string) => context[expression.trim()] ?? '');
}
