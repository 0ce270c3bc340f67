import type { Inputs } from '@gatehouse/action-kit/inputs';
import { UsageError } from '@gatehouse/findings';
import { parseSecretsInput, secretsFromEnv, type ReplacementStyle, type ScrubOptions } from '@gatehouse/scrub';

export interface ScrubInputs {
  scrub: ScrubOptions;
  sarifOutput?: string;
}

/**
 * The scrub inputs, read the same way by the action (INPUT_*) and the CLI (flags). `env` is the
 * front's environment: the command runs with it, and secret-named variables in it are registered.
 */
export function readScrubOptions(inputs: Inputs, env: Readonly<Record<string, string | undefined>>): ScrubInputs {
  const run = inputs.raw('run');
  const scanPaths = inputs.list('scan-paths');
  const secrets = parseSecretsInput(inputs.raw('secrets') ?? '');
  const envPatterns = inputs.list('env-secrets', { commas: true });
  for (const { value } of secretsFromEnv(env, { patterns: envPatterns.length ? envPatterns : ['auto'] })) {
    secrets.push(value);
  }
  const replacement = inputs.string('replacement', { default: 'mask' }).toLowerCase();
  if (replacement !== 'mask' && replacement !== 'rule' && replacement !== '***') {
    throw new UsageError(`Input 'replacement' must be one of mask, rule (got '${replacement}').`);
  }
  return {
    scrub: {
      workspace: inputs.workspace,
      ...(run !== undefined ? { run } : {}),
      shell: inputs.string('shell', { default: 'bash' }),
      env: commandEnvironment(env),
      secrets,
      scanPaths,
      redactFiles: inputs.boolean('redact-files', false),
      failOnLeak: inputs.boolean('fail-on-leak', true),
      replacement: (replacement === 'rule' ? 'rule' : 'mask') satisfies ReplacementStyle,
    },
    sarifOutput: inputs.string('sarif-output'),
  };
}

/**
 * The command's environment: ours without the action's own inputs and state (INPUT_SECRETS would
 * hand every secret to the command), as the runner gives a `run:` step.
 */
export function commandEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(?:INPUT|STATE)_/i.test(name)));
}

/** Exactly one thing to do must be given: a command to wrap, stdin to filter, or files to scan. */
export function requireSomethingToDo(options: ScrubOptions, filtering: boolean): void {
  if (options.run === undefined && options.command === undefined && !filtering && options.scanPaths.length === 0) {
    throw new UsageError(
      `Input 'run' or 'scan-paths' is required: a command to run with its output redacted, or files to scan.`,
    );
  }
}
