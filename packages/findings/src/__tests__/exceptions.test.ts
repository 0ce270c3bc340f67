import { UsageError } from '../errors.js';
import { applyExceptions, parseExceptions } from '../exceptions.js';
import { fingerprintOf, type Finding } from '../finding.js';

const FILE = `exceptions:
  - id: CVE-2024-1234
    package: pkg:npm/lodash
    path: services/api/**
    owner: team-payments@example.com
    reason: not reachable from our code
    expires: 2027-01-31
  - id: GHSA-aaaa-bbbb-cccc
    owner: sec@example.com
    reason: accepted risk
    expires: 2026-01-01
  - id: CVE-2099-0001
    owner: nobody@example.com
    expires: 2030-01-01
`;

function vuln(id: string, purl: string, path: string, aliases: string[] = []): Finding {
  return {
    ruleId: id,
    severity: 'high',
    title: id,
    message: id,
    location: { path },
    fingerprint: fingerprintOf(id, purl, path),
    properties: { aliases, package: { name: purl.split('/').pop()!.split('@')[0]!, purl } },
  };
}

describe('exceptions', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const rules = parseExceptions(FILE, 'exceptions.yml');

  it('parses entries with their line numbers', () => {
    expect(rules.map((rule) => [rule.id, rule.source.line])).toEqual([
      ['CVE-2024-1234', 2],
      ['GHSA-aaaa-bbbb-cccc', 8],
      ['CVE-2099-0001', 12],
    ]);
  });

  it('suppresses matching findings (id, alias, purl any version, path) with owner and expiry', () => {
    const findings = [
      vuln('CVE-2024-1234', 'pkg:npm/lodash@4.17.20', 'services/api/package-lock.json'),
      vuln('GHSA-zzzz', 'pkg:npm/lodash@4.17.20', 'services/api/package-lock.json', ['CVE-2024-1234']),
      vuln('CVE-2024-1234', 'pkg:npm/lodash@4.17.20', 'services/web/package-lock.json'),
      vuln('CVE-2024-1234', 'pkg:npm/underscore@1.0.0', 'services/api/package-lock.json'),
    ];
    const outcome = applyExceptions(findings, rules, now);
    expect(outcome.findings.map((f) => f.properties.suppression?.owner)).toEqual([
      'team-payments@example.com',
      'team-payments@example.com',
      undefined,
      undefined,
    ]);
    expect(outcome.findings[0]!.properties.suppression).toMatchObject({ kind: 'exception', expires: '2027-01-31' });
  });

  it('an expired exception suppresses nothing and is a high finding itself', () => {
    const outcome = applyExceptions([vuln('GHSA-aaaa-bbbb-cccc', 'pkg:npm/x@1', 'p')], rules, now);
    expect(outcome.findings[0]!.properties.suppression).toBeUndefined();
    expect(outcome.expired).toHaveLength(1);
    expect(outcome.expired[0]).toMatchObject({
      ruleId: 'gatehouse/exception-expired',
      severity: 'high',
      location: { path: 'exceptions.yml', line: 8 },
    });
  });

  it('holds through the whole expiry day', () => {
    const lastDay = applyExceptions([], rules, new Date('2026-01-01T23:59:59Z'));
    const dayAfter = applyExceptions([], rules, new Date('2026-01-02T00:00:00Z'));
    expect(lastDay.expired).toHaveLength(0);
    expect(dayAfter.expired).toHaveLength(1);
  });

  it('lists unused exceptions', () => {
    const outcome = applyExceptions([], rules, now);
    expect(outcome.unused.map((rule) => rule.id)).toEqual(['CVE-2024-1234', 'CVE-2099-0001']);
  });

  it.each([
    ['exceptions:\n  - id: X\n    expires: 2027-01-01\n', /exception #1 has no 'owner'/],
    ['exceptions:\n  - id: X\n    owner: a\n', /exception #1 has no 'expires'/],
    ['exceptions:\n  - id: X\n    owner: a\n    expires: 2027-02-30\n', /'expires' must be a date YYYY-MM-DD/],
    ['exceptions:\n  - id: X\n    owner: a\n    expires: 2027-02-01\n    color: red\n', /unknown key 'color'/],
    [
      'exceptions:\n  - id: X\n    owner: a\n    expires: 2027-02-01\n    package: lodash\n',
      /'package' must be a purl/,
    ],
    ['exceptions: [\n', /not valid YAML/],
    ['- a\n- b\n', /expected a mapping with an 'exceptions' list/],
  ])('rejects bad files with one line naming the file: %#', (text, message) => {
    let error: unknown;
    try {
      parseExceptions(text, 'ex.yml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^ex\.yml/);
    expect((error as Error).message).not.toContain('\n');
  });
});
