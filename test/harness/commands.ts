/**
 * Workflow commands as the GitHub runner reads them from a step's output (ActionCommand.cs and
 * ActionCommandManager.cs in actions/runner): `::name k=v,k=v::data` (and the legacy
 * `##[name k=v;k=v]data`), the runner's unescaping rules, `::stop-commands::`, echo, masks, and
 * the log the runner displays.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { SecretMasker } from './masker.js';

export interface ParsedCommand {
  /** Lower-cased: the runner matches command names case-insensitively. */
  command: string;
  /** Properties as written (the runner looks them up case-insensitively; use `property()`). */
  properties: Record<string, string>;
  data: string;
}

export interface WorkflowCommand extends ParsedCommand {
  stream: 'stdout' | 'stderr';
  /** The line exactly as the action printed it. */
  raw: string;
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  /** Masked, as the runner stores it. */
  message: string;
  title?: string;
  /** Relative to the workspace when the action gave a path inside it (the runner does this). */
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
  /** `runner` for issues the runner raised itself (a disabled command, a bad stop token...). */
  source: 'action' | 'runner';
}

/** The commands the runner registers (its IActionCommandExtensions), plus stop-commands. */
export const RUNNER_COMMANDS = [
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'save-state',
  'set-output',
  'set-env',
  'add-path',
  'stop-commands',
] as const;

const DATA_ESCAPES: Array<[string, string]> = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25'],
];
const PROPERTY_ESCAPES: Array<[string, string]> = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25'],
];
const LEGACY_ESCAPES: Array<[string, string]> = [
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25'],
];

/** The runner unescapes by replacing each escape in order (so `%25` is decoded last). */
function unescape(text: string, table: Array<[string, string]>): string {
  return table.reduce((value, [token, escaped]) => value.replaceAll(escaped, token), text);
}
export const unescapeData = (text: string): string => unescape(text, DATA_ESCAPES);
export const unescapeProperty = (text: string): string => unescape(text, PROPERTY_ESCAPES);

/** What @actions/core does when it writes a command (the inverse of the runner's unescaping). */
export const escapeData = (text: string): string =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
export const escapeProperty = (text: string): string => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

const defaultRegistered = new Set<string>(RUNNER_COMMANDS);

/** `::name k=v,k=v::data` after leading whitespace, as ActionCommand.TryParseV2 reads it. */
export function parseCommandV2(
  line: string,
  registered: ReadonlySet<string> = defaultRegistered,
): ParsedCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!command || !registered.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(','))
      addProperty(properties, pair, unescapeProperty);
  }
  return { command, properties, data: unescapeData(message.slice(end + 2)) };
}

/** `##[name k=v;k=v]data` anywhere in the line, as ActionCommand.TryParse reads it. */
export function parseCommandLegacy(
  line: string,
  registered: ReadonlySet<string> = defaultRegistered,
): ParsedCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const bracket = line.indexOf(']', prefix);
  if (bracket < 0) return undefined;
  const info = line.slice(prefix + 3, bracket);
  const space = info.indexOf(' ');
  const command = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!command || !registered.has(command)) return undefined;
  const legacy = (text: string): string => unescape(text, LEGACY_ESCAPES);
  const properties: Record<string, string> = {};
  if (space > 0) for (const pair of info.slice(space + 1).split(';')) addProperty(properties, pair, legacy);
  return { command, properties, data: legacy(line.slice(bracket + 1)) };
}

export function parseWorkflowCommand(
  line: string,
  registered: ReadonlySet<string> = defaultRegistered,
): ParsedCommand | undefined {
  return parseCommandV2(line, registered) ?? parseCommandLegacy(line, registered);
}

function addProperty(properties: Record<string, string>, pair: string, decode: (text: string) => string): void {
  const equals = pair.indexOf('=');
  if (equals <= 0 || equals === pair.length - 1) return;
  const key = pair.slice(0, equals);
  for (const existing of Object.keys(properties))
    if (existing.toLowerCase() === key.toLowerCase()) delete properties[existing];
  properties[key] = decode(pair.slice(equals + 1));
}

