import type { Finding } from '@gatehouse/findings';
import { locationOf, severityOf, vulnerabilityFinding } from '../build.js';
import { asNumber, asObject, asString, asStrings, isObject, Shape, type JsonObject } from '../json.js';

const TOOL = 'npm audit';
const LOCKFILE = 'package-lock.json';

export function isNpmAuditV2(doc: JsonObject): boolean {
  return doc.auditReportVersion === 2 && isObject(doc.vulnerabilities);
}

export function isNpmAuditV1(doc: JsonObject): boolean {
  return isObject(doc.advisories) && (Array.isArray(doc.actions) || isObject(doc.metadata) || 'muted' in doc);
}

/** The advisory id: the GHSA id in the advisory URL, else npm's numeric advisory id. */
function advisoryId(url: string | undefined, numeric: unknown): string {
  const segment = url
    ?.split(/[/?#]/)
    .filter(Boolean)
    .find((part) => /^GHSA-/i.test(part));
  if (segment) return segment;
  const number = asNumber(numeric) ?? asString(numeric);
  return number !== undefined ? `npm-advisory-${number}` : 'npm-advisory';
}

/**
 * npm audit v2 (`auditReportVersion: 2`): one finding per advisory object in a package's `via`; the
 * string entries of `via` only say which dependency pulls the advisory in, and are read where that
 * dependency is listed.
 */
export function readNpmAuditV2(doc: JsonObject, source: string): Finding[] {
  const shape: Shape = new Shape(source, 'npm audit');
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(doc.vulnerabilities as JsonObject)) {
    const entry = shape.object(value, `vulnerabilities.${key}`) ?? {};
    if (entry.via !== undefined && !Array.isArray(entry.via))
      shape.fail(`vulnerabilities.${key}.via`, 'is not an array');
    const via = (entry.via as unknown[] | undefined) ?? [];
    for (const advisory of via) {
      if (!isObject(advisory)) continue;
      const url = asString(advisory.url);
      const name = asString(advisory.name) ?? asString(entry.name) ?? key;
      const range = asString(advisory.range) ?? asString(advisory.vulnerable_versions) ?? asString(entry.range);
      findings.push(
        vulnerabilityFinding({
          tool: TOOL,
          id: advisoryId(url, advisory.source ?? advisory.id),
          severity: severityOf(advisory.severity ?? entry.severity),
          title: asString(advisory.title),
          location: locationOf(LOCKFILE),
          pkg: { name, purl: `pkg:npm/${encodeNpmName(name)}`, ecosystem: 'npm' },
          fix: fixText(entry.fixAvailable, name),
          helpUri: url,
          extra: range ? { vulnerableRange: range } : {},
        }),
      );
    }
  }
  return findings;
}

function fixText(fixAvailable: unknown, name: string): string | undefined {
  if (fixAvailable === true) return `npm audit fix updates ${name} to a fixed version`;
  const target = asObject(fixAvailable);
  if (!target) return undefined;
  const major = target.isSemVerMajor === true ? ' (a semver-major change: npm audit fix --force)' : '';
  return `upgrade ${asString(target.name) ?? name} to ${asString(target.version) ?? 'a fixed version'}${major}`;
}

/** npm audit v1 (npm 6): advisories{} with the installed versions under findings[]. */
export function readNpmAuditV1(doc: JsonObject, source: string): Finding[] {
  const shape: Shape = new Shape(source, 'npm audit');
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(doc.advisories as JsonObject)) {
    const advisory = shape.object(value, `advisories.${key}`) ?? {};
    const url = asString(advisory.url);
    const name = asString(advisory.module_name) ?? 'unknown-package';
    const id = asString(advisory.github_advisory_id) ?? advisoryId(url, advisory.id ?? key);
    const patched = asString(advisory.patched_versions);
    const fixedVersion = patched && patched !== '<0.0.0' ? patched : undefined;
    const versions = shape
      .objects(advisory.findings, `advisories.${key}.findings`)
      .map((entry) => asString(entry.version));
    for (const version of versions.length > 0 ? versions : [undefined]) {
      findings.push(
        vulnerabilityFinding({
          tool: TOOL,
          id,
          aliases: asStrings(advisory.cves),
          severity: severityOf(advisory.severity),
          title: asString(advisory.title),
          location: locationOf(LOCKFILE),
          pkg: {
            name,
            version,
            purl: `pkg:npm/${encodeNpmName(name)}${version ? `@${version}` : ''}`,
            ecosystem: 'npm',
          },
          fixedVersion,
          helpUri: url,
        }),
      );
    }
  }
  return findings;
}

function encodeNpmName(name: string): string {
  return name.startsWith('@') ? `%40${name.slice(1)}` : name;
}
