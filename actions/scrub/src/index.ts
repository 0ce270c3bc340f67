import {
  annotate,
  error,
  info,
  logFindings,
  mask,
  resumeWorkflowCommands,
  runAction,
  runnerInputs,
  setOutputs,
  warning,
  writeSummary,
} from '@gatehouse/action-kit';
import { runScrub } from '@gatehouse/scrub';
import { readScrubOptions, requireSomethingToDo } from './options.js';
import { scrubSummary, writeScrubSarif } from './report.js';

await runAction(async () => {
  const options = readScrubOptions(runnerInputs(), process.env);
  requireSomethingToDo(options.scrub, false);
  const result = await runScrub(options.scrub, {
    // The runner learns every value before the command prints anything.
    beforeSpawn: (masks) => masks.forEach(mask),
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
  });
  // A command that stopped workflow commands must not silence our own report.
  if (result.openStopCommandsToken) resumeWorkflowCommands(result.openStopCommandsToken);

  const workspace = options.scrub.workspace;
  const sarifPath = options.sarifOutput ? await writeScrubSarif(result.findings, options.sarifOutput, workspace) : '';
  setOutputs({ leaks: result.leaks, redactions: JSON.stringify(result.redactions), 'sarif-path': sarifPath });
  logFindings(result.findings);
  for (const path of result.rewritten) info(`Rewrote ${path} with its secrets redacted.`);
  for (const path of result.notRewritten) info(`${path} is inside an archive and was not rewritten.`);
  annotate(result.findings);
  if (options.scrub.scanPaths.length > 0 && result.scannedFiles === 0 && result.skippedFiles.length === 0) {
    warning(`Input 'scan-paths' matched no file: nothing was scanned.`);
  }
  await writeSummary(scrubSummary(result, options.scrub.failOnLeak, options.scrub.scanPaths));
  if (result.commandExitCode !== undefined && result.commandExitCode !== 0) {
    error(`The command exited with ${result.commandExitCode}.`);
  } else if (result.exitCode !== 0) {
    error(`Secrets leaked: ${result.leaks} (see the findings above; the values were redacted).`);
  }
  return result.exitCode;
});
