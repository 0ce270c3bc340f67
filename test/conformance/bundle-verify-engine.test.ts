import { readFileSync } from 'node:fs';
import { UsageError } from '@gatehouse/findings';
import {
  buildIdentityPolicy,
  readTrustedRoot,
  seededPublicGoodTrustedRoot,
  verifyArtifacts,
  type LoadedTrustedRoot,
} from '@gatehouse/sigstore';
import { corpusPath, describeWithCorpus } from '../support/corpora.js';
import { conformanceCases, type ConformanceCase } from './sigstore-cases.js';

/** Every sigstore-conformance bundle-verify case through the engine; `_fail` cases must be rejected. */
async function runCase(
  testCase: ConformanceCase,
  publicGood: LoadedTrustedRoot,
): Promise<{ accepted: boolean; reason?: string }> {
  try {
    const trustedRoot = testCase.trustedRoot ? readTrustedRoot(testCase.trustedRoot) : publicGood;
    const report = await verifyArtifacts([{ name: 'artifact', path: testCase.artifact, bundlePath: testCase.bundle }], {
      trustedRoot,
      ...(testCase.publicKey
        ? { publicKey: readFileSync(testCase.publicKey, 'utf8') }
        : {
            policy: buildIdentityPolicy({
              certificateIdentity: testCase.identity,
              certificateOidcIssuer: testCase.issuer,
            }),
          }),
    });
    return { accepted: report.verified, reason: report.results[0]?.reason };
  } catch (error) {
    if (error instanceof UsageError) return { accepted: false, reason: error.message };
    throw error;
  }
}

describeWithCorpus('sigstore-conformance', 'sigstore-conformance bundle-verify through the engine', () => {
  const cases = conformanceCases(corpusPath('sigstore-conformance'));
  const publicGood = seededPublicGoodTrustedRoot();

  it('has all 70 cases', () => {
    expect(cases).toHaveLength(70);
  });

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const outcome = await runCase(testCase, publicGood);
    if (testCase.expectFailure) {
      expect(outcome.accepted).toBe(false);
      expect(outcome.reason).toBeTruthy();
    } else {
      expect(outcome).toEqual({ accepted: true, reason: undefined });
    }
  });
});
