import fc from 'fast-check';
import { parseSeverity, severityFromCvss, SEVERITIES, atLeast } from '../severity.js';

describe('parseSeverity', () => {
  it.each([
    ['CRITICAL', 'critical'],
    ['Critical', 'critical'],
    ['HIGH', 'high'],
    ['Moderate', 'medium'],
    ['MEDIUM', 'medium'],
    ['low', 'low'],
    ['Negligible', 'info'],
    ['error', 'high'],
    ['warning', 'medium'],
    ['note', 'low'],
    ['none', 'info'],
    ['info', 'info'],
    ['9.8', 'critical'],
  ] as const)('reads %s as %s', (input, expected) => {
    expect(parseSeverity(input)).toEqual({ severity: expected, assumed: false });
  });

  it('applies the GitHub CVSS bands at their edges', () => {
    expect(severityFromCvss(9.0)).toBe('critical');
    expect(severityFromCvss(8.99)).toBe('high');
    expect(severityFromCvss(7.0)).toBe('high');
    expect(severityFromCvss(6.9)).toBe('medium');
    expect(severityFromCvss(4.0)).toBe('medium');
    expect(severityFromCvss(3.9)).toBe('low');
    expect(severityFromCvss(0.1)).toBe('low');
    expect(severityFromCvss(0)).toBe('info');
  });

  it('assumes medium for missing or unknown values and says so', () => {
    expect(parseSeverity(undefined)).toEqual({ severity: 'medium', assumed: true });
    expect(parseSeverity('UNKNOWN')).toEqual({ severity: 'medium', assumed: true });
    expect(parseSeverity(11)).toEqual({ severity: 'medium', assumed: true });
  });

  it('never throws and always returns a known severity', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const parsed = parseSeverity(value);
        return SEVERITIES.includes(parsed.severity);
      }),
    );
  });

  it('orders severities', () => {
    expect(atLeast('critical', 'high')).toBe(true);
    expect(atLeast('medium', 'high')).toBe(false);
    expect(atLeast('info', 'info')).toBe(true);
  });
});
