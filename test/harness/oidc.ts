/**
 * A local stand-in for GitHub's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL): a bearer-
 * protected GET that returns `{"value": "<JWT>"}` for `&audience=...`, signing real JWTs (RS256 by
 * default, like GitHub, or ES256) with a key made per server, plus the discovery document and JWKS
 * a verifier (a local Fulcio) needs. Binds 127.0.0.1 on an ephemeral port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
  timingSafeEqual,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { REF, REPOSITORY, REPOSITORY_OWNER, RUN_ID, SHA, WORKFLOW_REF } from './github-context.js';

export type OidcAlgorithm = 'RS256' | 'ES256';

export interface OidcServerOptions {
  /** `iss`; default GitHub's issuer. `'self'` uses this server's URL, so discovery resolves here. */
  issuer?: string;
  algorithm?: OidcAlgorithm;
  /** Claims added to (or replacing) the GitHub Actions claims of every token. */
  claims?: Record<string, unknown>;
  /** exp - iat; default 300 s (GitHub's tokens live five minutes). */
  lifetimeSeconds?: number;
  /** `aud` when the request names none; GitHub uses the URL of the repository owner. */
  defaultAudience?: string;
  /** The bearer token the endpoint accepts; default random. */
  requestToken?: string;
}

export interface OidcRequest {
  audience: string | undefined;
  status: number;
}

export interface Jwks {
  keys: Array<JsonWebKey & { kid: string; alg: OidcAlgorithm; use: 'sig' }>;
}

export interface OidcServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL: has a query already, clients append `&audience=`. */
  tokenUrl: string;
  issuer: string;
  requestToken: string;
  algorithm: OidcAlgorithm;
  keyId: string;
  publicKey: KeyObject;
  publicKeyPem: string;
  jwks: Jwks;
  /** Every token request in order, with the audience asked for and the status answered. */
  requests: OidcRequest[];
  /** The claims a token for `audience` carries (without the time claims and jti). */
  claimsFor(audience?: string): Record<string, unknown>;
  /** Signs a token directly, as the endpoint would, with `overrides` applied last. */
  issueToken(audience?: string, overrides?: Record<string, unknown>): string;
  env(): { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  close(): Promise<void>;
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** The claims GitHub puts in an Actions ID token for a push to main running release.yml. */
export function githubActionsClaims(): Record<string, unknown> {
  return {
    sub: `repo:${REPOSITORY}:ref:${REF}`,
    ref: REF,
    sha: SHA,
    repository: REPOSITORY,
    repository_owner: REPOSITORY_OWNER,
    repository_owner_id: '9919',
    repository_id: '1296269',
    repository_visibility: 'public',
    run_id: RUN_ID,
    run_number: '7',
    run_attempt: '1',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'release',
    head_ref: '',
    base_ref: '',
    event_name: 'push',
    ref_type: 'branch',
    ref_protected: 'true',
    workflow_ref: WORKFLOW_REF,
    workflow_sha: SHA,
    job_workflow_ref: WORKFLOW_REF,
    job_workflow_sha: SHA,
    runner_environment: 'github-hosted',
  };
}

export async function startOidcServer(options: OidcServerOptions = {}): Promise<OidcServer> {
  const algorithm = options.algorithm ?? 'RS256';
  const { privateKey, publicKey } =
    algorithm === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = randomBytes(16).toString('hex');
  const jwks: Jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, alg: algorithm, use: 'sig' }] };
  const requestToken = options.requestToken ?? randomBytes(48).toString('base64url');
  const tokenPath = `/_apis/distributedtask/hubs/Actions/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`;
  const requests: OidcRequest[] = [];
  let url = '';
  let issuer = '';

  const claimsFor = (audience?: string): Record<string, unknown> => ({
    ...githubActionsClaims(),
    ...options.claims,
    aud: audience ?? options.defaultAudience ?? `https://github.com/${REPOSITORY_OWNER}`,
    iss: issuer,
  });
  const issueToken = (audience?: string, overrides: Record<string, unknown> = {}): string => {
    const iat = Math.floor(Date.now() / 1000);
    const payload = {
      jti: randomUUID(),
      ...claimsFor(audience),
      nbf: iat - 600,
      exp: iat + (options.lifetimeSeconds ?? 300),
      iat,
      ...overrides,
    };
    return signJwt({ alg: algorithm, kid: keyId, typ: 'JWT' }, payload, privateKey);
  };

  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      json(response, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  });
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const target = new URL(request.url ?? '/', url);
    if (target.pathname === '/.well-known/openid-configuration') {
      json(response, 200, {
        issuer,
        jwks_uri: `${url}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', ...Object.keys(githubActionsClaims())],
        id_token_signing_alg_values_supported: [algorithm],
        scopes_supported: ['openid'],
      });
      return;
    }
    if (target.pathname === '/.well-known/jwks') {
      json(response, 200, jwks);
      return;
    }
    if (target.pathname !== tokenPath) {
      json(response, 404, { message: 'Not Found' });
      return;
    }
    const audience = target.searchParams.get('audience') ?? undefined;
    if (request.method !== 'GET') {
      requests.push({ audience, status: 405 });
      json(response, 405, { message: 'Method Not Allowed' });
      return;
    }
    if (!bearerMatches(request.headers.authorization, requestToken)) {
      requests.push({ audience, status: 401 });
      json(response, 401, { message: 'Unauthorized' });
      return;
    }
    requests.push({ audience, status: 200 });
    json(response, 200, { value: issueToken(audience) });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = options.issuer === 'self' ? url : (options.issuer ?? GITHUB_ISSUER);
  const tokenUrl = `${url}${tokenPath}?api-version=2.0`;

  return {
    url,
    tokenUrl,
    issuer,
    requestToken,
    algorithm,
    keyId,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwks,
    requests,
    claimsFor,
    issueToken,
    env: () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function bearerMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!.trim());
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}

export interface VerifiedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/**
 * Verifies a compact JWT against a JWKS (signature with the key named by `kid`, exp/nbf, and
 * optionally iss and aud). Throws with the reason; returns the decoded header and payload.
 */
export function verifyJwt(
  token: string,
  jwks: Jwks,
  expected: { issuer?: string; audience?: string; now?: number } = {},
): VerifiedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('JWT: not three dot-separated parts');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as Record<string, unknown>;
  const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as Record<string, unknown>;
  const jwk = jwks.keys.find((key) => key.kid === header.kid);
  if (!jwk) throw new Error(`JWT: no key with kid ${String(header.kid)} in the JWKS`);
  if (header.alg !== jwk.alg) throw new Error(`JWT: alg ${String(header.alg)} does not match the key's ${jwk.alg}`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const valid = verify(
    'sha256',
    Buffer.from(`${headerPart}.${payloadPart}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!valid) throw new Error('JWT: bad signature');
  const now = expected.now ?? Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number' || payload.exp <= now) throw new Error('JWT: expired');
  if (typeof payload.nbf === 'number' && payload.nbf > now) throw new Error('JWT: not valid yet');
  if (expected.issuer !== undefined && payload.iss !== expected.issuer)
    throw new Error(`JWT: iss ${String(payload.iss)} is not ${expected.issuer}`);
  if (expected.audience !== undefined) {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(expected.audience))
      throw new Error(`JWT: aud ${String(payload.aud)} does not include ${expected.audience}`);
  }
  return { header, payload };
}
