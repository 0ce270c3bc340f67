import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeIfAvailable } from './requires.js';

/**
 * The public test corpora (../shared/corpora by default, or GATEHOUSE_CORPORA). Outside CI a
 * missing corpus skips the suite with one line; under CI=true it fails loudly.
 */
export const CORPORA = resolve(process.env.GATEHOUSE_CORPORA ?? join(process.cwd(), '..', 'shared', 'corpora'));

export function corpusPath(...parts: string[]): string {
  return join(CORPORA, ...parts);
}

/** `describe` when the corpus folder exists; otherwise a skip (or, under CI=true, a failure). */
export function describeWithCorpus(folder: string, name: string, body: () => void): void {
  const path = corpusPath(folder);
  describeIfAvailable(
    name,
    existsSync(path) ? undefined : `the corpus ${path} is missing (set GATEHOUSE_CORPORA)`,
    body,
  );
}
