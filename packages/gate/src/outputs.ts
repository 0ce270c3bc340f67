import { resolve } from 'node:path';
import { renderSummary, toRelative, toSarif, writeFileAtomic, type Finding } from '@gatehouse/findings';
import { toFindingsJson } from '@gatehouse/scanners';
import type { GateResult } from './gate.js';

export const TOOL = {
  name: 'Gatehouse gate',
  version: '0.1.0',
  informationUri: 'https://github.com/gatehouse-dev/gatehouse',
};

/** What the gate reports: the findings it decided on and those at or above report-on, plus suppressed ones. */
export function reportedFindings(result: GateResult): Finding[] {
  return [...result.decisive, ...result.others, ...result.suppressed];
}

export async function writeSarif(result: GateResult, path: string, workspace: string): Promise<string> {
  const absolute = resolve(workspace, path);
  await writeFileAtomic(absolute, JSON.stringify(toSarif(reportedFindings(result), TOOL), null, 2) + '\n');
  return toRelative(workspace, absolute);
}

export async function writeFindingsJson(result: GateResult, path: string, workspace: string): Promise<string> {
  const absolute = resolve(workspace, path);
  await writeFileAtomic(absolute, toFindingsJson(result.findings) + '\n');
  return toRelative(workspace, absolute);
}

export function gateSummary(result: GateResult, title = 'Gatehouse gate'): string {
  return renderSummary({
    title,
    passed: result.passed,
    headline: result.headline,
    decisive: result.decisive,
    others: result.others,
    suppressed: result.suppressed,
    counts: result.counts,
    suppressedCount: result.suppressedCount,
    notes: [
      ...(result.reports.length === 0
        ? []
        : [
            `Read ${result.reports.length} report${result.reports.length === 1 ? '' : 's'}: ${result.reports.map((r) => `${r.path} (${r.tool}, ${r.findings})`).join(', ')}.`,
          ]),
      ...result.notes,
    ],
  });
}
