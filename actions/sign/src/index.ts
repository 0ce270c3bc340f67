import { info, mask, runAction, runnerInputs, setOutputs, writeSummary } from '@gatehouse/action-kit';
import { ExitCode } from '@gatehouse/findings';
import { signSummary, signWorkspace } from '@gatehouse/sigstore';
import { readSignOptions } from './options.js';

await runAction(async () => {
  const options = readSignOptions(runnerInputs());
  if (options.key) mask(options.key);
  if (options.keyPassword) mask(options.keyPassword);
  const report = await signWorkspace({
    ...options,
    idToken: {
      requestUrl: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      requestToken: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    },
  });
  for (const result of report.results) {
    const log = result.logIndex ? `, log index ${result.logIndex}` : '';
    info(`Signed ${result.subject} (${result.digest}) -> ${result.bundlePath}${log}`);
  }
  const signer = report.results[0]?.identity;
  if (signer) info(`Signer: ${signer} (${report.results[0]?.issuer ?? 'unknown issuer'})`);
  setOutputs({ 'bundle-paths': JSON.stringify(report.bundlePaths), subjects: JSON.stringify(report.subjects) });
  await writeSummary(signSummary(report));
  return ExitCode.ok;
});
