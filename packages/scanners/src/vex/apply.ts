import type { Finding } from '@gatehouse/findings';
import { packageKey, parsePurl, sameVersion, type PurlParts } from '../purl.js';
import { SUPPRESSING_STATUSES, type VexProduct, type VexStatement } from './statement.js';

export interface ApplyVexResult {
  /** The findings, with those a statement covers marked suppressed (new objects; the input is not changed). */
  findings: Finding[];
  /** The statements that matched at least one finding, whatever their status. */
  matched: VexStatement[];
}

/**
 * Suppresses the vulnerability findings that a not_affected, fixed or false_positive statement
 * covers. A statement covers a finding when they share an id (or alias) and one of its products is
 * the finding's package: a purl without a version matches any version, one with a version only that
 * version (qualifiers ignored); a bare name matches the package name. When several statements cover
 * a finding the latest one decides, so a later "affected" takes back an earlier "not_affected".
 */
export function applyVex(findings: readonly Finding[], statements: readonly VexStatement[]): ApplyVexResult {
  const byId = new Map<string, Array<{ statement: VexStatement; order: number }>>();
  statements.forEach((statement, order) => {
    for (const id of new Set([statement.vulnerability, ...statement.aliases].map(normaliseId))) {
      const list = byId.get(id) ?? [];
      list.push({ statement, order });
      byId.set(id, list);
    }
  });
  const matched = new Set<VexStatement>();
  const out = findings.map((finding) => {
    const pkg = finding.properties.package;
    if (!pkg) return finding;
    const ids = new Set([finding.ruleId, ...(finding.properties.aliases ?? [])].map(normaliseId));
    const candidates = new Map<VexStatement, number>();
    for (const id of ids) for (const entry of byId.get(id) ?? []) candidates.set(entry.statement, entry.order);
    const target = findingPackage(pkg.name, pkg.version, pkg.purl);
    let decisive: { statement: VexStatement; order: number } | undefined;
    for (const [statement, order] of candidates) {
      if (!statement.products.some((product) => productMatches(product, target))) continue;
      matched.add(statement);
      if (!decisive || later(statement, order, decisive.statement, decisive.order)) decisive = { statement, order };
    }
    if (!decisive || !SUPPRESSING_STATUSES.has(decisive.statement.status) || finding.properties.suppression) {
      return finding;
    }
    const { statement } = decisive;
    const reason = [
      statement.status + (statement.justification ? `: ${statement.justification}` : ''),
      statement.impact,
    ]
      .filter(Boolean)
      .join(' — ');
    return {
      ...finding,
      properties: { ...finding.properties, suppression: { kind: 'vex' as const, reason, source: statement.source } },
    };
  });
  return { findings: out, matched: statements.filter((statement) => matched.has(statement)) };
}

function normaliseId(id: string): string {
  return id.trim().toUpperCase();
}

interface TargetPackage {
  name: string;
  version?: string;
  purl?: PurlParts;
}

function findingPackage(name: string, version: string | undefined, purl: string | undefined): TargetPackage {
  const parts = parsePurl(purl);
  const target: TargetPackage = { name: name.toLowerCase() };
  const effectiveVersion = parts?.version ?? version;
  if (effectiveVersion) target.version = effectiveVersion;
  if (parts) target.purl = parts;
  return target;
}

function productMatches(product: VexProduct, target: TargetPackage): boolean {
  const parts = parsePurl(product.purl);
  if (parts) {
    if (target.purl) {
      if (packageKey(parts) !== packageKey(target.purl)) return false;
    } else if (!nameVariants(parts).includes(target.name)) return false;
    return versionMatches(parts.version, target.version);
  }
  if (!product.name || product.name.toLowerCase() !== target.name) return false;
  return versionMatches(product.version, target.version);
}

/** How scanners spell a purl's package without a purl: name, namespace/name (npm scopes, Go), namespace:name (Maven). */
function nameVariants(parts: PurlParts): string[] {
  const name = parts.name.toLowerCase();
  if (!parts.namespace) return [name];
  const namespace = parts.namespace.toLowerCase();
  return [name, `${namespace}/${name}`, `${namespace}:${name}`];
}

/** A product without a version covers every version; with one, only a finding known to have it. */
function versionMatches(wanted: string | undefined, actual: string | undefined): boolean {
  if (!wanted) return true;
  return actual !== undefined && sameVersion(wanted, actual);
}

function later(a: VexStatement, aOrder: number, b: VexStatement, bOrder: number): boolean {
  const aTime = a.timestamp ? Date.parse(a.timestamp) : NaN;
  const bTime = b.timestamp ? Date.parse(b.timestamp) : NaN;
  if (!Number.isNaN(aTime) && !Number.isNaN(bTime) && aTime !== bTime) return aTime > bTime;
  return aOrder > bOrder;
}
