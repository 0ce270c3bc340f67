import picomatch from 'picomatch';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { UsageError } from './errors.js';
import { fingerprintOf, type Finding } from './finding.js';

/** One entry of an exceptions file: a finding accepted by a named owner until a date. */
export interface ExceptionRule {
  id: string;
  /** A purl; without a version it matches every version. */
  package?: string;
  /** A glob over finding paths, relative to the workspace. */
  path?: string;
  owner: string;
  reason: string;
  /** YYYY-MM-DD; the exception holds through the end of that day (UTC). */
  expires: string;
  /** Where the entry is written, for findings about the exception itself. */
  source: { path: string; line: number };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KNOWN_KEYS = new Set(['id', 'package', 'path', 'owner', 'reason', 'expires']);

/** Parses an exceptions file (YAML). Every problem is a UsageError naming the file and the entry. */
export function parseExceptions(text: string, file: string): ExceptionRule[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = error.linePos?.[0]?.line;
    throw new UsageError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const root = document.contents;
  if (root === null) return [];
  const list = isMap(root) ? root.get('exceptions', true) : undefined;
  if (!isMap(root) || (list !== undefined && list !== null && !isSeq(list))) {
    throw new UsageError(`${file}: expected a mapping with an 'exceptions' list`);
  }
  if (list === undefined || list === null) return [];
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;

  return list.items.map((item, index) => {
    const where = `${file}:${lineOf(item as YamlNode)}: exception #${index + 1}`;
    if (!isMap(item)) throw new UsageError(`${where} must be a mapping with id, owner, reason and expires`);
    const entry = item.toJSON() as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (!KNOWN_KEYS.has(key)) {
        throw new UsageError(`${where}: unknown key '${key}' (allowed: ${[...KNOWN_KEYS].join(', ')})`);
      }
    }
    const text = (key: string, required: boolean): string | undefined => {
      const value = entry[key];
      if (value === undefined || value === null || String(value).trim() === '') {
        if (required) throw new UsageError(`${where} has no '${key}' (every exception needs id, owner and expires)`);
        return undefined;
      }
      if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
        throw new UsageError(`${where}: '${key}' must be a string`);
      }
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
    };
    const expires = text('expires', true)!;
    if (!validDate(expires)) throw new UsageError(`${where}: 'expires' must be a date YYYY-MM-DD (got '${expires}')`);
    const pkg = text('package', false);
    if (pkg !== undefined && !pkg.startsWith('pkg:')) {
      throw new UsageError(`${where}: 'package' must be a purl such as pkg:npm/lodash (got '${pkg}')`);
    }
    return {
      id: text('id', true)!,
      package: pkg,
      path: text('path', false),
      owner: text('owner', true)!,
      reason: text('reason', false) ?? 'no reason given',
      expires,
      source: { path: file, line: lineOf(item as YamlNode) },
    };
  });
}

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function isExpired(rule: ExceptionRule, now: Date): boolean {
  return now.getTime() >= Date.parse(`${rule.expires}T00:00:00Z`) + 24 * 3600 * 1000;
}

export interface ExceptionOutcome {
  findings: Finding[];
  /** Findings about the exceptions themselves: one high finding per expired entry. */
  expired: Finding[];
  unused: ExceptionRule[];
}

/**
 * Marks findings suppressed by unexpired matching exceptions. An expired exception suppresses
 * nothing and becomes a high finding itself; exceptions that matched nothing are returned as unused.
 */
export function applyExceptions(
  findings: readonly Finding[],
  rules: readonly ExceptionRule[],
  now: Date,
): ExceptionOutcome {
  const active = rules.filter((rule) => !isExpired(rule, now));
  const used = new Set<ExceptionRule>();
  const matchers = new Map(active.map((rule) => [rule, rule.path ? picomatch(rule.path, { dot: true }) : undefined]));
  const out = findings.map((finding) => {
    if (finding.properties.suppression) return finding;
    const rule = active.find((candidate) => matches(candidate, finding, matchers.get(candidate)));
    if (!rule) return finding;
    used.add(rule);
    return {
      ...finding,
      properties: {
        ...finding.properties,
        suppression: {
          kind: 'exception' as const,
          reason: rule.reason,
          owner: rule.owner,
          expires: rule.expires,
          source: `${rule.source.path}:${rule.source.line}`,
        },
      },
    };
  });
  const expired = rules
    .filter((rule) => isExpired(rule, now))
    .map((rule): Finding => ({
      ruleId: 'gatehouse/exception-expired',
      severity: 'high',
      title: 'Expired exception',
      message: `The exception for ${rule.id} owned by ${rule.owner} expired on ${rule.expires}; it suppresses nothing until it is renewed or removed.`,
      location: { path: rule.source.path, line: rule.source.line },
      fingerprint: fingerprintOf('exception-expired', rule.id, rule.package, rule.path, rule.expires),
      fix: `Fix ${rule.id}, or renew the exception with a new 'expires' date.`,
      properties: { tools: ['gatehouse'] },
    }));
  return { findings: out, expired, unused: active.filter((rule) => !used.has(rule)) };
}

function matches(rule: ExceptionRule, finding: Finding, pathMatcher: ((path: string) => boolean) | undefined): boolean {
  const id = rule.id.toLowerCase();
  const ids = [finding.ruleId, ...(finding.properties.aliases ?? [])].map((value) => value.toLowerCase());
  if (!ids.includes(id)) return false;
  if (rule.package && !purlMatches(rule.package, finding)) return false;
  if (pathMatcher && !(finding.location?.path && pathMatcher(finding.location.path))) return false;
  return true;
}

interface PurlParts {
  type: string;
  name: string;
  version?: string;
}

/** The parts of a purl that identify a package: type, namespace/name (lower-cased), version. */
export function purlParts(purl: string): PurlParts | undefined {
  const match = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^?#]+?)(?:@([^?#]+))?(?:[?#].*)?$/.exec(purl);
  if (!match) return undefined;
  const name = decodeURIComponent(match[2]!).toLowerCase();
  return { type: match[1]!.toLowerCase(), name, version: match[3] ? decodeURIComponent(match[3]) : undefined };
}

function purlMatches(pattern: string, finding: Finding): boolean {
  const wanted = purlParts(pattern);
  if (!wanted) return false;
  const pkg = finding.properties.package;
  if (!pkg) return false;
  const actual = pkg.purl ? purlParts(pkg.purl) : undefined;
  if (actual) {
    if (actual.type !== wanted.type || actual.name !== wanted.name) return false;
    return wanted.version === undefined || wanted.version === actual.version;
  }
  const bareName = wanted.name.split('/').pop();
  if (pkg.name.toLowerCase() !== wanted.name && pkg.name.toLowerCase() !== bareName) return false;
  return wanted.version === undefined || wanted.version === pkg.version;
}
