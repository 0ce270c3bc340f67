import * as core from '@actions/core';
import { formatLocation, ExitCode, UsageError, describeError, type Finding, type Severity } from '@gatehouse/findings';
import { Inputs } from './inputs.js';

/** Inputs as the runner passes them (INPUT_<NAME>), relative paths against GITHUB_WORKSPACE. */
export function runnerInputs(): Inputs {
  return new Inputs((name) => core.getInput(name), workspace());
}

export function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

export function setOutputs(outputs: Record<string, string | number | boolean>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

/** Registers a value with the runner so it is masked in the log from now on. */
export function mask(value: string): void {
  if (value) core.setSecret(value);
}

export const debug = (message: string): void => core.debug(message);
export const info = (message: string): void => core.info(message);
export const warning = (message: string): void => core.warning(message);
export const error = (message: string): void => core.error(message);
export const isDebug = (): boolean => core.isDebug();

/** Annotations the runner shows per step are capped; we send the most severe first, up to this many. */
export const ANNOTATION_LIMIT = 50;

/**
 * One annotation per finding, most severe first: critical/high as errors, medium as warnings, low
 * and info as notices, with file, line and column where known. Returns how many were left out.
 */
export function annotate(findings: readonly Finding[], limit = ANNOTATION_LIMIT): number {
  const shown = findings.slice(0, limit);
  for (const finding of shown) {
    const properties: core.AnnotationProperties = { title: `${finding.ruleId} (${finding.severity})` };
    if (finding.location?.path) {
      properties.file = finding.location.path;
      if (finding.location.line) properties.startLine = finding.location.line;
      if (finding.location.line && finding.location.column) properties.startColumn = finding.location.column;
    }
    annotationFor(finding.severity)(finding.message || finding.title, properties);
  }
  return findings.length - shown.length;
}

function annotationFor(severity: Severity): (message: string, properties: core.AnnotationProperties) => void {
  if (severity === 'critical' || severity === 'high') return core.error;
  if (severity === 'medium') return core.warning;
  return core.notice;
}

export function logFindings(findings: readonly Finding[]): void {
  for (const finding of findings) {
    const where = formatLocation(finding.location);
    core.info(`${finding.severity.padEnd(8)} ${finding.ruleId}${where ? ` ${where}` : ''}: ${finding.message}`);
  }
}

/**
 * The one failure path of every action. `main` returns the exit code (0 or 1 for a violation it
 * has already reported); a UsageError exits 2 with its one line; anything else exits 3 with its
 * message, and the stack only when step debug logging is on.
 */
export async function runAction(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      core.error(error.message);
      process.exitCode = ExitCode.usage;
      return;
    }
    core.error(`Unexpected error: ${describeError(error)}`);
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack);
    process.exitCode = ExitCode.unexpected;
  }
}
