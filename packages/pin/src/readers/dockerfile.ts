import { LineIndex, type FileReading, type ImageOccurrence, type TextSpan } from '../occurrence.js';

const INSTRUCTIONS = new Set([
  'add',
  'arg',
  'cmd',
  'copy',
  'entrypoint',
  'env',
  'expose',
  'from',
  'healthcheck',
  'label',
  'maintainer',
  'onbuild',
  'run',
  'shell',
  'stopsignal',
  'user',
  'volume',
  'workdir',
]);
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC = /(?:^|\s)<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** A logical line: physical lines joined at the escape character, each char mapped to its offset. */
interface LogicalLine {
  text: string;
  offsets: number[];
}

interface Token {
  text: string;
  /** Index of the token's first char in the logical line. */
  index: number;
}

interface BuildArg {
  value?: string;
  span?: TextSpan;
  /** Arguments its default refers to that have no default themselves. */
  missing?: string[];
}

interface Resolved {
  value: string;
  span?: TextSpan;
  missing: string[];
}

/**
 * Image references in a Dockerfile or Containerfile: FROM (with --platform, stage aliases and
 * build-argument defaults), COPY --from, RUN --mount=...,from=, ONBUILD forms and the syntax
 * directive. `text` has its BOM removed.
 */
export function readDockerfile(text: string): FileReading {
  const reader = new DockerfileReader(text);
  reader.read();
  return { occurrences: reader.occurrences, problems: reader.problems };
}

