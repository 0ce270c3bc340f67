import { createHash } from 'node:crypto';
import type { RegistryAuth, RegistryCredentials } from './docker-config.js';
import {
  ConcurrencyLimit,
  DEFAULT_RETRY,
  describeFetchFailure,
  fetchWithRetry,
  OncePerKey,
  ResolveError,
  type RetryPolicy,
} from './http.js';
import { canonicalName, DEFAULT_REGISTRY, type ImageReference } from './reference.js';
import { matchesAnyRegistry, type RegistryPattern } from './registry-pattern.js';

/** Every manifest type a tag can point at; asking for all four keeps a registry from picking a child. */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

export interface ResolvedImage {
  digest: string;
  mediaType?: string;
}

export interface ImageResolver {
  resolveImageDigest(reference: ImageReference): Promise<ResolvedImage>;
}

export interface RegistryClientOptions {
  auth?: RegistryAuth;
  /** Registries reached over plain HTTP. */
  insecureRegistries?: readonly RegistryPattern[];
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
  userAgent?: string;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Resolves image tags to manifest digests over the distribution API: HEAD the manifest with all four
 * media types and read Docker-Content-Digest, or GET it and hash the body. Answers 401 challenges
 * with a Bearer token (anonymous, or with credentials) or Basic auth. Each tag is resolved once.
 */
export class RegistryClient implements ImageResolver {
  private readonly fetcher: typeof fetch;
  private readonly limit: ConcurrencyLimit;
  private readonly resolved = new OncePerKey<ResolvedImage>();
  /** Bearer tokens per registry and scope, fetched once and sent up front afterwards. */
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly retry: RetryPolicy;
  /** How many manifest requests were sent, for tests and the bench. */
  requests = 0;

