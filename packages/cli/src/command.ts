import { Inputs } from '@gatehouse/action-kit/inputs';
import { UsageError } from '@gatehouse/findings';

export type FlagKind = 'string' | 'boolean' | 'list';

export interface FlagSpec {
  kind: FlagKind;
  description: string;
  /** Shown in --help; the value itself is applied by the shared options reader. */
  default?: string;
  /** Bare arguments fill this list input (at most one per command). */
  positional?: boolean;
  /** A CLI-only short spelling, e.g. -o. */
  short?: string;
  /** A flag with no action input (e.g. scrub's --stdin filter mode); every other flag is an input. */
  cliOnly?: boolean;
}

export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  debug: boolean;
}

/**
 * A subcommand. Its flags mirror the inputs of its action one to one (a test holds them to the
 * action.yml), and it reads them through the same options reader as the action.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The action whose inputs the flags mirror (folder under actions/). */
  action?: string;
  flags: Record<string, FlagSpec>;
  /** Arguments after `--` are passed here untouched (e.g. a command to wrap). */
  acceptsCommand?: boolean;
  run(inputs: Inputs, context: CliContext, rest: string[]): Promise<number>;
}

export interface ParsedArgs {
  values: Map<string, string[]>;
  rest: string[];
}

/**
 * Parses `--flag value`, `--flag=value`, `--flag` / `--no-flag` for booleans, repeated flags for
 * lists, bare arguments for the positional list, and everything after `--` as a command.
 */
export function parseFlags(command: Command, argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string[]>();
  const positional = Object.entries(command.flags).find(([, spec]) => spec.positional)?.[0];
  const shorts = new Map(
    Object.entries(command.flags)
      .filter(([, spec]) => spec.short)
      .map(([name, spec]) => [spec.short!, name]),
  );
  const add = (name: string, value: string): void => {
    const spec = command.flags[name]!;
    const current = values.get(name) ?? [];
    if (spec.kind !== 'list' && current.length > 0) {
      throw new UsageError(`Option --${name} was given more than once`);
    }
    values.set(name, [...current, value]);
  };
  let rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      if (!command.acceptsCommand) throw new UsageError(`gatehouse ${command.name} takes no command after --`);
      rest = argv.slice(index + 1);
      break;
    }
    if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2 && shorts.has(arg.slice(1)))) {
      let name = arg.startsWith('--') ? arg.slice(2) : shorts.get(arg.slice(1))!;
      let inline: string | undefined;
      const equals = name.indexOf('=');
      if (equals >= 0) {
        inline = name.slice(equals + 1);
        name = name.slice(0, equals);
      }
      const spec = command.flags[name];
      if (!spec && name.startsWith('no-') && command.flags[name.slice(3)]?.kind === 'boolean' && inline === undefined) {
        add(name.slice(3), 'false');
        continue;
      }
      if (!spec)
        throw new UsageError(
          `Unknown option --${name} for gatehouse ${command.name} (see gatehouse ${command.name} --help)`,
        );
      if (spec.kind === 'boolean') {
        add(name, inline ?? (isBooleanWord(argv[index + 1]) ? argv[++index]! : 'true'));
        continue;
      }
      const value = inline ?? argv[++index];
      if (value === undefined) throw new UsageError(`Option --${name} needs a value`);
      add(name, value);
      continue;
    }
    if (!positional)
      throw new UsageError(
        `Unexpected argument '${arg}' for gatehouse ${command.name} (see gatehouse ${command.name} --help)`,
      );
    add(positional, arg);
  }
  return { values, rest };
}

function isBooleanWord(value: string | undefined): boolean {
  return value === 'true' || value === 'false';
}

/** The parsed flags as an InputSource: lists joined by newlines, as a workflow would write them. */
export function inputsFrom(parsed: ParsedArgs, cwd: string): Inputs {
  return new Inputs((name) => parsed.values.get(name)?.join('\n'), cwd);
}

export function commandHelp(command: Command): string {
  const lines = [`Usage: ${command.usage}`, '', command.summary, '', 'Options:'];
  const width = Math.max(...Object.keys(command.flags).map((name) => name.length)) + 4;
  for (const [name, spec] of Object.entries(command.flags)) {
    const flag = `--${name}${spec.short ? `, -${spec.short}` : ''}`;
    const value = spec.kind === 'boolean' ? '' : spec.kind === 'list' ? ' <value>...' : ' <value>';
    const def = spec.default !== undefined ? ` (default: ${spec.default})` : '';
    lines.push(`  ${(flag + value).padEnd(width + 12)} ${spec.description}${def}`);
  }
  lines.push('', 'Exit codes: 0 passed, 1 policy violation, 2 usage error, 3 unexpected error.');
  return lines.join('\n') + '\n';
}
