import { BUILTIN_RULES, type SecretRule } from '../rules/index.js';
import { Detector, type DetectorMatch } from '../detector.js';
import fc from 'fast-check';
import { URL_CREDENTIALS_FOLLOW } from '../rules/generic.js';
import { ASSIGNMENT_FOLLOWS, followedBy } from '../rules/types.js';
import { hasCrc32Base62Checksum } from '../checksums.js';
import { SecretScanner, newScanState, type Span } from '../scanner.js';
import { applySpans } from '../redact.js';
import { fakeAwsKeyId, fakeGithubToken, fakePrivateKeyLines, fakeSlackBotToken, randomFrom } from './support/fakes.js';

const scanner = new SecretScanner();

function spansOf(text: string): Span[] {
  return scanner.scan(Buffer.from(text, 'utf8').toString('latin1'), newScanState());
}

function redacted(text: string): string {
  const latin1 = Buffer.from(text, 'utf8').toString('latin1');
  return Buffer.from(applySpans(latin1, scanner.scan(latin1, newScanState()), 'rule'), 'latin1').toString('utf8');
}

describe('the rule catalogue', () => {
  it('has at least 150 rules with unique ids, a family, keywords and a global indices regex', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BUILTIN_RULES.map((r) => r.id)).size).toBe(BUILTIN_RULES.length);
    for (const rule of BUILTIN_RULES) {
      expect(rule.family).toMatch(/^[a-z0-9-]+$/);
      expect(rule.keywords.length).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword.length).toBeGreaterThan(1);
      expect(rule.regex.flags).toContain('g');
      expect(rule.regex.flags).toContain('d');
    }
  });

  it('runs a rule only on lines holding one of its keywords', () => {
    const token = fakeGithubToken();
    const withoutKeyword = new SecretScanner({
      rules: [{ ...BUILTIN_RULES.find((r) => r.id === 'github-pat')!, keywords: ['never-present'] }],
    });
    expect(withoutKeyword.scan(`x ${token} y`)).toEqual([]);
    const withKeyword = new SecretScanner({ rules: [BUILTIN_RULES.find((r) => r.id === 'github-pat')!] });
    expect(withKeyword.scan(`x ${token} y`)).toHaveLength(1);
  });
});

