import { readFileSync } from 'node:fs';
import { countBySeverity, isSuppressed, SEVERITIES, UsageError, type Severity } from '@gatehouse/findings';
import { corpusPath, describeWithCorpus } from '../../../../test/support/corpora.js';
import { readReport, type ReportFormat } from '../report.js';

type Counts = Partial<Record<Severity, number>>;

interface Expected {
  file: string;
  format: ReportFormat;
  tool: string;
  counts: Counts;
  suppressed: number;
  /** Findings whose severity was assumed (no severity in the report). */
  assumed?: number;
}

/*
 * Every expected number below was worked out from the raw JSON, not from this reader's output:
 * - Trivy: jq '[.Results[]? | ((.Vulnerabilities//[])[] | .Severity),
 *     ((.Misconfigurations//[])[] | select(.Status=="FAIL") | .Severity), ((.Secrets//[])[] | .Severity)]
 *     | group_by(ascii_downcase) | map({(.[0]|ascii_downcase): length}) | add'
 *   and suppressed = jq '[.Results[]? | (.ExperimentalModifiedFindings//[])[]] | length'.
 * - Grype: jq '[.matches[] | .vulnerability.severity | ascii_downcase] | group_by(.) | ...' ;
 *   suppressed = jq '.ignoredMatches // [] | length'.
 * - osv-scanner: jq '[.results[].packages[] | (.groups // [])[] | .max_severity]' read as CVSS by
 *   the GitHub bands; "" or null → medium, assumed.
 * - npm audit: jq '[.vulnerabilities[] | .via[] | objects | .severity] | group_by(.) | ...'
 *   (moderate → medium). metadata.vulnerabilities counts packages, not advisories, so it differs.
 * - SARIF: a separate Python script applying the rules (result/rule security-severity by the
 *   CVSS bands, then result.level, then the rule's defaultConfiguration.level, else warning;
 *   suppressions with status absent or accepted count as suppressed).
 */
