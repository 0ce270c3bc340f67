import { describeError, ExitCode, UsageError } from '@gatehouse/findings';
import { commandHelp, inputsFrom, parseFlags, type CliContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { VERSION } from './version.js';

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    'Usage: gatehouse <command> [options]',
    '',
    'Pipeline security checks: the same engine as the Gatehouse GitHub Actions.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)} ${command.summary}`),
    '',
    'Options:',
    '  --help, -h     Show help (also: gatehouse <command> --help)',
    '  --version, -V  Show the version',
    '  --debug        Show stack traces of unexpected errors',
    '',
    'Exit codes: 0 passed, 1 policy violation, 2 usage error, 3 unexpected error.',
    '',
  ].join('\n');
}

/** Runs the CLI and returns its exit code; never calls process.exit itself. */
export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  const args = [...argv];
  const debugAt = args.indexOf('--debug');
  if (debugAt >= 0 && (args.indexOf('--') < 0 || debugAt < args.indexOf('--'))) {
    args.splice(debugAt, 1);
    context = { ...context, debug: true };
  }
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(mainHelp());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    context.stdout.write(`gatehouse ${VERSION}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (!command)
      throw new UsageError(`Unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    const end = rest.indexOf('--');
    const own = end < 0 ? rest : rest.slice(0, end);
    if (own.includes('--help') || own.includes('-h')) {
      context.stdout.write(commandHelp(command));
      return ExitCode.ok;
    }
    const parsed = parseFlags(command, rest);
    return await command.run(inputsFrom(parsed, context.cwd), context, parsed.rest);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr.write(`gatehouse${command ? ` ${command.name}` : ''}: ${error.message}\n`);
      return ExitCode.usage;
    }
    context.stderr.write(`gatehouse${command ? ` ${command.name}` : ''}: unexpected error: ${describeError(error)}\n`);
    if (context.debug && error instanceof Error && error.stack) context.stderr.write(`${error.stack}\n`);
    return ExitCode.unexpected;
  }
}
