import { isSuppressed, severityRank, type Finding } from '@gatehouse/findings';
import { unique } from './json.js';
import { packageKey, parsePurl, sameVersion } from './purl.js';

interface Merged {
  finding: Finding;
  ids: Set<string>;
  copies: Finding[];
}

/**
 * The same vulnerability in the same package and version, reported by two scanners, counts once: a
 * match on id or alias, on purl (or package name when one side has no purl) and on version (a side
 * that does not know the version, like npm audit, matches any). The merged finding cites every tool
 * and source, keeps the highest known severity, and stays unsuppressed unless every copy was
 * suppressed. One scanner's two reports of a package in two places stay two findings. Other findings
 * merge only when their fingerprints are identical.
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const merged: Merged[] = [];
  const byFingerprint = new Map<string, Merged>();
  const byId = new Map<string, Merged[]>();

  for (const finding of findings) {
    const same = byFingerprint.get(finding.fingerprint);
    if (same) {
      same.copies.push(finding);
      continue;
    }
    const pkg = finding.properties.package;
    const ids = new Set([finding.ruleId, ...(finding.properties.aliases ?? [])].map((id) => id.trim().toUpperCase()));
    let target: Merged | undefined;
    if (pkg) {
      for (const id of ids) {
        target = byId.get(id)?.find((candidate) => sameVulnerability(candidate, finding));
        if (target) break;
      }
    }
    if (target) {
      target.copies.push(finding);
      for (const id of ids) {
        if (target.ids.has(id)) continue;
        target.ids.add(id);
        register(byId, id, target);
      }
      continue;
    }
    const entry: Merged = { finding, ids, copies: [finding] };
    merged.push(entry);
    byFingerprint.set(finding.fingerprint, entry);
    if (pkg) for (const id of ids) register(byId, id, entry);
  }
  return merged.map((entry) => (entry.copies.length === 1 ? entry.finding : combine(entry.copies)));
}

function register(byId: Map<string, Merged[]>, id: string, entry: Merged): void {
  const list = byId.get(id);
  if (list) list.push(entry);
  else byId.set(id, [entry]);
}

function sameVulnerability(candidate: Merged, finding: Finding): boolean {
  const a = candidate.finding;
  if (!samePackage(a, finding)) return false;
  const toolsA = new Set(candidate.copies.flatMap((copy) => copy.properties.tools ?? []));
  const toolsB = finding.properties.tools ?? [];
  const sharedTool = toolsB.some((tool) => toolsA.has(tool));
  return !sharedTool || a.location?.path === finding.location?.path;
}

function samePackage(a: Finding, b: Finding): boolean {
  const pa = a.properties.package!;
  const pb = b.properties.package;
  if (!pb) return false;
  const purlA = parsePurl(pa.purl);
  const purlB = parsePurl(pb.purl);
  if (purlA && purlB) {
    if (packageKey(purlA) !== packageKey(purlB)) return false;
  } else if (!namesOf(pa.name, purlA).some((name) => namesOf(pb.name, purlB).includes(name))) {
    return false;
  }
  const versionA = pa.version ?? purlA?.version;
  const versionB = pb.version ?? purlB?.version;
  return !versionA || !versionB || sameVersion(versionA, versionB);
}

function namesOf(name: string, purl: ReturnType<typeof parsePurl>): string[] {
  const names = [name.toLowerCase()];
  if (purl) {
    const n = purl.name.toLowerCase();
    names.push(n);
    if (purl.namespace) names.push(`${purl.namespace.toLowerCase()}/${n}`, `${purl.namespace.toLowerCase()}:${n}`);
  }
  return names;
}

function combine(copies: Finding[]): Finding {
  // An assumed severity is no evidence: a scanner that knows the severity outranks one that guessed.
  const known = copies.filter((copy) => !copy.properties.severityAssumed);
  const pool = known.length > 0 ? known : copies;
  const strongest = pool.reduce((best, copy) =>
    severityRank(copy.severity) > severityRank(best.severity) ? copy : best,
  );
  const unsuppressed = copies.find((copy) => !isSuppressed(copy));
  const base = unsuppressed ?? copies[0]!;
  const properties: Finding['properties'] = { ...base.properties };
  const tools = unique(copies.flatMap((copy) => copy.properties.tools ?? []));
  if (tools.length > 0) properties.tools = tools;
  const sources = unique(copies.flatMap((copy) => copy.properties.sources ?? []));
  if (sources.length > 0) properties.sources = sources;
  const ids = unique(copies.flatMap((copy) => [copy.ruleId, ...(copy.properties.aliases ?? [])])).filter(
    (id) => id !== base.ruleId,
  );
  if (ids.length > 0) properties.aliases = ids;
  const fixedVersion = copies.find((copy) => copy.properties.fixedVersion)?.properties.fixedVersion;
  if (fixedVersion) properties.fixedVersion = fixedVersion;
  const pkg = base.properties.package;
  if (pkg) {
    const version = copies.find((copy) => copy.properties.package?.version)?.properties.package?.version;
    const purl = copies.find((copy) => copy.properties.package?.purl)?.properties.package?.purl;
    properties.package = { ...pkg, ...(version ? { version } : {}), ...(purl ? { purl } : {}) };
  }
  if (strongest.properties.severityAssumed) properties.severityAssumed = true;
  else delete properties.severityAssumed;
  if (unsuppressed) delete properties.suppression;
  const result: Finding = { ...base, severity: strongest.severity, properties };
  const fix = base.fix ?? copies.find((copy) => copy.fix)?.fix;
  if (fix) result.fix = fix;
  return result;
}
