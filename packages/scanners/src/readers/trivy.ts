import { fingerprintOf, type Finding, type Suppression } from '@gatehouse/findings';
import { locationOf, severityOf, vulnerabilityFinding } from '../build.js';
import { asNumber, asObject, asString, asStrings, Shape, type JsonObject } from '../json.js';

const TOOL = 'trivy';

export function isTrivy(doc: JsonObject): boolean {
  return (
    typeof doc.SchemaVersion === 'number' &&
    (typeof doc.ArtifactName === 'string' || Array.isArray(doc.Results) || isTrivyStamp(doc.Trivy))
  );
}

function isTrivyStamp(value: unknown): boolean {
  return asObject(value) !== undefined;
}

/**
 * Trivy's JSON report: Results[].Vulnerabilities, Misconfigurations that failed, and Secrets.
 * Findings Trivy itself set aside (ExperimentalModifiedFindings: VEX, .trivyignore) come back
 * suppressed, so the summary can still list them.
 */
export function readTrivy(doc: JsonObject, source: string): Finding[] {
  const shape: Shape = new Shape(source, 'Trivy');
  const findings: Finding[] = [];
  shape.objects(doc.Results, 'Results').forEach((result, r) => {
    const target = asString(result.Target) ?? asString(doc.ArtifactName) ?? source;
    const ecosystem = asString(result.Type);
    const at = `Results[${r}]`;
    for (const vuln of shape.objects(result.Vulnerabilities, `${at}.Vulnerabilities`)) {
      findings.push(trivyVulnerability(vuln, target, ecosystem));
    }
    for (const misconfig of shape.objects(result.Misconfigurations, `${at}.Misconfigurations`)) {
      if (asString(misconfig.Status)?.toUpperCase() === 'FAIL') findings.push(trivyMisconfiguration(misconfig, target));
    }
    for (const secret of shape.objects(result.Secrets, `${at}.Secrets`)) findings.push(trivySecret(secret, target));
    const modified = shape.objects(result.ExperimentalModifiedFindings, `${at}.ExperimentalModifiedFindings`);
    modified.forEach((entry, m) => {
      const inner = shape.object(entry.Finding, `${at}.ExperimentalModifiedFindings[${m}].Finding`);
      if (!inner) return;
      const type = asString(entry.Type)?.toLowerCase();
      let finding: Finding;
      if (type === 'vulnerability') finding = trivyVulnerability(inner, target, ecosystem);
      else if (type === 'misconfiguration') finding = trivyMisconfiguration(inner, target);
      else if (type === 'secret') finding = trivySecret(inner, target);
      else return;
      const reason = [asString(entry.Status), asString(entry.Statement)].filter(Boolean).join(': ');
      const suppression: Suppression = {
        kind: 'tool',
        reason: reason || 'set aside by trivy',
        source: asString(entry.Source) ?? source,
      };
      finding.properties.suppression = suppression;
      findings.push(finding);
    });
  });
  return findings;
}

function trivyVulnerability(vuln: JsonObject, target: string, ecosystem: string | undefined): Finding {
  const id = asString(vuln.VulnerabilityID) ?? asString(vuln.PkgID) ?? 'unknown-vulnerability';
  const identifier = asObject(vuln.PkgIdentifier);
  const name = asString(vuln.PkgName) ?? asString(vuln.PkgID) ?? 'unknown-package';
  return vulnerabilityFinding({
    tool: TOOL,
    id,
    aliases: asStrings(vuln.VendorIDs),
    severity: severityOf(vuln.Severity),
    title: asString(vuln.Title),
    location: locationOf(target),
    pkg: {
      name,
      version: asString(vuln.InstalledVersion),
      purl: asString(identifier?.PURL),
      ecosystem,
    },
    fixedVersion: asString(vuln.FixedVersion),
    helpUri: asString(vuln.PrimaryURL),
  });
}

function trivyMisconfiguration(misconfig: JsonObject, target: string): Finding {
  const id = asString(misconfig.ID) ?? asString(misconfig.AVDID) ?? 'unknown-misconfiguration';
  const cause = asObject(misconfig.CauseMetadata);
  const line = asNumber(cause?.StartLine);
  const severity = severityOf(misconfig.Severity);
  const title = asString(misconfig.Title) ?? id;
  const message = asString(misconfig.Message) ?? asString(misconfig.Description) ?? title;
  const finding: Finding = {
    ruleId: id,
    severity: severity.severity,
    title,
    message,
    fingerprint: fingerprintOf(TOOL, id, target, line, message),
    properties: { tools: [TOOL] },
  };
  const location = locationOf(target, line);
  if (location) finding.location = location;
  const resolution = asString(misconfig.Resolution);
  if (resolution) finding.fix = resolution;
  if (severity.assumed) finding.properties.severityAssumed = true;
  const help = asString(misconfig.PrimaryURL);
  if (help) finding.properties.helpUri = help;
  return finding;
}

/** The matched text is never copied: Trivy masks it, but a finding must not carry secret material. */
function trivySecret(secret: JsonObject, target: string): Finding {
  const id = asString(secret.RuleID) ?? 'secret';
  const line = asNumber(secret.StartLine);
  const severity = severityOf(secret.Severity);
  const title = asString(secret.Title) ?? id;
  const category = asString(secret.Category);
  const finding: Finding = {
    ruleId: id,
    severity: severity.severity,
    title,
    message: `Secret found: ${title}${category ? ` (${category})` : ''}`,
    fingerprint: fingerprintOf(TOOL, id, target, line),
    properties: { tools: [TOOL], tags: ['secret'] },
  };
  const location = locationOf(target, line);
  if (location) finding.location = location;
  if (severity.assumed) finding.properties.severityAssumed = true;
  return finding;
}
