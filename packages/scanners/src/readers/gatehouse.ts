import { fingerprintOf, isSeverity, type Finding, type Location, type Severity } from '@gatehouse/findings';
import { severityOf } from '../build.js';
import { asNumber, asString, Shape, type JsonObject } from '../json.js';
import { sanitizeProperties, suppressionFrom } from '../properties.js';

/** The version of the findings file layout; a reader refuses a newer major. */
export const GATEHOUSE_FINDINGS_VERSION = '1';

/** What the gate's `findings-output` writes and `readReport` reads back. */
export interface GatehouseFindingsFile {
  tool: 'gatehouse';
  version: string;
  findings: Finding[];
}

/** The findings as Gatehouse findings JSON (no trailing newline). */
export function toFindingsJson(findings: readonly Finding[]): string {
  const file: GatehouseFindingsFile = {
    tool: 'gatehouse',
    version: GATEHOUSE_FINDINGS_VERSION,
    findings: JSON.parse(JSON.stringify(findings)) as Finding[],
  };
  return JSON.stringify(file, null, 2);
}

export function isGatehouseFindings(doc: JsonObject): boolean {
  return doc.tool === 'gatehouse' && Array.isArray(doc.findings);
}

export function readGatehouseFindings(doc: JsonObject, source: string): Finding[] {
  const shape: Shape = new Shape(source, 'Gatehouse findings');
  const version = String(doc.version ?? '');
  if (version.split('.')[0] !== GATEHOUSE_FINDINGS_VERSION) {
    shape.fail('version', `is ${JSON.stringify(doc.version)}; this reader reads version ${GATEHOUSE_FINDINGS_VERSION}`);
  }
  return shape.objects(doc.findings, 'findings').map((entry, i) => {
    const at = `findings[${i}]`;
    const ruleId = asString(entry.ruleId);
    if (!ruleId) shape.fail(`${at}.ruleId`, 'is missing');
    const severity: Severity = isSeverity(entry.severity) ? entry.severity : severityOf(entry.severity).severity;
    const rawProperties = shape.object(entry.properties, `${at}.properties`) ?? {};
    if (rawProperties.suppression !== undefined && !suppressionFrom(rawProperties.suppression)) {
      shape.fail(`${at}.properties.suppression`, 'needs a kind (exception, vex or tool) and a reason');
    }
    const properties = sanitizeProperties(rawProperties, { trustSuppression: true });
    if (!isSeverity(entry.severity)) properties.severityAssumed = true;
    const title = asString(entry.title) ?? ruleId;
    const message = asString(entry.message) ?? title;
    const location = locationFrom(shape.object(entry.location, `${at}.location`));
    const finding: Finding = {
      ruleId,
      severity,
      title,
      message,
      fingerprint:
        typeof entry.fingerprint === 'string' && entry.fingerprint !== ''
          ? entry.fingerprint
          : fingerprintOf('gatehouse', ruleId, location?.path, location?.line, message),
      properties,
    };
    if (location) finding.location = location;
    const fix = asString(entry.fix);
    if (fix) finding.fix = fix;
    return finding;
  });
}

function locationFrom(value: JsonObject | undefined): Location | undefined {
  const path = asString(value?.path);
  if (!value || !path) return undefined;
  const location: Location = { path };
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
    const n = asNumber(value[key]);
    if (n !== undefined && Number.isInteger(n) && n >= 1) location[key] = n;
  }
  return location;
}
