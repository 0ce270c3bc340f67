import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { readFile, rename, rm, stat, chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { expandGlobs, fingerprintOf, type Finding, type Severity } from '@gatehouse/findings';
import { archiveKind, readArchive, type ArchiveEntry } from './archives.js';
import { applySpans, RedactionCounts, type ReplacementStyle } from './redact.js';
import { KNOWN_SECRET_RULE, newScanState, type SecretScanner, type Span } from './scanner.js';

export const FINDING_PREFIX = 'secret-leak/';
const MAX_NESTED_ARCHIVES = 3;
/** Files are scanned in windows of this size (cut at a newline), never as one huge string. */
const WINDOW_BYTES = 1024 * 1024;

export interface ScanFilesOptions {
  /** Globs or paths relative to `cwd` (newline list items); `!glob` excludes. */
  patterns: readonly string[];
  cwd: string;
  scanner: SecretScanner;
  /** Input name for error messages (default `scan-paths`). */
  input?: string;
  /** Files larger than this are not read (default 512 MiB) and are listed as skipped. */
  maxFileBytes?: number;
}

export interface ScannedFile {
  /** Relative path; entries inside an archive are `archive.zip!dir/file.txt`. */
  path: string;
  leaks: number;
  /** Plain files can be rewritten; entries inside archives cannot. */
  inArchive: boolean;
}

export interface ScanFilesResult {
  findings: Finding[];
  files: ScannedFile[];
  skipped: Array<{ path: string; reason: string }>;
}

/** Scans files and archive entries; findings carry file, line, rule and fingerprint, never the secret. */
export async function scanFiles(options: ScanFilesOptions): Promise<ScanFilesResult> {
  const paths = await expandGlobs(options.patterns, { input: options.input ?? 'scan-paths', cwd: options.cwd });
  const result: ScanFilesResult = { findings: [], files: [], skipped: [] };
  const maxBytes = options.maxFileBytes ?? 512 * 1024 * 1024;
  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    const size = (await stat(absolute)).size;
    if (size > maxBytes) {
      result.skipped.push({ path, reason: `larger than ${maxBytes} bytes` });
      continue;
    }
    scanContent(path, await readFile(absolute), options.scanner, result, 0);
  }
  return result;
}

function scanContent(path: string, data: Buffer, scanner: SecretScanner, result: ScanFilesResult, depth: number): void {
  const kind =
    depth < MAX_NESTED_ARCHIVES ? archiveKind(path.slice(path.lastIndexOf('!') + 1), data.subarray(0, 512)) : undefined;
  if (kind) {
    let entries: ArchiveEntry[];
    try {
      entries = readArchive(kind, data);
    } catch (error) {
      // Fail closed: an archive we cannot read is reported, not silently passed.
      result.skipped.push({ path, reason: (error as Error).message });
      result.findings.push(unreadableArchiveFinding(path, (error as Error).message));
      return;
    }
    for (const entry of entries) {
      const name = entry.name || basename(path).replace(/\.gz$/i, '');
      scanContent(`${path}!${name}`, entry.data, scanner, result, depth + 1);
    }
    return;
  }
  const findings = findingsInData(path, data, scanner);
  result.findings.push(...findings);
  result.files.push({ path, leaks: findings.length, inArchive: depth > 0 });
}

/** Windows of at most `size` bytes, cut after a newline where there is one, as latin1 text. */
export function* textWindows(data: Buffer, size = WINDOW_BYTES): Generator<string> {
  let start = 0;
  while (start < data.length) {
    let end = Math.min(data.length, start + size);
    if (end < data.length) {
      const newline = data.lastIndexOf(10, end - 1);
      if (newline >= start) end = newline + 1;
    }
    yield data.toString('latin1', start, end);
    start = end;
  }
}

/** Findings for one text: one per match, one per multi-line block, with 1-based line and column. */
export function findingsInText(path: string, text: string, scanner: SecretScanner): Finding[] {
  return findingsInData(path, Buffer.from(text, 'latin1'), scanner);
}

