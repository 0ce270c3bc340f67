import { relative, resolve } from 'node:path';
import { fingerprintOf, type Finding } from '@gatehouse/findings';
import { redactFile, scanFiles, FINDING_PREFIX } from './file-scan.js';
import { collectKnownValues } from './known-values.js';
import type { ReplacementStyle } from './redact.js';
import { BUILTIN_RULES } from './rules/index.js';
import { KNOWN_SECRET_RULE, SecretScanner } from './scanner.js';
import { createRedactStream } from './stream-redactor.js';
import { wrapCommand } from './wrap.js';

export interface ScrubOptions {
  workspace: string;
  /** A script for `shell` (the action's `run`) ... */
  run?: string;
  shell?: string;
  /** ... or a command as an argument array (the CLI's `-- CMD ARGS...`). */
  command?: readonly string[];
  /** Environment of the command (the fronts pass their own environment). */
  env: Readonly<Record<string, string | undefined>>;
  /** Registered values: the `secrets` input and secret-named environment variables. */
  secrets: readonly string[];
  scanPaths: readonly string[];
  redactFiles: boolean;
  failOnLeak: boolean;
  replacement: ReplacementStyle;
}

export interface ScrubIo {
  /** Called before any child output with the values the front registers as masks. */
  beforeSpawn?: (masks: readonly string[]) => void | Promise<void>;
  stdout: (chunk: Buffer) => void;
  stderr: (chunk: Buffer) => void;
  /** Filter mode (`--stdin`): this stream is redacted to `stdout` instead of running a command. */
  stdin?: NodeJS.ReadableStream;
}

export interface ScrubResult {
  exitCode: number;
  /** The wrapped command's own exit code. */
  commandExitCode?: number;
  /** Redactions in the streamed output, by rule. */
  redactions: Record<string, number>;
  redactionCount: number;
  /** Leaks: one finding per rule redacted from the stream, and one per secret found in a file. */
  findings: Finding[];
  leaks: number;
  masks: string[];
  skippedShortSecrets: number;
  /** Files rewritten by redact-files (relative to the workspace). */
  rewritten: string[];
  /** Entries inside archives hold leaks but cannot be rewritten in place. */
  notRewritten: string[];
  /** Files and archive entries scanned (0 when scan-paths matched nothing). */
  scannedFiles: number;
  /** Files not scanned (too large, unreadable archives), with the reason. */
  skippedFiles: Array<{ path: string; reason: string }>;
  openStopCommandsToken?: string;
}

/**
 * The whole of `scrub`: registers the known values, runs the command (or filters stdin) through
 * the redactor, scans `scanPaths` afterwards (the command may have written them), rewrites files
 * when asked, and decides the exit code: the command's own when it failed; otherwise 1 when
 * something was redacted or found and `failOnLeak` is set; otherwise 0.
 */
export async function runScrub(options: ScrubOptions, io: ScrubIo): Promise<ScrubResult> {
  const known = collectKnownValues(options.secrets);
  const scanner = new SecretScanner({ knownValues: known.values, rules: BUILTIN_RULES });
  const result: ScrubResult = {
    exitCode: 0,
    redactions: {},
    redactionCount: 0,
    findings: [],
    leaks: 0,
    masks: known.masks,
    skippedShortSecrets: known.skippedShort,
    rewritten: [],
    notRewritten: [],
    scannedFiles: 0,
    skippedFiles: [],
  };
  if (options.run !== undefined || options.command !== undefined) {
    const wrapped = await wrapCommand({
      ...(options.run !== undefined ? { script: options.run } : { argv: options.command! }),
      ...(options.shell !== undefined ? { shell: options.shell } : {}),
      cwd: options.workspace,
      env: options.env,
      scanner,
      replacement: options.replacement,
      masks: known.masks,
      ...(io.beforeSpawn ? { beforeSpawn: io.beforeSpawn } : {}),
      stdout: io.stdout,
      stderr: io.stderr,
    });
    result.commandExitCode = wrapped.exitCode;
    result.redactions = wrapped.redactions;
    result.redactionCount = wrapped.redactionCount;
    if (wrapped.openStopCommandsToken) result.openStopCommandsToken = wrapped.openStopCommandsToken;
  } else if (io.stdin) {
    await io.beforeSpawn?.(known.masks);
    const filter = createRedactStream(scanner, { replacement: options.replacement });
    filter.on('data', (chunk: Buffer) => io.stdout(chunk));
    await new Promise<void>((resolvePromise, reject) => {
      filter.on('end', resolvePromise);
      filter.on('error', reject);
      io.stdin!.on('error', reject);
      io.stdin!.pipe(filter);
    });
    result.redactions = filter.counts.toJSON();
    result.redactionCount = filter.counts.total;
  }
  result.findings.push(...streamFindings(result.redactions, scanner));

  if (options.scanPaths.length > 0) {
    const scanned = await scanFiles({ patterns: options.scanPaths, cwd: options.workspace, scanner });
    result.findings.push(...scanned.findings);
    result.scannedFiles = scanned.files.length;
    result.skippedFiles = scanned.skipped;
    if (options.redactFiles) {
      for (const file of scanned.files.filter((f) => f.leaks > 0)) {
        if (file.inArchive) {
          result.notRewritten.push(file.path);
          continue;
        }
        const rewritten = await redactFile(resolve(options.workspace, file.path), scanner, options.replacement);
        if (rewritten.rewritten) result.rewritten.push(relative(options.workspace, rewritten.path) || file.path);
      }
    }
  }

  result.leaks = result.redactionCount + result.findings.filter((f) => f.location !== undefined).length;
  const failed = result.commandExitCode !== undefined && result.commandExitCode !== 0;
  if (failed) result.exitCode = result.commandExitCode!;
  else result.exitCode = options.failOnLeak && result.leaks > 0 ? 1 : 0;
  return result;
}

/** One finding per rule that redacted something from the streamed output (no file, no secret). */
function streamFindings(redactions: Record<string, number>, scanner: SecretScanner): Finding[] {
  return Object.entries(redactions).map(([ruleId, count]) => {
    const rule = scanner.detector.rules.find((r) => r.id === ruleId);
    const title = ruleId === KNOWN_SECRET_RULE ? 'Registered secret (or an encoding of it)' : (rule?.title ?? ruleId);
    return {
      ruleId: `${FINDING_PREFIX}${ruleId}`,
      severity: ruleId === KNOWN_SECRET_RULE ? 'critical' : (rule?.severity ?? 'high'),
      title,
      message: `${title}: ${count} occurrence${count === 1 ? '' : 's'} redacted from the output.`,
      fingerprint: fingerprintOf(`${FINDING_PREFIX}${ruleId}`, 'stream'),
      fix: 'Rotate the credential: it was printed by the command (redacted here, but it reached the process output).',
      properties: { tools: ['gatehouse-scrub'], occurrences: count, tags: ['secret', rule?.family ?? 'registered'] },
    } satisfies Finding;
  });
}
