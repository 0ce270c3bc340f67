import { resolve } from 'node:path';
import {
  cell,
  countBySeverity,
  isSuppressed,
  renderSummary,
  SUMMARY_LIMIT_BYTES,
  toRelative,
  toSarif,
  writeFileAtomic,
  type Finding,
} from '@gatehouse/findings';
import type { PinResult } from './pin.js';

export const PIN_TOOL = {
  name: 'Gatehouse pin',
  version: '0.1.0',
};

export function unsuppressed(result: PinResult): Finding[] {
  return result.findings.filter((finding) => !isSuppressed(finding));
}

/** Passed when no unsuppressed finding is left (every reference pinned, fixed, allowed or exempted). */
export function pinPassed(result: PinResult): boolean {
  return unsuppressed(result).length === 0;
}

export function pinHeadline(result: PinResult, mode: 'check' | 'fix'): string {
  const open = unsuppressed(result).length;
  const read = `${result.references} reference${result.references === 1 ? '' : 's'} in ${result.filesRead} file${result.filesRead === 1 ? '' : 's'}`;
  const fixed = mode === 'fix' ? `, ${result.fixed.length} pinned by this run` : '';
  const unresolved =
    result.unresolved > 0 ? `, ${result.unresolved} could not be resolved and were left as they were` : '';
  return `${read}${fixed}${unresolved}: **${open}** finding${open === 1 ? '' : 's'} left.`;
}

/** The job summary: verdict, counts, the findings, the suppressed ones, and what fix mode rewrote. */
export function pinSummary(result: PinResult, mode: 'check' | 'fix'): string {
  const open = unsuppressed(result);
  const suppressed = result.findings.filter(isSuppressed);
  let markdown = renderSummary({
    title: 'Gatehouse pin',
    passed: open.length === 0,
    headline: pinHeadline(result, mode),
    decisive: open,
    others: [],
    suppressed,
    counts: countBySeverity(result.findings),
    suppressedCount: suppressed.length,
    notes: result.notes,
    limitBytes: SUMMARY_LIMIT_BYTES / 2,
  });
  if (result.fixed.length > 0) {
    // The fixed references share the runner's 1 MiB summary limit with what is above them.
    let budget = SUMMARY_LIMIT_BYTES - Buffer.byteLength(markdown) - 4096;
    let table = '\n### Pinned by this run\n\n| Location | Before | After |\n| --- | --- | --- |\n';
    let shown = 0;
    for (const item of result.fixed) {
      const row = `| ${cell(`${item.path}:${item.line}`)} | \`${cell(item.before)}\` | \`${cell(item.after)}\` |\n`;
      budget -= Buffer.byteLength(row);
      if (budget < 0) break;
      table += row;
      shown++;
    }
    markdown += table;
    if (shown < result.fixed.length)
      markdown += `\n> ${result.fixed.length - shown} more were pinned; the log lists every one.\n`;
  }
  return markdown;
}

/** Writes every finding (suppressed ones marked) as SARIF 2.1.0; returns the path relative to the workspace. */
export async function writePinSarif(result: PinResult, path: string, workspace: string): Promise<string> {
  const absolute = resolve(workspace, path);
  await writeFileAtomic(absolute, JSON.stringify(toSarif(result.findings, PIN_TOOL), null, 2) + '\n');
  return toRelative(workspace, absolute);
}