/** Findings for a file's bytes, scanned window by window so a large file is never one string. */
export function findingsInData(path: string, data: Buffer, scanner: SecretScanner): Finding[] {
  const state = newScanState();
  const findings: Finding[] = [];
  const groups = new Set<number>();
  const occurrences = new Map<string, number>();
  let lineBase = 0;
  for (const text of textWindows(data)) {
    let line = lineBase + 1;
    let lineStart = 0;
    let cursor = 0;
    for (const span of scanner.scan(text, state)) {
      if (span.group !== undefined) {
        if (groups.has(span.group)) continue;
        groups.add(span.group);
      }
      for (let i = text.indexOf('\n', cursor); i >= 0 && i < span.start; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
      }
      cursor = Math.max(cursor, lineStart);
      const column = span.start - lineStart + 1;
      const key = `${span.rule}:${line}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      findings.push(leakFinding(scanner, path, line, column, span, occurrence));
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineBase++;
  }
  return findings;
}

function leakFinding(
  scanner: SecretScanner,
  path: string,
  line: number,
  column: number,
  span: Span,
  occurrence: number,
): Finding {
  const rule = scanner.detector.rules.find((r) => r.id === span.rule);
  const title =
    span.rule === KNOWN_SECRET_RULE ? 'Registered secret (or an encoding of it)' : (rule?.title ?? span.rule);
  const severity: Severity = span.rule === KNOWN_SECRET_RULE ? 'critical' : (rule?.severity ?? 'high');
  const properties: Finding['properties'] = {
    tools: ['gatehouse-scrub'],
    tags: ['secret', rule?.family ?? 'registered'],
  };
  if (span.verified !== undefined) properties.checksumValid = span.verified;
  return {
    ruleId: `${FINDING_PREFIX}${span.rule}`,
    severity,
    title,
    message: `${title} in ${path}:${line}`,
    location: { path, line, column },
    fingerprint: fingerprintOf(FINDING_PREFIX + span.rule, path, line, occurrence),
    fix: 'Revoke and rotate the credential, then remove it from the file (redact-files: true rewrites the file).',
    properties,
  };
}

function unreadableArchiveFinding(path: string, reason: string): Finding {
  return {
    ruleId: `${FINDING_PREFIX}unreadable-archive`,
    severity: 'medium',
    title: 'Archive could not be scanned',
    message: `${path} could not be read as an archive (${reason}); its contents were not checked for secrets.`,
    location: { path },
    fingerprint: fingerprintOf(`${FINDING_PREFIX}unreadable-archive`, path),
    properties: { tools: ['gatehouse-scrub'] },
  };
}

export interface RedactFileResult {
  path: string;
  redactions: Record<string, number>;
  rewritten: boolean;
}

/**
 * Rewrites a plain file with its secrets redacted, atomically: the new content goes to a temporary
 * file in the same folder, is flushed to disk, and replaces the original by rename, so a reader sees
 * either the old file or the new one, never half of either.
 */
export async function redactFile(
  absolutePath: string,
  scanner: SecretScanner,
  style: ReplacementStyle = 'mask',
): Promise<RedactFileResult> {
  const original = await readFile(absolutePath);
  const counts = new RedactionCounts();
  const mode = (await stat(absolutePath)).mode & 0o7777;
  const temporary = join(
    dirname(absolutePath),
    `.${basename(absolutePath)}.${randomBytes(6).toString('hex')}.gatehouse-tmp`,
  );
  const state = newScanState();
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      for (const text of textWindows(original)) {
        writeSync(fd, Buffer.from(applySpans(text, scanner.scan(text, state), style, counts), 'latin1'));
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (counts.total === 0) {
      await rm(temporary, { force: true });
      return { path: absolutePath, redactions: {}, rewritten: false };
    }
    await chmod(temporary, mode);
    await rename(temporary, absolutePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { path: absolutePath, redactions: counts.toJSON(), rewritten: true };
}
