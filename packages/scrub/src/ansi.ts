/**
 * Terminal escape sequences (colours, cursor moves, OSC titles and links) removed from a latin1
 * string, with a map from each visible character back to its offset in the original, so a secret
 * interrupted by colour codes — as `grep --color` prints it — is still found.
 */
export interface VisibleText {
  text: string;
  /**
   * Where each run of visible text starts: pairs of (visible offset, original offset), ascending.
   * Between escape sequences the offsets advance together.
   */
  segments: ArrayLike<number>;
  originalLength: number;
}

/** The offset in the original text of visible character `index` (or of the end, for index = length). */
export function originalOffset(visible: VisibleText, index: number): number {
  const segments = visible.segments;
  if (index >= visible.text.length) return visible.originalLength;
  let low = 0;
  let high = segments.length / 2 - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid * 2]! <= index) low = mid;
    else high = mid - 1;
  }
  return segments[low * 2 + 1]! + (index - segments[low * 2]!);
}

/** Length of the escape sequence starting at `i` (text[i] is ESC), or -1 when it is incomplete. */
export function escapeLength(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (Number.isNaN(next)) return -1;
  if (next === 0x5b) {
    // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
    let j = i + 2;
    while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f) j++;
    if (j >= text.length) return -1;
    const final = text.charCodeAt(j);
    return final >= 0x40 && final <= 0x7e ? j + 1 - i : j - i;
  }
  if (next === 0x5d) {
    // OSC: ends with BEL or ESC \.
    for (let j = i + 2; j < text.length && j < i + 4096; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x07) return j + 1 - i;
      if (c === 0x1b && text.charCodeAt(j + 1) === 0x5c) return j + 2 - i;
      if (c === 0x0a) return j - i;
    }
    return text.length - i >= 4096 ? 2 : -1;
  }
  return 2;
}

export function stripAnsi(text: string): VisibleText {
  const segments: number[] = [0, 0];
  let visible = '';
  let chunkStart = 0;
  for (let i = text.indexOf('\x1b'); i >= 0; i = text.indexOf('\x1b', chunkStart)) {
    visible += text.slice(chunkStart, i);
    const length = escapeLength(text, i);
    chunkStart = length < 0 ? text.length : i + length;
    segments.push(visible.length, chunkStart);
  }
  visible += text.slice(chunkStart);
  return { text: visible, segments, originalLength: text.length };
}

/** The escape sequences inside text[start, end), concatenated (kept when the span is redacted). */
export function escapesWithin(text: string, start: number, end: number): string {
  let kept = '';
  for (let i = text.indexOf('\x1b', start); i >= 0 && i < end; i = text.indexOf('\x1b', i + 1)) {
    const length = escapeLength(text, i);
    const stop = length < 0 ? end : Math.min(end, i + length);
    kept += text.slice(i, stop);
    i = stop - 1;
  }
  return kept;
}
