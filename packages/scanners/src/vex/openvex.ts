import { asObject, asString, asStrings, isObject, Shape, unique, type JsonObject } from '../json.js';
import { idAliases, normaliseVexStatus, type VexProduct, type VexStatement } from './statement.js';

/** OpenVEX: statements[] with a vulnerability, products (and their subcomponents) and a status. */
export function readOpenVex(doc: JsonObject, source: string): VexStatement[] {
  const shape: Shape = new Shape(source, 'OpenVEX');
  const documentTime = asString(doc.timestamp);
  return shape.objects(doc.statements, 'statements').map((statement, i) => {
    const at = `statements[${i}]`;
    const vuln = statement.vulnerability;
    let id: string | undefined;
    let aliases: string[] = [];
    if (typeof vuln === 'string') id = asString(vuln);
    else if (isObject(vuln)) {
      id = asString(vuln.name) ?? asString(vuln['@id']);
      aliases = [...asStrings(vuln.aliases), ...(asString(vuln['@id']) ? [vuln['@id'] as string] : [])];
    }
    if (!id) shape.fail(`${at}.vulnerability`, 'names no vulnerability');
    const products = productsOf(shape, statement.products, `${at}.products`);
    const out: VexStatement = {
      vulnerability: id,
      aliases: unique([...aliases, ...aliases.flatMap(idAliases), ...idAliases(id)].filter((alias) => alias !== id)),
      products,
      status: normaliseVexStatus(statement.status, source, at),
      format: 'openvex',
      source,
    };
    const justification = asString(statement.justification);
    if (justification) out.justification = justification;
    const impact = asString(statement.impact_statement) ?? asString(statement.status_notes);
    if (impact) out.impact = impact;
    const timestamp = asString(statement.last_updated) ?? asString(statement.timestamp) ?? documentTime;
    if (timestamp) out.timestamp = timestamp;
    return out;
  });
}

/**
 * A product with subcomponents speaks about those subcomponents (the packages inside it that carry
 * the vulnerability); without, about the product itself.
 */
function productsOf(shape: Shape, value: unknown, at: string): VexProduct[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) shape.fail(at, 'is not an array');
  const products: VexProduct[] = [];
  value.forEach((entry, i) => {
    if (typeof entry === 'string') {
      products.push(productFromId(entry));
      return;
    }
    if (!isObject(entry)) shape.fail(`${at}[${i}]`, 'is not an object');
    const subcomponents = Array.isArray(entry.subcomponents) ? entry.subcomponents : [];
    if (subcomponents.length > 0) products.push(...productsOf(shape, subcomponents, `${at}[${i}].subcomponents`));
    else products.push(productOf(entry));
  });
  return products.filter((product) => product.purl || product.name);
}

function productOf(entry: JsonObject): VexProduct {
  const purl = asString(asObject(entry.identifiers)?.purl);
  if (purl) return { purl };
  return productFromId(asString(entry['@id']) ?? '');
}

function productFromId(id: string): VexProduct {
  return id.startsWith('pkg:') ? { purl: id } : id ? { name: id } : {};
}
