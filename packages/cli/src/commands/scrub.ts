import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExitCode, UsageError } from '@gatehouse/findings';
import type { Command } from '../command.js';

/** `::add-mask::` data escaping, as the runner reads it. */
function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export const scrubCommand: Command = {
  name: 'scrub',
  action: 'scrub',
  summary: 'Run a command (or filter stdin) with secrets redacted from its output; scan files and archives for leaks.',
  usage: 'gatehouse scrub [options] -- CMD ARGS...   |   gatehouse scrub --stdin [options]',
  acceptsCommand: true,
  flags: {
    secret: {
      cliOnly: true,
      kind: 'list',
      description:
        'A value to redact (repeatable; visible in process listings: prefer --secrets-file or the environment)',
    },
    'secrets-file': {
      cliOnly: true,
      kind: 'string',
      description: 'File of secrets: one per line, or a JSON object read as its values',
    },
    secrets: { kind: 'string', description: 'Secrets as text: one per line, or a JSON object' },
    'env-secrets': {
      kind: 'string',
      default: 'auto',
      description: 'Environment variables to treat as secrets: auto, none, or names/globs (MY_*, !PUBLIC_KEY)',
    },
    stdin: { cliOnly: true, kind: 'boolean', default: 'false', description: 'Filter mode: redact stdin to stdout' },
    run: { kind: 'string', description: 'A command line to run with --shell (instead of -- CMD ARGS...)' },
    shell: {
      kind: 'string',
      default: 'bash',
      description: 'Shell for --run: bash, sh, pwsh, python, or a template with {0}',
    },
    'scan-paths': {
      kind: 'list',
      description: 'Files, folders or globs to scan afterwards (.zip, .tar, .tar.gz entries too)',
    },
    'redact-files': {
      kind: 'boolean',
      default: 'false',
      description: 'Rewrite scanned plain files with secrets redacted',
    },
    'fail-on-leak': { kind: 'boolean', default: 'true', description: 'Exit 1 when something was redacted or found' },
    replacement: { kind: 'string', default: 'mask', description: 'mask (***) or rule ([REDACTED:<rule>])' },
    'sarif-output': { kind: 'string', description: 'Write the leaks as SARIF 2.1.0 here' },
  },
  async run(inputs, context, rest) {
    const { parseSecretsInput, runScrub } = await import('@gatehouse/scrub');
    const { readScrubOptions, requireSomethingToDo } = await import('../../../../actions/scrub/src/options.js');
    const { writeScrubSarif } = await import('../../../../actions/scrub/src/report.js');
    const { findingLines } = await import('../text-report.js');
    const options = readScrubOptions(inputs, context.env);
    const scrub = options.scrub;
    const extra = inputs.raw('secret')?.split('\n') ?? [];
    const secretsFile = inputs.string('secrets-file');
    if (secretsFile) {
      let text: string;
      try {
        text = await readFile(resolve(context.cwd, secretsFile), 'utf8');
      } catch {
        throw new UsageError(`Option --secrets-file: cannot read ${secretsFile}`);
      }
      extra.push(...parseSecretsInput(text, 'secrets-file'));
    }
    scrub.secrets = [...scrub.secrets, ...extra];
    const filtering = inputs.boolean('stdin', false);
    if (rest.length > 0) {
      if (scrub.run !== undefined) throw new UsageError('Give either --run or a command after --, not both.');
      scrub.command = rest;
    }
    if (filtering && (scrub.run !== undefined || scrub.command !== undefined)) {
      throw new UsageError('--stdin filters a stream: it cannot be combined with a command to run.');
    }
    requireSomethingToDo(scrub, filtering);

    const onRunner = context.env.GITHUB_ACTIONS === 'true';
    const result = await runScrub(scrub, {
      // On a runner the values become masks before anything is printed; elsewhere nothing is announced.
      beforeSpawn: (masks) => {
        if (onRunner) for (const value of masks) context.stdout.write(`::add-mask::${escapeCommandData(value)}\n`);
      },
      stdout: (chunk) => void context.stdout.write(chunk),
      stderr: (chunk) => void context.stderr.write(chunk),
      ...(filtering ? { stdin: context.stdin } : {}),
    });
    if (onRunner && result.openStopCommandsToken) context.stdout.write(`::${result.openStopCommandsToken}::\n`);

    // The report goes to stderr: stdout carries the command's (or the filtered) output.
    const err = (line = ''): void => void context.stderr.write(line + '\n');
    if (options.sarifOutput)
      err(`SARIF written to ${await writeScrubSarif(result.findings, options.sarifOutput, scrub.workspace)}`);
    for (const line of findingLines(result.findings)) err(line);
    for (const path of result.rewritten) err(`  rewrote ${path}`);
    for (const path of result.notRewritten) err(`  not rewritten (inside an archive): ${path}`);
    if (scrub.scanPaths.length > 0 && result.scannedFiles === 0 && result.skippedFiles.length === 0) {
      err('  warning: --scan-paths matched no file: nothing was scanned');
    }
    for (const skipped of result.skippedFiles) err(`  not scanned: ${skipped.path} (${skipped.reason})`);
    const verdict =
      result.commandExitCode !== undefined && result.commandExitCode !== 0
        ? `the command exited with ${result.commandExitCode}`
        : result.exitCode === ExitCode.ok
          ? 'passed'
          : 'failed';
    if (result.leaks > 0 || result.exitCode !== ExitCode.ok || options.sarifOutput) {
      err(`gatehouse scrub: ${verdict}: ${result.leaks} leak(s), redactions ${JSON.stringify(result.redactions)}`);
    }
    return result.exitCode;
  },
};
