import { foldCaseGroups } from './fold-case.js';

export type RuleSeverity = 'critical' | 'high' | 'medium';

/** How hard a value must look random before a rule reports it. */
export type PlaceholderCheck = 'none' | 'light' | 'strict';

export interface SecretRule {
  /** Stable id, used in finding rule ids (`secret-leak/<id>`) and `[REDACTED:<id>]`. */
  id: string;
  family: string;
  title: string;
  /**
   * Literals; the rule's regex runs only on lines that contain one of them. A lower-case keyword
   * matches in any case; one with capitals only exactly (`SK`, `AKIA`), so it triggers less often.
   */
  keywords: string[];
  /** Matched against one line (latin1); the named group `secret` (else the whole match) is redacted. */
  regex: RegExp;
  severity: RuleSeverity;
  /** Minimum Shannon entropy (bits per char) of the secret. */
  minEntropy?: number;
  placeholder: PlaceholderCheck;
  /** Extra check on the secret (format details a regex cannot say). */
  validate?: (secret: string) => boolean;
  /** A checksum the format carries; a failing checksum keeps the match but marks it unverified. */
  checksum?: (secret: string) => boolean;
  /** A literal every match contains: a line without it is skipped before the regex runs. */
  requires?: string;
  /**
   * A necessary condition on a keyword occurrence (`text[start, end)`) that lies inside a match:
   * an occurrence that fails it does not queue the rule, so a common keyword (`token`, `://`)
   * costs a regex run only where a match could be. Must hold for every match the regex accepts.
   */
  hitCheck?: HitCheck;
}

export type HitCheck = ((text: string, start: number, end: number, keyword: string) => boolean) & {
  /** The scan kernel runs this same check itself (kernel-follow.ts), before a hit reaches JavaScript. */
  readonly inKernel?: 'url-credentials' | 'assignment';
};

export interface RuleOptions {
  severity?: RuleSeverity;
  minEntropy?: number;
  placeholder?: PlaceholderCheck;
  validate?: (secret: string) => boolean;
  checksum?: (secret: string) => boolean;
  /** Extra keywords beyond the ones derived from the pattern. */
  keywords?: string[];
  /** Regex source that must come right after the value (default: a token boundary). */
  end?: string;
  /** A literal every match contains (see SecretRule.requires). */
  requires?: string;
  /** See SecretRule.hitCheck. */
  hitCheck?: HitCheck;
}

const TOKEN_END = String.raw`(?![A-Za-z0-9_\-])`;

