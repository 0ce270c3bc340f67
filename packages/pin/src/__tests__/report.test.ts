import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUMMARY_LIMIT_BYTES } from '@gatehouse/findings';
import type { PinResult } from '../pin.js';
import { pinHeadline, pinPassed, pinSummary, writePinSarif } from '../report.js';
import { pinFinding } from '../rules.js';

function result(partial: Partial<PinResult>): PinResult {
  return {
    findings: [],
    fixed: [],
    unresolved: 0,
    filesRead: 1,
    references: 1,
    filesWritten: [],
    notes: [],
    ...partial,
  };
}

describe('pin report', () => {
  const open = pinFinding(
    'image-not-pinned',
    'Dockerfile',
    { line: 1, column: 6 },
    "Image 'a' (FROM) is not pinned by digest.",
    { reference: 'a', context: 'FROM' },
  );
  const exempt = pinFinding('action-not-pinned', 'ci.yml', { line: 3, column: 9 }, "Action 'o/r@v1' is not pinned.", {
    reference: 'o/r@v1',
    context: 'uses',
  });
  exempt.properties.suppression = { kind: 'exception', reason: 'vendored', source: 'inline comment' };

  it('passes only when no unsuppressed finding is left', () => {
    expect(pinPassed(result({ findings: [exempt] }))).toBe(true);
    expect(pinPassed(result({ findings: [open, exempt] }))).toBe(false);
    expect(pinHeadline(result({ findings: [open], references: 5, filesRead: 2, unresolved: 1 }), 'fix')).toBe(
      '5 references in 2 files, 0 pinned by this run, 1 could not be resolved and were left as they were: **1** finding left.',
    );
  });

  it('keeps the summary under the runner limit however many references were fixed', () => {
    const fixed = Array.from({ length: 20000 }, (_, i) => ({
      path: `services/s${i}/Dockerfile`,
      line: 1,
      column: 6,
      kind: 'image' as const,
      before: `python:3.${i}`,
      after: `python:3.${i}@sha256:${'a'.repeat(64)}`,
    }));
    const markdown = pinSummary(result({ fixed, findings: [open, exempt] }), 'fix');
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(markdown).toContain('### Pinned by this run');
    expect(markdown).toMatch(/> \d+ more were pinned; the log lists every one\./);
    expect(markdown).toContain('vendored');
  });

  it('writes SARIF with suppressed findings marked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pin-sarif-'));
    try {
      const path = await writePinSarif(result({ findings: [open, exempt] }), 'out/pin.sarif', dir);
      expect(path).toBe('out/pin.sarif');
      const log = JSON.parse(readFileSync(join(dir, path), 'utf8'));
      expect(log.runs[0].tool.driver.name).toBe('Gatehouse pin');
      expect(
        log.runs[0].results.map((r: { ruleId: string; suppressions?: unknown[] }) => [
          r.ruleId,
          Boolean(r.suppressions),
        ]),
      ).toEqual([
        ['image-not-pinned', false],
        ['action-not-pinned', true],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
