import { AhoCorasick } from './aho-corasick.js';
import { originalOffset, stripAnsi } from './ansi.js';
import { Detector, matchKeywordHits, type DetectorMatch } from './detector.js';
import { encodedForms } from './known-values.js';
import { base64LooksLikeText, hexLooksLikeText, mostlyPrintable, RUN_FLAGS, worthDecoding } from './encoded-runs.js';
import { KERNEL_MAX_INPUT, MIN_RUN, ScanKernel, type KernelResult } from './scan-kernel.js';
import { FollowKind, followKindOf } from './kernel-follow.js';
import { BUILTIN_RULES, PRIVATE_KEY_BEGIN, type SecretRule } from './rules/index.js';

/** Rule id of a redaction caused by a registered value (in any of its encodings). */
export const KNOWN_SECRET_RULE = 'known-secret';
const PRIVATE_KEY_RULE = 'private-key';
const MIN_ENCODED_RUN = MIN_RUN;
const MAX_ENCODED_RUN = 64 * 1024;

export interface Span {
  start: number;
  end: number;
  rule: string;
  /** Spans of one multi-line block (a private key) share a group and count once. */
  group?: number;
  verified?: boolean;
  /** Lower wins when spans overlap: the dump of runner memory, then registered values, then rules in catalogue order. */
  priority?: number;
}

/** What a scanner carries from one block of lines to the next (a private key spans lines). */
export interface ScanState {
  inPrivateKey: boolean;
  group: number;
}

export function newScanState(): ScanState {
  return { inPrivateKey: false, group: 0 };
}

export interface ScannerOptions {
  /** Registered values (whole values and lines); each is recognised in every encoding. */
  knownValues?: readonly string[];
  /** Detectors; the built-in catalogue by default. Pass [] to match known values only. */
  rules?: readonly SecretRule[];
  /** How deep runs of base64/hex are decoded (default 3). */
  maxDepth?: number;
  /** Use the WebAssembly loop when available (default true; false forces the JavaScript loop). */
  useKernel?: boolean;
}

/**
 * Finds what must be redacted in latin1 text: registered values in every encoding, credentials
 * the detectors recognise, private-key blocks across lines, and runs of base64/hex that decode
 * (up to `maxDepth` levels) to any of these.
 */
export class SecretScanner {
  readonly detector: Detector;
  /** Keywords (case-insensitive) and registered values in one automaton: one lookup per byte. */
  private readonly combined: AhoCorasick;
  private readonly keywordCount: number;
  /** The keyword that starts a key block, and whether the last top-level scan met it. */
  private readonly privateKeyKeyword: number;
  private sawPrivateKey = false;
  /** The per-byte loop in WebAssembly, when available. */
  private readonly kernel: ScanKernel | undefined;
  readonly maxDepth: number;
  /** Longest registered encoded form: how much of a line tail may still become a match. */
  readonly maxKnownLength: number;

  constructor(options: ScannerOptions = {}) {
    this.detector = new Detector(options.rules ?? BUILTIN_RULES);
    const forms = new Set<string>();
    for (const value of options.knownValues ?? []) for (const form of encodedForms(value)) forms.add(form.text);
    this.keywordCount = this.detector.keywordPatterns.length;
    this.privateKeyKeyword = this.detector.keywordPatterns.indexOf('private key');
    this.combined = new AhoCorasick([...this.detector.keywordPatterns, ...forms], true, this.keywordCount);
    this.kernel =
      options.useKernel === false
        ? undefined
        : ScanKernel.for(this.combined, RUN_FLAGS, kernelFollowKinds(this.combined, this.detector));
    this.maxKnownLength = [...forms].reduce((max, form) => Math.max(max, form.length), 0);
    this.maxDepth = options.maxDepth ?? 3;
  }

  get ruleCount(): number {
    return this.detector.rules.length;
  }

