/** Throwaway actions for the harness's own tests: action.yml plus an ESM script using @actions/core. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, temporaryFolder } from './runner.js';

/** @actions/core from the project's node_modules, importable from a script in any folder. */
export const ACTIONS_CORE = pathToFileURL(join(REPO_ROOT, 'node_modules', '@actions', 'core', 'lib', 'core.js')).href;

export interface ThrowawayAction {
  /** action.yml `inputs:` block body (already indented by two spaces), or '' for none. */
  inputs?: string;
  /** Body of main.mjs; `core` and `fs` are imported, top-level await works. */
  main: string;
  post?: string;
  using?: string;
}

/** Writes the action to a fresh temporary folder and returns its absolute path. */
export function writeAction(action: ThrowawayAction): string {
  const dir = temporaryFolder('action');
  const header = `import * as core from ${JSON.stringify(ACTIONS_CORE)};\nimport * as fs from 'node:fs';\n`;
  writeFileSync(join(dir, 'main.mjs'), header + action.main);
  if (action.post) writeFileSync(join(dir, 'post.mjs'), header + action.post);
  writeFileSync(
    join(dir, 'action.yml'),
    [
      "name: 'throwaway'",
      "description: 'harness test action'",
      ...(action.inputs ? ['inputs:', action.inputs] : []),
      'runs:',
      `  using: '${action.using ?? 'node24'}'`,
      "  main: 'main.mjs'",
      ...(action.post ? ["  post: 'post.mjs'"] : []),
      '',
    ].join('\n'),
  );
  return dir;
}
