import { formatLocation, type Finding } from './finding.js';
import { SEVERITIES, type Severity } from './severity.js';

/** The runner rejects a step summary over 1 MiB; we stay under it with room for the truncation note. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

export interface SummaryInput {
  /** e.g. "Gatehouse gate". */
  title: string;
  passed: boolean;
  /** One sentence under the verdict, e.g. "2 findings at or above high". */
  headline: string;
  /** Findings that decided the result; listed first. */
  decisive: readonly Finding[];
  /** Other unsuppressed findings to show. */
  others: readonly Finding[];
  suppressed: readonly Finding[];
  counts: Record<Severity, number>;
  suppressedCount: number;
  notes?: readonly string[];
  limitBytes?: number;
}

const ICON: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  info: '⬜',
};

/**
 * A Markdown job summary: the verdict, counts by severity, the findings that decided the result,
 * the rest, the suppressed ones with owner and expiry. Kept under the runner's limit; when rows are
 * cut, a closing line says how many.
 */
export function renderSummary(input: SummaryInput): string {
  const limit = input.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const head: string[] = [];
  head.push(`## ${input.passed ? '✅' : '❌'} ${input.title}: ${input.passed ? 'passed' : 'failed'}`);
  head.push('', input.headline, '');
  head.push('| Severity | Findings |', '| --- | ---: |');
  for (const severity of SEVERITIES) head.push(`| ${ICON[severity]} ${severity} | ${input.counts[severity]} |`);
  head.push(`| suppressed | ${input.suppressedCount} |`, '');
  if (input.notes?.length) {
    for (const note of input.notes) head.push(`> ${cell(note)}`);
    head.push('');
  }

  const sections: Array<{ heading: string; header: string[]; rows: string[] }> = [];
  const findingHeader = ['| Severity | Rule | Location | Message | Tool |', '| --- | --- | --- | --- | --- |'];
  if (input.decisive.length) {
    sections.push({
      heading: input.passed ? '### Findings' : '### Findings that failed the gate',
      header: findingHeader,
      rows: input.decisive.map(findingRow),
    });
  }
  if (input.others.length) {
    sections.push({ heading: '### Other findings', header: findingHeader, rows: input.others.map(findingRow) });
  }
  if (input.suppressed.length) {
    sections.push({
      heading: '### Suppressed',
      header: [
        '| Severity | Rule | Location | By | Owner | Expires | Reason |',
        '| --- | --- | --- | --- | --- | --- | --- |',
      ],
      rows: input.suppressed.map(suppressedRow),
    });
  }

  let out = head.join('\n') + '\n';
  let cut = 0;
  let budget = limit - byteLength(out) - 200;
  for (const section of sections) {
    const opening = `${section.heading}\n\n${section.header.join('\n')}\n`;
    if (byteLength(opening) > budget) {
      cut += section.rows.length;
      continue;
    }
    let block = opening;
    budget -= byteLength(opening);
    for (const row of section.rows) {
      const size = byteLength(row) + 1;
      if (size > budget) {
        cut++;
        continue;
      }
      block += row + '\n';
      budget -= size;
    }
    out += block + '\n';
  }
  if (cut > 0)
    out += `> ${cut} more rows were left out to stay under the runner's 1 MiB summary limit; the SARIF and JSON outputs have every finding.\n`;
  return out;
}

function findingRow(finding: Finding): string {
  const tools = finding.properties.tools?.join(', ') ?? '';
  const assumed = finding.properties.severityAssumed ? ' (assumed)' : '';
  return `| ${ICON[finding.severity]} ${finding.severity}${assumed} | \`${cell(finding.ruleId)}\` | ${cell(formatLocation(finding.location))} | ${cell(truncate(finding.message, 300))} | ${cell(tools)} |`;
}

function suppressedRow(finding: Finding): string {
  const s = finding.properties.suppression;
  return `| ${finding.severity} | \`${cell(finding.ruleId)}\` | ${cell(formatLocation(finding.location))} | ${s?.kind ?? ''} | ${cell(s?.owner ?? '')} | ${cell(s?.expires ?? '')} | ${cell(truncate(s?.reason ?? '', 200))} |`;
}

/** Text safe inside a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
