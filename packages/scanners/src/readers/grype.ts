import type { Finding } from '@gatehouse/findings';
import { locationOf, severityOf, vulnerabilityFinding } from '../build.js';
import { asObject, asString, asStrings, isObject, Shape, unique, type JsonObject } from '../json.js';

const TOOL = 'grype';

export function isGrype(doc: JsonObject): boolean {
  return Array.isArray(doc.matches) && (isObject(doc.descriptor) || isObject(doc.source) || 'ignoredMatches' in doc);
}

/** Grype's JSON report: matches[], and ignoredMatches[] (set aside by grype's ignore rules) as suppressed. */
export function readGrype(doc: JsonObject, source: string): Finding[] {
  const shape: Shape = new Shape(source, 'Grype');
  const findings = shape.objects(doc.matches, 'matches').map((match, i) => grypeMatch(shape, match, `matches[${i}]`));
  shape.objects(doc.ignoredMatches, 'ignoredMatches').forEach((match, i) => {
    const finding = grypeMatch(shape, match, `ignoredMatches[${i}]`);
    const rules = shape.objects(match.appliedIgnoreRules, `ignoredMatches[${i}].appliedIgnoreRules`);
    finding.properties.suppression = { kind: 'tool', reason: ignoreReason(rules), source };
    findings.push(finding);
  });
  return findings;
}

function grypeMatch(shape: Shape, match: JsonObject, at: string): Finding {
  const vuln = shape.object(match.vulnerability, `${at}.vulnerability`) ?? {};
  const artifact = shape.object(match.artifact, `${at}.artifact`) ?? {};
  const id = asString(vuln.id) ?? 'unknown-vulnerability';
  const related = shape
    .objects(match.relatedVulnerabilities, `${at}.relatedVulnerabilities`)
    .map((entry) => asString(entry.id))
    .filter((value): value is string => value !== undefined);
  const fix = asObject(vuln.fix);
  const fixVersions = asString(fix?.state)?.toLowerCase() === 'fixed' ? asStrings(fix?.versions) : [];
  const locations = shape.objects(artifact.locations, `${at}.artifact.locations`);
  return vulnerabilityFinding({
    tool: TOOL,
    id,
    aliases: unique(related),
    severity: severityOf(vuln.severity),
    location: locationOf(asString(locations[0]?.path)),
    pkg: {
      name: asString(artifact.name) ?? 'unknown-package',
      version: asString(artifact.version),
      purl: asString(artifact.purl),
      ecosystem: asString(artifact.type),
    },
    fixedVersion: fixVersions.length > 0 ? fixVersions.join(', ') : undefined,
    helpUri: asString(vuln.dataSource),
  });
}

function ignoreReason(rules: JsonObject[]): string {
  for (const rule of rules) {
    const reason = asString(rule.reason);
    if (reason) return reason;
    const vex = asString(rule['vex-status']);
    if (vex) return [vex, asString(rule['vex-justification'])].filter(Boolean).join(': ');
  }
  return 'ignored by a grype ignore rule';
}
