import { UsageError } from '@gatehouse/findings';
import {
  base64Core,
  collectKnownValues,
  encodedForms,
  looksLikeSecretName,
  parseSecretsInput,
  registrableValues,
  secretsFromEnv,
} from '../known-values.js';

describe('secrets input', () => {
  it('reads one secret per line', () => {
    expect(parseSecretsInput('first-secret\n\n  second-secret  \r\n')).toEqual(['first-secret', 'second-secret']);
  });

  it('reads a JSON object such as toJSON(secrets) as its values, keeping multi-line values whole', () => {
    const json = JSON.stringify({ github_token: 'ghs_value_value', DEPLOY_KEY: 'line-one-long\nline-two-long\nshort' });
    expect(parseSecretsInput(json)).toEqual(['ghs_value_value', 'line-one-long\nline-two-long\nshort']);
  });

  it('fails with one line naming the input on malformed JSON', () => {
    expect(() => parseSecretsInput('{"a": ')).toThrow(UsageError);
    expect(() => parseSecretsInput('{"a": ')).toThrow(/^Input 'secrets' starts with '\{' but is not valid JSON/);
  });

  it('registers a multi-line value whole and line by line, skipping lines under 8 characters', () => {
    expect(registrableValues('-----BEGIN-----\nabcdefgh1234\nshort\n-----END-----\n')).toEqual([
      '-----BEGIN-----\nabcdefgh1234\nshort\n-----END-----',
      '-----BEGIN-----',
      'abcdefgh1234',
      '-----END-----',
    ]);
  });

  it('registers nothing shorter than 8 characters on its own', () => {
    const known = collectKnownValues(['short', 'longer-value']);
    expect(known.values).toEqual(['longer-value']);
    expect(known.masks).toEqual(['longer-value']);
    expect(known.skippedShort).toBe(1);
  });
});

describe('encodings of a registered value', () => {
  it('gives base64 cores that match at every byte alignment, with or without padding', () => {
    const secret = Buffer.from('correct horse battery');
    for (const alignment of [0, 1, 2] as const) {
      const core = base64Core(secret, alignment);
      for (const prefix of ['', 'a', 'ab', 'abc']) {
        if (prefix.length % 3 !== alignment) continue;
        for (const suffix of ['', '\n', 'xyz']) {
          const encoded = Buffer.from(prefix + secret.toString() + suffix).toString('base64');
          expect(encoded).toContain(core);
          expect(encoded.replace(/=+$/, '')).toContain(core);
        }
      }
    }
  });

  it('lists raw, base64, base64url, hex, URL, JSON and shell forms', () => {
    const forms = encodedForms(`it's "quoted" $x/y???>`);
    const names = new Set(forms.map((f) => f.encoding));
    for (const name of [
      'raw',
      'base64',
      'base64url',
      'hex',
      'hex-upper',
      'url',
      'json',
      'shell-single',
      'shell-double',
      'shell-escaped',
    ]) {
      expect(names).toContain(name);
    }
    const texts = forms.map((f) => f.text);
    expect(texts).toContain(`it'\\''s "quoted" $x/y???>`);
    expect(texts).toContain(`it's \\"quoted\\" \\$x/y???>`);
    expect(texts).toContain(encodeURIComponent(`it's "quoted" $x/y???>`));
  });
});

describe('environment variables that look secret', () => {
  it.each([
    ['GITHUB_TOKEN', true],
    ['NPM_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['DB_PASSWORD', true],
    ['SSH_PRIVATE_KEY', true],
    ['API_KEY', true],
    ['MY_APIKEY', true],
    ['REGISTRY_AUTH', true],
    ['GOOGLE_CREDENTIALS', true],
    ['PWD', false],
    ['OLDPWD', false],
    ['KEYBOARD_LAYOUT', false],
    ['MONKEY_MODE', false],
    ['SSH_KEY_PATH', false],
    ['AWS_ACCESS_KEY_ID', false],
    ['TOKEN_URL', false],
    ['HOME', false],
  ])('%s → %s', (name, expected) => {
    expect(looksLikeSecretName(name)).toBe(expected);
  });

  it('skips values that are short or obviously not secret, and honours include and exclude globs', () => {
    const env = {
      GITHUB_TOKEN: 'ghs_abcdefghijklmnop',
      DEBUG_TOKEN: 'true',
      SHORT_SECRET: 'abc',
      CACHE_KEY: '/home/runner/.cache',
      DEPLOY_PASSWORD: 'hunter2-hunter2',
      MY_VALUE: 'value-named-explicitly',
      PATH: '/usr/bin',
    };
    expect(secretsFromEnv(env).map((e) => e.name)).toEqual(['DEPLOY_PASSWORD', 'GITHUB_TOKEN']);
    expect(secretsFromEnv(env, { patterns: ['auto', 'MY_*', '!DEPLOY_*'] }).map((e) => e.name)).toEqual([
      'GITHUB_TOKEN',
      'MY_VALUE',
    ]);
    expect(secretsFromEnv(env, { patterns: ['none'] })).toEqual([]);
  });
});

describe('long multi-line values', () => {
  it('are matched through their lines, while the whole value is still a mask', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line-${i}-${'k'.repeat(56)}`);
    const pem = `-----BEGIN KEY-----\n${lines.join('\n')}\n-----END KEY-----`;
    const known = collectKnownValues([pem]);
    expect(known.masks).toContain(pem);
    expect(known.values).not.toContain(pem);
    for (const line of lines) expect(known.values).toContain(line);
    const shortLines = Array.from({ length: 200 }, (_, i) => `s${i % 10}`).join('\n');
    expect(collectKnownValues([shortLines]).values).toEqual([shortLines]);
  });
});