  /** Spans to redact in `text` (offsets into `text`), sorted and non-overlapping. */
  scan(text: string, state: ScanState = newScanState()): Span[] {
    let spans: Span[];
    if (text.indexOf('\x1b') >= 0) {
      const visible = stripAnsi(text);
      spans = this.scanVisible(visible.text, state).map((span) => ({
        ...span,
        start: originalOffset(visible, span.start),
        end: originalOffset(visible, span.end - 1) + 1,
      }));
    } else {
      spans = this.scanVisible(text, state);
    }
    for (const span of spans) alignToUtf8((i) => text.charCodeAt(i), text.length, span);
    return mergeSpans(spans);
  }

  /**
   * What `scan` finds in `bytes` read as latin1, with offsets into `bytes`. The bytes go straight
   * into the WebAssembly loop (escape sequences removed there); a string is made only when the
   * loop reports something to look at, which most lines of a log never do.
   */
  scanBytes(bytes: Buffer, state: ScanState = newScanState()): Span[] {
    if (!this.kernel || bytes.length > KERNEL_MAX_INPUT) return this.scan(bytes.toString('latin1'), state);
    const result = this.kernel.scanBytes(bytes, this.maxDepth > 0);
    if (result.hitCount === 0 && result.runCount === 0 && !state.inPrivateKey) return [];
    const text = result.visibleText();
    this.sawPrivateKey = false;
    let spans = this.scanFlat(text, 0, result);
    if (state.inPrivateKey || this.sawPrivateKey) this.followPrivateKeys(text, state, spans);
    if (result.segmentCount > 0 && spans.length > 0) {
      const visible = { text, segments: result.segments(), originalLength: bytes.length };
      spans = spans.map((span) => ({
        ...span,
        start: originalOffset(visible, span.start),
        end: originalOffset(visible, span.end - 1) + 1,
      }));
    }
    for (const span of spans) alignToUtf8((i) => bytes[i]!, bytes.length, span);
    return mergeSpans(spans);
  }

  /** The automaton state of registered values after `text`: its depth is the tail to hold back. */
  knownPrefixLength(text: string): number {
    if (this.maxKnownLength === 0) return 0;
    return this.combined.markedDepth[this.combined.stateAfter(text)]!;
  }

  private scanVisible(text: string, state: ScanState): Span[] {
    this.sawPrivateKey = false;
    const spans = this.scanFlat(text, 0);
    if (state.inPrivateKey || this.sawPrivateKey) this.followPrivateKeys(text, state, spans);
    return spans;
  }

  /** One pass over the text for keywords, registered values and encoded runs; then the rules. */
  private scanFlat(text: string, depth: number, scanned?: KernelResult): Span[] {
    const spans: Span[] = [];
    const hits: number[] = [];
    const decode = depth < this.maxDepth;
    const automaton = this.combined;
    const output = automaton.output;
    const nextOutput = automaton.nextOutput;
    const patternLength = automaton.patternLength;
    const patterns = automaton.patterns;
    const classCount = automaton.classCount;
    const keywordCount = this.keywordCount;
    const exactKeyword = this.detector.exactKeyword;
    // The byte at `i` entered the state at `row`, which ends one or more patterns.
    const ended = (i: number, row: number): void => {
      for (let id = output[row / classCount]!; id >= 0; id = nextOutput[id]!) {
        const start = i + 1 - patternLength[id]!;
        if (id < keywordCount) {
          if (exactKeyword[id] === 0 || text.startsWith(patterns[id]!, start)) hits.push(id, start);
          if (id === this.privateKeyKeyword) this.sawPrivateKey = true;
        }
        // The automaton folds case for keywords; a registered value must match exactly.
        else if (text.startsWith(patterns[id]!, start)) {
          spans.push({ start, end: i + 1, rule: KNOWN_SECRET_RULE, priority: -1 });
        }
      }
    };
    let runs: ArrayLike<number>;
    if (scanned !== undefined || (this.kernel && text.length <= KERNEL_MAX_INPUT)) {
      const result = scanned ?? this.kernel!.scan(text, decode);
      for (let h = 0; h < result.hitCount * 2; h += 2) ended(result.hits[h]!, result.hits[h + 1]! * classCount);
      // Copied out: decoding a run scans again and reuses the kernel's memory.
      runs = result.runs.slice();
    } else {
      runs = this.scanLoop(text, decode, ended);
    }

    if (hits.length > 0) {
      const matches: DetectorMatch[] = [];
      matchKeywordHits(this.detector, text, hits, matches);
      for (const m of matches) {
        const span: Span = { start: m.start, end: m.end, rule: m.rule.id, priority: m.priority };
        if (m.verified !== undefined) span.verified = m.verified;
        spans.push(span);
      }
    }
    for (let r = 0; r < runs.length; r += 3) {
      const start = runs[r]!;
      const end = runs[r + 1]!;
      if (end - start > MAX_ENCODED_RUN || coveredBy(spans, start, end)) continue;
      const inner = this.decodedRunRule(text, start, end, runs[r + 2]!, depth);
      if (inner === undefined) continue;
      let padded = end;
      while (padded < text.length && padded - end < 2 && text.charCodeAt(padded) === 61) padded++;
      spans.push({ start, end: padded, rule: inner.rule, priority: inner.priority ?? 0 });
    }
    return spans;
  }

