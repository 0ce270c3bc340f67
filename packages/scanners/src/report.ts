import { UsageError, type Finding } from '@gatehouse/findings';
import { EXPECTED_FORMATS, isObject, parseJson, type JsonObject } from './json.js';
import { isGatehouseFindings, readGatehouseFindings } from './readers/gatehouse.js';
import { isGrype, readGrype } from './readers/grype.js';
import { isNpmAuditV1, isNpmAuditV2, readNpmAuditV1, readNpmAuditV2 } from './readers/npm-audit.js';
import { isOsvScanner, readOsvScanner } from './readers/osv-scanner.js';
import { isSarif, readSarif } from './readers/sarif.js';
import { isTrivy, readTrivy } from './readers/trivy.js';

export type ReportFormat = 'sarif' | 'trivy' | 'grype' | 'osv-scanner' | 'npm-audit' | 'gatehouse';
export type VexFormat = 'openvex' | 'cyclonedx-vex' | 'csaf-vex';
export type SbomFormat = 'cyclonedx' | 'spdx' | 'github-snapshot';

/** What a document is, judged from its content alone. */
export type DetectedFormat =
  | { kind: 'findings'; format: ReportFormat }
  | { kind: 'vex'; format: VexFormat }
  | { kind: 'sbom'; format: SbomFormat }
  | { kind: 'unknown' };

export interface ReadResult {
  format: ReportFormat;
  /** The scanner that wrote the report (for SARIF, the run's driver; several runs are joined with ", "). */
  tool: string;
  findings: Finding[];
}

const VEX_NAMES: Record<VexFormat, string> = {
  openvex: 'an OpenVEX document',
  'cyclonedx-vex': 'a CycloneDX VEX document',
  'csaf-vex': 'a CSAF VEX document',
};
const SBOM_NAMES: Record<SbomFormat, string> = {
  cyclonedx: 'a CycloneDX SBOM',
  spdx: 'an SPDX SBOM',
  'github-snapshot': 'a GitHub dependency snapshot (an SBOM)',
};

/** The format of a parsed JSON document. Order matters: the most specific markers are tried first. */
export function detectDocument(doc: unknown): DetectedFormat {
  if (!isObject(doc)) return { kind: 'unknown' };
  if (isGatehouseFindings(doc)) return { kind: 'findings', format: 'gatehouse' };
  if (isSarif(doc)) return { kind: 'findings', format: 'sarif' };
  if (isTrivy(doc)) return { kind: 'findings', format: 'trivy' };
  if (isNpmAuditV2(doc) || isNpmAuditV1(doc)) return { kind: 'findings', format: 'npm-audit' };
  if (isGrype(doc)) return { kind: 'findings', format: 'grype' };
  if (isOsvScanner(doc)) return { kind: 'findings', format: 'osv-scanner' };
  if (typeof doc['@context'] === 'string' && /openvex/i.test(doc['@context']) && Array.isArray(doc.statements)) {
    return { kind: 'vex', format: 'openvex' };
  }
  const document = isObject(doc.document) ? doc.document : undefined;
  if (document && typeof document.csaf_version === 'string') return { kind: 'vex', format: 'csaf-vex' };
  if (doc.bomFormat === 'CycloneDX') {
    const vulnerabilities = Array.isArray(doc.vulnerabilities) ? doc.vulnerabilities : [];
    return vulnerabilities.length > 0
      ? { kind: 'vex', format: 'cyclonedx-vex' }
      : { kind: 'sbom', format: 'cyclonedx' };
  }
  if (typeof doc.spdxVersion === 'string' || isSpdx3(doc)) return { kind: 'sbom', format: 'spdx' };
  if (doc.version === 0 && isObject(doc.detector) && ('manifests' in doc || 'job' in doc)) {
    return { kind: 'sbom', format: 'github-snapshot' };
  }
  return { kind: 'unknown' };
}

/** npm audit (and others) write `{"error": {"code", "summary"}}` when they could not scan. */
function scannerError(doc: unknown): string | undefined {
  const error = isObject(doc) && isObject(doc.error) ? doc.error : undefined;
  if (!error) return undefined;
  const parts = [error.code, error.summary ?? error.message].filter((part) => typeof part === 'string' && part.trim());
  return parts.length > 0 ? parts.join(': ') : undefined;
}

function isSpdx3(doc: JsonObject): boolean {
  const context = doc['@context'];
  return typeof context === 'string' && /spdx/i.test(context);
}

/** The format of a document's bytes; malformed JSON is a usage error naming `source`. */
export function detectFormat(content: string | Buffer, source: string): DetectedFormat {
  return detectDocument(parseJson(content, source));
}

/**
 * Reads a scanner report into Findings. The format is judged from the content, never the file name.
 * Malformed or truncated JSON, a document that is not a findings report (an SBOM, a VEX document) and
 * a report whose structure is broken are usage errors with one line naming `source`: a report that
 * cannot be read never passes as an empty one.
 */
export function readReport(content: string | Buffer, source: string): ReadResult {
  const result = readDocument(content, source);
  for (const finding of result.findings) {
    if (!finding.properties.sources?.length) finding.properties.sources = [source];
  }
  return result;
}

function readDocument(content: string | Buffer, source: string): ReadResult {
  const doc = parseJson(content, source);
  const detected = detectDocument(doc);
  if (detected.kind === 'vex') {
    throw new UsageError(
      `${source}: is ${VEX_NAMES[detected.format]}, not a findings report; pass it as a VEX document (vex), or give one of ${EXPECTED_FORMATS}`,
    );
  }
  if (detected.kind === 'sbom') {
    throw new UsageError(
      `${source}: is ${SBOM_NAMES[detected.format]}, not a findings report; scan it first and give the scanner's report: ${EXPECTED_FORMATS}`,
    );
  }
  if (detected.kind === 'unknown') {
    const failure = scannerError(doc);
    if (failure) throw new UsageError(`${source}: the scanner wrote an error instead of a report: ${failure}`);
    throw new UsageError(`${source}: not a recognised findings report; expected ${EXPECTED_FORMATS}`);
  }
  const report = doc as JsonObject;
  switch (detected.format) {
    case 'gatehouse':
      return { format: 'gatehouse', tool: 'gatehouse', findings: readGatehouseFindings(report, source) };
    case 'sarif': {
      const read = readSarif(report, source);
      return { format: 'sarif', tool: read.tools.join(', ') || 'SARIF', findings: read.findings };
    }
    case 'trivy':
      return { format: 'trivy', tool: 'trivy', findings: readTrivy(report, source) };
    case 'npm-audit':
      return {
        format: 'npm-audit',
        tool: 'npm audit',
        findings: isNpmAuditV2(report) ? readNpmAuditV2(report, source) : readNpmAuditV1(report, source),
      };
    case 'grype':
      return { format: 'grype', tool: 'grype', findings: readGrype(report, source) };
    case 'osv-scanner':
      return { format: 'osv-scanner', tool: 'osv-scanner', findings: readOsvScanner(report, source) };
  }
}
