import { ExitCode, formatLocation, SEVERITIES, type Finding, type Severity } from '@gatehouse/findings';
import { writeFindingsJson, writeSarif, type GateResult } from '@gatehouse/gate';
import type { CliContext } from './command.js';

/** Findings as plain lines for a terminal: severity, rule, location, message, tools. */
export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((finding) => {
    const where = formatLocation(finding.location);
    const tools = finding.properties.tools?.length ? ` [${finding.properties.tools.join(', ')}]` : '';
    return `  ${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}${where ? `  ${where}` : ''}  ${finding.message.split('\n')[0]}${tools}`;
  });
}

export function countsLine(counts: Record<Severity, number>, suppressed?: number): string {
  const parts = SEVERITIES.map((severity) => `${severity} ${counts[severity]}`);
  if (suppressed !== undefined) parts.push(`suppressed ${suppressed}`);
  return `  ${parts.join('  ')}`;
}

/** Prints a gate-shaped result (gate, audit): files written, findings, notes, verdict, counts. */
export async function printGateResult(
  command: string,
  result: GateResult,
  options: { workspace: string; sarifOutput?: string; findingsOutput?: string; summary: boolean },
  context: CliContext,
): Promise<number> {
  const out = (line = ''): void => void context.stdout.write(line + '\n');
  if (options.sarifOutput) out(`SARIF written to ${await writeSarif(result, options.sarifOutput, options.workspace)}`);
  if (options.findingsOutput) {
    out(`Findings written to ${await writeFindingsJson(result, options.findingsOutput, options.workspace)}`);
  }
  if (options.summary) {
    for (const line of findingLines(result.decisive)) out(line);
    for (const line of findingLines(result.others)) out(line);
    for (const note of result.notes) out(`  note: ${note}`);
  }
  out(`gatehouse ${command}: ${result.passed ? 'passed' : 'failed'}: ${result.headline.replace(/\*\*/g, '')}`);
  out(countsLine(result.counts, result.suppressedCount));
  return result.passed ? ExitCode.ok : ExitCode.violation;
}
