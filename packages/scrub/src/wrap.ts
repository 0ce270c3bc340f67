import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@gatehouse/findings';
import type { ReplacementStyle } from './redact.js';
import type { SecretScanner } from './scanner.js';
import { StreamRedactor } from './stream-redactor.js';

export interface WrapCommandOptions {
  /** The script to run (the `run` input): written to a file, never spliced into a command line. */
  script?: string;
  /** Or a command as an argument array (the CLI's `-- CMD ARGS...`), run without a shell. */
  argv?: readonly string[];
  /** bash (default), sh, pwsh, powershell, python, or a template such as `perl {0}`. */
  shell?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  scanner: SecretScanner;
  replacement?: ReplacementStyle;
  /** Values the front registers with the runner; passed to `beforeSpawn`. */
  masks: readonly string[];
  /**
   * Called, and awaited, before the child starts: the front prints `::add-mask::` for each value
   * here, so the runner knows them before any child output. The engine itself prints nothing.
   */
  beforeSpawn?: (masks: readonly string[]) => void | Promise<void>;
  /** Where redacted output goes. */
  stdout: (chunk: Buffer) => void;
  stderr: (chunk: Buffer) => void;
  stdin?: 'inherit' | 'ignore';
  flushAfterMs?: number;
}

export interface WrapCommandResult {
  exitCode: number;
  signal?: NodeJS.Signals;
  /** Redactions by rule across stdout and stderr. */
  redactions: Record<string, number>;
  redactionCount: number;
  /**
   * A `::stop-commands::<token>` the child printed and never ended: the front prints `::<token>::`
   * after the child so its own workflow commands are processed again.
   */
  openStopCommandsToken?: string;
}

const SHELLS: Record<string, { argv: string[]; extension: string }> = {
  bash: { argv: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'], extension: '.sh' },
  sh: { argv: ['sh', '-e', '{0}'], extension: '.sh' },
  pwsh: { argv: ['pwsh', '-command', ". '{0}'"], extension: '.ps1' },
  powershell: { argv: ['powershell', '-command', ". '{0}'"], extension: '.ps1' },
  python: { argv: ['python3', '{0}'], extension: '.py' },
};

/** The argument array for a shell name or template; the script path replaces `{0}`. */
export function shellArguments(shell: string, scriptPath: string): { file: string; args: string[] } {
  const known = SHELLS[shell.trim()];
  const template = known ? known.argv : shell.trim().split(/\s+/).filter(Boolean);
  if (template.length === 0) throw new UsageError(`Input 'shell' is empty.`);
  const argv = template.includes('{0}') || template.some((a) => a.includes('{0}')) ? template : [...template, '{0}'];
  const resolved = argv.map((arg) => arg.replaceAll('{0}', scriptPath));
  return { file: resolved[0]!, args: resolved.slice(1) };
}

function scriptExtension(shell: string): string {
  return SHELLS[shell.trim()]?.extension ?? '';
}

/**
 * Runs a script under a shell with stdout and stderr each through a redactor, and returns the
 * child's exit code (128 + signal number when it was killed).
 */
export async function wrapCommand(options: WrapCommandOptions): Promise<WrapCommandResult> {
  const shell = options.shell?.trim() || 'bash';
  if ((options.script === undefined) === (options.argv === undefined)) {
    throw new UsageError('Give either a script to run or a command (not both).');
  }
  if (options.argv !== undefined && options.argv.length === 0) throw new UsageError('The command to run is empty.');
  const folder = mkdtempSync(join(tmpdir(), 'gatehouse-scrub-'));
  const scriptPath = join(folder, `script${scriptExtension(shell)}`);
  if (options.script !== undefined) writeFileSync(scriptPath, options.script, { mode: 0o700 });
  try {
    await options.beforeSpawn?.(options.masks);
    const { file, args } = options.argv
      ? { file: options.argv[0]!, args: options.argv.slice(1) }
      : shellArguments(shell, scriptPath);
    const stopTracker = new StopCommandsTracker();
    const redactorOptions = {
      replacement: options.replacement ?? 'mask',
      ...(options.flushAfterMs !== undefined ? { flushAfterMs: options.flushAfterMs } : {}),
    };
    const out = new StreamRedactor(
      options.scanner,
      (chunk) => {
        stopTracker.observe(chunk);
        options.stdout(chunk);
      },
      redactorOptions,
    );
    const err = new StreamRedactor(
      options.scanner,
      (chunk) => {
        stopTracker.observe(chunk);
        options.stderr(chunk);
      },
      redactorOptions,
    );
    const { exitCode, signal } = await new Promise<{ exitCode: number; signal?: NodeJS.Signals }>(
      (resolvePromise, reject) => {
        const child = spawn(file, args, {
          cwd: options.cwd,
          env: options.env as NodeJS.ProcessEnv,
          stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (chunk: Buffer) => out.write(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.write(chunk));
        child.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') {
            reject(
              new UsageError(options.argv ? `Command not found: ${file}` : `Input 'shell': ${file} was not found.`),
            );
          } else reject(error);
        });
        child.on('close', (code, killedBy) => {
          out.end();
          err.end();
          if (killedBy) resolvePromise({ exitCode: 128 + (constants.signals[killedBy] ?? 0), signal: killedBy });
          else resolvePromise({ exitCode: code ?? 1 });
        });
      },
    );
    const redactions: Record<string, number> = {};
    for (const counts of [out.counts.toJSON(), err.counts.toJSON()]) {
      for (const [rule, count] of Object.entries(counts)) redactions[rule] = (redactions[rule] ?? 0) + count;
    }
    const result: WrapCommandResult = {
      exitCode,
      redactions,
      redactionCount: out.counts.total + err.counts.total,
    };
    if (signal) result.signal = signal;
    if (stopTracker.openToken) result.openStopCommandsToken = stopTracker.openToken;
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Follows `::stop-commands::<token>` and the matching `::<token>::` in child output. */
export class StopCommandsTracker {
  openToken: string | undefined;
  private carry = '';

  observe(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    const lines = text.split('\n');
    this.carry = lines.pop() ?? '';
    if (this.carry.length > 4096) this.carry = '';
    for (const line of lines) this.line(line.replace(/\r$/, ''));
  }

  private line(line: string): void {
    const trimmed = line.trimStart();
    if (this.openToken !== undefined) {
      if (trimmed === `::${this.openToken}::`) this.openToken = undefined;
      return;
    }
    const stop = /^::stop-commands::(.+)$/.exec(trimmed);
    if (stop) this.openToken = stop[1]!.trim();
  }
}