  /** The per-byte loop in JavaScript (the kernel does the same in WebAssembly). Returns the runs. */
  private scanLoop(text: string, decode: boolean, ended: (i: number, row: number) => void): number[] {
    const automaton = this.combined;
    const rows = automaton.rows;
    const classOf = automaton.classOf;
    const runs: number[] = [];
    let row = 0;
    let runStart = -1;
    let runFlags = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      row = rows[row + classOf[c]!]!;
      if (row < 0) {
        row = ~row;
        ended(i, row);
      }
      if (decode) {
        const flag = RUN_FLAGS[c]!;
        if (flag !== 0) {
          if (runStart < 0) {
            runStart = i;
            runFlags = 0;
          }
          runFlags |= flag;
        } else if (runStart >= 0) {
          if (i - runStart >= MIN_ENCODED_RUN && worthDecoding(runFlags)) runs.push(runStart, i, runFlags);
          runStart = -1;
        }
      }
    }
    if (runStart >= 0 && n - runStart >= MIN_ENCODED_RUN && worthDecoding(runFlags)) runs.push(runStart, n, runFlags);
    return runs;
  }

  /**
   * The most specific thing found inside a decoded run, or undefined. Only decodings that read as
   * text are followed: a registered value's own base64 and hex forms are matched directly, so what
   * is left to find inside a run is a second layer of encoding or a credential in text.
   */
  private decodedRunRule(text: string, start: number, end: number, flags: number, depth: number): Span | undefined {
    const hex = (flags & 8) === 0;
    for (let offset = 0; offset < (hex ? 2 : 4); offset++) {
      const from = start + offset;
      if (hex ? !hexLooksLikeText(text, from, end) : !base64LooksLikeText(text, from, end)) continue;
      const decoded = hex
        ? Buffer.from(text.slice(from, end - ((end - from) % 2)), 'hex').toString('latin1')
        : Buffer.from(text.slice(from, end), 'base64').toString('latin1');
      if (decoded.length < 8) continue;
      if (!mostlyPrintable(decoded)) continue;
      if (
        decoded.includes('PRIVATE KEY-----') &&
        PRIVATE_KEY_BEGIN.test(decoded) &&
        /\n[A-Za-z0-9+/]{40,}/.test(decoded)
      ) {
        return { start: 0, end: 0, rule: PRIVATE_KEY_RULE, priority: -1 };
      }
      const inner = this.scanFlat(decoded, depth + 1);
      if (inner.length > 0)
        return inner.reduce((best, span) => ((span.priority ?? 0) < (best.priority ?? 0) ? span : best));
    }
    return undefined;
  }

  /** Redacts the body lines of PEM, OpenSSH and PGP private-key blocks that span lines. */
  private followPrivateKeys(text: string, state: ScanState, spans: Span[]): void {
    let lineStart = 0;
    while (lineStart < text.length) {
      if (!state.inPrivateKey) {
        // Outside a block, jump to the next line that mentions a private key.
        const next = text.indexOf('PRIVATE KEY', lineStart);
        if (next < 0) return;
        lineStart = next;
        while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13)
          lineStart--;
      }
      let lineEnd = lineStart;
      while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      const line = text.slice(lineStart, lineEnd);
      if (!state.inPrivateKey) {
        const begin = PRIVATE_KEY_BEGIN.exec(line);
        if (begin && !line.includes('-----END', begin.index)) {
          state.inPrivateKey = true;
          state.group++;
          const after = begin.index + begin[0].length;
          const rest = line.slice(after).replace(/^(?:\\r)?\\n/, '');
          if (/[A-Za-z0-9+/=]{16,}/.test(rest))
            spans.push({ start: lineStart + after, end: lineEnd, rule: PRIVATE_KEY_RULE, group: state.group });
        }
      } else if (line.includes('-----END')) {
        const end = line.indexOf('-----END');
        if (/[A-Za-z0-9+/=]{16,}/.test(line.slice(0, end)))
          spans.push({ start: lineStart, end: lineStart + end, rule: PRIVATE_KEY_RULE, group: state.group });
        state.inPrivateKey = false;
      } else {
        const body =
          /^\s*((?:[A-Za-z0-9+/]{16,}={0,2})|(?:=[A-Za-z0-9+/]{4})|(?:(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset):.*))\s*$/.exec(
            line,
          );
        if (body) {
          const offset = line.indexOf(body[1]!);
          spans.push({
            start: lineStart + offset,
            end: lineStart + offset + body[1]!.length,
            rule: PRIVATE_KEY_RULE,
            group: state.group,
          });
        }
      }
      lineStart = lineEnd + 1;
    }
  }
}

