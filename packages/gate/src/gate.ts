import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import {
  applyExceptions,
  atLeast,
  countBySeverity,
  expandGlobs,
  isSuppressed,
  parseExceptions,
  sortFindings,
  toRelative,
  UsageError,
  type ExceptionRule,
  type Finding,
  type Severity,
} from '@gatehouse/findings';
import { applyVex, dedupeFindings, readReport, readVex } from '@gatehouse/scanners';

export type FailOn = Severity | 'none';

export interface GateOptions {
  /** Base for relative paths and globs; paths in the result are relative to it. */
  workspace: string;
  /** Report paths or globs. */
  reports: string[];
  failOn: FailOn;
  /** Lowest severity listed in the summary and SARIF (findings that fail the gate are always listed). */
  reportOn: Severity;
  /** Path of an exceptions file (YAML). */
  exceptions?: string;
  /** OpenVEX or CycloneDX VEX documents, paths or globs. */
  vex: string[];
  /** Fail only on findings that have a fix. */
  onlyFixed: boolean;
  /** An empty match of `reports` passes instead of being a usage error. */
  allowEmpty: boolean;
  /** The current time, for exception expiry. */
  now?: Date;
}

export interface ReportRead {
  path: string;
  format: string;
  tool: string;
  findings: number;
}

export interface GateResult {
  passed: boolean;
  failOn: FailOn;
  reportOn: Severity;
  reports: ReportRead[];
  /** Every finding after de-duplication, VEX and exceptions, most severe first. */
  findings: Finding[];
  /** Unsuppressed findings that fail the gate. */
  decisive: Finding[];
  /** Unsuppressed findings at or above report-on that did not fail the gate. */
  others: Finding[];
  suppressed: Finding[];
  counts: Record<Severity, number>;
  suppressedCount: number;
  unusedExceptions: ExceptionRule[];
  /** Things a reader of the summary should know (assumed severities, unused exceptions ...). */
  notes: string[];
  headline: string;
}

/** Reads every report, applies VEX and exceptions, de-duplicates and decides. */
export async function runGate(options: GateOptions): Promise<GateResult> {
  const reportPaths = await matchInput('reports', options.reports, options.workspace);
  if (reportPaths.length === 0 && !options.allowEmpty) {
    throw new UsageError(
      `Input 'reports': no files matched ${JSON.stringify(options.reports.join(', '))} (set allow-empty: true if that is expected)`,
    );
  }

  const reports: ReportRead[] = [];
  const findings: Finding[] = [];
  for (const path of reportPaths) {
    const content = await readFile(resolve(options.workspace, path));
    const result = readReport(content, path);
    reports.push({ path, format: result.format, tool: result.tool, findings: result.findings.length });
    for (const finding of result.findings) {
      findings.push({ ...finding, properties: { ...finding.properties, sources: [path] } });
    }
  }
  const result = await decide(findings, options);
  if (reportPaths.length === 0) result.notes.push('No report matched; allow-empty is true.');
  return { ...result, reports };
}

export type DecisionOptions = Omit<GateOptions, 'reports' | 'allowEmpty'>;

/**
 * The gate's decision over findings already in hand (from reports, or from Gatehouse's own checks):
 * de-duplicate, apply VEX and exceptions, and fail on unsuppressed findings at or above fail-on.
 */
export async function decide(input: readonly Finding[], options: DecisionOptions): Promise<GateResult> {
  let findings = dedupeFindings([...input]);
  for (const path of await matchInput('vex', options.vex, options.workspace)) {
    const statements = readVex(await readFile(resolve(options.workspace, path)), path);
    findings = applyVex(findings, statements).findings;
  }

  let unusedExceptions: ExceptionRule[] = [];
  if (options.exceptions) {
    const file = resolve(options.workspace, options.exceptions);
    if (!existsSync(file)) throw new UsageError(`Input 'exceptions': file not found: ${options.exceptions}`);
    const rules = parseExceptions(await readFile(file, 'utf8'), toRelative(options.workspace, file));
    const outcome = applyExceptions(findings, rules, options.now ?? new Date());
    findings = [...outcome.findings, ...outcome.expired];
    unusedExceptions = outcome.unused;
  }

  findings = sortFindings(findings);
  const unsuppressed = findings.filter((finding) => !isSuppressed(finding));
  const decisive = unsuppressed.filter((finding) => fails(finding, options));
  const others = unsuppressed.filter(
    (finding) => !decisive.includes(finding) && atLeast(finding.severity, options.reportOn),
  );
  const suppressed = findings.filter(isSuppressed);
  const counts = countBySeverity(findings);

  const notes: string[] = [];
  const assumed = unsuppressed.filter((finding) => finding.properties.severityAssumed).length;
  if (assumed > 0)
    notes.push(`${assumed} finding${assumed === 1 ? '' : 's'} had no severity in the report; medium was assumed.`);
  for (const rule of unusedExceptions) {
    notes.push(
      `Exception ${rule.id} (${rule.source.path}:${rule.source.line}, owner ${rule.owner}) matched no finding.`,
    );
  }

  const passed = decisive.length === 0;
  return {
    passed,
    failOn: options.failOn,
    reportOn: options.reportOn,
    reports: [],
    findings,
    decisive,
    others,
    suppressed,
    counts,
    suppressedCount: suppressed.length,
    unusedExceptions,
    notes,
    headline: headline(passed, decisive.length, unsuppressed.length, options),
  };
}

function fails(finding: Finding, options: DecisionOptions): boolean {
  if (options.failOn === 'none' || !atLeast(finding.severity, options.failOn)) return false;
  return !options.onlyFixed || hasFix(finding);
}

export function hasFix(finding: Finding): boolean {
  return Boolean(finding.fix || finding.properties.fixedVersion);
}

function headline(passed: boolean, failing: number, total: number, options: DecisionOptions): string {
  const fixed = options.onlyFixed ? ' with a fix available' : '';
  if (options.failOn === 'none')
    return `fail-on is none: ${total} unsuppressed findings reported; the gate never fails.`;
  if (!passed) {
    return `**${failing} finding${failing === 1 ? '' : 's'}${fixed} at or above ${options.failOn}** (fail-on: ${options.failOn}).`;
  }
  return `No unsuppressed findings${fixed} at or above ${options.failOn}; ${total} below it.`;
}

/** Expands a list input; a literal path (no glob characters) that does not exist is a usage error. */
async function matchInput(input: string, patterns: readonly string[], workspace: string): Promise<string[]> {
  for (const pattern of patterns) {
    if (pattern.startsWith('!') || picomatch.scan(pattern).isGlob) continue;
    if (!existsSync(resolve(workspace, pattern))) throw new UsageError(`Input '${input}': file not found: ${pattern}`);
  }
  return expandGlobs(patterns, { input, cwd: workspace });
}
