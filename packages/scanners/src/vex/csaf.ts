import { asObject, asString, asStrings, isObject, Shape, unique, type JsonObject } from '../json.js';
import { normaliseVexStatus, type VexProduct, type VexStatement } from './statement.js';

const STATUS_GROUPS = [
  'known_not_affected',
  'fixed',
  'first_fixed',
  'known_affected',
  'first_affected',
  'last_affected',
  'under_investigation',
] as const;

/**
 * CSAF VEX: each vulnerability's product_status groups, with product ids resolved through the
 * product tree to purls (a relationship resolves to the component it names).
 */
export function readCsafVex(doc: JsonObject, source: string): VexStatement[] {
  const shape: Shape = new Shape(source, 'CSAF VEX');
  const products = new Map<string, VexProduct>();
  const tree = shape.object(doc.product_tree, 'product_tree');
  if (tree) {
    collectBranches(tree.branches, products);
    for (const full of Array.isArray(tree.full_product_names) ? tree.full_product_names : [])
      addProduct(full, products);
    for (const relationship of Array.isArray(tree.relationships) ? tree.relationships : []) {
      if (!isObject(relationship)) continue;
      const id = asString(asObject(relationship.full_product_name)?.product_id);
      const component = products.get(asString(relationship.product_reference) ?? '');
      if (id && component && !products.has(id)) products.set(id, component);
    }
  }
  const tracking = asObject(asObject(doc.document)?.tracking);
  const documentTime = asString(tracking?.current_release_date);

  const statements: VexStatement[] = [];
  shape.objects(doc.vulnerabilities, 'vulnerabilities').forEach((vuln, i) => {
    const at = `vulnerabilities[${i}]`;
    const ids = shape
      .objects(vuln.ids, `${at}.ids`)
      .map((entry) => asString(entry.text))
      .filter((value): value is string => value !== undefined);
    const id = asString(vuln.cve) ?? ids[0];
    if (!id) shape.fail(at, 'has neither a cve nor ids');
    const status = shape.object(vuln.product_status, `${at}.product_status`) ?? {};
    const flags = shape.objects(vuln.flags, `${at}.flags`);
    const threats = shape.objects(vuln.threats, `${at}.threats`).filter((threat) => threat.category === 'impact');
    for (const group of STATUS_GROUPS) {
      const productIds = asStrings(status[group]);
      if (productIds.length === 0) continue;
      const statement: VexStatement = {
        vulnerability: id,
        aliases: unique(ids.filter((alias) => alias !== id)),
        products: productIds
          .map((productId) => products.get(productId))
          .filter((product): product is VexProduct => product !== undefined),
        status: normaliseVexStatus(group, source, `${at}.product_status`),
        format: 'csaf-vex',
        source,
      };
      const justification = flags.find((flag) => appliesTo(flag, productIds))?.label;
      if (typeof justification === 'string') statement.justification = justification;
      const impact = threats.find((threat) => appliesTo(threat, productIds))?.details;
      if (typeof impact === 'string') statement.impact = impact;
      const timestamp = asString(vuln.release_date) ?? documentTime;
      if (timestamp) statement.timestamp = timestamp;
      statements.push(statement);
    }
  });
  return statements;
}

/** A flag or threat without product ids applies to every product of the vulnerability. */
function appliesTo(entry: JsonObject, productIds: string[]): boolean {
  const ids = asStrings(entry.product_ids);
  return ids.length === 0 || ids.some((id) => productIds.includes(id));
}

function collectBranches(value: unknown, into: Map<string, VexProduct>): void {
  if (!Array.isArray(value)) return;
  for (const branch of value) {
    if (!isObject(branch)) continue;
    addProduct(branch.product, into);
    collectBranches(branch.branches, into);
  }
}

function addProduct(value: unknown, into: Map<string, VexProduct>): void {
  if (!isObject(value)) return;
  const id = asString(value.product_id);
  if (!id) return;
  const purl = asString(asObject(value.product_identification_helper)?.purl);
  const name = asString(value.name);
  if (purl) into.set(id, { purl });
  else if (name) into.set(id, { name });
}
