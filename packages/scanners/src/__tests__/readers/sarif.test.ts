import { toSarif, UsageError, type Finding } from '@gatehouse/findings';
import { readReport } from '../../report.js';
import { uriToPath } from '../../readers/sarif.js';

function sarif(run: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: '2.1.0', runs: [run], ...extra });
}

const findings: Finding[] = [
  {
    ruleId: 'CVE-2024-1234',
    severity: 'critical',
    title: 'lodash prototype pollution',
    message: 'CVE-2024-1234 in lodash@4.17.15',
    location: { path: 'services/api dir/package-lock.json', line: 12, column: 3 },
    fingerprint: 'fp-critical-1',
    fix: 'upgrade lodash to 4.17.21',
    properties: {
      tools: ['trivy', 'grype'],
      sources: ['trivy.json', 'grype.json'],
      aliases: ['GHSA-aaaa-bbbb-cccc'],
      package: { name: 'lodash', version: '4.17.15', purl: 'pkg:npm/lodash@4.17.15', ecosystem: 'npm' },
      fixedVersion: '4.17.21',
      helpUri: 'https://example.com/CVE-2024-1234',
    },
  },
  // The same rule at another severity: the result's own severity must win over the rule's.
  {
    ruleId: 'CVE-2024-1234',
    severity: 'low',
    title: 'lodash prototype pollution',
    message: 'the same advisory, rated low elsewhere',
    fingerprint: 'fp-low-2',
    properties: { tools: ['osv-scanner'] },
  },
  {
    ruleId: 'pin/unpinned-action',
    severity: 'high',
    title: 'Action not pinned to a commit SHA',
    message: 'actions/checkout@v4 is not pinned',
    location: { path: '.github/workflows/ci.yml', line: 9 },
    fingerprint: 'fp-high-3',
    properties: {
      tools: ['gatehouse pin'],
      suppression: {
        kind: 'exception',
        reason: 'vendored action',
        owner: 'team-ci@example.com',
        expires: '2027-01-31',
        source: '.gatehouse/exceptions.yml',
      },
    },
  },
  { ruleId: 'note-rule', severity: 'medium', title: 't', message: 'm', fingerprint: 'fp-4', properties: {} },
  {
    ruleId: 'info-rule',
    severity: 'info',
    title: 't',
    message: 'm',
    fingerprint: 'fp-5',
    properties: { severityAssumed: true },
  },
];

describe('SARIF round-trip through toSarif', () => {
  const log = JSON.stringify(toSarif(findings, { name: 'Gatehouse gate', version: '0.1.0' }));
  const read = readReport(log, 'gatehouse.sarif');

  it('gives back the same rules, severities, fingerprints, fixes and suppressions', () => {
    expect(read.format).toBe('sarif');
    expect(read.tool).toBe('Gatehouse gate');
    expect(read.findings.map((f) => [f.ruleId, f.severity, f.fingerprint])).toEqual(
      findings.map((f) => [f.ruleId, f.severity, f.fingerprint]),
    );
    expect(read.findings.map((f) => f.properties.suppression)).toEqual(findings.map((f) => f.properties.suppression));
    expect(read.findings[0]!.location).toEqual(findings[0]!.location);
    expect(read.findings[0]!.fix).toBe('upgrade lodash to 4.17.21');
  });

  it('keeps the package facts the gate de-duplicates and matches VEX on', () => {
    const [first] = read.findings;
    expect(first!.properties.package).toEqual(findings[0]!.properties.package);
    expect(first!.properties.aliases).toEqual(['GHSA-aaaa-bbbb-cccc']);
    expect(first!.properties.fixedVersion).toBe('4.17.21');
    expect(first!.properties.tools).toEqual(['trivy', 'grype']);
    expect(first!.properties.helpUri).toBe('https://example.com/CVE-2024-1234');
    expect(read.findings[4]!.properties.severityAssumed).toBe(true);
  });
});

