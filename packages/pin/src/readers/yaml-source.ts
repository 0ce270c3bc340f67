import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import {
  LineIndex,
  type ActionOccurrence,
  type FileReading,
  type ImageOccurrence,
  type Occurrence,
  type TextSpan,
} from '../occurrence.js';

export type YamlKind = 'workflow' | 'action' | 'auto';

/** A YAML file being read: its text, line index and where found references go. */
export class YamlSource {
  readonly index: LineIndex;
  readonly occurrences: Occurrence[] = [];
  readonly problems: FileReading['problems'] = [];

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }

  /** A string scalar at `node`, with where its text starts and (when it is written verbatim) its span. */
  scalar(node: unknown): { value: string; start: number; span?: TextSpan } | undefined {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const scalar = node as Scalar<string>;
    const [start, valueEnd] = scalar.range!;
    const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
    const textStart = quoted ? start + 1 : start;
    const textEnd = quoted ? valueEnd - 1 : valueEnd;
    const verbatim = (scalar.type === 'PLAIN' || quoted) && this.text.slice(textStart, textEnd) === scalar.value;
    return verbatim
      ? { value: scalar.value, start: textStart, span: { start: textStart, end: textEnd } }
      : { value: scalar.value, start: textStart };
  }

  image(node: unknown, context: string, options: { interpolation?: 'expression' | 'compose' } = {}): void {
    const scalar = this.scalar(node);
    if (!scalar) return;
    const occurrence: ImageOccurrence = {
      kind: 'image',
      image: scalar.value,
      context,
      ...this.index.position(scalar.start),
    };
    if (scalar.span) occurrence.span = scalar.span;
    if (scalar.value.includes('${{')) occurrence.unresolvable = 'contains a ${{ }} expression';
    else if (options.interpolation === 'compose' && /\$\{?[A-Za-z_]/.test(scalar.value)) {
      occurrence.unresolvable = 'uses compose variable interpolation';
    }
    this.occurrences.push(occurrence);
  }

  /** A `uses:` value: an action, a reusable workflow, a docker:// image; local paths are exempt. */
  uses(node: unknown, context: string): void {
    const scalar = this.scalar(node);
    if (!scalar) return;
    const value = scalar.value.trim();
    if (value.startsWith('./') || value.startsWith('../') || value.startsWith('$/')) return;
    const position = this.index.position(scalar.start);
    if (value.startsWith('docker://')) {
      const prefix = 'docker://'.length;
      const occurrence: ImageOccurrence = {
        kind: 'image',
        image: value.slice(prefix),
        context,
        line: position.line,
        column: position.column + prefix,
      };
      if (scalar.span && scalar.value === value)
        occurrence.span = { start: scalar.span.start + prefix, end: scalar.span.end };
      if (value.includes('${{')) occurrence.unresolvable = 'contains a ${{ }} expression';
      this.occurrences.push(occurrence);
      return;
    }
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)((?:\/[^@\s]+)?)@([^\s@]+)$/.exec(value);
    if (!match || !scalar.span || scalar.value !== value) {
      this.problems.push({ ...position, message: `uses: '${value}' is not owner/repo[/path]@ref` });
      return;
    }
    const occurrence: ActionOccurrence = {
      kind: 'action',
      uses: value,
      owner: match[1]!,
      repo: match[2]!,
      ref: match[4]!,
      context,
      span: scalar.span,
      ...position,
    };
    if (match[3]) occurrence.subpath = match[3].slice(1);
    const comment = this.trailingVersionComment(node as Scalar);
    if (comment) occurrence.versionComment = comment;
    this.occurrences.push(occurrence);
  }

  /** `# v4.1.2` (or `# tag=v4.1.2`) right after a scalar on its line. */
  private trailingVersionComment(node: Scalar): ActionOccurrence['versionComment'] {
    const end = node.range![1];
    const lineEnd = this.index.lineEnd(end);
    const rest = this.text.slice(end, lineEnd);
    // A version-looking word (v4, 4.1.2, v1.2.3-rc.1), or any word after `tag=` / `pin@`.
    const match =
      /^([ \t]*#[ \t]*)((?:tag=|pin@)?)(v?\d[\w.+/-]*)(?=[ \t]|$)/.exec(rest) ??
      /^([ \t]*#[ \t]*)(tag=|pin@)([A-Za-z0-9][\w.+/-]*)(?=[ \t]|$)/.exec(rest);
    if (!match || match[3]!.toLowerCase().startsWith('gatehouse')) return undefined;
    const start = end + match[1]!.length + match[2]!.length;
    return { tag: match[3]!, span: { start, end: start + match[3]!.length } };
  }

  problemAt(offset: number, message: string): void {
    this.problems.push({ ...this.index.position(offset), message });
  }
}

export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  return (node as YAMLMap).get(key, true) as Node | undefined;
}

export function entries(node: unknown): Array<[string, Node]> {
  if (!isMap(node)) return [];
  const out: Array<[string, Node]> = [];
  for (const pair of (node as YAMLMap).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && pair.value) out.push([key, pair.value as Node]);
  }
  return out;
}

export function items(node: unknown): Node[] {
  return isSeq(node) ? ((node as YAMLSeq).items as Node[]) : [];
}

export function stringAt(node: unknown, key: string): string | undefined {
  const value = get(node, key);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/**
 * Parses every document of a YAML stream. A document with syntax errors becomes a problem (and is
 * not read); the others are handed to `visit`.
 */
export function readYamlDocuments(source: YamlSource, visit: (contents: unknown) => void): void {
  const documents = parseAllDocuments(source.text, { prettyErrors: false, uniqueKeys: false, strict: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) {
    const error = document.errors[0];
    if (error) {
      source.problemAt(error.pos[0], `YAML: ${error.message.split('\n')[0]}`);
      continue;
    }
    visit(document.contents);
  }
}
