import { UsageError } from '@gatehouse/findings';
import { parseDockerConfig, secretsOf } from '../docker-config.js';
import { retryAfterMs } from '../http.js';
import { parseChallenge } from '../registry-client.js';
import { parseRegistryPattern, registryMatches } from '../registry-pattern.js';

describe('registry patterns', () => {
  it.each([
    ['ghcr.io', 'ghcr.io', undefined, true],
    ['ghcr.io', 'GHCR.io', 443, true],
    ['ghcr.io', 'evil-ghcr.io', undefined, false],
    ['*.example.com', 'registry.example.com', undefined, true],
    ['*.example.com', 'a.b.example.com', 5000, true],
    ['*.example.com', 'example.com', undefined, false],
    ['*.example.com', 'example.com.evil.io', undefined, false],
    ['registry.local:5000', 'registry.local', 5000, true],
    ['registry.local:5000', 'registry.local', 5001, false],
    ['registry.local:5000', 'registry.local', undefined, false],
    ['[::1]:5000', '[::1]', 5000, true],
    ['index.docker.io', 'docker.io', undefined, true],
    ['https://quay.io/', 'quay.io', undefined, true],
    ['*', 'anything.io', 1, true],
  ])('%s matches %s:%s → %s', (pattern, host, port, expected) => {
    expect(registryMatches(parseRegistryPattern('trusted-registries', pattern), host, port)).toBe(expected);
  });

  it('rejects what is not a host pattern', () => {
    expect(() => parseRegistryPattern('trusted-registries', 'a b')).toThrow(UsageError);
    expect(() => parseRegistryPattern('insecure-registries', 'host:70000')).toThrow("Input 'insecure-registries'");
  });
});

describe('parseDockerConfig', () => {
  const user = 'ci-bot';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  it('reads base64 auth, username/password and registrytoken, normalising keys', () => {
    const config = JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from(`${user}:${password}`).toString('base64') },
        '127.0.0.1:5000': { username: user, password },
        'ghcr.io': { registrytoken: 'tok' },
        'empty.io': {},
      },
    });
    const auth = parseDockerConfig('registry-auth', config);
    expect([...auth.keys()]).toEqual(['docker.io', '127.0.0.1:5000', 'ghcr.io']);
    expect(auth.get('docker.io')).toEqual({ username: user, password });
    expect(auth.get('ghcr.io')).toEqual({ registryToken: 'tok' });
    expect(secretsOf(auth)).toContain(password);
    expect(secretsOf(auth)).toContain(Buffer.from(`${user}:${password}`).toString('base64'));
  });

  it('fails with one line that never echoes the content', () => {
    expect(() => parseDockerConfig('registry-auth', `{"auths": ${password}`)).toThrow(
      "Input 'registry-auth' is not valid JSON",
    );
    try {
      parseDockerConfig('registry-auth', `{"x": "${password}"}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(password);
    }
    expect(parseDockerConfig('registry-auth', '').size).toBe(0);
  });
});

describe('HTTP helpers', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
  });

  it('parses WWW-Authenticate challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull' },
    });
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' },
    });
    expect(parseChallenge(null)).toBeUndefined();
  });
});
