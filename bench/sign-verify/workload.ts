/**
 * The work bench/sign-verify measures, one mode per process (bundled with ncc by run.mjs):
 *   stack <ready-file>                 start the OIDC server and the local Sigstore stack; write URLs and the trusted root
 *   gatehouse-sign <stack.json> <glob> <bundle-dir>
 *   sigstore-sign <stack.json> <bundle-dir> <file>...     sigstore-js's top-level sign(), four at a time
 *   gatehouse-verify <stack.json> <glob> <bundle-dir>
 *   sigstore-verify <stack.json> <bundle-dir> <file>...   sigstore-js's verifier (createVerifier's path, same trusted root, no TUF)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sign as sigstoreSign } from 'sigstore';
import { bundleFromJSON } from '@sigstore/bundle';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { signWorkspace, verifyWorkspace } from '@gatehouse/sigstore';
import { startOidcServer } from '../../test/harness/oidc.js';
import { startSigstoreStack } from '../../test/harness/sigstore.js';
import { REPOSITORY } from '../../test/harness/github-context.js';

interface StackInfo {
  fulcioUrl: string;
  rekorUrl: string;
  tokenUrl: string;
  requestToken: string;
  trustedRootPath: string;
}

const [mode, ...args] = process.argv.slice(2);

async function fetchToken(stack: StackInfo): Promise<string> {
  const url = new URL(stack.tokenUrl);
  url.searchParams.set('audience', 'sigstore');
  const response = await fetch(url, { headers: { Authorization: `Bearer ${stack.requestToken}` } });
  return ((await response.json()) as { value: string }).value;
}

async function pool<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

switch (mode) {
  case 'stack': {
    const oidc = await startOidcServer({ lifetimeSeconds: 3600 });
    const stack = await startSigstoreStack({ issuers: [{ issuer: oidc.issuer, jwks: oidc.jwks }] });
    const dir = join(args[0]!, '..');
    const info: StackInfo = {
      fulcioUrl: stack.fulcioUrl,
      rekorUrl: stack.rekorUrl,
      tokenUrl: oidc.tokenUrl,
      requestToken: oidc.requestToken,
      trustedRootPath: stack.writeTrustedRoot(dir),
    };
    writeFileSync(args[0]!, JSON.stringify(info));
    process.on('SIGTERM', () => void Promise.all([oidc.close(), stack.close()]).then(() => process.exit(0)));
    break;
  }
  case 'gatehouse-sign': {
    const stack = JSON.parse(readFileSync(args[0]!, 'utf8')) as StackInfo;
    const report = await signWorkspace({
      workspace: '/',
      subjectPaths: [args[1]!],
      bundleDir: args[2]!,
      oidcAudience: 'sigstore',
      fulcioUrl: stack.fulcioUrl,
      rekorUrl: stack.rekorUrl,
      tlog: true,
      idToken: { requestUrl: stack.tokenUrl, requestToken: stack.requestToken },
    });
    console.log(`signed ${report.results.length}`);
    break;
  }
  case 'sigstore-sign': {
    const stack = JSON.parse(readFileSync(args[0]!, 'utf8')) as StackInfo;
    mkdirSync(args[1]!, { recursive: true });
    let token = await fetchToken(stack);
    await pool(args.slice(2), 4, async (file) => {
      const bundle = await sigstoreSign(readFileSync(file), {
        fulcioURL: stack.fulcioUrl,
        rekorURL: stack.rekorUrl,
        identityToken: token,
      });
      writeFileSync(join(args[1]!, `${basename(file)}.sigstore.json`), JSON.stringify(bundle));
    });
    token = '';
    console.log(`signed ${args.length - 2}`);
    break;
  }
  case 'gatehouse-verify': {
    const stack = JSON.parse(readFileSync(args[0]!, 'utf8')) as StackInfo;
    const report = await verifyWorkspace({
      workspace: '/',
      subjectPaths: [args[1]!],
      bundlePath: args[2]!,
      trustedRoot: stack.trustedRootPath,
      signerRepository: REPOSITORY,
      tlogThreshold: 1,
      timestampThreshold: 1,
    });
    if (!report.verified)
      throw new Error(`gatehouse verify failed: ${report.results.find((r) => !r.verified)?.reason}`);
    console.log(`verified ${report.results.length}`);
    break;
  }
  case 'sigstore-verify': {
    const stack = JSON.parse(readFileSync(args[0]!, 'utf8')) as StackInfo;
    const root = TrustedRoot.fromJSON(JSON.parse(readFileSync(stack.trustedRootPath, 'utf8')));
    const verifier = new Verifier(toTrustMaterial(root), { ctlogThreshold: 1, tlogThreshold: 1 });
    const policy = {
      subjectAlternativeName: new RegExp(`^https://github\\.com/${REPOSITORY.replace('/', '\\/')}/`),
      extensions: { issuer: 'https://token.actions.githubusercontent.com' },
    };
    for (const file of args.slice(2)) {
      const bundle = bundleFromJSON(
        JSON.parse(readFileSync(join(args[1]!, `${basename(file)}.sigstore.json`), 'utf8')),
      );
      verifier.verify(toSignedEntity(bundle, readFileSync(file)), policy);
    }
    console.log(`verified ${args.length - 2}`);
    break;
  }
  default:
    console.error(`workload: unknown mode ${mode}`);
    process.exit(2);
}
