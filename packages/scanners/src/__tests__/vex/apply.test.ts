import { readFileSync } from 'node:fs';
import { isSuppressed, type Finding } from '@gatehouse/findings';
import { corpusPath, describeWithCorpus } from '../../../../../test/support/corpora.js';
import { vulnerabilityFinding } from '../../build.js';
import { applyVex } from '../../vex/apply.js';
import { readVex } from '../../vex/read.js';
import type { VexStatement } from '../../vex/statement.js';

function vuln(id: string, name: string, version: string | undefined, purl?: string, aliases: string[] = []): Finding {
  return vulnerabilityFinding({
    tool: 'trivy',
    id,
    aliases,
    severity: { severity: 'high', assumed: false },
    pkg: { name, version, purl },
    location: { path: 'package-lock.json' },
  });
}

function statement(partial: Partial<VexStatement>): VexStatement {
  return {
    vulnerability: 'CVE-2024-0001',
    aliases: [],
    products: [],
    status: 'not_affected',
    format: 'openvex',
    source: 'vex.json',
    ...partial,
  };
}

describe('applyVex', () => {
  const lodash15 = vuln('CVE-2024-0001', 'lodash', '4.17.15', 'pkg:npm/lodash@4.17.15');
  const lodash21 = vuln('CVE-2024-0001', 'lodash', '4.17.21', 'pkg:npm/lodash@4.17.21');
  const other = vuln('CVE-2024-0001', 'underscore', '1.0.0', 'pkg:npm/underscore@1.0.0');

  it('a purl without a version covers every version of that package, and nothing else', () => {
    const result = applyVex([lodash15, lodash21, other], [statement({ products: [{ purl: 'pkg:npm/lodash' }] })]);
    expect(result.findings.map(isSuppressed)).toEqual([true, true, false]);
    expect(result.findings[0]!.properties.suppression).toEqual({
      kind: 'vex',
      reason: 'not_affected',
      source: 'vex.json',
    });
    expect(result.matched).toHaveLength(1);
  });

  it('a purl with a version covers only that version; qualifiers are ignored', () => {
    const result = applyVex(
      [lodash15, lodash21],
      [
        statement({
          products: [{ purl: 'pkg:npm/lodash@4.17.15?repository_url=https://r.example' }],
          justification: 'inline_mitigations_already_exist',
          impact: 'sanitised upstream',
        }),
      ],
    );
    expect(result.findings.map(isSuppressed)).toEqual([true, false]);
    expect(result.findings[0]!.properties.suppression?.reason).toBe(
      'not_affected: inline_mitigations_already_exist — sanitised upstream',
    );
  });

  it('matches on an alias of the finding or of the statement', () => {
    const byFindingAlias = vuln('GHSA-aaaa-bbbb-cccc', 'lodash', '4.17.15', 'pkg:npm/lodash@4.17.15', [
      'CVE-2024-0001',
    ]);
    const byStatementAlias = vuln('GO-2024-1', 'lodash', '4.17.15', 'pkg:npm/lodash@4.17.15');
    const result = applyVex(
      [byFindingAlias, byStatementAlias],
      [
        statement({ products: [{ purl: 'pkg:npm/lodash' }] }),
        statement({ vulnerability: 'CVE-9', aliases: ['go-2024-1'], products: [{ purl: 'pkg:npm/lodash' }] }),
      ],
    );
    expect(result.findings.map(isSuppressed)).toEqual([true, true]);
  });

  it('matches a finding without a purl by package name (Maven group:artifact too)', () => {
    const named = vuln('CVE-2024-0001', 'org.example:core', '2.0');
    const result = applyVex([named], [statement({ products: [{ purl: 'pkg:maven/org.example/core@2.0' }] })]);
    expect(result.findings.map(isSuppressed)).toEqual([true]);
    const bare = applyVex(
      [vuln('CVE-2024-0001', 'lib', '1.0')],
      [statement({ products: [{ name: 'lib', version: '1.0' }] })],
    );
    expect(bare.findings.map(isSuppressed)).toEqual([true]);
  });

  it('a versioned product does not cover a finding whose version is unknown (npm audit)', () => {
    const unknown = vuln('CVE-2024-0001', 'lodash', undefined, 'pkg:npm/lodash');
    const result = applyVex([unknown], [statement({ products: [{ purl: 'pkg:npm/lodash@4.17.15' }] })]);
    expect(result.findings.map(isSuppressed)).toEqual([false]);
    expect(result.matched).toEqual([]);
  });

  it('affected and under_investigation never suppress, but count as matched', () => {
    const result = applyVex(
      [lodash15, lodash21],
      [
        statement({ status: 'affected', products: [{ purl: 'pkg:npm/lodash@4.17.15' }] }),
        statement({ status: 'under_investigation', products: [{ purl: 'pkg:npm/lodash@4.17.21' }] }),
      ],
    );
    expect(result.findings.map(isSuppressed)).toEqual([false, false]);
    expect(result.matched).toHaveLength(2);
  });

  it('fixed and false_positive suppress', () => {
    const result = applyVex(
      [lodash15, lodash21],
      [
        statement({ status: 'fixed', products: [{ purl: 'pkg:npm/lodash@4.17.15' }] }),
        statement({ status: 'false_positive', products: [{ purl: 'pkg:npm/lodash@4.17.21' }] }),
      ],
    );
    expect(result.findings.map((f) => f.properties.suppression?.reason)).toEqual(['fixed', 'false_positive']);
  });

  it('the latest statement decides: a later affected takes back an earlier not_affected', () => {
    const products = [{ purl: 'pkg:npm/lodash' }];
    const earlyNo = statement({ products, status: 'not_affected', timestamp: '2024-01-01T00:00:00Z' });
    const lateYes = statement({ products, status: 'affected', timestamp: '2024-06-01T00:00:00Z' });
    expect(applyVex([lodash15], [lateYes, earlyNo]).findings.map(isSuppressed)).toEqual([false]);
    expect(
      applyVex([lodash15], [earlyNo, { ...lateYes, timestamp: '2023-06-01T00:00:00Z' }]).findings.map(isSuppressed),
    ).toEqual([true]);
  });

  it('leaves findings without a package and already-suppressed findings as they are, and does not mutate input', () => {
    const code: Finding = {
      ruleId: 'CVE-2024-0001',
      severity: 'high',
      title: 't',
      message: 'm',
      fingerprint: 'f',
      properties: {},
    };
    const excepted = {
      ...lodash15,
      properties: { ...lodash15.properties, suppression: { kind: 'exception' as const, reason: 'ok' } },
    };
    const before = JSON.stringify([code, excepted, lodash21]);
    const result = applyVex([code, excepted, lodash21], [statement({ products: [{ purl: 'pkg:npm/lodash' }] })]);
    expect(result.findings[0]).toBe(code);
    expect(result.findings[1]!.properties.suppression?.kind).toBe('exception');
    expect(result.findings[2]!.properties.suppression?.kind).toBe('vex');
    expect(JSON.stringify([code, excepted, lodash21])).toBe(before);
  });
});

