import type { Finding } from './finding.js';
import type { Severity } from './severity.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note' | 'none'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'none',
};

/** A representative score inside each GitHub band, so code scanning shows the same severity. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};

export interface SarifToolInfo {
  name: string;
  version: string;
  informationUri?: string;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: unknown[];
}

/**
 * Findings as a SARIF 2.1.0 log, one run, one rule per ruleId. The fingerprint travels as a
 * partial fingerprint and our severity as `security-severity`, so reading the log back gives the
 * same findings. Suppressed findings carry an accepted external suppression.
 */
export function toSarif(findings: readonly Finding[], tool: SarifToolInfo): SarifLog {
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  for (const finding of findings) {
    if (ruleIndex.has(finding.ruleId)) continue;
    ruleIndex.set(finding.ruleId, rules.length);
    const rule: Record<string, unknown> = {
      id: finding.ruleId,
      shortDescription: { text: nonEmpty(finding.title, finding.ruleId) },
      defaultConfiguration: { level: LEVEL[finding.severity] },
      properties: {
        'security-severity': SECURITY_SEVERITY[finding.severity],
        tags: ['security', ...(finding.properties.tags ?? [])],
      },
    };
    if (isUri(finding.properties.helpUri)) rule.helpUri = finding.properties.helpUri;
    rules.push(rule);
  }

  const results = findings.map((finding) => {
    const result: Record<string, unknown> = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: nonEmpty(finding.message, finding.title, finding.ruleId) },
      partialFingerprints: { 'gatehouse/v1': finding.fingerprint },
      properties: {
        'gatehouse/severity': finding.severity,
        'security-severity': SECURITY_SEVERITY[finding.severity],
        ...serialisableProperties(finding),
      },
    };
    if (finding.location?.path) {
      const region: Record<string, number> = {};
      if (positive(finding.location.line)) region.startLine = finding.location.line;
      if (positive(finding.location.line) && positive(finding.location.column)) {
        region.startColumn = finding.location.column;
      }
      if (positive(finding.location.endLine)) region.endLine = finding.location.endLine;
      if (positive(finding.location.endColumn)) region.endColumn = finding.location.endColumn;
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeUriPath(finding.location.path) },
            ...(Object.keys(region).length > 0 ? { region } : {}),
          },
        },
      ];
    }
    // SARIF `fixes` must carry artifact changes; a remediation in words travels as a property.
    if (finding.fix) (result.properties as Record<string, unknown>)['gatehouse/fix'] = finding.fix;
    const suppression = finding.properties.suppression;
    if (suppression) {
      result.suppressions = [
        {
          kind: 'external',
          status: 'accepted',
          justification: [suppression.reason, suppression.owner && `owner: ${suppression.owner}`]
            .filter(Boolean)
            .join('; '),
          // The whole suppression (kind, owner, expiry, source), so reading the log back restores it.
          properties: { 'gatehouse/suppression': { ...suppression } },
        },
      ];
    }
    return result;
  });

  const driver: Record<string, unknown> = { name: tool.name, version: tool.version, rules };
  if (tool.informationUri) driver.informationUri = tool.informationUri;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{ tool: { driver }, results, columnKind: 'utf16CodeUnits' }],
  };
}

function serialisableProperties(finding: Finding): Record<string, unknown> {
  const { suppression: _suppression, helpUri: _helpUri, ...rest } = finding.properties;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

function nonEmpty(...candidates: Array<string | undefined>): string {
  for (const candidate of candidates) if (candidate && candidate.trim()) return candidate;
  return '(no message)';
}

function positive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function isUri(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function encodeUriPath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
