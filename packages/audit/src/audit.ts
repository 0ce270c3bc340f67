import picomatch from 'picomatch';
import { expandGlobs, type Finding, type Severity } from '@gatehouse/findings';
import { decide, type FailOn, type GateResult } from '@gatehouse/gate';
import { runPin, walkWorkspaceFiles } from '@gatehouse/pin';
import { scanFiles, SecretScanner } from '@gatehouse/scrub';

export const AUDIT_CHECKS = ['pin', 'secrets'] as const;
export type AuditCheck = (typeof AUDIT_CHECKS)[number];

export interface AuditOptions {
  workspace: string;
  /** Globs relative to the workspace; empty means every file git would track (.gitignore honoured). */
  paths: string[];
  checks: AuditCheck[];
  failOn: FailOn;
  reportOn: Severity;
  exceptions?: string;
  onlyFixed: boolean;
  /** For the pin check. */
  trustedRegistries: string[];
  /** For the pin check: image or owner/repo globs exempted from pinning. */
  allow: string[];
  now?: Date;
}

export interface CheckRun {
  check: AuditCheck;
  files: number;
  findings: number;
  detail: string;
}

export interface AuditResult {
  gate: GateResult;
  checks: CheckRun[];
}

/**
 * Every offline check of a repository in one pass: references pinned (pin, check mode) and no
 * credential in any tracked file (secrets), then one gate decision over all their findings.
 */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const findings: Finding[] = [];
  const checks: CheckRun[] = [];

  if (options.checks.includes('pin')) {
    const pin = await runPin({
      workspace: options.workspace,
      paths: options.paths,
      mode: 'check',
      trustedRegistries: options.trustedRegistries,
      allow: options.allow,
    });
    findings.push(...pin.findings);
    checks.push({
      check: 'pin',
      files: pin.filesRead,
      findings: pin.findings.length,
      detail: `${pin.references} image and action references in ${pin.filesRead} files`,
    });
  }

  if (options.checks.includes('secrets')) {
    const files = await filesToScan(options.workspace, options.paths);
    const scan = await scanFiles({
      patterns: files,
      cwd: options.workspace,
      scanner: new SecretScanner(),
      input: 'paths',
    });
    findings.push(...scan.findings);
    checks.push({
      check: 'secrets',
      files: scan.files.length,
      findings: scan.findings.length,
      detail: `${scan.files.length} files and archive entries scanned for credentials${scan.skipped.length ? `, ${scan.skipped.length} skipped` : ''}`,
    });
  }

  const gate = await decide(findings, {
    workspace: options.workspace,
    failOn: options.failOn,
    reportOn: options.reportOn,
    exceptions: options.exceptions,
    vex: [],
    onlyFixed: options.onlyFixed,
    now: options.now,
  });
  gate.notes.unshift(...checks.map((run) => `${run.check}: ${run.detail}, ${run.findings} findings.`));
  return { gate, checks };
}

/**
 * The files the secrets check reads: every file git would track, less `!exclusions`, when no
 * positive pattern is given; otherwise what the patterns match.
 */
async function filesToScan(workspace: string, paths: readonly string[]): Promise<string[]> {
  const exclusions = paths.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  if (exclusions.length === paths.length) {
    const excluded = picomatch(exclusions, { dot: true });
    return walkWorkspaceFiles(workspace).filter((path) => !excluded(path));
  }
  return expandGlobs(paths, { input: 'paths', cwd: workspace, ignore: ['**/.git/**', '**/node_modules/**'] });
}
