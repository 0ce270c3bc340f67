import { AhoCorasick } from './aho-corasick.js';
import { isPlaceholder, shannonEntropy } from './entropy.js';
import type { SecretRule } from './rules/index.js';
import type { HitCheck } from './rules/types.js';

/** A runner-memory dump names its redaction even when the value inside is a known format. */
const RUNNER_DUMP_RULE = 'runner-memory-dump';

export interface DetectorMatch {
  rule: SecretRule;
  /** Position of the rule in the catalogue: earlier rules are more specific and name a redaction. */
  priority: number;
  /** Offsets of the secret in the scanned text. */
  start: number;
  end: number;
  /** True when the format's checksum holds; false when it fails; absent when there is none. */
  verified?: boolean;
}

/**
 * Runs credential rules behind a keyword prefilter: one Aho-Corasick pass finds every keyword,
 * and a rule's regex runs only on the lines that contain one of its keywords, so adding rules
 * costs little on lines that mention none of them.
 */
export class Detector {
  /** The distinct keywords of all rules; a keyword's id is its index. */
  readonly keywordPatterns: readonly string[];
  private keywordAutomaton: AhoCorasick | undefined;
  /** Keyword id → 1 when the keyword must match in its exact case (it has capitals). */
  readonly exactKeyword: Uint8Array;
  /** Keyword id → indices of the rules it triggers. */
  readonly rulesOfKeyword: number[][];

  readonly rules: readonly SecretRule[];
  /** Per rule, the last line it was queued for (so a line runs each rule once). */
  readonly seenStamp: Int32Array;
  stampCounter = 0;

  constructor(rules: readonly SecretRule[]) {
    this.rules = rules;
    this.seenStamp = new Int32Array(rules.length);
    const keywordIds = new Map<string, number>();
    const rulesOfKeyword: number[][] = [];
    rules.forEach((rule, index) => {
      if (rule.keywords.length === 0) throw new Error(`rule ${rule.id} has no keywords`);
      for (const keyword of rule.keywords) {
        let id = keywordIds.get(keyword);
        if (id === undefined) {
          id = rulesOfKeyword.length;
          keywordIds.set(keyword, id);
          rulesOfKeyword.push([]);
        }
        if (!rulesOfKeyword[id]!.includes(index)) rulesOfKeyword[id]!.push(index);
      }
    });
    this.keywordPatterns = [...keywordIds.keys()];
    this.exactKeyword = Uint8Array.from(this.keywordPatterns, (k) => (k === k.toLowerCase() ? 0 : 1));
    this.rulesOfKeyword = rulesOfKeyword;
  }

  /** The keywords alone in an automaton (built on first use: the scanner folds them into its own). */
  get keywords(): AhoCorasick {
    this.keywordAutomaton ??= new AhoCorasick(this.keywordPatterns, true);
    return this.keywordAutomaton;
  }

