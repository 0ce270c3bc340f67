import { createRequire } from 'node:module';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { getTrustedRoot } from '@sigstore/tuf';
import { parseTrustedRoot, type LoadedTrustedRoot } from './trusted-root.js';

const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';

/**
 * The public-good trusted root as shipped inside @sigstore/tuf (its TUF seed). Offline and
 * reproducible, but only as fresh as the installed package: for production verification use
 * fetchPublicGoodTrustedRoot, which updates it over TUF.
 */
export function seededPublicGoodTrustedRoot(): LoadedTrustedRoot {
  const require = createRequire(import.meta.url);
  const seeds = require('@sigstore/tuf/seeds.json') as Record<string, { targets: Record<string, string> }>;
  const encoded = seeds[PUBLIC_GOOD_TUF]?.targets['trusted_root.json'];
  if (!encoded) throw new Error(`@sigstore/tuf ships no trusted_root.json seed for ${PUBLIC_GOOD_TUF}`);
  return parseTrustedRoot(Buffer.from(encoded, 'base64').toString('utf8'), 'the public-good trusted root (TUF seed)');
}

/** The public-good trusted root, updated over TUF (network). Checked like any other root. */
export async function fetchPublicGoodTrustedRoot(options: { cachePath?: string } = {}): Promise<LoadedTrustedRoot> {
  const root = await getTrustedRoot({ ...(options.cachePath ? { cachePath: options.cachePath } : {}) });
  return parseTrustedRoot(JSON.stringify(TrustedRoot.toJSON(root)), 'the public-good trusted root (TUF)');
}
