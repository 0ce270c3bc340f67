import fc from 'fast-check';
import { SEVERITIES, toSarif, UsageError, type Finding } from '@gatehouse/findings';
import { readReport } from '../report.js';
import { readVex } from '../vex/read.js';

/** Values shaped like the formats' own fields, so generated documents reach deep into the readers. */
const field = fc.oneof(
  fc.constantFrom(
    '2.1.0',
    'CycloneDX',
    'gatehouse',
    '1',
    'fixed',
    'FAIL',
    'HIGH',
    'Moderate',
    '7.5',
    'pkg:npm/a@1',
    '',
    'not_affected',
    'constructor',
    'toString',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const keys = fc.constantFrom(
  'version',
  'runs',
  'tool',
  'driver',
  'rules',
  'extensions',
  'results',
  'ruleId',
  'ruleIndex',
  'rule',
  'level',
  'properties',
  'security-severity',
  'suppressions',
  'locations',
  'physicalLocation',
  'artifactLocation',
  'uri',
  'region',
  'startLine',
  'SchemaVersion',
  'ArtifactName',
  'Results',
  'Vulnerabilities',
  'Misconfigurations',
  'Secrets',
  'Severity',
  'Status',
  'matches',
  'ignoredMatches',
  'vulnerability',
  'artifact',
  'fix',
  'descriptor',
  'packages',
  'groups',
  'ids',
  'max_severity',
  'source',
  'auditReportVersion',
  'vulnerabilities',
  'via',
  'advisories',
  'findings',
  'severity',
  'message',
  'text',
  'name',
  'id',
  'fixAvailable',
  'statements',
  'status',
  'products',
  '@context',
  'bomFormat',
  'analysis',
  'affects',
  'ref',
  'document',
  'csaf_version',
  'product_status',
);
const { json: shaped } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, field, tie('array'), tie('object')),
  array: fc.array(tie('json'), { maxLength: 4 }),
  object: fc.dictionary(keys, tie('json'), { maxKeys: 6 }),
}));

function onlyUsageErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    expect(error.message).not.toContain('\n');
  }
}

describe('readers never fail except with a UsageError', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        onlyUsageErrors(() => readReport(text, 'random.txt'));
        onlyUsageErrors(() => readVex(text, 'random.txt'));
      }),
      { numRuns: 300 },
    );
  });

  it('on JSON shaped like the formats, and every finding has one of the five severities', () => {
    fc.assert(
      fc.property(shaped, (doc) => {
        const text = JSON.stringify(doc);
        onlyUsageErrors(() => {
          const result = readReport(text, 'shaped.json');
          for (const finding of result.findings) {
            expect(SEVERITIES).toContain(finding.severity);
            expect(typeof finding.ruleId).toBe('string');
            expect(typeof finding.fingerprint).toBe('string');
          }
        });
        onlyUsageErrors(() => readVex(text, 'shaped.json'));
      }),
      { numRuns: 2000 },
    );
  });

  it('on every prefix of a valid report', () => {
    const findings: Finding[] = [
      {
        ruleId: 'r',
        severity: 'high',
        title: 't',
        message: 'm',
        fingerprint: 'f',
        location: { path: 'a.ts', line: 1 },
        properties: {},
      },
    ];
    const text = JSON.stringify(toSarif(findings, { name: 'x', version: '1' }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        expect(() => readReport(text.slice(0, cut), 'cut.sarif')).toThrow(UsageError);
      }),
    );
  });
});

describe('SARIF written by toSarif reads back with the same severities', () => {
  const findingArb = fc.record({
    ruleId: fc.constantFrom('CVE-1', 'rule/a', 'r b'),
    severity: fc.constantFrom(...SEVERITIES),
    title: fc.string({ maxLength: 20 }),
    message: fc.string({ maxLength: 40 }),
    fingerprint: fc.string({ minLength: 1, maxLength: 16 }),
    properties: fc.constant({}),
  });
  it('for any list of findings', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 8 }), (findings: Finding[]) => {
        const read = readReport(JSON.stringify(toSarif(findings, { name: 'g', version: '1' })), 'g.sarif');
        expect(read.findings.map((f) => [f.ruleId, f.severity, f.fingerprint])).toEqual(
          findings.map((f) => [f.ruleId, f.severity, f.fingerprint]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
