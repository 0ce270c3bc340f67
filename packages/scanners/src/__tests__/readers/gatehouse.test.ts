import { UsageError, type Finding } from '@gatehouse/findings';
import { toFindingsJson, type GatehouseFindingsFile } from '../../readers/gatehouse.js';
import { readReport } from '../../report.js';

const findings: Finding[] = [
  {
    ruleId: 'CVE-2024-1234',
    severity: 'high',
    title: 'lodash',
    message: 'CVE-2024-1234 in lodash@4.17.15.',
    location: { path: 'package-lock.json', line: 3 },
    fingerprint: 'abc',
    fix: 'upgrade lodash to 4.17.21',
    properties: {
      tools: ['trivy', 'grype'],
      sources: ['a.json', 'b.json'],
      package: { name: 'lodash', version: '4.17.15' },
      suppression: { kind: 'exception', reason: 'not reachable', owner: 'me@example.com', expires: '2027-01-31' },
      custom: { nested: [1, 2] },
    },
  },
  { ruleId: 'x', severity: 'info', title: 'x', message: 'x', fingerprint: 'def', properties: {} },
];

describe('Gatehouse findings JSON', () => {
  it('reads back exactly what toFindingsJson wrote', () => {
    const text = toFindingsJson(findings);
    const file = JSON.parse(text) as GatehouseFindingsFile;
    expect(file.tool).toBe('gatehouse');
    expect(file.version).toBe('1');
    const read = readReport(text, 'findings.json');
    expect(read.format).toBe('gatehouse');
    // A finding that cites no source is credited to the file it was read from.
    expect(read.findings).toEqual([findings[0], { ...findings[1], properties: { sources: ['findings.json'] } }]);
  });

  it('refuses a newer layout and a malformed suppression', () => {
    expect(() => readReport(JSON.stringify({ tool: 'gatehouse', version: '2', findings: [] }), 'f.json')).toThrow(
      /f\.json: not a valid Gatehouse findings report: version is "2"/,
    );
    const bad = {
      tool: 'gatehouse',
      version: '1',
      findings: [{ ruleId: 'r', severity: 'high', properties: { suppression: { kind: 'nope' } } }],
    };
    expect(() => readReport(JSON.stringify(bad), 'f.json')).toThrow(UsageError);
    const noRule = { tool: 'gatehouse', version: '1', findings: [{ severity: 'high' }] };
    expect(() => readReport(JSON.stringify(noRule), 'f.json')).toThrow(/findings\[0\]\.ruleId is missing/);
  });

  it('reads an unknown severity as medium, flagged as assumed', () => {
    const odd = { tool: 'gatehouse', version: '1', findings: [{ ruleId: 'r', severity: 'SEVERE-ish', message: 'm' }] };
    const [finding] = readReport(JSON.stringify(odd), 'f.json').findings;
    expect(finding!.severity).toBe('medium');
    expect(finding!.properties.severityAssumed).toBe(true);
  });
});
