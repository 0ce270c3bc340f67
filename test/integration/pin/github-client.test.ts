import { GitHubClient, ResolveError } from '@gatehouse/pin';
import { fakeSha, startGitHubApi, type LocalGitHubApi } from '../../harness/github-api.js';

describe('GitHubClient against a local GitHub REST API', () => {
  const token = `ghs_${'x'.repeat(36)}`;
  let api: LocalGitHubApi;
  beforeAll(async () => {
    api = await startGitHubApi({ token });
    api.lightweightTag('actions/checkout', 'v4', fakeSha('checkout v4'));
    api.annotatedTag('actions/setup-node', 'v4.0.2', fakeSha('setup-node v4.0.2'));
    api.nestedTag('org/nested', 'v1', fakeSha('nested v1'));
    api.branch('org/tool', 'main', fakeSha('tool main'));
    api.lightweightTag('org/tool', 'release/1.x', fakeSha('tool release'));
  });
  afterAll(() => api.stop());

  const client = (): GitHubClient => new GitHubClient({ apiUrl: api.url, token });

  it('resolves a lightweight tag', async () => {
    expect(await client().resolveActionRef('actions', 'checkout', 'v4')).toEqual({
      sha: fakeSha('checkout v4'),
      kind: 'tag',
    });
  });

  it('peels an annotated tag to its commit', async () => {
    const before = api.requests.length;
    expect(await client().resolveActionRef('actions', 'setup-node', 'v4.0.2')).toEqual({
      sha: fakeSha('setup-node v4.0.2'),
      kind: 'tag',
    });
    expect(api.requests.slice(before).map((r) => r.path.replace(/[0-9a-f]{40}/, '<sha>'))).toEqual([
      '/api/v3/repos/actions/setup-node/git/ref/tags/v4.0.2',
      '/api/v3/repos/actions/setup-node/git/tags/<sha>',
    ]);
  });

  it('peels nested tags', async () => {
    expect((await client().resolveActionRef('org', 'nested', 'v1')).sha).toBe(fakeSha('nested v1'));
  });

  it('falls back to branches and handles refs with slashes', async () => {
    expect(await client().resolveActionRef('org', 'tool', 'main')).toEqual({
      sha: fakeSha('tool main'),
      kind: 'branch',
    });
    expect((await client().resolveActionRef('org', 'tool', 'release/1.x')).sha).toBe(fakeSha('tool release'));
  });

  it('sends the token and resolves each ref once', async () => {
    const github = client();
    const before = api.requests.length;
    await Promise.all([
      github.resolveActionRef('actions', 'checkout', 'v4'),
      github.resolveActionRef('actions', 'checkout', 'v4'),
    ]);
    const sent = api.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.authorization).toBe(`Bearer ${token}`);
  });

  it('reports unknown refs as not-found and a bad token as unauthorized, without the token', async () => {
    await expect(client().resolveActionRef('actions', 'checkout', 'v99')).rejects.toMatchObject({ code: 'not-found' });
    const wrong = `ghs_${'y'.repeat(36)}`;
    const error = (await new GitHubClient({ apiUrl: api.url, token: wrong })
      .resolveActionRef('actions', 'checkout', 'v4')
      .catch((e: unknown) => e)) as ResolveError;
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain(wrong);
  });

  it('fails as unreachable when the API does not answer in time', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as import('node:net').AddressInfo;
    try {
      const github = new GitHubClient({
        apiUrl: `http://127.0.0.1:${port}`,
        retry: { retries: 0, maxWaitMs: 0, requestTimeoutMs: 200 },
      });
      const error = (await github
        .resolveActionRef('actions', 'checkout', 'v4')
        .catch((e: unknown) => e)) as ResolveError;
      expect([error.code, error.message]).toEqual(['unreachable', `http://127.0.0.1:${port} did not answer in time`]);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
