import { writeAction } from './fixtures.js';
import { GITHUB_ISSUER, startOidcServer, verifyJwt, type Jwks, type OidcServer } from './oidc.js';
import { removeTemporaryFolders, runAction } from './runner.js';

afterAll(removeTemporaryFolders);

const fetchIdToken = writeAction({
  inputs: '  audience:\n    default: sigstore',
  main: `
try {
  const token = await core.getIDToken(core.getInput('audience'));
  core.setOutput('token', token);
  console.log('token: ' + token);
} catch (error) {
  core.setFailed(error.message);
}
`,
});

describe('startOidcServer', () => {
  let server: OidcServer;
  beforeAll(async () => {
    server = await startOidcServer({ issuer: 'self' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers @actions/core getIDToken inside an action with a JWT that verifies against its JWKS', async () => {
    const run = await runAction({ action: fetchIdToken, oidc: server });
    expect(run.exitCode).toBe(0);
    const token = run.outputs.token!;

    // Discovery the way a verifier (Fulcio) walks it: issuer -> openid-configuration -> jwks_uri.
    const { payload: unverified } = decode(token);
    const discovery = (await (await fetch(`${unverified.iss}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string
    >;
    expect(discovery.issuer).toBe(server.url);
    const jwks = (await (await fetch(discovery.jwks_uri!)).json()) as Jwks;

    const { header, payload } = verifyJwt(token, jwks, { issuer: server.url, audience: 'sigstore' });
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: server.keyId });
    expect(payload).toMatchObject({
      aud: 'sigstore',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      workflow_ref: 'octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main',
      job_workflow_ref: 'octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main',
      event_name: 'push',
      runner_environment: 'github-hosted',
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(300);
    expect(server.requests.at(-1)).toEqual({ audience: 'sigstore', status: 200 });
    // getIDToken registers the token as a secret, so the runner masks it in the log.
    expect(run.masks).toContain(token);
    expect(run.log).toContain('token: ***');
  });

  it('refuses a wrong request token with 401, which fails getIDToken', async () => {
    const run = await runAction({
      action: fetchIdToken,
      oidc: server,
      env: { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-token' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]!.message).toContain('Failed to get ID Token');
    expect(server.requests.at(-1)).toEqual({ audience: 'sigstore', status: 401 });
    const bare = await fetch(`${server.tokenUrl}&audience=x`);
    expect(bare.status).toBe(401);
  });

  it("uses the repository owner's URL as the audience when none is asked for, like GitHub", async () => {
    const response = await fetch(server.tokenUrl, { headers: { authorization: `Bearer ${server.requestToken}` } });
    const { value } = (await response.json()) as { value: string };
    expect(verifyJwt(value, server.jwks).payload.aud).toBe('https://github.com/octo-org');
  });

  it('rejects a tampered, expired or foreign token', async () => {
    const token = server.issueToken('sigstore');
    const [h, , s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...decode(token).payload, sub: 'repo:evil/evil:ref:refs/heads/main' }),
    ).toString('base64url');
    expect(() => verifyJwt(`${h}.${forged}.${s}`, server.jwks)).toThrow('bad signature');
    expect(() => verifyJwt(server.issueToken('sigstore', { exp: 1 }), server.jwks)).toThrow('expired');
    const other = await startOidcServer();
    try {
      expect(() => verifyJwt(other.issueToken(), server.jwks)).toThrow('no key with kid');
      expect(other.issuer).toBe(GITHUB_ISSUER);
    } finally {
      await other.close();
    }
  });
});

describe('startOidcServer with ES256 and custom claims', () => {
  it('signs ES256 tokens carrying the overridden claims', async () => {
    const server = await startOidcServer({
      algorithm: 'ES256',
      claims: { ref: 'refs/tags/v1.0.0', sub: 'repo:octo-org/octo-repo:ref:refs/tags/v1.0.0' },
    });
    try {
      const { header, payload } = verifyJwt(server.issueToken('sigstore'), server.jwks, {
        issuer: GITHUB_ISSUER,
        audience: 'sigstore',
      });
      expect(header.alg).toBe('ES256');
      expect(payload).toMatchObject({ ref: 'refs/tags/v1.0.0', sub: 'repo:octo-org/octo-repo:ref:refs/tags/v1.0.0' });
      expect(server.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    } finally {
      await server.close();
    }
  });
});

function decode(token: string): { payload: Record<string, unknown> } {
  return {
    payload: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}
