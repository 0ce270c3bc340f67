import { fingerprintOf, isSeverity, type Finding, type Location, type Suppression } from '@gatehouse/findings';
import { severityOf } from '../build.js';
import { sanitizeProperties, suppressionFrom } from '../properties.js';
import { asNumber, asObject, asString, asStrings, isObject, Shape, type JsonObject } from '../json.js';

export function isSarif(doc: JsonObject): boolean {
  const schema = asString(doc.$schema) ?? '';
  return Array.isArray(doc.runs) && (typeof doc.version === 'string' || /sarif/i.test(schema));
}

interface ToolComponents {
  driver: JsonObject;
  extensions: JsonObject[];
}

export interface SarifRead {
  tools: string[];
  findings: Finding[];
}

/**
 * SARIF 2.1.0 from any tool. Rules are looked up in the driver and in the extensions (CodeQL keeps
 * its query packs' rules there). Severity: the `security-severity` score (the result's own, then its
 * rule's), then the result's level, then the rule's default level, then SARIF's default, warning.
 */
export function readSarif(doc: JsonObject, source: string): SarifRead {
  const shape: Shape = new Shape(source, 'SARIF');
  if (doc.version !== undefined && doc.version !== '2.1.0') {
    shape.fail('version', `is ${JSON.stringify(doc.version)}; only SARIF 2.1.0 is read`);
  }
  const tools: string[] = [];
  const findings: Finding[] = [];
  shape.objects(doc.runs, 'runs').forEach((run, r) => {
    const at = `runs[${r}]`;
    const tool = shape.object(run.tool, `${at}.tool`);
    if (!tool) shape.fail(`${at}.tool`, 'is missing');
    const driver = shape.object(tool.driver, `${at}.tool.driver`);
    if (!driver) shape.fail(`${at}.tool.driver`, 'is missing');
    const components: ToolComponents = {
      driver,
      extensions: shape.objects(tool.extensions, `${at}.tool.extensions`),
    };
    shape.objects(driver.rules, `${at}.tool.driver.rules`);
    components.extensions.forEach((extension, e) =>
      shape.objects(extension.rules, `${at}.tool.extensions[${e}].rules`),
    );
    const toolName = asString(driver.name) ?? 'SARIF';
    if (!tools.includes(toolName)) tools.push(toolName);
    const artifacts = shape.objects(run.artifacts, `${at}.artifacts`);
    shape.objects(run.results, `${at}.results`).forEach((result, i) => {
      const kind = asString(result.kind);
      if (kind === 'pass' || kind === 'notApplicable') return;
      findings.push(sarifResult(shape, result, `${at}.results[${i}]`, components, artifacts, toolName, source));
    });
  });
  return { tools, findings };
}

function sarifResult(
  shape: Shape,
  result: JsonObject,
  at: string,
  components: ToolComponents,
  artifacts: JsonObject[],
  tool: string,
  source: string,
): Finding {
  const reference = shape.object(result.rule, `${at}.rule`);
  const rule = resolveRule(result, reference, components);
  const ruleId = asString(result.ruleId) ?? asString(reference?.id) ?? asString(rule?.id) ?? 'unknown-rule';
  const ruleProperties = asObject(rule?.properties);
  const resultProperties = shape.object(result.properties, `${at}.properties`) ?? {};

  const severity = severityOfResult(result, resultProperties, rule, ruleProperties);
  const title =
    asString(asObject(rule?.shortDescription)?.text) ??
    asString(rule?.name) ??
    asString(ruleProperties?.name) ??
    ruleId;
  const message = messageText(shape.object(result.message, `${at}.message`), rule) ?? title;
  const location = firstLocation(shape, result, at, artifacts);

  const properties: Finding['properties'] = sanitizeProperties(resultProperties);
  if (!properties.tools) properties.tools = [tool];
  const helpUri = asString(rule?.helpUri);
  if (helpUri) properties.helpUri = helpUri;
  const tags = asStrings(ruleProperties?.tags);
  if (tags.length > 0 && !properties.tags) properties.tags = tags;
  if (severity.assumed) properties.severityAssumed = true;
  const suppression = suppressionOf(shape, result, at, source);
  if (suppression) properties.suppression = suppression;

  const finding: Finding = {
    ruleId,
    severity: severity.severity,
    title,
    message,
    fingerprint: fingerprintFor(result, tool, ruleId, location, message),
    properties,
  };
  if (location) finding.location = location;
  const fix = fixText(result) ?? asString(resultProperties['gatehouse/fix']);
  if (fix) finding.fix = fix;
  return finding;
}

/** A result names its rule by `rule` {index, id, toolComponent}, `ruleIndex`, or `ruleId`. */
function resolveRule(
  result: JsonObject,
  reference: JsonObject | undefined,
  components: ToolComponents,
): JsonObject | undefined {
  const componentRef = asObject(reference?.toolComponent);
  let component = components.driver;
  if (componentRef) {
    const index = asNumber(componentRef.index);
    const name = asString(componentRef.name);
    const guid = asString(componentRef.guid);
    const found =
      (index !== undefined ? components.extensions[index] : undefined) ??
      components.extensions.find((ext) => (name && ext.name === name) || (guid && ext.guid === guid));
    if (found) component = found;
  }
  const index = asNumber(reference?.index) ?? asNumber(result.ruleIndex);
  const rules = Array.isArray(component.rules) ? (component.rules as JsonObject[]) : [];
  if (index !== undefined && Number.isInteger(index) && index >= 0 && rules[index]) return rules[index];
  const id = asString(result.ruleId) ?? asString(reference?.id);
  if (!id) return undefined;
  for (const candidate of [components.driver, ...components.extensions]) {
    const list = Array.isArray(candidate.rules) ? (candidate.rules as JsonObject[]) : [];
    const match = list.find((rule) => rule.id === id);
    if (match) return match;
  }
  // A hierarchical id ("a/b/c") may name a rule "a/b".
  const parent = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : undefined;
  return parent ? resolveRule({ ruleId: parent }, undefined, components) : undefined;
}

