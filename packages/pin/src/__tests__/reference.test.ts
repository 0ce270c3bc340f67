import fc from 'fast-check';
import {
  canonicalName,
  familiarName,
  formatImageReference,
  parseImageReference,
  ReferenceError,
} from '../reference.js';

const SHA256 = `sha256:${'a'.repeat(64)}`;
const SHA512 = `sha512:${'b'.repeat(128)}`;

describe('parseImageReference', () => {
  it.each([
    ['python', 'docker.io', 'library/python', undefined],
    ['python:3.12', 'docker.io', 'library/python', '3.12'],
    ['nginx/unit:1.0', 'docker.io', 'nginx/unit', '1.0'],
    ['docker.io/python', 'docker.io', 'library/python', undefined],
    ['index.docker.io/library/python:3', 'docker.io', 'library/python', '3'],
    ['ghcr.io/owner/image:v1', 'ghcr.io', 'owner/image', 'v1'],
    ['localhost/app', 'localhost', 'app', undefined],
    ['localhost:5000/app:dev', 'localhost:5000', 'app', 'dev'],
    ['127.0.0.1:5000/team/app', '127.0.0.1:5000', 'team/app', undefined],
    ['[::1]:5000/app:1', '[::1]:5000', 'app', '1'],
    ['[fe80::1]/app', '[fe80::1]', 'app', undefined],
    ['my-registry:8080/a/b/c:latest', 'my-registry:8080', 'a/b/c', 'latest'],
    ['a__b/c-d.e_f', 'docker.io', 'a__b/c-d.e_f', undefined],
  ])('%s → %s / %s : %s', (text, registry, repository, tag) => {
    const reference = parseImageReference(text);
    expect(reference.registry).toBe(registry);
    expect(reference.repository).toBe(repository);
    expect(reference.tag).toBe(tag);
    expect(reference.digest).toBeUndefined();
  });

  it('keeps the port apart from the hostname', () => {
    expect(parseImageReference('[::1]:5000/app')).toMatchObject({ hostname: '[::1]', port: 5000 });
    expect(parseImageReference('registry.example.com:443/app')).toMatchObject({
      hostname: 'registry.example.com',
      port: 443,
    });
  });

  it('takes a digest with or without a tag; the digest pins', () => {
    expect(parseImageReference(`python@${SHA256}`).digest).toBe(SHA256);
    expect(parseImageReference(`python@${SHA256}`).tag).toBeUndefined();
    expect(parseImageReference(`python:3.12@${SHA256}`)).toMatchObject({ tag: '3.12', digest: SHA256 });
    expect(parseImageReference(`ghcr.io/a/b:1@${SHA512}`)).toMatchObject({
      registry: 'ghcr.io',
      tag: '1',
      digest: SHA512,
    });
  });

  it.each([
    ['', 'empty'],
    ['Python', 'path component'],
    ['python:', 'tag'],
    ['python:-x', 'tag'],
    [`python@sha256:${'a'.repeat(63)}`, '64'],
    [`python@sha256:${'A'.repeat(64)}`, 'lower-case'],
    [`python@md5:${'a'.repeat(32)}`, 'not supported'],
    ['a//b', 'path component'],
    ['-a/b', 'path component'],
    ['-a.com/b', 'registry host'],
    ['host:99999/app', 'port'],
    ['[::1/app', 'IPv6'],
    [' python', 'whitespace'],
    [`${'a'.repeat(256)}`, 'longer'],
  ])('rejects %j (%s)', (text, reason) => {
    expect(() => parseImageReference(text)).toThrow(ReferenceError);
    expect(() => parseImageReference(text)).toThrow(reason);
  });

  it.each([
    // Edge cases of the distribution grammar: no slash means no registry, whatever the name holds.
    ['test.com:5000', 'docker.io', 'library/test.com', '5000'],
    ['192.168.1.1:5000', 'docker.io', 'library/192.168.1.1', '5000'],
    ['foo_bar.com:8080', 'docker.io', 'library/foo_bar.com', '8080'],
    ['192.168.1.1/repo', '192.168.1.1', 'repo', undefined],
    ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com', 'myimage', 'xn--n3h.com'],
    ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io', 'test.example.com/my-app', 'test.example.com'],
    ['[2001:db8::]:5000/repo', '[2001:db8::]:5000', 'repo', undefined],
    ['lowercase:Uppercase', 'docker.io', 'library/lowercase', 'Uppercase'],
    [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, 'docker.io', `${'a/'.repeat(127)}a`, 'tag-puts-this-over-max'],
  ])('grammar edge case %s', (text, registry, repository, tag) => {
    expect(parseImageReference(text)).toMatchObject({ registry, repository, ...(tag ? { tag } : {}) });
  });

  it.each([
    '[2001:db8::1]',
    '[2001:db8::1]:5000',
    '[2001:db8::1]:tag',
    '[fe80::1%eth0]:5000/repo',
    ':justtag',
    `@sha256:${'f'.repeat(64)}`,
    'test:5000/Uppercase/lowercase:tag',
    'aa/asdf$$^/aa',
    `${'a/'.repeat(128)}a:tag`,
    'f'.repeat(64),
  ])('grammar rejects %s', (text) => {
    expect(() => parseImageReference(text)).toThrow(ReferenceError);
  });

  it('names and formats', () => {
    const reference = parseImageReference('python:3.12');
    expect(canonicalName(reference)).toBe('docker.io/library/python');
    expect(familiarName(reference)).toBe('python');
    expect(formatImageReference(reference)).toBe('python:3.12');
    expect(formatImageReference(reference, { form: 'canonical' })).toBe('docker.io/library/python:3.12');
    expect(formatImageReference(parseImageReference('docker.io/library/python:3.12'), { form: 'familiar' })).toBe(
      'python:3.12',
    );
    expect(formatImageReference(parseImageReference(`ghcr.io/a/b:1@${SHA256}`))).toBe(`ghcr.io/a/b:1@${SHA256}`);
  });
});