  constructor(private readonly options: RegistryClientOptions = {}) {
    this.fetcher = options.fetch ?? fetch;
    this.limit = new ConcurrencyLimit(options.concurrency ?? 8);
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  resolveImageDigest(reference: ImageReference): Promise<ResolvedImage> {
    const tag = reference.tag ?? 'latest';
    return this.resolved.get(`${canonicalName(reference)}:${tag}`, () =>
      this.limit.run(() => this.resolve(reference, tag)),
    );
  }

  private async resolve(reference: ImageReference, tag: string): Promise<ResolvedImage> {
    const url = `${this.baseUrl(reference)}/v2/${reference.repository}/manifests/${encodeURIComponent(tag)}`;
    const what = `${canonicalName(reference)}:${tag}`;
    let head = await this.manifestRequest(reference, url, 'HEAD');
    const headerDigest = head.headers.get('docker-content-digest');
    if (head.ok && headerDigest && /^sha256:[0-9a-f]{64}$/.test(headerDigest)) {
      return withMediaType({ digest: headerDigest }, head);
    }
    if (!head.ok && head.status !== 405 && head.status !== 400) throw this.failure(head, what);
    const get = await this.manifestRequest(reference, url, 'GET');
    if (!get.ok) throw this.failure(get, what);
    let body: Buffer;
    try {
      body = Buffer.from(await get.arrayBuffer());
    } catch (error) {
      throw describeFetchFailure(url, error);
    }
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    const claimed = get.headers.get('docker-content-digest');
    if (claimed?.startsWith('sha256:') && claimed !== digest) {
      throw new ResolveError(
        'bad-response',
        `${what}: the manifest's body does not hash to the Docker-Content-Digest the registry sent`,
      );
    }
    head = get;
    return withMediaType({ digest }, head);
  }

  private async manifestRequest(reference: ImageReference, url: string, method: 'HEAD' | 'GET'): Promise<Response> {
    const scope = `repository:${reference.repository}:pull`;
    const headers: Record<string, string> = { accept: MANIFEST_MEDIA_TYPES.join(', ') };
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    const cachedAuth = await this.cachedAuthorization(reference, scope);
    if (cachedAuth) headers.authorization = cachedAuth;
    let response = await this.send(url, { method, headers });
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    await response.body?.cancel();
    const authorization = await this.answerChallenge(reference, scope, challenge);
    if (!authorization) return response;
    headers.authorization = authorization;
    response = await this.send(url, { method, headers });
    return response;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    this.requests++;
    try {
      return await fetchWithRetry(this.fetcher, url, init, this.retry);
    } catch (error) {
      throw describeFetchFailure(url, error);
    }
  }

  private credentials(reference: ImageReference): RegistryCredentials | undefined {
    return this.options.auth?.get(reference.registry.toLowerCase());
  }

  /** A token already fetched for this scope, so later requests skip the 401 round trip. */
  private async cachedAuthorization(reference: ImageReference, scope: string): Promise<string | undefined> {
    const token = this.tokens.get(`${reference.registry}|${scope}`);
    if (!token) return undefined;
    try {
      return `Bearer ${await token}`;
    } catch {
      return undefined;
    }
  }

  private async answerChallenge(
    reference: ImageReference,
    scope: string,
    challenge: Challenge | undefined,
  ): Promise<string | undefined> {
    const credentials = this.credentials(reference);
    if (challenge?.scheme === 'basic') {
      if (credentials?.username === undefined) return undefined;
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password ?? ''}`).toString('base64')}`;
    }
    if (challenge?.scheme !== 'bearer') return undefined;
    if (credentials?.registryToken) return `Bearer ${credentials.registryToken}`;
    const realm = challenge.params.realm;
    if (!realm) throw new ResolveError('bad-response', `${reference.registry} sent a Bearer challenge without a realm`);
    const key = `${reference.registry}|${scope}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.fetchToken(realm, challenge.params.service, scope, credentials);
      this.tokens.set(key, token);
    }
    return `Bearer ${await token}`;
  }

  private async fetchToken(
    realm: string,
    service: string | undefined,
    scope: string,
    credentials: RegistryCredentials | undefined,
  ): Promise<string> {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new ResolveError('bad-response', `the token realm '${realm}' is not a URL`);
    }
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    const headers: Record<string, string> = {};
    if (credentials?.username !== undefined) {
      headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password ?? ''}`).toString('base64')}`;
    }
    const response = await this.send(url.toString(), { headers });
    if (response.status === 401 || response.status === 403) {
      throw new ResolveError(
        'unauthorized',
        `the token service at ${url.origin} refused ${credentials ? 'the credentials' : 'anonymous access'} (HTTP ${response.status})`,
      );
    }
    if (!response.ok)
      throw new ResolveError('bad-response', `the token service at ${url.origin} answered HTTP ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token =
      typeof body.token === 'string'
        ? body.token
        : typeof body.access_token === 'string'
          ? body.access_token
          : undefined;
    if (!token) throw new ResolveError('bad-response', `the token service at ${url.origin} sent no token`);
    return token;
  }

  private baseUrl(reference: ImageReference): string {
    const insecure = matchesAnyRegistry(this.options.insecureRegistries ?? [], reference.hostname, reference.port);
    const host = reference.registry === DEFAULT_REGISTRY ? 'registry-1.docker.io' : reference.registry;
    return `${insecure ? 'http' : 'https'}://${host}`;
  }

  private failure(response: Response, what: string): ResolveError {
    void response.body?.cancel();
    if (response.status === 401 || response.status === 403) {
      return new ResolveError('unauthorized', `${what}: the registry refused access (HTTP ${response.status})`);
    }
    if (response.status === 404) return new ResolveError('not-found', `${what}: no such tag or repository (HTTP 404)`);
    if (response.status === 429)
      return new ResolveError(
        'rate-limited',
        `${what}: still rate-limited after ${this.retry.retries} retries (HTTP 429)`,
      );
    return new ResolveError('bad-response', `${what}: the registry answered HTTP ${response.status}`);
  }
}

function withMediaType(resolved: ResolvedImage, response: Response): ResolvedImage {
  const type = response.headers.get('content-type')?.split(';')[0]?.trim();
  return type ? { ...resolved, mediaType: type } : resolved;
}

/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const param of match[2]!.matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[param[1]!.toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3]!;
  }
  return { scheme: match[1]!.toLowerCase(), params };
}
