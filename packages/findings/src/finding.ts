import { createHash } from 'node:crypto';
import type { Severity } from './severity.js';

export interface Location {
  /** Relative to the workspace, with forward slashes. */
  path: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface PackageRef {
  name: string;
  version?: string;
  purl?: string;
  ecosystem?: string;
}

export interface Suppression {
  kind: 'exception' | 'vex' | 'tool';
  reason: string;
  owner?: string;
  expires?: string;
  /** Where the suppression came from: an exceptions file, a VEX document, the scanner. */
  source?: string;
}

/** Well-known properties; any other key is carried through unchanged. */
export interface FindingProperties {
  /** The tools that reported this finding (more than one after de-duplication). */
  tools?: string[];
  /** The report files it was read from. */
  sources?: string[];
  aliases?: string[];
  package?: PackageRef;
  fixedVersion?: string;
  /** True when the input had no usable severity and medium was assumed. */
  severityAssumed?: boolean;
  suppression?: Suppression;
  helpUri?: string;
  tags?: string[];
  [key: string]: unknown;
}

/** The one shape every check emits, the gate consumes, SARIF carries and the summary renders. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  message: string;
  location?: Location;
  fingerprint: string;
  /** A remediation a human can act on, e.g. "upgrade lodash to 4.17.21". */
  fix?: string;
  properties: FindingProperties;
}

/** A stable fingerprint: sha256 over the parts that identify a finding, never over secrets. */
export function fingerprintOf(...parts: Array<string | number | undefined>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return hash.digest('hex').slice(0, 32);
}

export function isSuppressed(finding: Finding): boolean {
  return finding.properties.suppression !== undefined;
}

export function formatLocation(location: Location | undefined): string {
  if (!location) return '';
  let text = location.path;
  if (location.line) text += `:${location.line}`;
  if (location.line && location.column) text += `:${location.column}`;
  return text;
}
