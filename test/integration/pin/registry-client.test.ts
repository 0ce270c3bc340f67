import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseDockerConfig,
  parseImageReference,
  parseRegistryPattern,
  RegistryClient,
  ResolveError,
  MANIFEST_MEDIA_TYPES,
} from '@gatehouse/pin';
import {
  buildImage,
  buildIndex,
  describeWithRegistryTools,
  pushWithSkopeo,
  startRateLimitingProxy,
  startRegistry,
  startTokenServer,
  writeOciLayout,
  type BuiltImage,
  type LocalRegistry,
  type TokenServer,
} from '../../harness/registry.js';

const user = 'pusher';
const password = `pw-${Math.random().toString(36).slice(2)}`;

describeWithRegistryTools('RegistryClient against docker-registry on loopback', () => {
  let layout: string;
  let anonymous: LocalRegistry;
  let tokenServer: TokenServer;
  let protectedRegistry: LocalRegistry;
  const single = buildImage('single');
  const multi = buildIndex('multi', [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ]);

  beforeAll(async () => {
    layout = mkdtempSync(join(tmpdir(), 'pin-layout-'));
    writeOciLayout(layout, 'single', single);
    writeOciLayout(layout, 'multi', multi);
    anonymous = await startRegistry();
    tokenServer = await startTokenServer({ users: { [user]: password }, anonymousPullPrefix: 'public/' });
    protectedRegistry = await startRegistry({ token: tokenServer });
    await pushWithSkopeo(layout, 'single', `${anonymous.host}/team/app:1.0`);
    await pushWithSkopeo(layout, 'multi', `${anonymous.host}/team/multi:2.0`, { all: true });
    await pushWithSkopeo(layout, 'single', `${protectedRegistry.host}/public/app:1.0`, {
      credentials: `${user}:${password}`,
    });
    await pushWithSkopeo(layout, 'multi', `${protectedRegistry.host}/private/multi:2.0`, {
      credentials: `${user}:${password}`,
      all: true,
    });
  }, 120_000);

  afterAll(async () => {
    await anonymous?.stop();
    await protectedRegistry?.stop();
    await tokenServer?.stop();
    rmSync(layout, { recursive: true, force: true });
  });

  const insecure = (host: string) => [parseRegistryPattern('insecure-registries', host.split(':')[0]!)];
  const ref = (text: string) => parseImageReference(text);

  it('resolves a single-platform image to its manifest digest', async () => {
    const client = new RegistryClient({ insecureRegistries: insecure(anonymous.host) });
    const resolved = await client.resolveImageDigest(ref(`${anonymous.host}/team/app:1.0`));
    expect(resolved).toEqual({
      digest: single.manifest.digest,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
  });

  it('pins the index digest of a multi-platform image, not a child', async () => {
    const client = new RegistryClient({ insecureRegistries: insecure(anonymous.host) });
    const resolved = await client.resolveImageDigest(ref(`${anonymous.host}/team/multi:2.0`));
    expect(resolved.digest).toBe(multi.manifest.digest);
    expect(multi.children.map((child: BuiltImage) => child.manifest.digest)).not.toContain(resolved.digest);
    expect(resolved.mediaType).toBe('application/vnd.oci.image.index.v1+json');
  });

  it('sends all four manifest media types (asking for one type alone gets a different answer)', async () => {
    expect(MANIFEST_MEDIA_TYPES).toHaveLength(4);
    const onlyManifest = await fetch(`${anonymous.url}/v2/team/multi/manifests/2.0`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(onlyManifest.headers.get('docker-content-digest')).not.toBe(multi.manifest.digest);
  });

  it('resolves each reference once per client', async () => {
    const client = new RegistryClient({ insecureRegistries: insecure(anonymous.host), concurrency: 2 });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => client.resolveImageDigest(ref(`${anonymous.host}/team/app:1.0`))),
    );
    expect(new Set(results.map((r) => r.digest))).toEqual(new Set([single.manifest.digest]));
    expect(client.requests).toBe(1);
  });

  it('reports an unknown tag as not-found', async () => {
    const client = new RegistryClient({ insecureRegistries: insecure(anonymous.host) });
    await expect(client.resolveImageDigest(ref(`${anonymous.host}/team/app:nope`))).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('reports an unreachable registry', async () => {
    const client = new RegistryClient({ insecureRegistries: insecure('127.0.0.1') });
    const error = await client.resolveImageDigest(ref('127.0.0.1:1/x:1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResolveError);
    expect(error).toMatchObject({ code: 'unreachable' });
  });

  it('follows the Bearer challenge anonymously where the token server allows it', async () => {
    const client = new RegistryClient({ insecureRegistries: insecure(protectedRegistry.host) });
    const before = tokenServer.requests.length;
    const resolved = await client.resolveImageDigest(ref(`${protectedRegistry.host}/public/app:1.0`));
    expect(resolved.digest).toBe(single.manifest.digest);
    expect(tokenServer.requests.slice(before)).toEqual([
      { user: undefined, scope: 'repository:public/app:pull', granted: ['public/app:pull'] },
    ]);
  });

  it('is refused without credentials for a private repository', async () => {
    const client = new RegistryClient({ insecureRegistries: insecure(protectedRegistry.host) });
    await expect(client.resolveImageDigest(ref(`${protectedRegistry.host}/private/multi:2.0`))).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('uses Docker config credentials for the token and pins the private index', async () => {
    const auth = parseDockerConfig(
      'registry-auth',
      JSON.stringify({
        auths: { [protectedRegistry.host]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } },
      }),
    );
    const client = new RegistryClient({ auth, insecureRegistries: insecure(protectedRegistry.host) });
    const resolved = await client.resolveImageDigest(ref(`${protectedRegistry.host}/private/multi:2.0`));
    expect(resolved.digest).toBe(multi.manifest.digest);
    expect(tokenServer.requests.at(-1)).toMatchObject({ user, granted: ['private/multi:pull'] });
  });

  it('fails with unauthorized when the credentials are wrong, without echoing them', async () => {
    const wrong = `wrong-${password}`;
    const auth = parseDockerConfig(
      'registry-auth',
      JSON.stringify({ auths: { [protectedRegistry.host]: { username: user, password: wrong } } }),
    );
    const client = new RegistryClient({ auth, insecureRegistries: insecure(protectedRegistry.host) });
    const error = (await client
      .resolveImageDigest(ref(`${protectedRegistry.host}/private/multi:2.0`))
      .catch((e: unknown) => e)) as ResolveError;
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain(wrong);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const proxy = await startRateLimitingProxy(anonymous.url, { limited: 0, retryAfter: '0', delayMs: 40 });
    try {
      const client = new RegistryClient({ insecureRegistries: insecure(proxy.host), concurrency: 2 });
      const tags = ['1.0', 'a', 'b', 'c', 'd', 'e'];
      await Promise.allSettled(tags.map((tag) => client.resolveImageDigest(ref(`${proxy.host}/team/app:${tag}`))));
      expect(proxy.maxInFlight).toBe(2);
      const unbounded = new RegistryClient({ insecureRegistries: insecure(proxy.host), concurrency: 100 });
      await Promise.allSettled(tags.map((tag) => unbounded.resolveImageDigest(ref(`${proxy.host}/team/app:${tag}`))));
      expect(proxy.maxInFlight).toBeGreaterThan(2);
    } finally {
      await proxy.stop();
    }
  });

  it('retries a 429 after Retry-After, then resolves', async () => {
    const proxy = await startRateLimitingProxy(anonymous.url, { limited: 2, retryAfter: '0' });
    try {
      const client = new RegistryClient({
        insecureRegistries: insecure(proxy.host),
        retry: { retries: 3, maxWaitMs: 2000 },
      });
      const resolved = await client.resolveImageDigest(ref(`${proxy.host}/team/app:1.0`));
      expect(resolved.digest).toBe(single.manifest.digest);
      expect(proxy.limitedSent).toBe(2);
      expect(proxy.seen).toBe(3);
    } finally {
      await proxy.stop();
    }
  });

  it('falls back to GET and the sha256 of the body when the registry sends no Docker-Content-Digest', async () => {
    const proxy = await startRateLimitingProxy(anonymous.url, { limited: 0, retryAfter: '0', stripDigestHeader: true });
    try {
      const client = new RegistryClient({ insecureRegistries: insecure(proxy.host) });
      const resolved = await client.resolveImageDigest(ref(`${proxy.host}/team/multi:2.0`));
      expect(resolved.digest).toBe(multi.manifest.digest);
      expect(proxy.seen).toBe(2);
    } finally {
      await proxy.stop();
    }
  });

  it('gives up on 429 after the policy retries', async () => {
    const proxy = await startRateLimitingProxy(anonymous.url, { limited: 100, retryAfter: '0' });
    try {
      const client = new RegistryClient({
        insecureRegistries: insecure(proxy.host),
        retry: { retries: 2, maxWaitMs: 10 },
      });
      await expect(client.resolveImageDigest(ref(`${proxy.host}/team/app:1.0`))).rejects.toMatchObject({
        code: 'rate-limited',
      });
      expect(proxy.seen).toBe(3);
    } finally {
      await proxy.stop();
    }
  });
  describeWithRegistryTools(
    'behind htpasswd (Basic auth)',
    () => {
      let basicRegistry: LocalRegistry;
      beforeAll(async () => {
        basicRegistry = await startRegistry({ basic: { [user]: password } });
        await pushWithSkopeo(layout, 'single', `${basicRegistry.host}/team/app:1.0`, {
          credentials: `${user}:${password}`,
        });
      }, 60_000);
      afterAll(() => basicRegistry?.stop());

      it('answers a Basic challenge (htpasswd) with Docker config credentials', async () => {
        const anonymousClient = new RegistryClient({ insecureRegistries: insecure(basicRegistry.host) });
        await expect(
          anonymousClient.resolveImageDigest(ref(`${basicRegistry.host}/team/app:1.0`)),
        ).rejects.toMatchObject({
          code: 'unauthorized',
        });
        const auth = parseDockerConfig(
          'registry-auth',
          JSON.stringify({ auths: { [`http://${basicRegistry.host}/v2/`]: { username: user, password } } }),
        );
        const client = new RegistryClient({ auth, insecureRegistries: insecure(basicRegistry.host) });
        expect((await client.resolveImageDigest(ref(`${basicRegistry.host}/team/app:1.0`))).digest).toBe(
          single.manifest.digest,
        );
      });
    },
    ['htpasswd'],
  );
});