describe('SARIF rules and severities', () => {
  it('finds rules in tool extensions through rule.toolComponent and rule.index', () => {
    const log = sarif({
      tool: {
        driver: { name: 'CodeQL', rules: [{ id: 'driver-rule', defaultConfiguration: { level: 'note' } }] },
        extensions: [
          {
            name: 'codeql/js-queries',
            rules: [
              { id: 'js/a', properties: { 'security-severity': '9.8' } },
              { id: 'js/b', defaultConfiguration: { level: 'error' } },
            ],
          },
        ],
      },
      results: [
        { rule: { id: 'js/a', index: 0, toolComponent: { index: 0 } }, message: { text: 'a' } },
        { ruleId: 'js/b', rule: { index: 1, toolComponent: { name: 'codeql/js-queries' } }, message: { text: 'b' } },
        { ruleId: 'js/b', message: { text: 'looked up by id in the extension' } },
        { ruleIndex: 0, message: { text: 'driver rule by index' } },
      ],
    });
    const read = readReport(log, 'codeql.sarif');
    expect(read.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['js/a', 'critical'],
      ['js/b', 'high'],
      ['js/b', 'high'],
      ['driver-rule', 'low'],
    ]);
  });

  it('orders security-severity, then result level, then default level, then warning', () => {
    const log = sarif({
      tool: {
        driver: {
          name: 't',
          rules: [
            { id: 'scored', defaultConfiguration: { level: 'note' }, properties: { 'security-severity': '7.5' } },
            { id: 'leveled', defaultConfiguration: { level: 'note' } },
            { id: 'bare' },
          ],
        },
      },
      results: [
        { ruleId: 'scored', level: 'none', message: { text: '1' } },
        { ruleId: 'leveled', level: 'error', message: { text: '2' } },
        { ruleId: 'leveled', message: { text: '3' } },
        { ruleId: 'bare', message: { text: '4' } },
        { ruleId: 'bare', level: 'none', message: { text: '5' } },
        { ruleId: 'bare', kind: 'pass', level: 'error', message: { text: 'a pass is not a finding' } },
      ],
    });
    expect(readReport(log, 'x.sarif').findings.map((f) => f.severity)).toEqual([
      'high',
      'high',
      'low',
      'medium',
      'info',
    ]);
  });

  it('counts accepted (or status-less) suppressions, not rejected or under-review ones', () => {
    const log = sarif({
      tool: { driver: { name: 't' } },
      results: [
        { ruleId: 'r', message: { text: '1' }, suppressions: [{ kind: 'inSource' }] },
        {
          ruleId: 'r',
          message: { text: '2' },
          suppressions: [{ kind: 'external', status: 'accepted', justification: 'false positive' }],
        },
        { ruleId: 'r', message: { text: '3' }, suppressions: [{ kind: 'external', status: 'rejected' }] },
        { ruleId: 'r', message: { text: '4' }, suppressions: [{ kind: 'external', status: 'underReview' }] },
        { ruleId: 'r', message: { text: '5' }, suppressions: [] },
      ],
    });
    const read = readReport(log, 'sup.sarif');
    expect(read.findings.map((f) => f.properties.suppression)).toEqual([
      { kind: 'tool', reason: 'suppressed inSource', source: 'sup.sarif' },
      { kind: 'tool', reason: 'false positive', source: 'sup.sarif' },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('does not let a tool property bag suppress a finding', () => {
    const log = sarif({
      tool: { driver: { name: 't' } },
      results: [
        { ruleId: 'r', message: { text: 'x' }, properties: { suppression: { kind: 'tool', reason: 'sneaky' } } },
      ],
    });
    expect(readReport(log, 'bag.sarif').findings[0]!.properties.suppression).toBeUndefined();
    const polluted = `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"ruleId":"r","message":{"text":"x"},"properties":{"__proto__":{"suppression":{"kind":"tool","reason":"sneaky"}}}}]}]}`;
    const [finding] = readReport(polluted, 'proto.sarif').findings;
    expect(finding!.properties.suppression).toBeUndefined();
    expect(Object.getPrototypeOf(finding!.properties)).toBe(Object.prototype);
  });

  it('takes the location from the first physical location, decoding file:// URIs and artifact indexes', () => {
    const log = sarif({
      tool: { driver: { name: 't' } },
      artifacts: [{ location: { uri: 'src/from%20index.ts' } }],
      results: [
        {
          ruleId: 'r',
          message: { text: '1' },
          locations: [
            { logicalLocations: [] },
            {
              physicalLocation: {
                artifactLocation: { uri: 'file:///work/a%20b/c.ts' },
                region: { startLine: 4, startColumn: 2 },
              },
            },
          ],
        },
        {
          ruleId: 'r',
          message: { text: '2' },
          locations: [{ physicalLocation: { artifactLocation: { index: 0 }, region: { startLine: 0 } } }],
        },
      ],
    });
    const read = readReport(log, 'loc.sarif');
    expect(read.findings[0]!.location).toEqual({ path: '/work/a b/c.ts', line: 4, column: 2 });
    expect(read.findings[1]!.location).toEqual({ path: 'src/from index.ts' });
  });

  it('fills message templates from the rule and tells results apart by their fingerprints', () => {
    const log = sarif({
      tool: { driver: { name: 't', rules: [{ id: 'r', messageStrings: { default: { text: 'Found {0} in {1}' } } }] } },
      results: [
        {
          ruleId: 'r',
          message: { id: 'default', arguments: ['x', 'y'] },
          partialFingerprints: { primaryLocationLineHash: 'h:1' },
        },
        {
          ruleId: 'r',
          message: { id: 'default', arguments: ['x', 'y'] },
          partialFingerprints: { primaryLocationLineHash: 'h:2' },
        },
      ],
    });
    const read = readReport(log, 'msg.sarif');
    expect(read.findings[0]!.message).toBe('Found x in y');
    expect(read.findings[0]!.fingerprint).not.toBe(read.findings[1]!.fingerprint);
  });

  it('refuses another SARIF version and a broken structure with one line', () => {
    expect(() => readReport(JSON.stringify({ version: '2.0.0', runs: [] }), 'old.sarif')).toThrow(
      /old\.sarif: not a valid SARIF report: version is "2\.0\.0"/,
    );
    expect(() => readReport(sarif({ tool: { driver: { name: 't' } }, results: {} }), 'bad.sarif')).toThrow(
      /bad\.sarif: not a valid SARIF report: runs\[0\]\.results is not an array/,
    );
    expect(() => readReport(sarif({ results: [] }), 'notool.sarif')).toThrow(UsageError);
  });

  it('reads a SARIF log with no results as empty (a clean scan)', () => {
    expect(readReport(sarif({ tool: { driver: { name: 't' } }, results: [] }), 'clean.sarif').findings).toEqual([]);
  });

  it('maps artifact URIs to workspace paths', () => {
    expect(uriToPath('file:///home/runner/work/x.ts')).toBe('/home/runner/work/x.ts');
    expect(uriToPath('./src/a%2Bb.ts')).toBe('src/a+b.ts');
    expect(uriToPath('src/100%.ts')).toBe('src/100%.ts');
  });
});
