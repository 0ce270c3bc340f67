/** Offsets are UTF-16 code units into a file's text after any UTF-8 BOM; `end` is exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

interface OccurrenceBase {
  /** 1-based line and column (UTF-16 units) where the reference's text starts. */
  line: number;
  column: number;
  /** Where the reference's bytes can be rewritten; absent when the text is assembled from parts. */
  span?: TextSpan;
  /** What in the file holds the reference, e.g. "FROM", "services.web.image", "jobs.build.steps[2].uses". */
  context: string;
}

export interface ImageOccurrence extends OccurrenceBase {
  kind: 'image';
  /** The image as it will be pulled (after build-argument defaults are applied). */
  image: string;
  /** Set when the image cannot be known statically (an expression, an argument without default). */
  unresolvable?: string;
}

export interface ActionOccurrence extends OccurrenceBase {
  kind: 'action';
  /** The whole `uses:` value: owner/repo(/path)@ref. */
  uses: string;
  owner: string;
  repo: string;
  subpath?: string;
  ref: string;
  span: TextSpan;
  /** A trailing `# v4.1.2` comment naming the tag the SHA is meant to be. */
  versionComment?: { tag: string; span: TextSpan };
}

export type Occurrence = ImageOccurrence | ActionOccurrence;

export interface ReadProblem {
  line: number;
  column?: number;
  message: string;
}

export interface FileReading {
  occurrences: Occurrence[];
  /** Errors that stop the file from being read (or read fully): parse-error findings. */
  problems: ReadProblem[];
}

/** Line starts of a text, for turning offsets into 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }

  /** Offset just before the line ending of the line holding `offset`. */
  lineEnd(offset: number): number {
    const { line } = this.position(offset);
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return end > 0 && this.text.charCodeAt(end - 1) === 13 && next !== undefined ? end - 1 : end;
  }
}
