import { annotate, error, info, logFindings, setOutputs, warning, writeSummary } from '@gatehouse/action-kit';
import { ExitCode } from '@gatehouse/findings';
import { gateSummary, writeFindingsJson, writeSarif, type GateResult } from '@gatehouse/gate';

export interface GateReportOptions {
  title: string;
  workspace: string;
  sarifOutput?: string;
  findingsOutput?: string;
  summary: boolean;
}

/**
 * What every gate-shaped action shows the runner: outputs (passed, counts, paths), the findings in
 * the log and as annotations, the verdict, the job summary. Returns the exit code.
 */
export async function reportGate(result: GateResult, options: GateReportOptions): Promise<number> {
  const sarifPath = options.sarifOutput ? await writeSarif(result, options.sarifOutput, options.workspace) : '';
  const findingsPath = options.findingsOutput
    ? await writeFindingsJson(result, options.findingsOutput, options.workspace)
    : '';
  setOutputs({
    passed: result.passed,
    ...result.counts,
    suppressed: result.suppressedCount,
    'sarif-path': sarifPath,
    'findings-path': findingsPath,
  });

  logFindings([...result.decisive, ...result.others]);
  for (const note of result.notes) info(note);
  const verdict = stripMarkdown(result.headline);
  if (!result.passed) error(`${options.title} failed: ${verdict}`);
  annotate([...result.decisive, ...result.others], { alreadyUsed: { error: result.passed ? 0 : 1 } });
  for (const rule of result.unusedExceptions) {
    warning(`Exception ${rule.id} (owner ${rule.owner}) matched no finding: ${rule.source.path}:${rule.source.line}`);
  }
  if (options.summary) await writeSummary(gateSummary(result, options.title));
  if (result.passed) info(`${options.title} passed: ${verdict}`);
  return result.passed ? ExitCode.ok : ExitCode.violation;
}

function stripMarkdown(text: string): string {
  return text.replace(/\*\*/g, '');
}
