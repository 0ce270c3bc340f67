import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@gatehouse/findings';
import { readReport } from '@gatehouse/scanners';
import { runGate, type GateOptions } from '../gate.js';
import { writeFindingsJson, writeSarif } from '../outputs.js';

const examples = join(import.meta.dirname, '..', '..', '..', '..', 'examples');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-'));
  cpSync(join(examples, 'reports'), join(dir, 'reports'), { recursive: true });
  cpSync(join(examples, 'policy'), join(dir, 'policy'), { recursive: true });
  return dir;
}

function options(dir: string, overrides: Partial<GateOptions> = {}): GateOptions {
  return {
    workspace: dir,
    reports: ['reports/*'],
    failOn: 'high',
    reportOn: 'low',
    vex: [],
    onlyFixed: false,
    allowEmpty: false,
    now: new Date('2026-11-21T00:00:00Z'),
    ...overrides,
  };
}

describe('runGate on the example reports', () => {
  it('fails on high findings without policy', async () => {
    const result = await runGate(options(workspace()));
    expect(result.passed).toBe(false);
    expect(result.reports.map((r) => r.format).sort()).toEqual(['npm-audit', 'sarif', 'trivy']);
    expect(result.counts.critical).toBe(1);
    expect(result.decisive.every((f) => f.severity === 'critical' || f.severity === 'high')).toBe(true);
    expect(result.suppressedCount).toBe(0);
  });

  it('applies VEX and exceptions, naming owner and expiry', async () => {
    const result = await runGate(
      options(workspace(), { exceptions: 'policy/exceptions.yml', vex: ['policy/vex.openvex.json'] }),
    );
    const suppressed = Object.fromEntries(result.suppressed.map((f) => [f.ruleId, f.properties.suppression]));
    expect(suppressed['CVE-2024-45491']).toMatchObject({ kind: 'vex' });
    expect(suppressed['CVE-2023-50495']).toMatchObject({
      kind: 'exception',
      owner: 'platform-team@example.com',
      expires: '2027-03-31',
    });
    expect(suppressed['javascript.lang.security.detect-child-process']).toMatchObject({
      owner: 'shop-api@example.com',
    });
    expect(result.counts.critical).toBe(0);
    expect(result.unusedExceptions).toEqual([]);
  });

  it('counts the same vulnerability from two scanners once, citing both', async () => {
    const result = await runGate(options(workspace()));
    const crossSpawn = result.findings.filter((f) =>
      [f.ruleId, ...(f.properties.aliases ?? [])].includes('GHSA-3xgq-45jj-v275'),
    );
    expect(crossSpawn).toHaveLength(1);
    expect(crossSpawn[0]!.properties.tools!.length).toBe(2);
  });

  it('fail-on none never fails; fail-on critical passes once the critical is suppressed', async () => {
    expect((await runGate(options(workspace(), { failOn: 'none' }))).passed).toBe(true);
    const dir = workspace();
    const result = await runGate(options(dir, { failOn: 'critical', vex: ['policy/vex.openvex.json'] }));
    expect(result.passed).toBe(true);
  });

  it('only-fixed fails only on findings with a fix', async () => {
    const dir = workspace();
    const result = await runGate(options(dir, { failOn: 'medium', onlyFixed: true }));
    expect(result.decisive.length).toBeGreaterThan(0);
    expect(result.decisive.every((f) => f.fix || f.properties.fixedVersion)).toBe(true);
  });

  it('an expired exception is a high finding that fails the gate', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'old.yml'),
      'exceptions:\n  - id: CVE-2023-50495\n    owner: a@example.com\n    reason: r\n    expires: 2025-01-01\n',
    );
    const result = await runGate(
      options(dir, {
        reports: ['reports/trivy-image.json'],
        failOn: 'high',
        exceptions: 'old.yml',
        vex: ['policy/vex.openvex.json'],
      }),
    );
    const expired = result.decisive.find((f) => f.ruleId === 'gatehouse/exception-expired');
    expect(expired?.location).toEqual({ path: 'old.yml', line: 2 });
  });

  it('writes SARIF and findings JSON that read back to the same decision', async () => {
    const dir = workspace();
    const result = await runGate(options(dir, { exceptions: 'policy/exceptions.yml' }));
    await writeSarif(result, 'out/gate.sarif', dir);
    await writeFindingsJson(result, 'out/findings.json', dir);
    const back = readReport(readFileSync(join(dir, 'out/findings.json')), 'out/findings.json');
    expect(back.findings.map((f) => f.fingerprint).sort()).toEqual(result.findings.map((f) => f.fingerprint).sort());
    const again = await runGate(options(dir, { reports: ['out/gate.sarif'] }));
    expect(again.passed).toBe(result.passed);
    expect(again.counts).toEqual(result.counts);
  });

  it.each([
    [{ reports: ['nope/*.json'] }, /Input 'reports': no files matched/],
    [{ reports: ['missing.json'] }, /Input 'reports': file not found: missing.json/],
    [{ exceptions: 'nope.yml' }, /Input 'exceptions': file not found: nope.yml/],
  ])('bad input is one UsageError line: %j', async (overrides, message) => {
    await expect(runGate(options(workspace(), overrides))).rejects.toThrow(message);
    await expect(runGate(options(workspace(), overrides))).rejects.toBeInstanceOf(UsageError);
  });

  it('an empty match passes only with allow-empty', async () => {
    const result = await runGate(options(workspace(), { reports: ['nope/*.json'], allowEmpty: true }));
    expect(result.passed).toBe(true);
  });

  it('a truncated report never passes', async () => {
    const dir = workspace();
    const text = readFileSync(join(dir, 'reports/trivy-image.json'), 'utf8');
    writeFileSync(join(dir, 'reports/trivy-image.json'), text.slice(0, text.length / 2));
    await expect(runGate(options(dir))).rejects.toThrow(/trivy-image\.json/);
  });
});
