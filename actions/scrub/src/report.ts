import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { countBySeverity, renderSummary, toPosix, toSarif, type Finding } from '@gatehouse/findings';
import type { ScrubResult } from '@gatehouse/scrub';

const TOOL = { name: 'gatehouse-scrub', version: '0.1.0', informationUri: 'https://github.com/gatehouse' };

/** Writes the leaks as SARIF; returns the path relative to the workspace. */
export async function writeScrubSarif(findings: readonly Finding[], path: string, workspace: string): Promise<string> {
  const absolute = resolve(workspace, path);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, JSON.stringify(toSarif(findings, TOOL), null, 2) + '\n');
  return toPosix(relative(workspace, absolute));
}

export function scrubSummary(result: ScrubResult, failOnLeak: boolean, scanPaths: readonly string[]): string {
  const redacted = Object.entries(result.redactions)
    .map(([rule, count]) => `\`${rule}\` ${count}`)
    .join(', ');
  const inFiles = result.findings.filter((f) => f.location !== undefined).length;
  const headline =
    `${result.redactionCount} redaction${result.redactionCount === 1 ? '' : 's'} in the command output` +
    (redacted ? ` (${redacted})` : '') +
    `, ${inFiles} secret${inFiles === 1 ? '' : 's'} found in files` +
    (result.rewritten.length ? `, ${result.rewritten.length} file(s) rewritten` : '') +
    '.';
  const notes = [`${result.masks.length} value(s) registered as masks before the command started.`];
  if (result.skippedShortSecrets)
    notes.push(`${result.skippedShortSecrets} secret(s) shorter than 8 characters were not registered.`);
  if (!failOnLeak && result.leaks) notes.push('fail-on-leak is false: leaks are reported without failing the step.');
  if (scanPaths.length > 0 && result.scannedFiles === 0 && result.skippedFiles.length === 0) {
    notes.push('scan-paths matched no file: nothing was scanned.');
  }
  for (const skipped of result.skippedFiles) notes.push(`Not scanned: ${skipped.path} (${skipped.reason}).`);
  return renderSummary({
    title: 'Gatehouse scrub',
    passed: result.exitCode === 0,
    headline,
    decisive: result.findings,
    others: [],
    suppressed: [],
    counts: countBySeverity(result.findings),
    suppressedCount: 0,
    notes,
  });
}