describeWithCorpus('scanner-outputs', 'applyVex with the public VEX documents', () => {
  const read = (file: string) => readVex(readFileSync(corpusPath('scanner-outputs', file)), file);

  it('OpenVEX with two statements: the later not_affected wins for spring-boot 2.6.0 only', () => {
    const statements = read('vex/trivy_openvex-multiple.json');
    const hit = vuln(
      'CVE-2021-44228',
      'org.springframework.boot:spring-boot',
      '2.6.0',
      'pkg:maven/org.springframework.boot/spring-boot@2.6.0',
    );
    const miss = vuln(
      'CVE-2021-44228',
      'org.springframework.boot:spring-boot',
      '2.7.0',
      'pkg:maven/org.springframework.boot/spring-boot@2.7.0',
    );
    const result = applyVex([hit, miss], statements);
    expect(result.findings.map(isSuppressed)).toEqual([true, false]);
    expect(result.findings[0]!.properties.suppression).toEqual({
      kind: 'vex',
      reason: 'not_affected: vulnerable_code_not_in_execute_path',
      source: 'vex/trivy_openvex-multiple.json',
    });
  });

  it('CycloneDX VEX: the purl in a BOM-Link covers the matching Debian package (percent-encoded name)', () => {
    const deb = vuln(
      'CVE-2022-27943',
      'libstdc++6',
      '12.3.0-1ubuntu1~22.04',
      'pkg:deb/ubuntu/libstdc%2B%2B6@12.3.0-1ubuntu1~22.04?arch=amd64',
    );
    const result = applyVex([deb], read('vex/trivy_cyclonedx-vex.json'));
    expect(result.findings.map(isSuppressed)).toEqual([true]);
  });

  it('CSAF VEX and OpenVEX subcomponents cover Go modules written with a "v" version', () => {
    const transitive = vuln(
      'CVE-2024-0001',
      'github.com/aquasecurity/go-transitive',
      '4.0.0',
      'pkg:golang/github.com/aquasecurity/go-transitive@4.0.0',
    );
    expect(applyVex([transitive], read('vex/trivy_csaf-vex.json')).findings.map(isSuppressed)).toEqual([true]);
    const opa = vuln(
      'CVE-2022-23628',
      'github.com/open-policy-agent/opa',
      'v0.35.0',
      'pkg:golang/github.com/open-policy-agent/opa@v0.35.0',
    );
    expect(applyVex([opa], read('vex/trivy_openvex.json')).findings.map(isSuppressed)).toEqual([true]);
  });
});
