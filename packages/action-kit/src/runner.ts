import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
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

/**
 * Resumes workflow-command processing after a child process printed `::stop-commands::<token>`
 * and never ended it, so the commands that follow are not ignored by the runner.
 */
export function resumeWorkflowCommands(token: string): void {
  process.stdout.write(`::${token}::\n`);
}

export const debug = (message: string): void => core.debug(message);
export const info = (message: string): void => core.info(message);
export const warning = (message: string): void => core.warning(message);
export const error = (message: string): void => core.error(message);
export const isDebug = (): boolean => core.isDebug();

/** The runner attaches at most this many annotations of each level (error, warning, notice) to a step. */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * One annotation per finding, most severe first: critical/high as errors, medium as warnings, low
 * and info as notices, up to the runner's cap per level. A finding whose path is a file in the
 * workspace is placed on that file, line and column; other locations (an image name, a package)
 * stay in the message. Returns how many findings were left without an annotation.
 */
export function annotate(
  findings: readonly Finding[],
  options: { root?: string; alreadyUsed?: Partial<Record<'error' | 'warning' | 'notice', number>> } = {},
): number {
  const root = options.root ?? workspace();
  const used = new Map<string, number>(Object.entries(options.alreadyUsed ?? {}));
  let left = 0;
  for (const finding of findings) {
    const emit = annotationFor(finding.severity);
    const count = used.get(emit.name) ?? 0;
    if (count >= ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    used.set(emit.name, count + 1);
    const properties: core.AnnotationProperties = { title: `${finding.ruleId} (${finding.severity})` };
    let message = finding.message || finding.title;
    const path = finding.location?.path;
    if (path && isWorkspaceFile(root, path)) {
      properties.file = path;
      if (finding.location?.line) properties.startLine = finding.location.line;
      if (finding.location?.line && finding.location.column) properties.startColumn = finding.location.column;
    } else if (path) {
      message = `${path}: ${message}`;
    }
    emit.fn(message, properties);
  }
  return left;
}

function isWorkspaceFile(root: string, path: string): boolean {
  const absolute = resolve(root, path);
  return !relative(root, absolute).startsWith('..') && existsSync(absolute) && statSync(absolute).isFile();
}

type Emit = (message: string, properties: core.AnnotationProperties) => void;

function annotationFor(severity: Severity): { name: string; fn: Emit } {
  if (severity === 'critical' || severity === 'high') return { name: 'error', fn: core.error };
  if (severity === 'medium') return { name: 'warning', fn: core.warning };
  return { name: 'notice', fn: core.notice };
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
