import { escapesWithin } from './ansi.js';
import type { Span } from './scanner.js';

export type ReplacementStyle = 'mask' | 'rule';

/** `***`, or `[REDACTED:<rule>]` with the `rule` style. */
export function replacementFor(style: ReplacementStyle, rule: string): string {
  return style === 'rule' ? `[REDACTED:${rule}]` : '***';
}

/** Counts of redactions by rule; a multi-line block (one group) counts once. */
export class RedactionCounts {
  private readonly counts = new Map<string, number>();
  private readonly groups = new Set<string>();

  add(span: Span): void {
    if (span.group !== undefined) {
      const key = `${span.rule}#${span.group}`;
      if (this.groups.has(key)) return;
      this.groups.add(key);
    }
    this.counts.set(span.rule, (this.counts.get(span.rule) ?? 0) + 1);
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/**
 * `text` with each span replaced; escape sequences inside a span are kept after the replacement
 * so the terminal's colour state stays what the program meant.
 */
export function applySpans(
  text: string,
  spans: readonly Span[],
  style: ReplacementStyle,
  counts?: RedactionCounts,
): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.start) + replacementFor(style, span.rule);
    if (text.indexOf('\x1b', span.start) >= 0) out += escapesWithin(text, span.start, span.end);
    last = span.end;
    counts?.add(span);
  }
  return out + text.slice(last);
}