const alnum = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const pathComponent = fc
  .tuple(alnum, fc.array(fc.tuple(fc.constantFrom('.', '_', '__', '-', '--'), alnum), { maxLength: 2 }))
  .map(([head, rest]) => head + rest.map(([sep, part]) => sep + part).join(''));
const label = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,4}[a-zA-Z0-9])?$/);
const host = fc.oneof(
  fc.tuple(label, fc.array(label, { minLength: 1, maxLength: 3 })).map(([head, rest]) => [head, ...rest].join('.')),
  fc.constant('localhost'),
  fc.stringMatching(/^\[[0-9a-f:]{2,12}\]$/),
);
const domain = fc
  .tuple(host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
  .map(([h, port]) => (port === undefined ? h : `${h}:${port}`));
const tag = fc.stringMatching(/^[\w][\w.-]{0,20}$/);
const digest = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256:${hex}`),
  fc.stringMatching(/^[0-9a-f]{128}$/).map((hex) => `sha512:${hex}`),
);
const referenceText = fc
  .tuple(
    fc.option(domain, { nil: undefined }),
    fc.array(pathComponent, { minLength: 1, maxLength: 3 }),
    fc.option(tag, { nil: undefined }),
    fc.option(digest, { nil: undefined }),
  )
  // Without a registry, a first component with a dot would itself be read as a registry host.
  .filter(([d, path]) => d !== undefined || (!path[0]!.includes('.') && path[0] !== 'localhost'))
  .map(([d, path, t, dg]) => `${d ? `${d}/` : ''}${path.join('/')}${t ? `:${t}` : ''}${dg ? `@${dg}` : ''}`);

describe('reference grammar properties', () => {
  it('parse ∘ format is the identity on parsed references, in every form', () => {
    fc.assert(
      fc.property(referenceText, (text) => {
        const reference = parseImageReference(text);
        for (const form of ['as-written', 'canonical', 'familiar'] as const) {
          const again = parseImageReference(formatImageReference(reference, { form }));
          expect({ ...again, registryExplicit: true }).toEqual({ ...reference, registryExplicit: true });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('formatting a canonical text gives it back byte for byte', () => {
    fc.assert(
      fc.property(referenceText, (text) => {
        const canonical = formatImageReference(parseImageReference(text), { form: 'canonical' });
        expect(formatImageReference(parseImageReference(canonical), { form: 'canonical' })).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });
});
