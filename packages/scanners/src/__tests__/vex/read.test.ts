import { readFileSync } from 'node:fs';
import { UsageError } from '@gatehouse/findings';
import { corpusPath, describeWithCorpus } from '../../../../../test/support/corpora.js';
import { readVex } from '../../vex/read.js';

function corpus(file: string): Buffer {
  return readFileSync(corpusPath('scanner-outputs', file));
}

/*
 * Expected statements were read off the raw documents: jq '.statements' for OpenVEX,
 * jq '[.vulnerabilities[] | select(.analysis.state)]' for CycloneDX, and each non-empty
 * product_status group of each vulnerability for CSAF.
 */
describeWithCorpus('scanner-outputs', 'readVex on the public VEX documents', () => {
  it('OpenVEX: vulnerability name, product purls, status and justification', () => {
    expect(readVex(corpus('vex/trivy_pkg-vex_openvex.json'), 'vex/trivy_pkg-vex_openvex.json')).toEqual([
      {
        vulnerability: 'CVE-2021-44228',
        aliases: [],
        products: [{ purl: 'pkg:maven/org.springframework.boot/spring-boot@2.6.0' }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        timestamp: '2023-01-16T19:07:16.853479631-06:00',
        format: 'openvex',
        source: 'vex/trivy_pkg-vex_openvex.json',
      },
    ]);
  });

  it('OpenVEX: two statements on one vulnerability keep their own times', () => {
    const statements = readVex(corpus('vex/trivy_openvex-multiple.json'), 'm.json');
    expect(statements.map((s) => [s.status, s.timestamp])).toEqual([
      ['affected', '2023-01-15T01:02:03.853479631-06:00'],
      ['not_affected', '2023-01-16T19:07:16.853479631-06:00'],
    ]);
  });

  it('OpenVEX: a product with subcomponents speaks about the subcomponents; @id names the vulnerability', () => {
    const [statement] = readVex(corpus('vex/trivy_openvex.json'), 'p.json');
    expect(statement).toMatchObject({
      vulnerability: 'CVE-2022-23628',
      products: [{ purl: 'pkg:golang/github.com/open-policy-agent/opa@v0.35.0' }],
      status: 'not_affected',
      impact: "The vulnerable code isn't called",
    });
  });

  it('CycloneDX VEX: analysis.state normalised; BOM-Link refs resolved to purls', () => {
    const statements = readVex(corpus('vex/trivy_cyclonedx-vex.json'), 'c.json');
    expect(statements.map((s) => [s.vulnerability, s.status, s.justification, s.products])).toEqual([
      [
        'CVE-2021-44228',
        'not_affected',
        'code_not_reachable',
        [{ purl: 'pkg:maven/org.springframework.boot/spring-boot@2.6.0' }],
      ],
      [
        'CVE-2022-27943',
        'not_affected',
        undefined,
        [{ purl: 'pkg:deb/ubuntu/libstdc%2B%2B6@12.3.0-1ubuntu1~22.04?arch=amd64&distro=ubuntu-22.04' }],
      ],
    ]);
  });

  it('CycloneDX with vulnerabilities: references become aliases, bom-refs resolve through components', () => {
    const [snyk] = readVex(corpus('cyclonedx/cdx-spec_valid-vulnerability-1.6.json'), 'v.json');
    expect(snyk).toMatchObject({
      vulnerability: 'SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111',
      aliases: ['CVE-2018-7489'],
      status: 'not_affected',
      justification: 'code_not_reachable',
      products: [{ purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4' }],
      timestamp: '2022-02-01T00:00:00.000Z',
    });
    // Grype's CycloneDX output lists vulnerabilities without an analysis: no VEX claim at all.
    expect(readVex(corpus('grype/grype_cyclonedx-vex_image.golden'), 'g.json')).toEqual([]);
    // An SBOM is a CycloneDX document that says nothing about vulnerabilities.
    expect(readVex(corpus('cyclonedx/syft_TestCycloneDxDirectoryEncoder.cdx.json'), 's.json')).toEqual([]);
  });

  it('CSAF VEX: product ids resolved through the product tree; threats give the impact', () => {
    expect(readVex(corpus('vex/trivy_csaf-vex.json'), 'csaf.json')).toEqual([
      {
        vulnerability: 'CVE-2024-0001',
        aliases: [],
        products: [{ purl: 'pkg:golang/github.com/aquasecurity/go-transitive@v4.0.0' }],
        status: 'not_affected',
        impact: 'vulnerable_code_not_in_execute_path',
        timestamp: '2022-03-03T11:00:00.000Z',
        format: 'csaf-vex',
        source: 'csaf.json',
      },
    ]);
  });

  it('refuses findings reports, SPDX and malformed JSON with one line naming the file', () => {
    expect(() => readVex(corpus('trivy/trivy_npm.json.golden'), 'trivy.json')).toThrow(
      /^trivy\.json: is a trivy findings report, not a VEX document/,
    );
    expect(() => readVex(corpus('spdx/trivy_centos-7-spdx.json'), 'spdx.json')).toThrow(
      /spdx SBOM, not a VEX document/,
    );
    expect(() => readVex('{"@context": "https://openvex.dev/ns", "statements": [', 'cut.json')).toThrow(
      /cut\.json: not valid JSON \(truncated or malformed.*expected OpenVEX, CycloneDX VEX or CSAF VEX/,
    );
  });
});

describe('readVex statuses', () => {
  const openvex = (status: string) =>
    JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      statements: [{ vulnerability: { name: 'CVE-1' }, products: [{ '@id': 'pkg:npm/a' }], status }],
    });

  it.each([
    ['not_affected', 'not_affected'],
    ['Not-Affected', 'not_affected'],
    ['fixed', 'fixed'],
    ['affected', 'affected'],
    ['under_investigation', 'under_investigation'],
  ])('reads %s as %s', (raw, status) => {
    expect(readVex(openvex(raw), 'v.json')[0]!.status).toBe(status);
  });

  it('refuses an unknown status instead of guessing', () => {
    expect(() => readVex(openvex('probably_fine'), 'v.json')).toThrow(UsageError);
    expect(() => readVex(openvex('constructor'), 'v.json')).toThrow(UsageError);
    expect(() => readVex(openvex('probably_fine'), 'v.json')).toThrow(
      /v\.json: statements\[0\] has status "probably_fine"/,
    );
  });

  it.each([
    ['resolved', 'fixed'],
    ['resolved_with_pedigree', 'fixed'],
    ['false_positive', 'false_positive'],
    ['exploitable', 'affected'],
    ['in_triage', 'under_investigation'],
  ])('CycloneDX state %s is %s', (state, status) => {
    const doc = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [{ 'bom-ref': 'c1', name: 'lib', version: '1.0' }],
      vulnerabilities: [{ id: 'CVE-1', analysis: { state }, affects: [{ ref: 'c1' }] }],
    };
    const [statement] = readVex(JSON.stringify(doc), 'c.json');
    expect(statement!.status).toBe(status);
    expect(statement!.products).toEqual([{ name: 'lib', version: '1.0' }]);
  });
});
