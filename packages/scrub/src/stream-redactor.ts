import { Transform, type TransformCallback } from 'node:stream';
import { escapeLength, originalOffset, stripAnsi } from './ansi.js';
import { applySpans, RedactionCounts, type ReplacementStyle } from './redact.js';
import { KERNEL_MAX_INPUT } from './scan-kernel.js';
import { newScanState, type ScanState, type SecretScanner } from './scanner.js';

export interface StreamRedactorOptions {
  replacement?: ReplacementStyle;
  /** A partial line is released this long after the last write (default 50 ms). */
  flushAfterMs?: number;
  /**
   * A tail that could still be the start of a registered value is held this much longer before
   * it is released anyway (default 2000 ms), so output never stalls for good.
   */
  holdAtMostMs?: number;
  /** A partial line longer than this is scanned and released without waiting (default 64 KiB). */
  maxLineBytes?: number;
}

/**
 * Redacts a byte stream: complete lines are scanned and released at once; a partial line is held
 * until its newline, or until `flushAfterMs` passes, and even then its trailing token (which may be
 * the first part of an encoded secret) and any tail that could begin a registered value stay back,
 * until `holdAtMostMs`. Output equals input except where something was redacted, and a
 * UTF-8 sequence or an escape sequence is never cut in two. Lines stay bytes from input to output;
 * they become text only where the scanner finds something to look at.
 */
export class StreamRedactor {
  readonly counts = new RedactionCounts();
  /** The partial line held back, in the pieces it came in (copies: a writer may reuse its buffer). */
  private held: Buffer[] = [];
  private heldLength = 0;
  private readonly state: ScanState = newScanState();
  private timer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;
  private ended = false;
  private readonly style: ReplacementStyle;
  private readonly flushAfterMs: number;
  private readonly holdAtMostMs: number;
  private readonly maxLineBytes: number;

  private readonly scanner: SecretScanner;
  private readonly emit: (chunk: Buffer) => void;

  constructor(scanner: SecretScanner, emit: (chunk: Buffer) => void, options: StreamRedactorOptions = {}) {
    this.scanner = scanner;
    this.emit = emit;
    this.style = options.replacement ?? 'mask';
    this.flushAfterMs = options.flushAfterMs ?? 50;
    this.holdAtMostMs = options.holdAtMostMs ?? 2000;
    this.maxLineBytes = Math.max(options.maxLineBytes ?? 64 * 1024, 2 * scanner.maxKnownLength + 16);
  }

  write(chunk: Buffer | string): void {
    if (this.ended) throw new Error('StreamRedactor: write after end');
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length === 0) return;
    const last = lastBreak(bytes);
    if (last < 0) {
      this.hold(bytes);
    } else {
      let from = 0;
      if (this.heldLength > 0) {
        // The held line ends at the chunk's first break: released with it, the rest of the chunk is not copied.
        const first = firstBreak(bytes);
        this.held.push(bytes.subarray(0, first + 1));
        const line = Buffer.concat(this.held, this.heldLength + first + 1);
        this.held = [];
        this.heldLength = 0;
        this.release(line);
        from = first + 1;
      }
      if (from <= last) this.release(bytes.subarray(from, last + 1));
      if (last + 1 < bytes.length) this.hold(bytes.subarray(last + 1));
    }
    if (this.heldLength > this.maxLineBytes) this.releasePartial(false);
    // Whatever is held back, a line never grows without bound.
    if (this.heldLength > 2 * this.maxLineBytes) this.releasePartial(true);
    this.schedule();
  }

  /** Releases everything held now: for the end of the stream. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.clearTimers();
    const rest = this.takeHeld();
    if (rest.length > 0) this.release(rest);
  }

  /** Releases the partial line as the timeout would (tests call this instead of waiting). */
  flushPartial(): void {
    this.releasePartial(false);
  }

  private hold(bytes: Buffer): void {
    this.held.push(Buffer.from(bytes));
    this.heldLength += bytes.length;
  }

  private takeHeld(): Buffer {
    const bytes = this.held.length === 1 ? this.held[0]! : Buffer.concat(this.held, this.heldLength);
    this.held = [];
    this.heldLength = 0;
    return bytes;
  }

  private schedule(): void {
    if (this.heldLength === 0 || this.ended) {
      this.clearTimers();
      return;
    }
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    // Re-arming the pending timer is much cheaper than a new one for every write.
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.releasePartial(false);
      if (this.heldLength > 0) {
        this.holdTimer = setTimeout(() => {
          this.holdTimer = undefined;
          this.releasePartial(true);
        }, this.holdAtMostMs);
        this.holdTimer.unref?.();
      }
    }, this.flushAfterMs);
    this.timer.unref?.();
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.timer = undefined;
    this.holdTimer = undefined;
  }

  /** Scans the partial line and releases all of it but a tail that could still become a match. */
  private releasePartial(everything: boolean): void {
    if (this.heldLength === 0) return;
    const bytes = this.takeHeld();
    let cut = bytes.length;
    if (!everything) {
      const text = bytes.toString('latin1');
      cut = Math.min(partialMatchStart(text, this.scanner), tokenTailStart(text));
      // Never cut through something the held text already holds whole (looked at on a copy of the state).
      for (const span of this.scanner.scan(text, { ...this.state })) {
        if (span.start < cut && span.end > cut) cut = span.start;
      }
      cut = safeCut(text, cut);
    }
    if (cut < bytes.length) {
      this.held = [bytes.subarray(cut)];
      this.heldLength = bytes.length - cut;
    }
    if (cut > 0) this.release(bytes.subarray(0, cut));
  }

  private release(bytes: Buffer): void {
    // A large write is scanned in pieces cut after a newline, each small enough for the fast loop.
    let start = 0;
    while (start < bytes.length) {
      let end = bytes.length;
      if (end - start > RELEASE_PIECE) {
        const newline = bytes.lastIndexOf(10, start + RELEASE_PIECE);
        end =
          newline > start
            ? newline + 1
            : Math.max(
                start + 1,
                start + safeCut(bytes.toString('latin1', start, start + RELEASE_PIECE + 1), RELEASE_PIECE),
              );
      }
      const piece = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
      const spans = this.scanner.scanBytes(piece, this.state);
      // Unchanged bytes go out as a copy: the writer may reuse its buffer once write() returns.
      this.emit(
        spans.length === 0
          ? Buffer.from(piece)
          : Buffer.from(applySpans(piece.toString('latin1'), spans, this.style, this.counts), 'latin1'),
      );
      start = end;
    }
  }
}

