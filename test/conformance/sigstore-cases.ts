import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sigstore-conformance bundle-verify protocol: what each case folder means (see its README). */
export const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
export const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

export interface ConformanceCase {
  name: string;
  expectFailure: boolean;
  bundle: string;
  artifact: string;
  identity: string;
  issuer: string;
  /** key.pub, when the case is keyed. */
  publicKey?: string;
  /** trusted_root.json; absent means the public-good root. */
  trustedRoot?: string;
}

export function conformanceCases(root: string): ConformanceCase[] {
  const dir = join(root, 'bundle-verify');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = join(dir, entry.name);
      const optional = (file: string): string | undefined =>
        existsSync(join(folder, file)) ? join(folder, file) : undefined;
      const text = (file: string): string | undefined => {
        const path = optional(file);
        return path ? readFileSync(path, 'utf8').trim() : undefined;
      };
      return {
        name: entry.name,
        expectFailure: entry.name.endsWith('_fail'),
        bundle: join(folder, 'bundle.sigstore.json'),
        artifact: optional('artifact') ?? join(dir, 'a.txt'),
        identity: text('identity') ?? DEFAULT_IDENTITY,
        issuer: text('issuer') ?? DEFAULT_ISSUER,
        ...(optional('key.pub') ? { publicKey: optional('key.pub') } : {}),
        ...(optional('trusted_root.json') ? { trustedRoot: optional('trusted_root.json') } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
