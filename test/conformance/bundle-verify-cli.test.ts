import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusPath, describeWithCorpus } from '../support/corpora.js';
import { conformanceCases } from './sigstore-cases.js';
import { runNode, toGatehouseArgs, writePublicGoodRoot } from './sigstore-cli-adapter.js';

/**
 * Every sigstore-conformance bundle-verify case through the bundled CLI (`gatehouse verify`), via the
 * suite's CLI protocol: exit 0 for a pass, 1 (rejected) or 2 (unusable input) for a `_fail` case.
 * GATEHOUSE_CLI points at another build of the CLI; dist/cli must hold the verify command.
 */
const cli = resolve(process.env.GATEHOUSE_CLI ?? join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js'));

describeWithCorpus('sigstore-conformance', 'sigstore-conformance bundle-verify through gatehouse verify', () => {
  const cases = conformanceCases(corpusPath('sigstore-conformance'));
  let dir = '';
  let publicGood = '';
  let ready = false;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'conformance-cli-'));
    publicGood = writePublicGoodRoot(dir);
    ready = existsSync(cli) && (await runNode(cli, ['verify', '--help'], dir)).code === 0;
    if (!ready && process.env.CI !== 'true')
      console.warn(`skipping CLI conformance: ${cli} has no verify command (npm run build -- cli)`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    if (!ready) {
      if (process.env.CI === 'true') throw new Error(`CI=true but ${cli} has no verify command`);
      return;
    }
    const protocol = ['verify', '--bundle', testCase.bundle];
    if (testCase.trustedRoot) protocol.push('--trusted-root', testCase.trustedRoot);
    if (testCase.publicKey) protocol.push('--key', testCase.publicKey);
    else protocol.push('--certificate-identity', testCase.identity, '--certificate-oidc-issuer', testCase.issuer);
    protocol.push(testCase.artifact);
    const run = await runNode(cli, toGatehouseArgs(protocol, publicGood), dir);
    if (testCase.expectFailure) {
      expect([1, 2]).toContain(run.code);
      expect(`${run.stdout}${run.stderr}`).toMatch(/FAILED|error|Input/i);
    } else {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain('gatehouse verify: verified: 1 of 1 subjects verified');
    }
  });
});