/** A property looked up case-insensitively, like the runner's dictionary. */
export function property(command: ParsedCommand, name: string): string | undefined {
  const key = Object.keys(command.properties).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : command.properties[key];
}

const UNSECURE_COMMAND_DISABLED = (name: string): string =>
  `The \`${name}\` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the \`ACTIONS_ALLOW_UNSECURE_COMMANDS\` environment variable to \`true\`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/`;
const DEPRECATED_OUTPUT_COMMAND = (name: string): string =>
  `The \`${name}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/`;
const BAD_STOP_TOKEN =
  "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command. For more information see: https://docs.github.com/actions/learn-github-actions/workflow-commands-for-github-actions#example-stopping-and-starting-workflow-commands or opt into insecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` environment variable to `true`.";

/** Commands whose line the runner never echoes (ActionCommandExtension.OmitEcho). */
const OMIT_ECHO = new Set(['add-mask', 'debug', 'error', 'warning', 'notice']);

export interface CommandProcessorOptions {
  workspace: string;
  /** The step's environment (for ACTIONS_ALLOW_UNSECURE_* opt-ins). */
  env: Record<string, string>;
  /** Step debug logging (ACTIONS_STEP_DEBUG): `##[debug]` lines shown and commands echoed. */
  debug?: boolean;
  masker?: SecretMasker;
}

/** Reads a step's output line by line the way the runner's OutputManager and ActionCommandManager do. */
export class CommandProcessor {
  readonly commands: WorkflowCommand[] = [];
  readonly annotations: Annotation[] = [];
  readonly masks: string[] = [];
  readonly log: string[] = [];
  /** Set by the legacy ::set-output:: / ::save-state:: / ::set-env:: / ::add-path:: commands. */
  readonly outputs: Record<string, string> = {};
  readonly state: Record<string, string> = {};
  readonly env: Record<string, string> = {};
  readonly path: string[] = [];
  /** True when the runner would fail the step for a command it could not process. */
  failed = false;
  readonly masker: SecretMasker;
  private readonly registered = new Set<string>(RUNNER_COMMANDS);
  private stopToken: string | undefined;
  private echo: boolean;

  constructor(private readonly options: CommandProcessorOptions) {
    this.masker = options.masker ?? new SecretMasker();
    this.echo = options.debug ?? false;
  }

  /** An error the runner raises itself (a malformed environment file...): annotated, step failed. */
  runnerError(message: string): void {
    this.issue({ level: 'error', message, source: 'runner' });
    this.failed = true;
  }

  processLine(line: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    if (line && (line.includes('#') || line.includes(':')) && this.tryProcess(line, stream)) return;
    this.output(line);
  }

  private output(line: string): void {
    this.log.push(this.masker.mask(line));
  }

  private debug(message: string): void {
    if (this.options.debug) this.output(`##[debug]${message}`);
  }

  private issue(annotation: Omit<Annotation, 'message'> & { message: string }): void {
    this.output(`##[${annotation.level}]${annotation.message}`);
    this.annotations.push({ ...annotation, message: this.masker.mask(annotation.message) });
  }

  private tryProcess(line: string, stream: 'stdout' | 'stderr'): boolean {
    const parsed = parseWorkflowCommand(line, this.registered);
    if (!parsed) return false;
    if (this.stopToken !== undefined) {
      if (parsed.command !== this.stopToken.toLowerCase()) {
        this.debug(`Process commands has been stopped and waiting for '##[${this.stopToken}]' to resume.`);
        return false;
      }
      this.record(parsed, stream, line);
      this.output(line);
      this.debug('Resume processing commands');
      this.registered.delete(parsed.command);
      this.stopToken = undefined;
      return true;
    }
    if (parsed.command === 'stop-commands') {
      const token = parsed.data;
      const invalid = !token || token.toLowerCase() === 'pause-logging' || this.registered.has(token.toLowerCase());
      if (invalid && this.options.env.ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS?.toLowerCase() !== 'true') {
        this.issue({ level: 'error', message: BAD_STOP_TOKEN, source: 'runner' });
        this.failed = true;
        return true;
      }
      this.record(parsed, stream, line);
      this.output(line);
      this.debug(`Paused processing commands until '##[${token}]' is received`);
      this.stopToken = token;
      this.registered.add(token.toLowerCase());
      return true;
    }
    this.record(parsed, stream, line);
    if (this.echo && !OMIT_ECHO.has(parsed.command)) this.output(line);
    try {
      this.handle(parsed);
    } catch (error) {
      const shown = OMIT_ECHO.has(parsed.command) ? parsed.command : line;
      this.issue({ level: 'error', message: `Unable to process command '${shown}' successfully.`, source: 'runner' });
      this.issue({ level: 'error', message: error instanceof Error ? error.message : String(error), source: 'runner' });
      this.failed = true;
    }
    return true;
  }