const REPORTS: Expected[] = [
  {
    file: 'trivy/trivy-action_config-scan_misconfig.json',
    format: 'trivy',
    tool: 'trivy',
    counts: { high: 5, medium: 1, low: 2 },
    suppressed: 0,
  },
  {
    file: 'trivy/trivy-action_secret-scan.json',
    format: 'trivy',
    tool: 'trivy',
    counts: { critical: 1 },
    suppressed: 0,
  },
  { file: 'trivy/trivy_alpine-310.json.golden', format: 'trivy', tool: 'trivy', counts: { medium: 4 }, suppressed: 0 },
  { file: 'trivy/trivy_dockerfile.json.golden', format: 'trivy', tool: 'trivy', counts: { high: 1 }, suppressed: 0 },
  {
    file: 'trivy/trivy_npm-with-suppressed.json.golden',
    format: 'trivy',
    tool: 'trivy',
    counts: { high: 1 },
    suppressed: 1,
  },
  { file: 'trivy/trivy_npm.json.golden', format: 'trivy', tool: 'trivy', counts: { medium: 1 }, suppressed: 0 },
  {
    file: 'trivy/trivy_secrets.json.golden',
    format: 'trivy',
    tool: 'trivy',
    counts: { critical: 1, high: 1 },
    suppressed: 0,
  },
  {
    file: 'trivy/trivy-action_config-sarif-report.sarif',
    format: 'sarif',
    tool: 'Trivy',
    counts: { high: 5, medium: 1, low: 2 },
    suppressed: 0,
  },
  { file: 'trivy/trivy_alpine-310.sarif.golden', format: 'sarif', tool: 'Trivy', counts: { medium: 4 }, suppressed: 0 },
  {
    file: 'grype/grype_TestJsonDirsPresenter.json',
    format: 'grype',
    tool: 'grype',
    counts: { critical: 1, low: 1 },
    suppressed: 0,
  },
  {
    file: 'grype/grype_TestJsonImgsPresenter.json',
    format: 'grype',
    tool: 'grype',
    counts: { critical: 1, low: 1 },
    suppressed: 0,
  },
  // Grype's SARIF puts the CVSS base score (8.2, 8.5) in security-severity, which outranks its level.
  {
    file: 'grype/grype_TestSarifPresenter_image.sarif',
    format: 'sarif',
    tool: 'grype',
    counts: { high: 2 },
    suppressed: 0,
  },
  {
    file: 'osv-scanner/osv-scanner_filter_some_want.json',
    format: 'osv-scanner',
    tool: 'osv-scanner',
    counts: { medium: 4 },
    suppressed: 0,
    assumed: 4,
  },
  {
    file: 'osv-scanner/osv-scanner_machinejson_0.json',
    format: 'osv-scanner',
    tool: 'osv-scanner',
    counts: { high: 1, medium: 2 },
    suppressed: 0,
    assumed: 2,
  },
  {
    file: 'osv-scanner/osv-scanner_machinejson_1.json',
    format: 'osv-scanner',
    tool: 'osv-scanner',
    counts: { critical: 1 },
    suppressed: 0,
  },
  {
    file: 'npm-audit/npm-audit-report_gatsby.json',
    format: 'npm-audit',
    tool: 'npm audit',
    counts: { low: 2 },
    suppressed: 0,
  },
  {
    file: 'npm-audit/npm-audit-report_nyc-mkdirp.json',
    format: 'npm-audit',
    tool: 'npm audit',
    counts: { critical: 1, high: 8, medium: 1, low: 3 },
    suppressed: 0,
  },
  {
    file: 'npm-audit/npm-audit-report_one-vuln.json',
    format: 'npm-audit',
    tool: 'npm audit',
    counts: { low: 1 },
    suppressed: 0,
  },
  {
    file: 'npm-audit/npm-cli_tap-snapshot_json-audit.json',
    format: 'npm-audit',
    tool: 'npm audit',
    counts: { high: 1 },
    suppressed: 0,
  },
  {
    file: 'npm-audit/real-world_npm-audit-v2_live-server.json',
    format: 'npm-audit',
    tool: 'npm audit',
    counts: { high: 2, medium: 2 },
    suppressed: 0,
  },
  {
    file: 'codeql/codeql-action_valid-sarif.sarif',
    format: 'sarif',
    tool: 'LGTM.com, CodeQL command-line toolchain',
    counts: { low: 3 },
    suppressed: 0,
  },
  {
    file: 'semgrep/semgrep_test_sarif_output_with_nosemgrep_and_error.sarif',
    format: 'sarif',
    tool: 'Semgrep OSS',
    counts: {},
    suppressed: 1,
  },
  {
    file: 'semgrep/semgrep_test_sarif_sca_output_ansi-html.sarif',
    format: 'sarif',
    tool: 'semgrep',
    counts: { high: 1 },
    suppressed: 0,
  },
];

/** Documents that are not findings reports: SBOMs, VEX, the SARIF schema, an ignore file. */
const NOT_REPORTS: Array<{ file: string; says: RegExp }> = [
  { file: 'cyclonedx/cdx-spec_valid-dependency-1.6.json', says: /CycloneDX SBOM, not a findings report/ },
  { file: 'cyclonedx/cdx-spec_valid-evidence-1.6.json', says: /CycloneDX SBOM, not a findings report/ },
  { file: 'cyclonedx/cdx-spec_valid-machine-learning-1.6.json', says: /CycloneDX SBOM, not a findings report/ },
  { file: 'cyclonedx/cdx-spec_valid-machine-learning-1.7.json', says: /CycloneDX SBOM, not a findings report/ },
  { file: 'cyclonedx/syft_TestCycloneDxDirectoryEncoder.cdx.json', says: /CycloneDX SBOM, not a findings report/ },
  { file: 'cyclonedx/trivy_centos-7-cyclonedx.json', says: /CycloneDX SBOM, not a findings report/ },
  { file: 'cyclonedx/cdx-spec_valid-vulnerability-1.6.json', says: /CycloneDX VEX document, not a findings report/ },
  { file: 'grype/grype_cyclonedx-vex_image.golden', says: /CycloneDX VEX document, not a findings report/ },
  { file: 'spdx/spdx-spec_3.0_jsonld_package_sbom.json', says: /SPDX SBOM, not a findings report/ },
  { file: 'spdx/syft_TestSPDXJSONDirectoryEncoder.spdx.json', says: /SPDX SBOM, not a findings report/ },
  { file: 'spdx/trivy_centos-7-spdx.json', says: /SPDX SBOM, not a findings report/ },
  { file: 'github-snapshot/syft_TestGithubDirectoryEncoder.json', says: /GitHub dependency snapshot/ },
  { file: 'github-snapshot/trivy-action_report.gsbom.json', says: /GitHub dependency snapshot/ },
  { file: 'trivy/trivy_alpine-310.gsbom.golden', says: /GitHub dependency snapshot/ },
  { file: 'vex/trivy_openvex.json', says: /OpenVEX document, not a findings report/ },
  { file: 'vex/trivy_openvex-multiple.json', says: /OpenVEX document/ },
  { file: 'vex/trivy_pkg-vex_openvex.json', says: /OpenVEX document/ },
  { file: 'vex/trivy_cyclonedx-vex.json', says: /CycloneDX VEX document/ },
  { file: 'vex/trivy_csaf-vex.json', says: /CSAF VEX document/ },
  { file: 'sarif/sarif-schema-2.1.0.json', says: /not a recognised findings report/ },
  { file: 'trivy/trivyignore.yaml', says: /not valid JSON/ },
];

