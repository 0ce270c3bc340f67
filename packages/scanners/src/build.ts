import {
  fingerprintOf,
  parseSeverity,
  type Finding,
  type FindingProperties,
  type Location,
  type PackageRef,
  type Severity,
} from '@gatehouse/findings';
import { unique } from './json.js';

export interface SeverityChoice {
  severity: Severity;
  assumed: boolean;
}

/** Severity from a scanner's own spelling; missing or unknown → medium, flagged as assumed. */
export function severityOf(value: unknown): SeverityChoice {
  return parseSeverity(value);
}

export interface VulnerabilityInput {
  tool: string;
  /** The primary id: CVE, GHSA, OSV, ... */
  id: string;
  aliases?: string[];
  severity: SeverityChoice;
  title?: string;
  location?: Location;
  pkg?: PackageRef;
  fixedVersion?: string;
  /** Remediation text when the report gives one other than a fixed version. */
  fix?: string;
  helpUri?: string;
  /** Extra properties (suppression, scanner-specific facts). */
  extra?: FindingProperties;
}

/** A vulnerability in a package, in the one Finding shape every reader emits. */
export function vulnerabilityFinding(input: VulnerabilityInput): Finding {
  const pkg = input.pkg ? compactPackage(input.pkg) : undefined;
  const aliases = unique((input.aliases ?? []).filter((alias) => alias && alias !== input.id));
  const pkgText = pkg ? `${pkg.name}${pkg.version ? `@${pkg.version}` : ''}` : '';
  const title = input.title?.trim() || input.id;
  const fixed = input.fixedVersion;
  const fix =
    input.fix ??
    (fixed && pkg ? `upgrade ${pkg.name} to ${fixed.includes(',') ? `a fixed version (${fixed})` : fixed}` : undefined);
  const head = `${input.id}${pkgText ? ` in ${pkgText}` : ''}${title !== input.id ? `: ${title}` : ''}`;
  const message = `${head}${/[.!?]$/.test(head) ? '' : '.'}${fixed ? ` Fixed in ${fixed}.` : ''}`;
  const properties: FindingProperties = { tools: [input.tool], ...input.extra };
  if (aliases.length > 0) properties.aliases = aliases;
  if (pkg) properties.package = pkg;
  if (input.fixedVersion) properties.fixedVersion = input.fixedVersion;
  if (input.severity.assumed) properties.severityAssumed = true;
  if (input.helpUri) properties.helpUri = input.helpUri;
  const finding: Finding = {
    ruleId: input.id,
    severity: input.severity.severity,
    title,
    message,
    fingerprint: fingerprintOf(input.tool, input.id, pkg?.purl ?? pkg?.name, pkg?.version, input.location?.path),
    properties,
  };
  if (input.location) finding.location = input.location;
  if (fix) finding.fix = fix;
  return finding;
}

function compactPackage(pkg: PackageRef): PackageRef {
  const out: PackageRef = { name: pkg.name };
  if (pkg.version) out.version = pkg.version;
  if (pkg.purl) out.purl = pkg.purl;
  if (pkg.ecosystem) out.ecosystem = pkg.ecosystem;
  return out;
}

/** A location for a path a scanner reported; lines below 1 are dropped. */
export function locationOf(path: string | undefined, line?: unknown, column?: unknown): Location | undefined {
  if (!path) return undefined;
  const location: Location = { path };
  if (typeof line === 'number' && Number.isInteger(line) && line >= 1) {
    location.line = line;
    if (typeof column === 'number' && Number.isInteger(column) && column >= 1) location.column = column;
  }
  return location;
}
