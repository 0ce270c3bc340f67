import type { FindingProperties, Suppression } from '@gatehouse/findings';
import { asObject, asString, asStrings, type JsonObject } from './json.js';

const WELL_KNOWN = new Set([
  'suppression',
  'security-severity',
  'gatehouse/severity',
  'gatehouse/fix',
  'tools',
  'aliases',
  'package',
  'fixedVersion',
  'tags',
  'sources',
  'severityAssumed',
  'helpUri',
]);

/**
 * A property bag read from a file, carried through; the well-known keys only when they have the
 * right shape. `suppression` only when the file is ours: a scanner's property bag must not be able
 * to suppress a finding.
 */
export function sanitizeProperties(raw: JsonObject, options: { trustSuppression?: boolean } = {}): FindingProperties {
  const out: FindingProperties = {};
  for (const [key, value] of Object.entries(raw)) {
    // "__proto__" from JSON.parse is an own key; assigning it would set the prototype (and with it an inherited `suppression`).
    if (!WELL_KNOWN.has(key) && key !== '__proto__') out[key] = value;
  }
  const tools = asStrings(raw.tools);
  if (tools.length > 0) out.tools = tools;
  const sources = asStrings(raw.sources);
  if (sources.length > 0) out.sources = sources;
  const aliases = asStrings(raw.aliases);
  if (aliases.length > 0) out.aliases = aliases;
  const tags = asStrings(raw.tags);
  if (tags.length > 0) out.tags = tags;
  const pkg = asObject(raw.package);
  const name = asString(pkg?.name);
  if (pkg && name) {
    out.package = { name };
    for (const key of ['version', 'purl', 'ecosystem'] as const) {
      const value = asString(pkg[key]);
      if (value) out.package[key] = value;
    }
  }
  const fixedVersion = asString(raw.fixedVersion);
  if (fixedVersion) out.fixedVersion = fixedVersion;
  const helpUri = asString(raw.helpUri);
  if (helpUri) out.helpUri = helpUri;
  if (raw.severityAssumed === true) out.severityAssumed = true;
  if (options.trustSuppression) {
    const suppression = suppressionFrom(raw.suppression);
    if (suppression) out.suppression = suppression;
  }
  return out;
}

/** A Suppression written by Gatehouse, or undefined when the value is not one. */
export function suppressionFrom(value: unknown): Suppression | undefined {
  const raw = asObject(value);
  const kind = raw?.kind;
  const reason = asString(raw?.reason);
  if (!raw || (kind !== 'exception' && kind !== 'vex' && kind !== 'tool') || !reason) return undefined;
  const suppression: Suppression = { kind, reason };
  for (const key of ['owner', 'expires', 'source'] as const) {
    const text = asString(raw[key]);
    if (text) suppression[key] = text;
  }
  return suppression;
}
