import {
  annotate,
  error,
  info,
  logFindings,
  runAction,
  runnerInputs,
  setOutputs,
  warning,
  writeSummary,
} from '@gatehouse/action-kit';
import { ExitCode } from '@gatehouse/findings';
import { gateSummary, runGate, writeFindingsJson, writeSarif } from '@gatehouse/gate';
import { readGateOptions } from './options.js';

await runAction(async () => {
  const options = readGateOptions(runnerInputs());
  const result = await runGate(options.gate);
  const workspace = options.gate.workspace;

  const sarifPath = options.sarifOutput ? await writeSarif(result, options.sarifOutput, workspace) : '';
  const findingsPath = options.findingsOutput ? await writeFindingsJson(result, options.findingsOutput, workspace) : '';
  setOutputs({
    passed: result.passed,
    ...result.counts,
    suppressed: result.suppressedCount,
    'sarif-path': sarifPath,
    'findings-path': findingsPath,
  });

  logFindings([...result.decisive, ...result.others]);
  if (!result.passed) error(`Gate failed: ${stripMarkdown(result.headline)}`);
  annotate([...result.decisive, ...result.others], { alreadyUsed: { error: result.passed ? 0 : 1 } });
  for (const rule of result.unusedExceptions) {
    warning(`Exception ${rule.id} (owner ${rule.owner}) matched no finding: ${rule.source.path}:${rule.source.line}`);
  }
  if (options.summary) await writeSummary(gateSummary(result));

  if (result.passed) info(`Gate passed: ${stripMarkdown(result.headline)}`);
  return result.passed ? ExitCode.ok : ExitCode.violation;
});

function stripMarkdown(text: string): string {
  return text.replace(/\*\*/g, '');
}
