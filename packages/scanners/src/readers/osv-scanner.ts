import type { Finding } from '@gatehouse/findings';
import { locationOf, severityOf, vulnerabilityFinding } from '../build.js';
import { asObject, asString, asStrings, isObject, Shape, unique, type JsonObject } from '../json.js';

const TOOL = 'osv-scanner';

export function isOsvScanner(doc: JsonObject): boolean {
  if (!Array.isArray(doc.results)) return false;
  if (doc.results.length === 0)
    return Object.keys(doc).every((key) => key === 'results' || key.startsWith('experimental_'));
  return doc.results.every((result) => isObject(result) && ('packages' in result || 'source' in result));
}

/**
 * osv-scanner's JSON: one finding per vulnerability group (the ids osv-scanner found to be aliases of
 * one another) per package. Severity is the group's max_severity, a CVSS score; without one, medium
 * is assumed and the finding says so.
 */
export function readOsvScanner(doc: JsonObject, source: string): Finding[] {
  const shape: Shape = new Shape(source, 'osv-scanner');
  const findings: Finding[] = [];
  shape.objects(doc.results, 'results').forEach((result, r) => {
    const path = asString(asObject(result.source)?.path);
    shape.objects(result.packages, `results[${r}].packages`).forEach((entry, p) => {
      const at = `results[${r}].packages[${p}]`;
      const pkg = shape.object(entry.package, `${at}.package`) ?? {};
      const name = asString(pkg.name) ?? 'unknown-package';
      const ecosystem = asString(pkg.ecosystem);
      const vulns = shape.objects(entry.vulnerabilities, `${at}.vulnerabilities`);
      shape.objects(entry.groups, `${at}.groups`).forEach((group, g) => {
        const ids = asStrings(group.ids);
        if (ids.length === 0) shape.fail(`${at}.groups[${g}].ids`, 'is empty');
        const members = vulns.filter((vuln) => ids.includes(asString(vuln.id) ?? ''));
        const primary = ids[0]!;
        const described = members.find((vuln) => asString(vuln.id) === primary) ?? members[0];
        const fixed = fixedVersions(members, name);
        findings.push(
          vulnerabilityFinding({
            tool: TOOL,
            id: primary,
            aliases: unique([
              ...ids,
              ...asStrings(group.aliases),
              ...members.flatMap((vuln) => asStrings(vuln.aliases)),
            ]),
            severity: severityOf(group.max_severity),
            title: asString(described?.summary),
            location: locationOf(path),
            pkg: { name, version: asString(pkg.version), purl: asString(pkg.purl), ecosystem },
            fixedVersion: fixed.length > 0 ? fixed.join(', ') : undefined,
          }),
        );
      });
    });
  });
  return findings;
}

/** The `fixed` events of the OSV entries' ranges for this package. */
function fixedVersions(vulns: JsonObject[], packageName: string): string[] {
  const fixed: string[] = [];
  for (const vuln of vulns) {
    if (!Array.isArray(vuln.affected)) continue;
    for (const affected of vuln.affected) {
      if (!isObject(affected) || asString(asObject(affected.package)?.name) !== packageName) continue;
      if (!Array.isArray(affected.ranges)) continue;
      for (const range of affected.ranges) {
        if (!isObject(range) || !Array.isArray(range.events)) continue;
        for (const event of range.events) {
          const version = isObject(event) ? asString(event.fixed) : undefined;
          if (version) fixed.push(version);
        }
      }
    }
  }
  return unique(fixed);
}
