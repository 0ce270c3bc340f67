import { readFileSync } from 'node:fs';
import { countBySeverity, type Finding } from '@gatehouse/findings';
import { corpusPath, describeWithCorpus } from '../../../../test/support/corpora.js';
import { vulnerabilityFinding, type VulnerabilityInput } from '../build.js';
import { dedupeFindings } from '../dedupe.js';
import { readReport } from '../report.js';

function vuln(partial: Partial<VulnerabilityInput> & { source?: string }): Finding {
  const finding = vulnerabilityFinding({
    tool: 'trivy',
    id: 'CVE-2024-0001',
    severity: { severity: 'high', assumed: false },
    pkg: { name: 'lodash', version: '4.17.15', purl: 'pkg:npm/lodash@4.17.15' },
    location: { path: 'package-lock.json' },
    ...partial,
  });
  finding.properties.sources = [partial.source ?? `${partial.tool ?? 'trivy'}.json`];
  return finding;
}

describe('dedupeFindings', () => {
  it('counts one vulnerability in one package version from two scanners once, citing both', () => {
    const trivy = vuln({ aliases: ['GHSA-aaaa-bbbb-cccc'], fixedVersion: '4.17.21' });
    const grype = vuln({
      tool: 'grype',
      id: 'GHSA-aaaa-bbbb-cccc',
      severity: { severity: 'critical', assumed: false },
      location: { path: '/app/package-lock.json' },
    });
    const [merged, ...rest] = dedupeFindings([trivy, grype]);
    expect(rest).toEqual([]);
    expect(merged!.ruleId).toBe('CVE-2024-0001');
    expect(merged!.severity).toBe('critical');
    expect(merged!.properties.tools).toEqual(['trivy', 'grype']);
    expect(merged!.properties.sources).toEqual(['trivy.json', 'grype.json']);
    expect(merged!.properties.aliases).toEqual(['GHSA-aaaa-bbbb-cccc']);
    expect(merged!.properties.fixedVersion).toBe('4.17.21');
    expect(merged!.fix).toBe('upgrade lodash to 4.17.21');
  });

  it('matches purl against name, and a side without a version (npm audit) against any version', () => {
    const trivy = vuln({});
    const audit = vuln({ tool: 'npm audit', id: 'GHSA-x', aliases: ['CVE-2024-0001'], pkg: { name: 'lodash' } });
    expect(dedupeFindings([trivy, audit])).toHaveLength(1);
  });

  it('keeps different versions, different packages and different vulnerabilities apart', () => {
    const base = vuln({});
    const otherVersion = vuln({
      tool: 'grype',
      pkg: { name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
    });
    const otherPackage = vuln({
      tool: 'grype',
      pkg: { name: 'underscore', version: '4.17.15', purl: 'pkg:npm/underscore@4.17.15' },
    });
    const otherVuln = vuln({ tool: 'grype', id: 'CVE-2024-0002' });
    expect(dedupeFindings([base, otherVersion, otherPackage, otherVuln])).toHaveLength(4);
  });

  it('keeps one scanner reporting the same package in two lockfiles as two findings', () => {
    const a = vuln({ location: { path: 'a/package-lock.json' } });
    const b = vuln({ location: { path: 'b/package-lock.json' } });
    const grype = vuln({ tool: 'grype', location: { path: 'a/package-lock.json' } });
    const result = dedupeFindings([a, b, grype]);
    expect(result).toHaveLength(2);
    expect(result[0]!.properties.tools).toEqual(['trivy', 'grype']);
    expect(result[1]!.properties.tools).toEqual(['trivy']);
  });

  it('prefers a known severity over an assumed one, and stays unsuppressed unless every copy is suppressed', () => {
    const osv = vuln({ tool: 'osv-scanner', severity: { severity: 'medium', assumed: true } });
    const trivy = vuln({ severity: { severity: 'low', assumed: false } });
    trivy.properties.suppression = { kind: 'tool', reason: 'ignored', source: '.trivyignore' };
    const [merged] = dedupeFindings([osv, trivy]);
    expect(merged!.severity).toBe('low');
    expect(merged!.properties.severityAssumed).toBeUndefined();
    expect(merged!.properties.suppression).toBeUndefined();
    const both = dedupeFindings([
      { ...osv, properties: { ...osv.properties, suppression: { kind: 'tool', reason: 'x' } } },
      trivy,
    ]);
    expect(both[0]!.properties.suppression).toBeDefined();
  });

  it('merges other findings only on identical fingerprints', () => {
    const code = (fingerprint: string, tool: string): Finding => ({
      ruleId: 'js/xss',
      severity: 'high',
      title: 'XSS',
      message: 'm',
      location: { path: 'a.js', line: 1 },
      fingerprint,
      properties: { tools: [tool], sources: [`${tool}.sarif`] },
    });
    const result = dedupeFindings([code('f1', 'codeql'), code('f1', 'codeql-again'), code('f2', 'codeql')]);
    expect(result.map((f) => f.fingerprint)).toEqual(['f1', 'f2']);
    expect(result[0]!.properties.sources).toEqual(['codeql.sarif', 'codeql-again.sarif']);
  });
});

describeWithCorpus('scanner-outputs', 'dedupeFindings across real reports', () => {
  const read = (file: string) => readReport(readFileSync(corpusPath('scanner-outputs', file)), file).findings;

  it('the same report read twice counts once', () => {
    const once = read('trivy/trivy_alpine-310.json.golden');
    const twice = dedupeFindings([...once, ...read('trivy/trivy_alpine-310.json.golden')]);
    expect(twice).toHaveLength(once.length);
    expect(countBySeverity(twice)).toEqual(countBySeverity(once));
  });

  it("Grype's JSON and osv-scanner's groups keep their own packages apart", () => {
    const all = [
      ...read('grype/grype_TestJsonImgsPresenter.json'),
      ...read('osv-scanner/osv-scanner_machinejson_0.json'),
    ];
    // osv-scanner reports OSV-1 in mine1@1.2.3 in two lockfiles: two places, two findings.
    expect(dedupeFindings(all)).toHaveLength(all.length);
  });
});