class DockerfileReader {
  readonly occurrences: ImageOccurrence[] = [];
  readonly problems: FileReading['problems'] = [];
  private readonly lines: Array<{ start: number; text: string }> = [];
  private readonly index: LineIndex;
  private escape = '\\';
  private readonly globalArgs = new Map<string, BuildArg>();
  private readonly stages = new Set<string>();
  private stageCount = 0;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
    let start = 0;
    for (const raw of text.split('\n')) {
      this.lines.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
      start += raw.length + 1;
    }
  }

  read(): void {
    let i = this.readDirectives();
    while (i < this.lines.length) {
      const line = this.lines[i]!;
      if (/^\s*$/.test(line.text) || /^\s*#/.test(line.text)) {
        i++;
        continue;
      }
      const startLine = i;
      const logical: LogicalLine = { text: '', offsets: [] };
      while (i < this.lines.length) {
        const current = this.lines[i]!;
        i++;
        if (logical.text.length > 0 && (/^\s*$/.test(current.text) || /^\s*#/.test(current.text))) continue;
        const trimmed = current.text.replace(/\s+$/, '');
        const continues = trimmed.endsWith(this.escape);
        const content = continues ? trimmed.slice(0, -1) : current.text;
        for (let c = 0; c < content.length; c++) {
          logical.text += content[c];
          logical.offsets.push(current.start + c);
        }
        if (!continues) break;
      }
      i = this.instruction(logical, startLine, i);
    }
  }

  private readDirectives(): number {
    let i = 0;
    for (; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      const match = DIRECTIVE.exec(line.text);
      if (!match) break;
      const name = match[1]!.toLowerCase();
      const value = match[2]!;
      const valueStart = line.start + line.text.indexOf(value, line.text.indexOf('=') + 1);
      if (name === 'escape') {
        if (value !== '\\' && value !== '`') {
          this.problem(valueStart, `the escape directive must be \\ or \` (got '${value}')`);
        } else {
          this.escape = value;
        }
      } else if (name === 'syntax' && value) {
        this.image(value, { start: valueStart, end: valueStart + value.length }, valueStart, '# syntax', []);
      }
    }
    return i;
  }

  /** Handles one instruction; returns the index of the next physical line to read. */
  private instruction(logical: LogicalLine, startLine: number, next: number): number {
    const leading = /^\s*/.exec(logical.text)![0].length;
    const keyword = /^[A-Za-z]+/.exec(logical.text.slice(leading))?.[0] ?? '';
    const name = keyword.toLowerCase();
    if (!INSTRUCTIONS.has(name)) {
      const word = logical.text.slice(leading).split(/\s/)[0];
      this.problem(logical.offsets[leading] ?? this.lines[startLine]!.start, `unknown instruction '${word}'`);
      return next;
    }
    const argsIndex = leading + keyword.length;
    this.dispatch(name, logical, argsIndex);
    if (HEREDOC_INSTRUCTIONS.has(name)) return this.skipHeredocs(logical.text.slice(argsIndex), next, startLine);
    return next;
  }

  private dispatch(name: string, logical: LogicalLine, argsIndex: number): void {
    const tokens = tokenize(logical.text, argsIndex);
    if (name === 'arg' && this.stageCount === 0) this.declareArgs(logical, tokens);
    else if (name === 'from') this.from(logical, tokens);
    else if (name === 'copy') this.copyFrom(logical, tokens);
    else if (name === 'run') this.runMount(logical, tokens);
    else if (name === 'onbuild' && tokens[0]) {
      const inner = tokens[0].text.toLowerCase();
      if (INSTRUCTIONS.has(inner) && inner !== 'onbuild')
        this.dispatch(inner, logical, tokens[0].index + tokens[0].text.length);
    }
  }

  private declareArgs(logical: LogicalLine, tokens: Token[]): void {
    for (const token of tokens) {
      const eq = token.text.indexOf('=');
      if (eq < 0) {
        this.globalArgs.set(token.text, {});
        continue;
      }
      const name = token.text.slice(0, eq);
      let valueIndex = token.index + eq + 1;
      let value = token.text.slice(eq + 1);
      const quote = value[0];
      if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
        value = value.slice(1, -1);
        valueIndex++;
      }
      if (value.includes('$')) {
        // A default built from earlier arguments (ARG BASE=${REGISTRY}/python:3.12).
        const resolved = this.substitute(logical, { text: value, index: valueIndex });
        this.globalArgs.set(name, { value: resolved.value, span: resolved.span, missing: resolved.missing });
        continue;
      }
      this.globalArgs.set(name, { value, span: spanOf(logical, valueIndex, valueIndex + value.length) });
    }
  }

  private from(logical: LogicalLine, tokens: Token[]): void {
    const positional = tokens.filter((token) => !token.text.startsWith('--'));
    const image = positional[0];
    this.stageCount++;
    if (!image) {
      this.problem(logical.offsets[0] ?? 0, 'FROM needs an image');
      return;
    }
    if (positional.length >= 3 && positional[1]!.text.toLowerCase() === 'as') {
      this.stages.add(positional[2]!.text.toLowerCase());
    }
    this.imageToken(logical, image, 'FROM', true);
  }

  private copyFrom(logical: LogicalLine, tokens: Token[]): void {
    for (const token of leadingFlags(tokens)) {
      if (!/^--from=/i.test(token.text)) continue;
      const offset = '--from='.length;
      this.imageToken(logical, { text: token.text.slice(offset), index: token.index + offset }, 'COPY --from', false);
    }
  }

  private runMount(logical: LogicalLine, tokens: Token[]): void {
    for (const token of leadingFlags(tokens)) {
      if (!/^--mount=/i.test(token.text)) continue;
      let index = token.index + '--mount='.length;
      for (const field of token.text.slice('--mount='.length).split(',')) {
        let fieldIndex = index;
        let body = field;
        if (body.length >= 2 && body.startsWith('"') && body.endsWith('"')) {
          body = body.slice(1, -1);
          fieldIndex++;
        }
        const match = /^from=/i.exec(body);
        if (match) {
          const value = body.slice(match[0].length);
          this.imageToken(logical, { text: value, index: fieldIndex + match[0].length }, 'RUN --mount from', false);
        }
        index += field.length + 1;
      }
    }
  }

  private imageToken(logical: LogicalLine, token: Token, context: string, isFrom: boolean): void {
    if (token.text === '') return;
    const resolved = this.substitute(logical, token);
    const lowered = resolved.value.toLowerCase();
    if (resolved.missing.length === 0) {
      if (lowered === 'scratch' && isFrom) return;
      if (this.stages.has(lowered)) return;
      if (!isFrom && /^\d+$/.test(resolved.value)) return;
    }
    const start = logical.offsets[token.index]!;
    this.image(
      resolved.missing.length > 0 ? token.text : resolved.value,
      resolved.span,
      start,
      context,
      resolved.missing,
    );
  }

  private image(value: string, span: TextSpan | undefined, start: number, context: string, missing: string[]): void {
    const { line, column } = this.index.position(start);
    const occurrence: ImageOccurrence = { kind: 'image', image: value, line, column, context };
    if (span) occurrence.span = span;
    if (missing.length > 0) {
      occurrence.unresolvable = `uses build argument${missing.length > 1 ? 's' : ''} ${missing.join(', ')} without a default`;
    }
    this.occurrences.push(occurrence);
  }

  /** Applies global build-argument defaults; the span is where the image's own text can be rewritten. */
  private substitute(logical: LogicalLine, token: Token): Resolved {
    const tokenSpan = spanOf(logical, token.index, token.index + token.text.length);
    if (!token.text.includes('$')) return { value: token.text, span: tokenSpan, missing: [] };
    const missing: string[] = [];
    let value = '';
    let last = 0;
    let pieces = 0;
    let soleSpan: TextSpan | undefined;
    for (const match of token.text.matchAll(VARIABLE)) {
      if (match.index > last) pieces++;
      value += token.text.slice(last, match.index);
      last = match.index + match[0].length;
      pieces++;
      const name = match[1] ?? match[4]!;
      const operator = match[2];
      const word = match[3] ?? '';
      const wordIndex = token.index + match.index + match[0].length - 1 - word.length;
      const arg = this.globalArgs.get(name);
      if (arg?.missing?.length) missing.push(...arg.missing);
      const set = arg?.value !== undefined && (operator?.startsWith(':') ? arg.value !== '' : true);
      if (operator === undefined) {
        if (arg?.value === undefined) missing.push(name);
        value += arg?.value ?? '';
        soleSpan = arg?.span;
      } else if (operator.endsWith('-')) {
        value += set ? arg!.value : word;
        soleSpan = set
          ? arg!.span
          : word.includes('$')
            ? undefined
            : spanOf(logical, wordIndex, wordIndex + word.length);
      } else {
        value += set ? word : '';
        soleSpan = set && !word.includes('$') ? spanOf(logical, wordIndex, wordIndex + word.length) : undefined;
      }
    }
    if (last < token.text.length) pieces++;
    value += token.text.slice(last);
    return { value, span: pieces === 1 && missing.length === 0 ? soleSpan : undefined, missing };
  }

  private skipHeredocs(args: string, next: number, startLine: number): number {
    // `<<EOF` inside a quoted string is text, not a heredoc: blank quoted strings (but not `<<"EOF"`).
    const unquoted = args.replace(/(?<!<<-?)(["'])(?:(?!\1).)*\1/g, (quoted) => ' '.repeat(quoted.length));
    const terminators = [...unquoted.matchAll(HEREDOC)].map((match) => ({ strip: match[1] === '-', word: match[3]! }));
    let i = next;
    for (const terminator of terminators) {
      for (;;) {
        if (i >= this.lines.length) {
          this.problem(this.lines[startLine]!.start, `heredoc '${terminator.word}' is not terminated`);
          return i;
        }
        const line = this.lines[i]!.text;
        i++;
        if ((terminator.strip ? line.replace(/^\t+/, '') : line) === terminator.word) break;
      }
    }
    return i;
  }

  private problem(offset: number, message: string): void {
    const { line, column } = this.index.position(offset);
    this.problems.push({ line, column, message });
  }
}

function tokenize(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  const pattern = /\S+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text))
    tokens.push({ text: match[0], index: match.index });
  return tokens;
}

function leadingFlags(tokens: Token[]): Token[] {
  const flags: Token[] = [];
  for (const token of tokens) {
    if (!token.text.startsWith('--')) break;
    flags.push(token);
  }
  return flags;
}

/** The file span of logical chars [from, to), when they are contiguous in the file. */
function spanOf(logical: LogicalLine, from: number, to: number): TextSpan | undefined {
  if (to <= from) return undefined;
  const start = logical.offsets[from]!;
  const end = logical.offsets[to - 1]! + 1;
  return end - start === to - from ? { start, end } : undefined;
}
