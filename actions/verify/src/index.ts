import { annotate, error, info, runAction, runnerInputs, setOutputs, writeSummary } from '@gatehouse/action-kit';
import { ExitCode } from '@gatehouse/findings';
import { verificationFindings, verifySummary, verifyWorkspace } from '@gatehouse/sigstore';
import { readVerifyOptions } from './options.js';

await runAction(async () => {
  const report = await verifyWorkspace(readVerifyOptions(runnerInputs()));
  for (const result of report.results) {
    const signer = result.identity ? `${result.identity} (${result.issuer ?? 'unknown issuer'})` : 'the given key';
    info(
      result.verified
        ? `verified ${result.subject}: signed by ${signer}${result.logIndex ? `, log index ${result.logIndex}` : ''}${result.time ? ` at ${result.time}` : ''}`
        : `FAILED   ${result.subject} (bundle ${result.bundle}): ${result.reason ?? 'not verified'}`,
    );
  }
  setOutputs({ verified: report.verified, results: JSON.stringify(report.results) });
  const failed = report.results.filter((result) => !result.verified).length;
  if (failed > 0) error(`Verification failed for ${failed} of ${report.results.length} subjects.`);
  annotate(verificationFindings(report), { alreadyUsed: { error: failed > 0 ? 1 : 0 } });
  await writeSummary(verifySummary(report));
  return report.verified ? ExitCode.ok : ExitCode.violation;
});
