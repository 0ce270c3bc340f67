export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe: critical 4 … info 0. */
export function severityRank(severity: Severity): number {
  return 4 - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(b) - severityRank(a);
}

/** GitHub's CVSS bands: ≥9.0 critical, ≥7.0 high, ≥4.0 medium, ≥0.1 low, 0.0 info. */
export function severityFromCvss(score: number): Severity {
  if (score >= 9.0) return 'critical';
  if (score >= 7.0) return 'high';
  if (score >= 4.0) return 'medium';
  if (score >= 0.1) return 'low';
  return 'info';
}

const SPELLINGS: Record<string, Severity> = {
  critical: 'critical',
  crit: 'critical',
  severe: 'critical',
  high: 'high',
  important: 'high',
  error: 'high',
  medium: 'medium',
  moderate: 'medium',
  med: 'medium',
  warning: 'medium',
  warn: 'medium',
  low: 'low',
  minor: 'low',
  note: 'low',
  info: 'info',
  informational: 'info',
  information: 'info',
  negligible: 'info',
  none: 'info',
  unimportant: 'info',
};

export interface ParsedSeverity {
  severity: Severity;
  /** True when the input gave no usable severity and `medium` was assumed. */
  assumed: boolean;
}

/**
 * Severity from any common spelling: names in any case (CRITICAL, Moderate, Negligible), SARIF
 * levels (error/warning/note/none), and CVSS scores as numbers or numeric strings. Never throws:
 * a missing or unknown value is `medium`, flagged as assumed.
 */
export function parseSeverity(value: unknown): ParsedSeverity {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0 && value <= 10) {
      return { severity: severityFromCvss(value), assumed: false };
    }
    return { severity: 'medium', assumed: true };
  }
  if (typeof value !== 'string') return { severity: 'medium', assumed: true };
  const text = value.trim().toLowerCase();
  const named = Object.hasOwn(SPELLINGS, text) ? SPELLINGS[text] : undefined;
  if (named) return { severity: named, assumed: false };
  if (/^\d+(\.\d+)?$/.test(text)) return parseSeverity(Number(text));
  return { severity: 'medium', assumed: true };
}
