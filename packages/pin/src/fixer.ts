import { chmodSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Replace text[start, end) with `text`; offsets into the file's text without its BOM. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A file's text as the readers see it, and what is needed to write it back byte for byte. */
export interface LoadedText {
  text: string;
  bom: boolean;
  /** False when the bytes are not valid UTF-8, so text → bytes would change them: never rewrite. */
  lossless: boolean;
}

export function decodeFile(bytes: Buffer): LoadedText {
  const bom = bytes.subarray(0, 3).equals(BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const text = body.toString('utf8');
  return { text, bom, lossless: Buffer.from(text, 'utf8').equals(body) };
}

export function encodeFile(loaded: Pick<LoadedText, 'bom'>, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return loaded.bom ? Buffer.concat([BOM, body]) : body;
}

/**
 * Applies edits to a text. Identical edits (one ARG default used by two FROMs) apply once;
 * overlapping different edits are a bug in the caller and throw.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const unique = new Map<string, TextEdit>();
  for (const edit of edits) unique.set(`${edit.start}:${edit.end}:${edit.text}`, edit);
  const sorted = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`overlapping or out-of-range edit at ${edit.start}-${edit.end}`);
    }
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Writes through a temporary file in the same folder and a rename, keeping the file's mode. */
export function writeFileAtomic(path: string, data: Buffer): void {
  const mode = statSync(path).mode & 0o7777;
  const temporary = join(dirname(path), `.${basename(path)}.gatehouse-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, data, { mode, flag: 'wx' });
    chmodSync(temporary, mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
