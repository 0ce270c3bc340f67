import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../packages/cli/src/main.js';
import { REPOSITORY } from '../../harness/github-context.js';
import { startLocalSigstore, type LocalSigstore } from './local-stack.js';

/** `gatehouse sign` and `gatehouse verify` in process, on the same options readers as the actions. */
let local: LocalSigstore;
beforeAll(async () => {
  local = await startLocalSigstore();
});
afterAll(async () => local?.close());

async function gatehouse(args: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(args, { cwd: local.dir, env, stdout, stderr, stdin: new PassThrough(), debug: false });
  return { code, stdout: out, stderr: err };
}

it('signs keyless with SIGSTORE_ID_TOKEN and verifies; a changed file exits 1 with the reason', async () => {
  mkdirSync(join(local.dir, 'out'), { recursive: true });
  writeFileSync(join(local.dir, 'out', 'tool.tgz'), 'tool\n');
  const signed = await gatehouse(
    ['sign', 'out/*', '--fulcio-url', local.stack.fulcioUrl, '--rekor-url', local.stack.rekorUrl],
    {
      SIGSTORE_ID_TOKEN: local.oidc.issueToken('sigstore'),
    },
  );
  expect(signed.stderr).toBe('');
  expect(signed.code).toBe(0);
  expect(signed.stdout).toMatch(
    /^signed out\/tool\.tgz sha256:[0-9a-f]{64} -> out\/tool\.tgz\.sigstore\.json \(log index \d+\)$/m,
  );

  const trust = ['--trusted-root', local.trustedRootPath, '--signer-repository', REPOSITORY];
  const verified = await gatehouse(['verify', 'out/*', ...trust]);
  expect(verified.code).toBe(0);
  expect(verified.stdout).toContain('gatehouse verify: verified: 1 of 1 subjects verified');
  const sameSource = await gatehouse(['verify', 'out/*', ...trust, '--source-repository', REPOSITORY.toUpperCase()]);
  expect(sameSource.code).toBe(0);
  const otherSource = await gatehouse(['verify', 'out/*', ...trust, '--source-repository', 'acme/other']);
  expect(otherSource.code).toBe(1);
  expect(otherSource.stdout).toContain(
    `FAILED   out/tool.tgz (bundle out/tool.tgz.sigstore.json): untrusted signer: source repository 'https://github.com/${REPOSITORY}' is not 'https://github.com/acme/other'`,
  );

  writeFileSync(join(local.dir, 'out', 'tool.tgz'), 'tool, changed\n');
  const failed = await gatehouse(['verify', 'out/*', ...trust]);
  expect(failed.code).toBe(1);
  expect(failed.stdout).toMatch(/FAILED {3}out\/tool\.tgz \(bundle out\/tool\.tgz\.sigstore\.json\): digest mismatch/);
});

it('exits 2 with one line for a keyless sign without a token and a verify without an issuer', async () => {
  writeFileSync(join(local.dir, 'x.txt'), 'x');
  const sign = await gatehouse(['sign', 'x.txt']);
  expect(sign.code).toBe(2);
  expect(sign.stderr.trim().split('\n')).toHaveLength(1);
  expect(sign.stderr).toContain('permissions: id-token: write');
  const verify = await gatehouse(['verify', 'x.txt', '--certificate-identity', 'someone@example.com']);
  expect(verify.code).toBe(2);
  expect(verify.stderr).toMatch(/certificate-oidc-issuer/);
});
