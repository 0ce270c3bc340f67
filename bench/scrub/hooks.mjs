// Module hooks for the engine process: `@gatehouse/<name>` → packages/<name>/src/index.ts, and
// relative `.js` imports from TypeScript sources → the `.ts` file (Node 24 strips the types).
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolvePath(import.meta.dirname, '..', '..');

export async function resolve(specifier, context, next) {
  const workspace = /^@gatehouse\/([a-z-]+)$/.exec(specifier);
  if (workspace)
    return next(pathToFileURL(resolvePath(root, 'packages', workspace[1], 'src', 'index.ts')).href, context);
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return next(candidate.href, context);
  }
  return next(specifier, context);
}
