import picomatch from 'picomatch';
import { fingerprintOf, type Finding, type Severity, type Suppression } from '@gatehouse/findings';
import type { LineIndex, Occurrence } from './occurrence.js';
import { canonicalName, familiarName, type ImageReference } from './reference.js';

export const RULES = {
  'image-not-pinned': { severity: 'high', title: 'Image not pinned by digest' },
  'image-untrusted-registry': { severity: 'high', title: 'Image from an untrusted registry' },
  'image-unresolvable': { severity: 'medium', title: 'Image reference cannot be known statically' },
  'action-not-pinned': { severity: 'high', title: 'Action not pinned to a commit SHA' },
  'action-ref-mismatch': { severity: 'high', title: 'Action version comment does not match its SHA' },
  'parse-error': { severity: 'high', title: 'File could not be read' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type PinRuleId = keyof typeof RULES;

export function pinFinding(
  ruleId: PinRuleId,
  path: string,
  position: { line?: number; column?: number },
  message: string,
  properties: Record<string, unknown> & { reference?: string; context?: string } = {},
): Finding {
  const location: Finding['location'] = { path };
  if (position.line) location.line = position.line;
  if (position.line && position.column) location.column = position.column;
  return {
    ruleId,
    severity: RULES[ruleId].severity,
    title: RULES[ruleId].title,
    message,
    location,
    // The reference and its context identify a finding; line numbers move when files are edited.
    fingerprint: fingerprintOf(
      'pin',
      ruleId,
      path,
      properties.context,
      properties.reference,
      properties.reference ? undefined : position.line,
    ),
    properties: { tools: ['gatehouse-pin'], tags: ['supply-chain'], ...properties },
  };
}

const INLINE_EXEMPTION = /#\s*gatehouse:\s*allow-unpinned\b[ \t]*(.*?)\s*$/;

/**
 * An inline `# gatehouse: allow-unpinned <reason>` on the reference's line or on the comment line
 * just above it. Returns the suppression, or a note when the comment has no reason.
 */
export function inlineExemption(index: LineIndex, line: number): Suppression | { missingReason: true } | undefined {
  const above = index.lineText(line - 1);
  const candidates = [index.lineText(line), /^\s*#/.test(above) ? above : ''];
  for (const text of candidates) {
    const match = INLINE_EXEMPTION.exec(text);
    if (!match) continue;
    const reason = match[1]!;
    if (reason === '') return { missingReason: true };
    return { kind: 'exception', reason, source: 'inline comment' };
  }
  return undefined;
}

/** `allow` patterns: globs over an image's name (familiar or canonical) or an action's owner/repo(/path). */
export class AllowList {
  private readonly matchers: Array<{ pattern: string; match: (value: string) => boolean }>;

  constructor(patterns: readonly string[]) {
    this.matchers = patterns.map((pattern) => ({ pattern, match: picomatch(pattern, { dot: true, nocase: true }) }));
  }

  match(occurrence: Occurrence, reference?: ImageReference): string | undefined {
    const candidates: string[] = [];
    if (occurrence.kind === 'action') {
      candidates.push(`${occurrence.owner}/${occurrence.repo}`, occurrence.uses);
      if (occurrence.subpath) candidates.push(`${occurrence.owner}/${occurrence.repo}/${occurrence.subpath}`);
    } else {
      candidates.push(occurrence.image);
      if (reference) candidates.push(familiarName(reference), canonicalName(reference));
    }
    return this.matchers.find(({ match }) => candidates.some((candidate) => match(candidate)))?.pattern;
  }
}