function build(
  id: string,
  family: string,
  title: string,
  keywords: string[],
  source: string,
  options: RuleOptions,
): SecretRule {
  let regex: RegExp | undefined;
  return {
    id,
    family,
    title,
    keywords: [...new Set([...keywords, ...(options.keywords ?? [])])],
    // Made on first use: most rules never run in a given job, and parsing 300 regexps costs
    // milliseconds of start-up. No inline modifiers left: V8 stops honouring them in regexps it
    // compiles unoptimised.
    get regex(): RegExp {
      regex ??= new RegExp(foldCaseGroups(source), 'gd');
      return regex;
    },
    severity: options.severity ?? 'high',
    placeholder: options.placeholder ?? 'light',
    ...(options.minEntropy !== undefined ? { minEntropy: options.minEntropy } : {}),
    ...(options.validate ? { validate: options.validate } : {}),
    ...(options.checksum ? { checksum: options.checksum } : {}),
    ...(options.requires ? { requires: options.requires } : {}),
    ...(options.hitCheck ? { hitCheck: options.hitCheck } : {}),
  };
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Keywords that open the token (`ghp_`, `AKIA`, as the rule's `(?<![A-Za-z0-9])` says) are not
 * preceded by a letter or digit; the rule's other keywords pass.
 */
export function startsToken(...prefixes: string[]): HitCheck {
  const opening = new Set(prefixes);
  return (text, start, _end, keyword) =>
    !opening.has(keyword) || start === 0 || !isAlphanumeric(text.charCodeAt(start - 1));
}

/**
 * The text right after the keyword matches `source` (a sticky regex). For rules whose every
 * keyword is followed, inside a match, by what `source` describes.
 */
export function followedBy(source: string, flags = ''): HitCheck {
  const regex = new RegExp(foldCaseGroups(source), `y${flags}`);
  return (text, _start, end) => {
    regex.lastIndex = end;
    return regex.test(text);
  };
}

/**
 * After a secret-like name (`token`, `client_secret`, `PASSWORD`): more name characters, closing
 * quotes or brackets and spaces, then an assignment operator (`=`, `:`, `,`, `=>`, `?=`, `|=`, `!=`).
 */
export const ASSIGNMENT_FOLLOWS: HitCheck = Object.assign(
  (text: string, _start: number, end: number): boolean => {
    // As the sticky regex [\w.\-]*['"`\]\s]*[:?.|=,!] would, without a regex run per hit.
    let at = end;
    const n = text.length;
    for (let c = text.charCodeAt(at); at < n && isNameCharacter(c); c = text.charCodeAt(++at)) {
      // A dot among the name characters is itself an operator's first character (`.=`).
      if (c === 46) return true;
    }
    while (at < n && isQuoteOrSpace(text.charCodeAt(at))) at++;
    const c = text.charCodeAt(at);
    return c === 58 || c === 63 || c === 46 || c === 124 || c === 61 || c === 44 || c === 33;
  },
  { inKernel: 'assignment' as const },
);

/** `\s` of a JavaScript regex, for one latin1 character. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** `[\w.\-]`. */
function isNameCharacter(c: number): boolean {
  return isAlphanumeric(c) || c === 95 || c === 46 || c === 45;
}

/** `['"\x60\]\s]`. */
function isQuoteOrSpace(c: number): boolean {
  return c === 39 || c === 34 || c === 96 || c === 93 || isSpace(c);
}

/**
 * A token recognisable by its own prefix (`ghp_…`, `glpat-…`): `prefix` is a literal, `body` the
 * regex source of the rest. The prefix, exactly as written, is the keyword.
 */
export function prefixed(
  id: string,
  family: string,
  title: string,
  prefix: string,
  body: string,
  options: RuleOptions = {},
): SecretRule {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = String.raw`(?<![A-Za-z0-9])(?<secret>${escaped}${body})${options.end ?? TOKEN_END}`;
  return build(id, family, title, [prefix], source, { minEntropy: 2.5, hitCheck: startsToken(prefix), ...options });
}

/** A token matched by a full regex of its own, with explicit keywords. */
export function shaped(
  id: string,
  family: string,
  title: string,
  keywords: string[],
  source: string,
  options: RuleOptions = {},
): SecretRule {
  return build(id, family, title, keywords, source, options);
}

// `name = value`, `name: value`, `"name" => "value"`, `setProperty("NAME", "value")`, `NAME ?= value`.
const ASSIGN = String.raw`[\w.\-]{0,30}?(?:\s+(?:string|str|const|final|var|let|char\s*\*)\b)?['"\x60\]\s]{0,3}(?:[:?.|]{0,3}=>?|:|,|=>)\s{0,16}(?:[\x60'"]|\\")?`;
const VALUE_END = String.raw`(?=\\?['"\x60\s;,)\]}<>&|\\]|$)`;

/**
 * A value assigned to a name that mentions the vendor (`twilio_token = "…"`): `names` is regex
 * source matched case-insensitively, `keywords` its literals, `value` the regex source of the secret.
 */
export function near(
  id: string,
  family: string,
  title: string,
  names: string,
  keywords: string[],
  value: string,
  options: RuleOptions = {},
): SecretRule {
  const source = String.raw`(?i:${names})${ASSIGN}(?<secret>${value})${options.end ?? VALUE_END}`;
  return build(id, family, title, keywords, source, { minEntropy: 3, placeholder: 'strict', ...options });
}
