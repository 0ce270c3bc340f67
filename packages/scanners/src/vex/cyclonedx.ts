import { asObject, asString, isObject, Shape, unique, type JsonObject } from '../json.js';
import { idAliases, normaliseVexStatus, type VexProduct, type VexStatement } from './statement.js';

/**
 * CycloneDX VEX: vulnerabilities[] with analysis.state; affects[].ref names a component by bom-ref
 * (resolved to its purl), by BOM-Link (urn:cdx:…#bom-ref) or by purl. An entry without an analysis
 * makes no VEX claim and is left out.
 */
export function readCycloneDxVex(doc: JsonObject, source: string): VexStatement[] {
  const shape: Shape = new Shape(source, 'CycloneDX VEX');
  const components = new Map<string, VexProduct>();
  collectComponents(shape, asObject(doc.metadata)?.component, components);
  for (const component of shape.objects(doc.components, 'components')) collectComponents(shape, component, components);
  const documentTime = asString(asObject(doc.metadata)?.timestamp);

  const statements: VexStatement[] = [];
  shape.objects(doc.vulnerabilities, 'vulnerabilities').forEach((vuln, i) => {
    const at = `vulnerabilities[${i}]`;
    const analysis = shape.object(vuln.analysis, `${at}.analysis`);
    if (!analysis || analysis.state === undefined) return;
    const id = asString(vuln.id);
    if (!id) shape.fail(`${at}.id`, 'is missing');
    const references = shape
      .objects(vuln.references, `${at}.references`)
      .map((reference) => asString(reference.id))
      .filter((value): value is string => value !== undefined);
    const products = shape
      .objects(vuln.affects, `${at}.affects`)
      .map((affect) => resolveRef(asString(affect.ref), components))
      .filter((product): product is VexProduct => product !== undefined);
    const statement: VexStatement = {
      vulnerability: id,
      aliases: unique([...references, ...idAliases(id)].filter((alias) => alias !== id)),
      products,
      status: normaliseVexStatus(analysis.state, source, `${at}.analysis.state`),
      format: 'cyclonedx-vex',
      source,
    };
    const justification = asString(analysis.justification);
    if (justification) statement.justification = justification;
    const detail = asString(analysis.detail);
    if (detail) statement.impact = detail;
    const timestamp =
      asString(analysis.lastUpdated) ?? asString(analysis.firstIssued) ?? asString(vuln.updated) ?? documentTime;
    if (timestamp) statement.timestamp = timestamp;
    statements.push(statement);
  });
  return statements;
}

function collectComponents(shape: Shape, value: unknown, into: Map<string, VexProduct>): void {
  if (!isObject(value)) return;
  const ref = asString(value['bom-ref']);
  const purl = asString(value.purl);
  const name = asString(value.name);
  if (ref && (purl || name)) {
    const product: VexProduct = purl ? { purl } : { name: name! };
    const version = asString(value.version);
    if (!purl && version) product.version = version;
    into.set(ref, product);
  }
  for (const child of shape.objects(value.components, `components of ${ref ?? name ?? 'a component'}`)) {
    collectComponents(shape, child, into);
  }
}

function resolveRef(ref: string | undefined, components: Map<string, VexProduct>): VexProduct | undefined {
  if (!ref) return undefined;
  const known = components.get(ref);
  if (known) return known;
  if (ref.startsWith('urn:cdx:') && ref.includes('#')) {
    let fragment = ref.slice(ref.indexOf('#') + 1);
    if (!fragment.startsWith('pkg:')) {
      try {
        fragment = decodeURIComponent(fragment);
      } catch {
        return undefined;
      }
    }
    return components.get(fragment) ?? (fragment.startsWith('pkg:') ? { purl: fragment } : undefined);
  }
  return ref.startsWith('pkg:') ? { purl: ref } : undefined;
}