/**
 * Per automaton state, the hit check the kernel may run for it: a state is checked only when every
 * pattern it ends is a keyword all of whose rules have that same check (so a hit the kernel drops is
 * one JavaScript would drop too); registered values and other keywords are always reported.
 */
function kernelFollowKinds(automaton: AhoCorasick, detector: Detector): Uint8Array {
  const keywordKind = detector.rulesOfKeyword.map((rules) => {
    const kinds = new Set(rules.map((rule) => followKindOf(detector.rules[rule]!.hitCheck)));
    return kinds.size === 1 ? [...kinds][0]! : FollowKind.none;
  });
  const kinds = new Uint8Array(automaton.stateCount);
  for (let state = 0; state < automaton.stateCount; state++) {
    let kind: number | undefined;
    for (let id = automaton.output[state]!; id >= 0; id = automaton.nextOutput[id]!) {
      const own = id < keywordKind.length ? keywordKind[id]! : FollowKind.none;
      kind = kind === undefined || kind === own ? own : FollowKind.none;
    }
    kinds[state] = kind ?? FollowKind.none;
  }
  return kinds;
}

function coveredBy(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) if (span.start <= start && span.end >= end) return true;
  return false;
}

/** Widens a span so it never starts or ends inside a UTF-8 sequence. */
function alignToUtf8(byteAt: (index: number) => number, length: number, span: Span): void {
  let back = 0;
  while (span.start > 0 && back < 3 && (byteAt(span.start) & 0xc0) === 0x80) {
    span.start--;
    back++;
  }
  let forward = 0;
  while (span.end < length && forward < 3 && (byteAt(span.end) & 0xc0) === 0x80) {
    span.end++;
    forward++;
  }
}

/** Sorted, overlapping spans joined; the first span's rule names the joined one. */
export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length <= 1) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [spans[0]!];
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i]!;
    const last = merged[merged.length - 1]!;
    if (span.start < last.end) {
      if (span.end > last.end) last.end = span.end;
      if ((span.priority ?? 0) < (last.priority ?? 0)) {
        last.rule = span.rule;
        last.priority = span.priority;
        if (span.verified !== undefined) last.verified = span.verified;
        else delete last.verified;
        if (span.group !== undefined) last.group = span.group;
      }
    } else {
      merged.push(span);
    }
  }
  return merged;
}
