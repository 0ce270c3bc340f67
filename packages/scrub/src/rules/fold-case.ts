/**
 * Rewrites the case-insensitive modifier groups of a regex source, `(?i:…)`, into plain groups
 * whose ASCII letters match both cases (`(?i:ab)` → `(?:[aA][bB])`); `(?-i:…)` becomes `(?:…)`.
 *
 * Why: V8 compiles new regexps without optimisation once a process has generated over 1 MB of
 * regexp code and committed over 16 MB of executable memory (TooMuchRegExpCode in
 * src/regexp/regexp.cc), and in that mode Node 24's V8 loses the case folding of an alternative
 * inside a modifier group (`/(?i:a|b)/` stops matching "A"). A long-lived process then stopped
 * detecting `ATLASSIAN_TOKEN = …` and `Authorization: Bearer …`. Without modifier groups the rules
 * match the same text in both modes.
 *
 * The source must be non-unicode regex syntax without a whole-regex `i` flag. Inside a folded group
 * only ASCII letters may need folding, and backreferences are refused (their case-insensitive
 * comparison cannot be spelled out), as are modifiers other than `i`.
 */
export function foldCaseGroups(source: string): string {
  let out = '';
  // One entry per open group: whether letters inside it fold.
  const folding: boolean[] = [];
  const folds = (): boolean => folding.length > 0 && folding[folding.length - 1]!;
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const escape = escapeAt(source, i);
      if (folds() && /^\\(?:[1-9]|k<)/.test(escape))
        throw new Error(`foldCaseGroups: backreference in a (?i:) group: ${source}`);
      out += escape;
      i += escape.length;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += folds() ? foldClass(source.slice(i, end), source) : source.slice(i, end);
      i = end;
    } else if (c === '(') {
      const modifier = /^\(\?([a-z]*)(?:-([a-z]+))?:/.exec(source.slice(i));
      if (modifier && (modifier[1] !== '' || modifier[2] !== undefined)) {
        const on = modifier[1]!;
        const off = modifier[2] ?? '';
        if (!/^i?$/.test(on) || !/^i?$/.test(off) || on === off)
          throw new Error(`foldCaseGroups: unsupported modifiers ${modifier[0]} in ${source}`);
        folding.push(on === 'i');
        out += '(?:';
        i += modifier[0].length;
        continue;
      }
      folding.push(folds());
      // A group's own syntax (`(?<name>`, `(?<=`, `(?:`) is copied, never folded.
      const head = /^\((?:\?(?:<[A-Za-z_$][\w$]*>|<=|<!|[:=!]))?/.exec(source.slice(i))![0];
      out += head;
      i += head.length;
    } else if (c === ')') {
      folding.pop();
      out += c;
      i++;
    } else {
      out += folds() ? foldLetter(c, source) : c;
      i++;
    }
  }
  return out;
}

/** The whole escape sequence starting at the backslash at `i`. */
function escapeAt(source: string, i: number): string {
  const rest = source.slice(i);
  const long =
    /^\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|u\{[0-9A-Fa-f]+\}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|[1-9]\d*)/.exec(rest);
  return long ? long[0] : rest.slice(0, 2);
}

/** The index just past the character class starting at `i`. */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? escapeAt(source, j).length : 1;
  if (j >= source.length) throw new Error(`foldCaseGroups: unterminated class in ${source}`);
  return j + 1;
}

function foldLetter(c: string, source: string): string {
  if (c.charCodeAt(0) > 0x7f && c.toLowerCase() !== c.toUpperCase())
    throw new Error(`foldCaseGroups: non-ASCII letter ${c} in a (?i:) group: ${source}`);
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  return /^[a-z]$/.test(lower) && lower !== upper ? `[${lower}${upper}]` : c;
}

/** A class with the other case of its ASCII letters added (`[a-f0-9]` → `[a-f0-9A-F]`). */
function foldClass(cls: string, source: string): string {
  const open = cls.startsWith('[^') ? 2 : 1;
  const body = cls.slice(open, -1);
  let extra = '';
  let j = 0;
  while (j < body.length) {
    if (body[j] === '\\') {
      j += escapeAt(body, j).length;
      if (body[j] === '-' && j + 1 < body.length)
        throw new Error(`foldCaseGroups: range from an escape in a (?i:) class: ${source}`);
      continue;
    }
    const from = body[j]!;
    let to = from;
    if (body[j + 1] === '-' && j + 2 < body.length) {
      to = body[j + 2]!;
      if (to === '\\') throw new Error(`foldCaseGroups: range to an escape in a (?i:) class: ${source}`);
      j += 3;
    } else {
      j++;
    }
    if (/[^\x00-\x7f]/.test(from + to))
      throw new Error(`foldCaseGroups: non-ASCII character in a (?i:) class: ${source}`);
    // The part of the range inside each case, added in the other case.
    for (const [first, last, shift] of [
      ['a', 'z', -32],
      ['A', 'Z', 32],
    ] as const) {
      const lo = Math.max(from.charCodeAt(0), first.charCodeAt(0));
      const hi = Math.min(to.charCodeAt(0), last.charCodeAt(0));
      // Nothing to add when the range itself already holds the other case.
      if (lo > hi || (lo + shift >= from.charCodeAt(0) && hi + shift <= to.charCodeAt(0))) continue;
      const a = String.fromCharCode(lo + shift);
      extra += lo === hi ? a : `${a}-${String.fromCharCode(hi + shift)}`;
    }
  }
  // Added before a trailing `-`, which stays literal only at the end.
  if (body.endsWith('-') && extra !== '') return `${cls.slice(0, open)}${body.slice(0, -1)}${extra}-]`;
  return `${cls.slice(0, open)}${body}${extra}]`;
}