function severityOfResult(
  result: JsonObject,
  resultProperties: JsonObject,
  rule: JsonObject | undefined,
  ruleProperties: JsonObject | undefined,
): { severity: Finding['severity']; assumed: boolean } {
  // Our own SARIF names the exact severity; trust it only when it is one of the five.
  const own = resultProperties['gatehouse/severity'];
  if (isSeverity(own)) return { severity: own, assumed: false };
  for (const score of [resultProperties['security-severity'], ruleProperties?.['security-severity']]) {
    if (score === undefined || score === null || score === '') continue;
    const parsed = severityOf(score);
    if (!parsed.assumed) return parsed;
  }
  const level = asString(result.level) ?? asString(asObject(rule?.defaultConfiguration)?.level);
  if (level) {
    const parsed = severityOf(level);
    if (!parsed.assumed) return parsed;
  }
  return { severity: 'medium', assumed: false };
}

function messageText(message: JsonObject | undefined, rule: JsonObject | undefined): string | undefined {
  if (!message) return undefined;
  let text = asString(message.text) ?? asString(message.markdown);
  const id = asString(message.id);
  if (!text && id) text = asString(asObject(asObject(rule?.messageStrings)?.[id])?.text);
  if (!text) return undefined;
  const args = Array.isArray(message.arguments) ? message.arguments : [];
  return text.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const value = args[Number(n)];
    return typeof value === 'string' ? value : whole;
  });
}

function firstLocation(shape: Shape, result: JsonObject, at: string, artifacts: JsonObject[]): Location | undefined {
  for (const entry of shape.objects(result.locations, `${at}.locations`)) {
    const physical = asObject(entry.physicalLocation);
    if (!physical) continue;
    const artifact = asObject(physical.artifactLocation);
    let uri = asString(artifact?.uri);
    const index = asNumber(artifact?.index);
    if (!uri && index !== undefined) uri = asString(asObject(artifacts[index]?.location)?.uri);
    if (!uri) continue;
    const location: Location = { path: uriToPath(uri) };
    const region = asObject(physical.region);
    const line = asNumber(region?.startLine);
    if (line !== undefined && Number.isInteger(line) && line >= 1) {
      location.line = line;
      const column = asNumber(region?.startColumn);
      if (column !== undefined && Number.isInteger(column) && column >= 1) location.column = column;
      const endLine = asNumber(region?.endLine);
      if (endLine !== undefined && Number.isInteger(endLine) && endLine >= line) location.endLine = endLine;
      const endColumn = asNumber(region?.endColumn);
      if (endColumn !== undefined && Number.isInteger(endColumn) && endColumn >= 1) location.endColumn = endColumn;
    }
    return location;
  }
  return undefined;
}

/** A workspace path from an artifact URI: `file://` stripped, %-escapes decoded, `./` dropped. */
export function uriToPath(uri: string): string {
  let path = uri.replace(/^file:\/\/(localhost)?/i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray '%' that is not an escape: keep the text as written.
  }
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * Suppressed when the result carries a suppression that is accepted (SARIF's default status). One
 * under review or rejected does not suppress: a gate fails closed.
 */
function suppressionOf(shape: Shape, result: JsonObject, at: string, source: string): Suppression | undefined {
  for (const entry of shape.objects(result.suppressions, `${at}.suppressions`)) {
    const status = asString(entry.status);
    if (status !== undefined && status !== 'accepted') continue;
    const own = suppressionFrom(asObject(entry.properties)?.['gatehouse/suppression']);
    if (own) return own;
    const kind = asString(entry.kind);
    const reason = asString(entry.justification) ?? (kind ? `suppressed ${kind}` : 'suppressed by the tool');
    return { kind: 'tool', reason, source };
  }
  return undefined;
}

function fingerprintFor(
  result: JsonObject,
  tool: string,
  ruleId: string,
  location: Location | undefined,
  message: string,
): string {
  const partial = asObject(result.partialFingerprints);
  const own = partial?.['gatehouse/v1'];
  if (typeof own === 'string' && own !== '') return own;
  // A tool's partial fingerprints (e.g. a line hash) identify a location, not a rule: hash them together.
  const prints = { ...asObject(result.fingerprints), ...partial };
  const entries = Object.entries(prints)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length > 0) return fingerprintOf(tool, ruleId, ...entries.flat());
  return fingerprintOf(tool, ruleId, location?.path, location?.line, message);
}

function fixText(result: JsonObject): string | undefined {
  if (!Array.isArray(result.fixes)) return undefined;
  for (const fix of result.fixes) {
    const text = isObject(fix) ? asString(asObject(fix.description)?.text) : undefined;
    if (text) return text;
  }
  return undefined;
}
