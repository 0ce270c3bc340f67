import { setFlagsFromString } from 'node:v8';
import { randomFrom } from './support/fakes.js';

/**
 * V8 compiles every new regexp without optimisation once the process has generated over 1 MB of
 * regexp code and committed over 16 MB of executable memory (TooMuchRegExpCode, src/regexp/regexp.cc),
 * which a long test run or a long-lived process reaches. Unoptimised, Node 24's V8 loses the case
 * folding of an alternative inside a modifier group: /(?i:a|b)/ stops matching "A". The detectors
 * must find the same credentials in that mode (the flag below is what V8 switches to on its own).
 */
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const SAMPLES: Array<[string, string, string]> = [
  [
    'a setProperty of ATLASSIAN_TOKEN',
    `System.setProperty("ATLASSIAN_TOKEN", "${randomFrom(LOWER_ALNUM, 24)}")`,
    'atlassian-api-token',
  ],
  ['a curl Bearer header', `curl -H "Authorization: Bearer ${randomFrom(HEX, 32)}"`, 'authorization-header'],
  ['a Bearer header set in code', `headers.Authorization = "Bearer ${randomFrom(HEX, 32)}"`, 'authorization-header'],
  ['a capitalised password key', 'Password: "Tr0ub4dor&3x"', 'quoted-password-assignment'],
  ['an upper-case password argument', 'login("PASSWORD", "Tr0ub4dor&3x")', 'quoted-password-assignment'],
  ['an upper-case API key header', `X-API-KEY: "${randomFrom(ALNUM, 20)}"`, 'http-api-key-header'],
  ['an upper-case database URL scheme', 'POSTGRES://admin:Tr0ub4dor3x@db.internal:5432/app', 'database-url-password'],
  ['a runner memory dump', '{"DEPLOY_KEY":{"value":"qN4!zr8Lp2#w","isSecret":true}}', 'runner-memory-dump'],
];

describe('detectors in a process where V8 no longer optimises new regexps', () => {
  let found: (text: string) => string[];

  beforeAll(async () => {
    setFlagsFromString('--no-regexp-optimization');
    // Loaded after the flag, so the rules' regexps are compiled (on first use) in that mode.
    const { SecretScanner, newScanState } = await import('../scanner.js');
    const scanner = new SecretScanner();
    found = (text) => scanner.scan(text, newScanState()).map((span) => span.rule);
  });

  afterAll(() => {
    setFlagsFromString('--regexp-optimization');
  });

  it.each(SAMPLES)('%s is still found (%#)', (_name, text, rule) => {
    expect(found(text)).toContain(rule);
  });
});