/** The last line break (LF or CR) in `bytes`, or -1. */
function lastBreak(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(10);
  // A CR after the last LF is in the tail; without an LF the whole chunk is searched.
  if (lf < 0) return bytes.lastIndexOf(13);
  for (let i = bytes.length - 1; i > lf; i--) if (bytes[i] === 13) return i;
  return lf;
}

/** The first line break (LF or CR) in `bytes` (the caller knows there is one). */
function firstBreak(bytes: Buffer): number {
  const lf = bytes.indexOf(10);
  const stop = lf < 0 ? bytes.length : lf;
  for (let i = 0; i < stop; i++) if (bytes[i] === 13) return i;
  return lf;
}

/** Where the tail that could still begin a registered value starts (escape sequences skipped). */
function partialMatchStart(text: string, scanner: SecretScanner): number {
  if (scanner.maxKnownLength === 0) return text.length;
  const from = Math.max(0, text.length - 4 * scanner.maxKnownLength - 256);
  const tail = text.slice(from);
  if (tail.indexOf('\x1b') < 0) return text.length - scanner.knownPrefixLength(tail);
  const visible = stripAnsi(tail);
  const held = scanner.knownPrefixLength(visible.text);
  return held === 0 ? text.length : from + originalOffset(visible, visible.text.length - held);
}

const TOKEN_TAIL_LIMIT = 1024;
const RELEASE_PIECE = KERNEL_MAX_INPUT;

/**
 * Where the trailing run of token characters (letters, digits, `+/=_-.%~`) starts: it may be the
 * first part of an encoded secret or a credential, so a timed flush keeps it back (until the line
 * ends, or `holdAtMostMs`). Prompts end in punctuation or a space and are released at once.
 */
export function tokenTailStart(text: string): number {
  let start = text.length;
  while (start > 0 && text.length - start < TOKEN_TAIL_LIMIT) {
    const c = text.charCodeAt(start - 1);
    const token =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 43 ||
      c === 47 ||
      c === 61 ||
      c === 95 ||
      c === 45 ||
      c === 46 ||
      c === 37 ||
      c === 126;
    if (!token) break;
    start--;
  }
  return start;
}

/** Moves a cut back so it splits neither a UTF-8 sequence nor an escape sequence. */
function safeCut(text: string, position: number): number {
  let cut = Math.max(0, Math.min(position, text.length));
  if (cut < text.length) {
    let lead = cut;
    while (lead > 0 && cut - lead < 3 && (text.charCodeAt(lead) & 0xc0) === 0x80) lead--;
    cut = lead;
  } else if (cut > 0) {
    // Cutting at the end: back off from an incomplete trailing UTF-8 sequence.
    let lead = cut - 1;
    while (lead > 0 && cut - lead < 4 && (text.charCodeAt(lead) & 0xc0) === 0x80) lead--;
    const byte = text.charCodeAt(lead);
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (lead + need > cut) cut = lead;
  }
  const escape = text.lastIndexOf('\x1b', cut - 1);
  if (escape >= 0 && cut - escape < 4096) {
    const length = escapeLength(text, escape);
    if (length < 0 || escape + length > cut) cut = escape;
  }
  return cut;
}

/** The redactor as a Transform stream of bytes. */
export function createRedactStream(
  scanner: SecretScanner,
  options: StreamRedactorOptions = {},
): Transform & { counts: RedactionCounts } {
  const holder: { redactor?: StreamRedactor } = {};
  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        holder.redactor!.write(chunk);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      holder.redactor!.end();
      callback();
    },
  });
  const redactor = new StreamRedactor(scanner, (out) => stream.push(out), options);
  holder.redactor = redactor;
  return Object.assign(stream, { counts: redactor.counts });
}
