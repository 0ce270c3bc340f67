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

  it('matches what V8 matches with the modifier group (compiled optimised)', () => {
    const sources = ['(?i:pass(?:word|wd)?|pwd)=(?<v>\\w+)', '(?i:bearer|basic)\\s+[a-z]{3}', '(?i:[a-h0-9]{4})x'];
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
    for (const source of sources) {
      const native = new RegExp(source, 'g');
      const folded = new RegExp(foldCaseGroups(source), 'g');
      for (const text of texts) expect([text, text.match(folded)]).toEqual([text, text.match(native)]);
    }
  });

  it('leaves no modifier group in a built-in rule', () => {
    for (const rule of BUILTIN_RULES)
      expect([rule.id, /\(\?[a-z]*-?[a-z]*:/.test(rule.regex.source.replace(/\(\?:/g, ''))]).toEqual([rule.id, false]);
  });
});