  private record(parsed: ParsedCommand, stream: 'stdout' | 'stderr', raw: string): void {
    this.commands.push({ ...parsed, stream, raw });
  }

  private handle(command: ParsedCommand): void {
    const { data } = command;
    switch (command.command) {
      case 'add-mask':
        if (!data.trim()) {
          this.issue({
            level: 'warning',
            message: "Can't add secret mask for empty string in ##[add-mask] command.",
            source: 'runner',
          });
          return;
        }
        if (this.echo) this.output('::add-mask::***');
        this.masker.add(data);
        this.masks.push(data);
        return;
      case 'debug':
        this.debug(data);
        return;
      case 'error':
      case 'warning':
      case 'notice':
        this.issue(this.annotationOf(command));
        return;
      case 'group':
        this.output(`##[group]${data}`);
        return;
      case 'endgroup':
        this.output('##[endgroup]');
        return;
      case 'echo': {
        const value = data.trim().toUpperCase();
        if (value !== 'ON' && value !== 'OFF') {
          throw new Error(
            `Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '${data}'.`,
          );
        }
        this.echo = value === 'ON';
        return;
      }
      case 'set-output':
      case 'save-state': {
        const name = property(command, 'name');
        if (!name) throw new Error(`Required field 'name' is missing in ##[${command.command}] command.`);
        (command.command === 'set-output' ? this.outputs : this.state)[name] = data;
        this.issue({ level: 'warning', message: DEPRECATED_OUTPUT_COMMAND(command.command), source: 'runner' });
        return;
      }
      case 'set-env':
      case 'add-path': {
        if (this.options.env.ACTIONS_ALLOW_UNSECURE_COMMANDS?.toLowerCase() !== 'true') {
          throw new Error(UNSECURE_COMMAND_DISABLED(command.command));
        }
        if (command.command === 'add-path') {
          if (!data) throw new Error("Argument 'path' cannot be null or empty.");
          this.path.push(data);
          return;
        }
        const name = property(command, 'name');
        if (!name) throw new Error("Required field 'name' is missing in ##[set-env] command.");
        if (name.toUpperCase() === 'NODE_OPTIONS') {
          this.issue({
            level: 'error',
            message: "Can't update NODE_OPTIONS environment variable using ::set-env:: command.",
            source: 'runner',
          });
          return;
        }
        this.env[name] = data;
        return;
      }
      default:
        // add-matcher / remove-matcher: recorded in `commands`; problem matchers are not emulated.
        return;
    }
  }

  private annotationOf(command: ParsedCommand): Annotation {
    const annotation: Annotation = {
      level: command.command as AnnotationLevel,
      message: command.data,
      source: 'action',
    };
    const file = property(command, 'file');
    if (file) annotation.file = relativeToWorkspace(file, this.options.workspace);
    const title = property(command, 'title');
    if (title !== undefined) annotation.title = title;
    const numbers: Array<[keyof Annotation, string]> = [
      ['line', 'line'],
      ['endLine', 'endLine'],
      ['column', 'col'],
      ['endColumn', 'endColumn'],
    ];
    for (const [field, name] of numbers) {
      const value = property(command, name);
      if (value !== undefined && /^\s*[+-]?\d+\s*$/.test(value))
        (annotation as unknown as Record<string, number>)[field] = Number(value);
    }
    return annotation;
  }
}

/** IOUtil.MakeRelative: a path under the workspace becomes relative to it, with `/` separators. */
function relativeToWorkspace(file: string, workspace: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(workspace, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}
