import { formatLocation, SEVERITIES, type Finding, type Severity } from '@gatehouse/findings';

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
