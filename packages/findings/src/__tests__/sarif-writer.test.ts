import fc from 'fast-check';
import { describeWithCorpus } from '../../../../test/support/corpora.js';
import { sarifValidator } from '../../../../test/support/sarif-schema.js';
import { fingerprintOf, type Finding } from '../finding.js';
import { toSarif } from '../sarif-writer.js';
import { SEVERITIES } from '../severity.js';

const TOOL = { name: 'Gatehouse test', version: '1.2.3' };

const sample: Finding[] = [
  {
    ruleId: 'CVE-2024-0001',
    severity: 'critical',
    title: 'Remote code execution in parser',
    message: 'lodash 4.17.20 is vulnerable',
    location: { path: 'services/api/package-lock.json', line: 12, column: 3 },
    fingerprint: fingerprintOf('a'),
    fix: 'upgrade lodash to 4.17.21',
    properties: { tools: ['trivy'], aliases: ['GHSA-xxxx-yyyy-zzzz'] },
  },
  {
    ruleId: 'image-not-pinned',
    severity: 'medium',
    title: 'Image not pinned',
    message: 'FROM python:3.12 is not pinned by digest',
    location: { path: 'dir with space/Dockerfile', line: 1 },
    fingerprint: fingerprintOf('b'),
    properties: {
      suppression: {
        kind: 'exception',
        reason: 'base image rebuilt nightly',
        owner: 'team@example.com',
        expires: '2027-01-01',
      },
    },
  },
  { ruleId: 'no-location', severity: 'info', title: '', message: '', fingerprint: fingerprintOf('c'), properties: {} },
];

describe('toSarif', () => {
  const log = toSarif(sample, TOOL) as unknown as { runs: Array<Record<string, any>> };
  const run = log.runs[0]!;

  it('writes one rule per ruleId with its security-severity', () => {
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'CVE-2024-0001',
      'image-not-pinned',
      'no-location',
    ]);
    expect(run.tool.driver.rules[0].properties['security-severity']).toBe('9.5');
  });

  it('maps severities to levels and keeps location, fix and fingerprint', () => {
    const [first, second, third] = run.results;
    expect(first.level).toBe('error');
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 3 });
    expect(first.properties['gatehouse/fix']).toBe('upgrade lodash to 4.17.21');
    expect(first.partialFingerprints['gatehouse/v1']).toBe(sample[0]!.fingerprint);
    expect(second.level).toBe('warning');
    expect(second.locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/Dockerfile');
    expect(second.suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(third.level).toBe('none');
    expect(third.message.text).toBe('no-location');
    expect(third.locations).toBeUndefined();
  });
});

describeWithCorpus('scanner-outputs/sarif', 'toSarif against the official SARIF 2.1.0 schema', () => {
  const validate = sarifValidator();

  it('validates the sample log', () => {
    expect(validate(toSarif(sample, TOOL))).toEqual([]);
  });

  it('rejects a broken log (the validator can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] }).length).toBeGreaterThan(0);
  });

  it('always validates, whatever the findings hold', () => {
    const finding = fc.record({
      ruleId: fc.string({ minLength: 1, maxLength: 30 }),
      severity: fc.constantFrom(...SEVERITIES),
      title: fc.string({ maxLength: 40 }),
      message: fc.string({ maxLength: 80 }),
      location: fc.option(
        fc.record({
          path: fc.string({ minLength: 1, maxLength: 40 }),
          line: fc.option(fc.integer({ min: -2, max: 10_000 }), { nil: undefined }),
          column: fc.option(fc.integer({ min: -2, max: 500 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      fingerprint: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
      fix: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      properties: fc.record({
        tools: fc.array(fc.string(), { maxLength: 2 }),
        helpUri: fc.option(fc.webUrl(), { nil: undefined }),
      }),
    });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 8 }), (findings) => {
        expect(validate(toSarif(findings as Finding[], TOOL))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
