import { BUILTIN_RULES } from '../../rules/index.js';
import { foldCaseGroups } from '../../rules/fold-case.js';

describe('foldCaseGroups', () => {
  it.each([
    ['(?i:ab)c', '(?:[aA][bB])c'],
    ['(?i:a|b)', '(?:[aA]|[bB])'],
    ['x(?i:y(?:z|w))', 'x(?:[yY](?:[zZ]|[wW]))'],
    ['(?i:[a-f0-9]{32})', '(?:[a-f0-9A-F]{32})'],
    ['(?i:[a-z0-9/=_+-]{8})', '(?:[a-z0-9/=_+A-Z-]{8})'],
    ['(?i:[^a-c])', '(?:[^a-cA-C])'],
    ['(?i:[!-~])', '(?:[!-~])'],
    ['(?i:a(?<secret>b)\\x60\\s\\b)', '(?:[aA](?<secret>[bB])\\x60\\s\\b)'],
    ['(?<![a-z])(?i:k)', '(?<![a-z])(?:[kK])'],
    ['(?i:a(?-i:b)c)', '(?:[aA](?:b)[cC])'],
    ['plain(?:a|b)[A-Z]', 'plain(?:a|b)[A-Z]'],
  ])('%s → %s', (source, folded) => {
    expect(foldCaseGroups(source)).toBe(folded);
  });

  it('refuses what it cannot spell out', () => {
    expect(() => foldCaseGroups('(?<q>a)(?i:\\k<q>)')).toThrow(/backreference/);
    expect(() => foldCaseGroups('(?m:a)')).toThrow(/unsupported modifiers/);
    expect(() => foldCaseGroups('(?i:é)')).toThrow(/non-ASCII/);
  });

  // The expected matches are written out: V8's own (?i:) groups cannot be the oracle, since a
  // process that has compiled much regexp code compiles them unoptimised, and then wrongly.
  it('matches exactly what the modifier group means', () => {
    const texts = [
      'PASSWORD=1',
      'Pwd=x',
      'pAsSwD=ok',
      'passw=1',
      'BEARER abc',
      'Basic ABC',
      'basic  aBc',
      'A1h9x',
      'a1i9x',
      'AB12X',
    ];
    const expected: Record<string, Array<string | null>> = {
      '(?i:pass(?:word|wd)?|pwd)=(?<v>\\w+)': [
        'PASSWORD=1',
        'Pwd=x',
        'pAsSwD=ok',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      '(?i:bearer|basic)\\s+[a-z]{3}': [null, null, null, null, 'BEARER abc', null, null, null, null, null],
      '(?i:[a-h0-9]{4})x': [null, null, null, null, null, null, null, 'A1h9x', null, null],
    };
    for (const [source, matches] of Object.entries(expected)) {
      const folded = new RegExp(foldCaseGroups(source));
      expect(texts.map((text) => folded.exec(text)?.[0] ?? null)).toEqual(matches);
    }
  });

  it('leaves no modifier group in a built-in rule', () => {
    for (const rule of BUILTIN_RULES)
      expect([rule.id, /\(\?[a-z]*-?[a-z]*:/.test(rule.regex.source.replace(/\(\?:/g, ''))]).toEqual([rule.id, false]);
  });
});