  /** Runs the given rules over `text.slice(from, to)` (one line) and appends accepted matches. */
  matchLine(text: string, from: number, to: number, ruleIndices: Iterable<number>, out: DetectorMatch[]): void {
    const line = text.slice(from, to);
    for (const index of ruleIndices) {
      const rule = this.rules[index]!;
      if (rule.requires !== undefined && line.indexOf(rule.requires) < 0) continue;
      const regex = rule.regex;
      regex.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = regex.exec(line)) !== null) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const span = match.indices?.groups?.secret ?? match.indices![0]!;
        const secret = line.slice(span[0], span[1]);
        if (acceptable(rule, secret)) {
          const found: DetectorMatch = {
            rule,
            priority: rule.id === RUNNER_DUMP_RULE ? -2 : index,
            start: from + span[0],
            end: from + span[1],
          };
          if (rule.checksum) found.verified = rule.checksum(secret);
          out.push(found);
        }
        // Let a later match start inside this one's context but after its secret.
        if (regex.lastIndex > span[1] && span[1] > match.index) regex.lastIndex = span[1];
      }
    }
  }

  /** All matches in a text of any number of lines (for files and decoded content). */
  matchText(text: string): DetectorMatch[] {
    const out: DetectorMatch[] = [];
    const hits: number[] = [];
    for (const [keyword, start] of this.keywords.findAll(text)) {
      if (this.exactKeyword[keyword] === 0 || text.startsWith(this.keywords.patterns[keyword]!, start))
        hits.push(keyword, start);
    }
    matchKeywordHits(this, text, hits, out);
    return out;
  }

  /**
   * Each rule on every line that holds one of its keywords, found by plain substring search, with
   * no automaton and no hit checks: what `matchText` must find (it is only faster). For tests and
   * audits of the catalogue.
   */
  matchEveryLine(text: string): DetectorMatch[] {
    const out: DetectorMatch[] = [];
    for (let from = 0; from <= text.length;) {
      let to = from;
      while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
      const line = text.slice(from, to);
      const lower = line.toLowerCase();
      const candidates = this.rules.flatMap((rule, index) =>
        rule.keywords.some((keyword) => (keyword === keyword.toLowerCase() ? lower : line).includes(keyword))
          ? [index]
          : [],
      );
      this.matchLine(text, from, to, candidates, out);
      from = to + 1;
    }
    return out;
  }
}

function acceptable(rule: SecretRule, secret: string): boolean {
  if (rule.placeholder !== 'none' && isPlaceholder(secret, rule.placeholder)) return false;
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return false;
  if (rule.validate && !rule.validate(secret)) return false;
  return true;
}

/**
 * Groups keyword hits by line and runs each line's candidate rules once. `hits` holds
 * (keyword id, start) pairs in text order. A hit queues a rule only when the rule's hit check
 * passes; the line around the first queued hit is found from the hit itself (back to the last
 * break, forward to the next), so lines with no candidate are never looked at.
 */
export function matchKeywordHits(
  detector: Detector,
  text: string,
  hits: ArrayLike<number>,
  out: DetectorMatch[],
): void {
  const n = text.length;
  let nextLf = -1;
  let nextCr = -1;
  let lineStart = 0;
  let lineEnd = -1;
  let line = 0;
  const candidates: number[] = [];
  const seen = detector.seenStamp;
  const rules = detector.rules;
  const patterns = detector.keywordPatterns;
  for (let h = 0; h < hits.length; h += 2) {
    const keyword = hits[h]!;
    const start = hits[h + 1]!;
    const pattern = patterns[keyword]!;
    // Rules of one keyword often share their check: it runs once per hit.
    let lastCheck: HitCheck | undefined;
    let lastPassed = true;
    for (const rule of detector.rulesOfKeyword[keyword]!) {
      if (start <= lineEnd && seen[rule] === line) continue;
      const check = rules[rule]!.hitCheck;
      if (check !== undefined) {
        if (check !== lastCheck) {
          lastCheck = check;
          lastPassed = check(text, start, start + pattern.length, pattern);
        }
        if (!lastPassed) continue;
      }
      if (start > lineEnd) {
        if (candidates.length > 0) detector.matchLine(text, lineStart, lineEnd, candidates, out);
        candidates.length = 0;
        line = ++detector.stampCounter;
        // Hits come in text order, so the forward searches for breaks only ever move on.
        if (nextLf < start) {
          nextLf = text.indexOf('\n', start);
          if (nextLf < 0) nextLf = n;
        }
        if (nextCr < start) {
          nextCr = text.indexOf('\r', start);
          if (nextCr < 0) nextCr = n;
        }
        // Back to the break before the hit, never past the end of the previous line.
        let back = start;
        while (back > lineEnd + 1) {
          const c = text.charCodeAt(back - 1);
          if (c === 10 || c === 13) break;
          back--;
        }
        lineStart = back;
        lineEnd = nextLf < nextCr ? nextLf : nextCr;
      }
      if (seen[rule] === line) continue;
      seen[rule] = line;
      candidates.push(rule);
    }
  }
  if (candidates.length > 0) detector.matchLine(text, lineStart, lineEnd, candidates, out);
}