describe('hit checks', () => {
  const rule: SecretRule = {
    id: 'test-token',
    family: 'test',
    title: 'Test token',
    keywords: ['tok'],
    regex: /tok\s*=\s*(?<secret>[a-z0-9]{8,})/dg,
    severity: 'high',
    placeholder: 'none',
  };
  const key = (m: DetectorMatch): string => `${m.rule.id}@${m.start}-${m.end}`;

  it('queue a rule for a line only when a keyword occurrence there passes the check', () => {
    const line = 'tok is here; tok = abcd1234efgh';
    expect(new Detector([{ ...rule, hitCheck: followedBy(String.raw`\s*=`) }]).matchText(line).map(key)).toEqual([
      'test-token@19-31',
    ]);
    expect(new Detector([{ ...rule, hitCheck: () => false }]).matchText(line)).toEqual([]);
    expect(new Detector([rule]).matchText(line).map(key)).toEqual(['test-token@19-31']);
  });

  it('let the assignment check through every way of assigning, and nothing else', () => {
    const passes = (text: string): boolean => ASSIGNMENT_FOLLOWS(text, 0, 0, '');
    for (const assigned of ['=x', '_KEY=x', 'word: x', '" => x', "'] = x", ' ?= x', '.value |= x', ' != x', '", "x'])
      expect([assigned, passes(assigned)]).toEqual([assigned, true]);
    for (const prose of [' from the environment', 's are masked', ' rotation in 3 days', 'ed for user x'])
      expect([prose, passes(prose)]).toEqual([prose, false]);
  });

  it('written as loops, agree with the sticky regexes they stand for on any text', () => {
    const checks = [
      [ASSIGNMENT_FOLLOWS, /[\w.-]*['"\x60\]\s]*[:?.|=,!]/y],
      [URL_CREDENTIALS_FOLLOW, /[^\s:@/'"]+:[^\s@/'"]{3,}@/y],
    ] as const;
    const alphabet = [
      'a',
      'Z',
      '0',
      '_',
      '.',
      '-',
      "'",
      '"',
      '`',
      ']',
      ' ',
      '\t',
      '\xa0',
      '\x85',
      ':',
      '?',
      '|',
      '=',
      ',',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet, '!', '@', '/', '\n', 'é'), { maxLength: 24 }),
        fc.nat(3),
        (parts, end) => {
          const text = parts.join('');
          for (const [check, regex] of checks) {
            regex.lastIndex = Math.min(end, text.length);
            expect([text, check(text, 0, Math.min(end, text.length), '')]).toEqual([text, regex.test(text)]);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('lose nothing that running each rule on every line holding its keyword finds', () => {
    const detector = new SecretScanner().detector;
    const hex = (n: number) => randomFrom('0123456789abcdef', n);
    const mixed = (n: number) => randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789', n);
    const lines = [
      `password = "Zq8-${hex(16)}"`,
      `dbPassword: '${mixed(14)}'`,
      `export API_KEY=${mixed(32)}`,
      `client_secret => "${mixed(24)}"`,
      `  token: ${mixed(40)}`,
      `"api-key": "${mixed(30)}"`,
      `X-Api-Key: ${mixed(32)}`,
      `vault_token = "s.${mixed(24)}"`,
      `token abcdef.${randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 16)}`,
      `  password ${mixed(8)}1`,
      `the password for user admin is "${mixed(10)}"`,
      `admin_password = "${mixed(16)}"`,
      `git clone https://ci:${mixed(20)}@git.example.com/r.git and postgres://app:${mixed(16)}@db:5432/x`,
      `TASK SK${hex(32)} and xSK${hex(32)}`,
      `id ${fakeAwsKeyId()} x${fakeAwsKeyId()}`,
      `Using token from environment; cache key: node-${hex(40)}; secrets are masked`,
      `auth: password policy check passed for user build-1; key rotation in 3 days`,
    ];
    const text = lines.join('\n');
    const found = detector.matchText(text).map(key).sort();
    expect(found).toEqual(detector.matchEveryLine(text).map(key).sort());
    expect(found.length).toBeGreaterThanOrEqual(14);
  });
});

describe('scanning bytes', () => {
  it('finds in bytes exactly what scan finds in the same bytes read as latin1, with or without the kernel', () => {
    const known = ['registered-value-xyz-1', 'Another:Registered/2'];
    const withKernel = new SecretScanner({ knownValues: known });
    const withoutKernel = new SecretScanner({ knownValues: known, useKernel: false });
    const token = fakeGithubToken();
    const pieces = [
      'registered-value-xyz-1',
      Buffer.from('registered-value-xyz-1\n').toString('base64'),
      Buffer.from(Buffer.from('Another:Registered/2').toString('base64')).toString('hex'),
      token,
      `ghp_${token.slice(4, 20)}`,
      'password = "Zq8-2f4d9c1e7a"',
      'export API_KEY=',
      'https://ci:Zq8x2f4d9c1e7a@git.example.com/',
      '://',
      '-----BEGIN RSA PRIVATE KEY-----\n',
      `${fakePrivateKeyLines(1)[0]}\n`,
      '-----END RSA PRIVATE KEY-----',
      '\x1b[31m',
      '\x1b[0m',
      '\x1b]8;;https://x\x07',
      '\x1b[',
      'é',
      '日本',
      ' ',
      '\n',
      '\r',
      'token: ',
      'AKIA',
      'SK',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const bytes = Buffer.from(parts.join(''), 'utf8');
        const text = bytes.toString('latin1');
        const expected = withoutKernel.scan(text, newScanState());
        expect(withKernel.scanBytes(bytes, newScanState())).toEqual(expected);
        expect(withKernel.scan(text, newScanState())).toEqual(expected);
      }),
      { numRuns: Number(process.env.SCRUB_PROPERTY_RUNS ?? 500) },
    );
  });
});

describe('the WebAssembly loop', () => {
  it('finds exactly what the JavaScript loop finds', () => {
    const known = ['registered-value-xyz-1', 'another-registered-2'];
    const withKernel = new SecretScanner({ knownValues: known });
    const withoutKernel = new SecretScanner({ knownValues: known, useKernel: false });
    const token = fakeGithubToken();
    const text = [
      `export GH_TOKEN=${token}`,
      `b64 ${Buffer.from('registered-value-xyz-1').toString('base64')} and ${Buffer.from(`x=${token}`).toString('base64')}`,
      `\x1b[31mREGISTERED-VALUE-XYZ-1\x1b[0m registered-value-xyz-1 password = "Zq8-${randomFrom('abcdef0123456789', 16)}"`,
      'plain words only, and a hash 0123456789abcdef0123456789abcdef01234567',
    ].join('\n');
    expect(withKernel.scan(text)).toEqual(withoutKernel.scan(text));
    expect(withKernel.scan(text).length).toBeGreaterThanOrEqual(5);
  });
});

describe('credential detectors', () => {
  it.each([
    ['GitHub PAT', () => `token: ${fakeGithubToken()}`, 'github-pat'],
    [
      'GitHub installation token',
      () => `Authorization: token ${fakeGithubToken('ghs_')}`,
      'github-server-to-server-token',
    ],
    ['AWS access key id', () => `aws_access_key_id = ${fakeAwsKeyId()}`, 'aws-access-key-id'],
    ['Slack bot token', () => `SLACK=${fakeSlackBotToken()}`, 'slack-bot-token'],
    ['npm token', () => `//registry.npmjs.org/:_authToken=${fakeGithubToken('npm_')}`, 'npm-access-token'],
    ['GitLab PAT', () => `glpat-${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789', 20)}`, 'gitlab-pat'],
    [
      'Stripe key',
      () => `sk_live_${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789', 24)}`,
      'stripe-secret-key',
    ],
    [
      'Anthropic key',
      () => `sk-ant-api03-${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789_-', 93)}AA`,
      'anthropic-api-key',
    ],
    [
      'OpenAI key',
      () =>
        `sk-proj-${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789', 40)}T3BlbkFJ${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789', 40)}`,
      'openai-api-key',
    ],
    [
      'Google API key',
      () => `key=AIza${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789_-', 35)}`,
      'gcp-api-key',
    ],
    [
      'database URL',
      () => `DATABASE_URL=postgres://app:${randomFrom('abcdefghijkmnopqrstuvwxyz0123456789', 16)}@db.internal:5432/app`,
      'database-url-password',
    ],
    [
      'runner memory dump',
      () => `{"GITHUB_TOKEN":{"value":"${fakeGithubToken('ghs_')}","isSecret":true}}`,
      'runner-memory-dump',
    ],
    [
      'generic secret',
      () => `service_api_key: "${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789', 20)}"`,
      'generic-secret-assignment',
    ],
    [
      'quoted password',
      () => `"password": "${randomFrom('abcdefghijkmnopqrstuvwxyz', 4)}-${randomFrom('0123456789', 4)}"`,
      'quoted-password-assignment',
    ],
  ])('finds a %s', (_name, make, rule) => {
    const text = make();
    const spans = spansOf(text);
    expect(spans.map((s) => s.rule)).toContain(rule);
    expect(redacted(text)).not.toMatch(/[A-Za-z0-9]{20,}T3BlbkFJ|ghp_[A-Za-z0-9]{36}/);
  });

  it('redacts only the secret, keeping the words around it', () => {
    const token = fakeGithubToken();
    expect(redacted(`export GH_TOKEN=${token} # set`)).toBe('export GH_TOKEN=[REDACTED:github-pat] # set');
  });

  it('checks the CRC32 checksum GitHub and npm tokens carry, and keeps a failing match unverified', () => {
    const good = fakeGithubToken();
    const bad = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    expect(hasCrc32Base62Checksum(good)).toBe(true);
    expect(hasCrc32Base62Checksum(bad)).toBe(false);
    expect(spansOf(good)[0]).toMatchObject({ rule: 'github-pat', verified: true });
    expect(spansOf(bad)[0]).toMatchObject({ rule: 'github-pat', verified: false });
  });

  it.each([
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'api_token: ${{ secrets.API_TOKEN }}',
    'password = "$DB_PASSWORD"',
    'client_secret = "<your-client-secret>"',
    'API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'secret_key = "your_secret_key_here"',
    'token = "${TOKEN}"',
    'postgres://user:password@localhost/db',
  ])('allows the placeholder %s', (text) => {
    expect(spansOf(text)).toEqual([]);
  });

  it('follows PEM, OpenSSH and PGP private-key blocks across lines and in escaped single-line form', () => {
    for (const kind of ['RSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PGP PRIVATE KEY BLOCK', 'ENCRYPTED PRIVATE KEY']) {
      const lines = fakePrivateKeyLines();
      const block = `-----BEGIN ${kind}-----\n${lines.join('\n')}\n-----END ${kind}-----\n`;
      const out = redacted(`before\n${block}after\n`);
      for (const line of lines) expect(out).not.toContain(line);
      expect(out).toContain(`-----BEGIN ${kind}-----`);
      expect(out.startsWith('before\n')).toBe(true);
      const escaped = JSON.stringify({ private_key: block });
      expect(redacted(escaped)).not.toContain(lines[2]);
    }
  });

  it('does not flag a key block with no key material in it', () => {
    expect(spansOf('-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----\n')).toEqual([]);
  });

  it('redacts a whole run of base64 or hex that decodes (up to three levels) to a credential', () => {
    const token = fakeGithubToken();
    const once = Buffer.from(`token=${token}`).toString('base64');
    const twice = Buffer.from(once).toString('base64');
    const hexOfBase64 = Buffer.from(once).toString('hex');
    for (const encoded of [once, twice, hexOfBase64]) {
      const out = redacted(`payload ${encoded} end`);
      expect(out).toBe('payload [REDACTED:github-pat] end');
    }
  });

  it('finds a JWT and checks that its header decodes', () => {
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from(`{"sub":"${randomFrom('abcdef0123456789', 12)}","iat":1700000000}`).toString(
      'base64url',
    );
    const jwt = `${header}.${payload}.${randomFrom('abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789_-', 43)}`;
    expect(spansOf(`Bearer ${jwt}`).map((s) => s.rule)).toContain('jwt');
    expect(spansOf(`eyJnotreallyjson.eyJ4.abc`)).toEqual([]);
  });

  it('finds a credential interrupted by colour codes', () => {
    const token = fakeGithubToken();
    const coloured = `${token.slice(0, 10)}\x1b[01;31m\x1b[K${token.slice(10)}\x1b[m\x1b[K`;
    const out = redacted(coloured);
    expect(out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')).toBe('[REDACTED:github-pat]');
  });
});

describe('runner-memory dump fragments', () => {
  it.each([
    '"A_TOKEN":{"value":"v-1234567890","isSecret":true}',
    '"A_TOKEN": { "value": "v-1234567890", "isSecret": true }',
  ])('finds %s', (text) => {
    expect(spansOf(text).map((s) => s.rule)).toEqual(['runner-memory-dump']);
  });
});
