import { resolve } from 'node:path';
import { countBySeverity, isSuppressed, renderSummary, toRelative, toSarif, writeFileAtomic, type Finding } from '@gatehouse/findings';
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
  const unresolved = result.unresolved > 0 ? `, ${result.unresolved} could not be resolved and were left as they were` : '';
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
    limitBytes: 900 * 1024,
  });
  if (result.fixed.length > 0) {
    const rows = result.fixed.slice(0, 500).map((item) => `| ${item.path}:${item.line} | \`${item.before}\` | \`${item.after}\` |`);
    markdown += `\n### Pinned by this run\n\n| Location | Before | After |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
    if (result.fixed.length > rows.length) markdown += `\n> ${result.fixed.length - rows.length} more were pinned.\n`;
  }
  return markdown;
}

/** Writes every finding (suppressed ones marked) as SARIF 2.1.0; returns the path relative to the workspace. */
export async function writePinSarif(result: PinResult, path: string, workspace: string): Promise<string> {
  const absolute = resolve(workspace, path);
  await writeFileAtomic(absolute, JSON.stringify(toSarif(result.findings, PIN_TOOL), null, 2) + '\n');
  return toRelative(workspace, absolute);
}
