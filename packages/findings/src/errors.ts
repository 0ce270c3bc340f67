/** Exit codes shared by every action and CLI command (see DESIGN.md). */
export const ExitCode = {
  ok: 0,
  violation: 1,
  usage: 2,
  unexpected: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Bad input: a missing file, malformed JSON/YAML, an unknown option. The message is one line that
 * names the input and what is wrong; fronts print it and exit 2.
 */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'UsageError';
  }
}

/** One line describing any thrown value, for error messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
