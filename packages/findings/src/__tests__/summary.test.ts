import { emptyCounts } from '../counts.js';
import { fingerprintOf, type Finding } from '../finding.js';
import { renderSummary } from '../summary.js';

function finding(index: number, severity: Finding['severity'] = 'high'): Finding {
  return {
    ruleId: `CVE-2024-${String(index).padStart(4, '0')}`,
    severity,
    title: 't',
    message: `message ${index} with a | pipe`,
    location: { path: 'a/b.json', line: index + 1 },
    fingerprint: fingerprintOf(index),
    properties: { tools: ['trivy'] },
  };
}

describe('renderSummary', () => {
  it('opens with the verdict and lists the deciding findings first', () => {
    const counts = { ...emptyCounts(), high: 1, low: 1 };
    const text = renderSummary({
      title: 'Gatehouse gate',
      passed: false,
      headline: '1 finding at or above high',
      decisive: [finding(1)],
      others: [finding(2, 'low')],
      suppressed: [],
      counts,
      suppressedCount: 0,
    });
    expect(text.split('\n')[0]).toBe('## ❌ Gatehouse gate: failed');
    expect(text.indexOf('CVE-2024-0001')).toBeLessThan(text.indexOf('CVE-2024-0002'));
    expect(text).toContain('message 1 with a \\| pipe');
    expect(text).toContain('| 🟧 high | 1 |');
  });

  it('stays under the limit and says how many rows were cut', () => {
    const many = Array.from({ length: 20_000 }, (_, index) => finding(index));
    const text = renderSummary({
      title: 'Gatehouse gate',
      passed: false,
      headline: 'many',
      decisive: many,
      others: [],
      suppressed: [],
      counts: { ...emptyCounts(), high: many.length },
      suppressedCount: 0,
      limitBytes: 100_000,
    });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(100_000);
    const shown = text.split('\n').filter((line) => line.includes('CVE-2024-')).length;
    const cut = Number(/> (\d+) more rows were left out/.exec(text)?.[1]);
    expect(shown + cut).toBe(20_000);
  });

  it('fits the default 1 MiB runner limit', () => {
    const many = Array.from({ length: 50_000 }, (_, index) => finding(index));
    const text = renderSummary({
      title: 'g',
      passed: false,
      headline: 'h',
      decisive: many,
      others: [],
      suppressed: [],
      counts: emptyCounts(),
      suppressedCount: 0,
    });
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    expect(text).toMatch(/more rows were left out/);
  });
});