function fullCounts(counts: Counts): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((severity) => [severity, counts[severity] ?? 0])) as Record<
    Severity,
    number
  >;
}

describeWithCorpus('scanner-outputs', 'readReport on the public scanner outputs', () => {
  it.each(REPORTS)('$file → $format', ({ file, format, tool, counts, suppressed, assumed }) => {
    const result = readReport(readFileSync(corpusPath('scanner-outputs', file)), file);
    expect(result.format).toBe(format);
    expect(result.tool).toBe(tool);
    expect(countBySeverity(result.findings)).toEqual(fullCounts(counts));
    expect(result.findings.filter(isSuppressed)).toHaveLength(suppressed);
    expect(result.findings.filter((finding) => finding.properties.severityAssumed)).toHaveLength(assumed ?? 0);
    for (const finding of result.findings) {
      expect(SEVERITIES).toContain(finding.severity);
      expect(finding.fingerprint).toMatch(/\S/);
      expect(finding.properties.sources).toEqual([file]);
    }
    expect(new Set(result.findings.map((finding) => finding.fingerprint)).size).toBe(result.findings.length);
  });

  it.each(NOT_REPORTS)('$file is refused with one line naming it', ({ file, says }) => {
    const content = readFileSync(corpusPath('scanner-outputs', file));
    let error: unknown;
    try {
      readReport(content, file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as UsageError).message;
    expect(message.startsWith(`${file}: `)).toBe(true);
    expect(message).toMatch(says);
    expect(message).not.toContain('\n');
  });

  it('reads every truncation of a real report as a usage error, never as an empty report', () => {
    for (const file of [
      'trivy/trivy_npm.json.golden',
      'grype/grype_TestJsonImgsPresenter.json',
      'npm-audit/npm-audit-report_one-vuln.json',
      'codeql/codeql-action_valid-sarif.sarif',
    ]) {
      const text = readFileSync(corpusPath('scanner-outputs', file), 'utf8').trimEnd();
      for (const cut of [1, 2, 10, Math.floor(text.length / 2), text.length - 1]) {
        expect(() => readReport(text.slice(0, cut), file)).toThrow(UsageError);
        expect(() => readReport(text.slice(0, cut), file)).toThrow(/not valid JSON \(truncated or malformed/);
      }
    }
  });

  it('judges the format by content: a Trivy report named .sarif is still Trivy', () => {
    const content = readFileSync(corpusPath('scanner-outputs', 'trivy/trivy_alpine-310.json.golden'));
    const result = readReport(content, 'results.sarif');
    expect(result.format).toBe('trivy');
    expect(countBySeverity(result.findings).medium).toBe(4);
    const sarif = readReport(
      readFileSync(corpusPath('scanner-outputs', 'codeql/codeql-action_valid-sarif.sarif')),
      'report.json',
    );
    expect(sarif.format).toBe('sarif');
  });
});
