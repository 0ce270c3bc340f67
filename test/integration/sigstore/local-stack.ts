import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOidcServer, type OidcServer } from '../../harness/oidc.js';
import { startSigstoreStack, type SigstoreStack, type SigstoreStackOptions } from '../../harness/sigstore.js';

/** An OIDC issuer, a Sigstore stack that trusts it, and a scratch folder; for one test file. */
export interface LocalSigstore {
  oidc: OidcServer;
  stack: SigstoreStack;
  dir: string;
  trustedRootPath: string;
  close(): Promise<void>;
}

export async function startLocalSigstore(options: SigstoreStackOptions = {}): Promise<LocalSigstore> {
  const oidc = await startOidcServer();
  const stack = await startSigstoreStack({ ...options, issuers: [{ issuer: oidc.issuer, jwks: oidc.jwks }] });
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-sigstore-'));
  return {
    oidc,
    stack,
    dir,
    trustedRootPath: stack.writeTrustedRoot(join(dir, 'trust')),
    close: async () => {
      await Promise.all([oidc.close(), stack.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
