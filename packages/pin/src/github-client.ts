import {
  ConcurrencyLimit,
  DEFAULT_RETRY,
  describeFetchFailure,
  fetchWithRetry,
  OncePerKey,
  ResolveError,
  type RetryPolicy,
} from './http.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

export interface ResolvedActionRef {
  sha: string;
  /** Whether the ref was a tag (annotated tags peeled) or a branch. */
  kind: 'tag' | 'branch';
}

export interface ActionResolver {
  resolveActionRef(owner: string, repo: string, ref: string): Promise<ResolvedActionRef>;
}

export interface GitHubClientOptions {
  /** https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  apiUrl?: string;
  token?: string;
  concurrency?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
}

interface GitObject {
  type?: string;
  sha?: string;
}

/** Nested tags (a tag of a tag) are peeled up to this depth. */
const MAX_TAG_DEPTH = 10;

/**
 * Resolves an action's tag (or branch) to a commit SHA through the REST API:
 * `/repos/{o}/{r}/git/ref/tags/{tag}`, peeling annotated and nested tags through
 * `/repos/{o}/{r}/git/tags/{sha}`, then `/git/ref/heads/{branch}`. Each ref is resolved once.
 */
export class GitHubClient implements ActionResolver {
  private readonly apiUrl: string;
  private readonly fetcher: typeof fetch;
  private readonly limit: ConcurrencyLimit;
  private readonly resolved = new OncePerKey<ResolvedActionRef>();
  private readonly retry: RetryPolicy;
  requests = 0;

  constructor(private readonly options: GitHubClientOptions = {}) {
    this.apiUrl = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
    this.fetcher = options.fetch ?? fetch;
    this.limit = new ConcurrencyLimit(options.concurrency ?? 8);
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  resolveActionRef(owner: string, repo: string, ref: string): Promise<ResolvedActionRef> {
    const key = `${owner.toLowerCase()}/${repo.toLowerCase()}@${ref}`;
    return this.resolved.get(key, () => this.limit.run(() => this.resolve(owner, repo, ref)));
  }

  private async resolve(owner: string, repo: string, ref: string): Promise<ResolvedActionRef> {
    const base = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/git`;
    const refPath = ref.split('/').map(encodeURIComponent).join('/');
    const tag = await this.getJson<{ object?: GitObject }>(`${base}/ref/tags/${refPath}`);
    if (tag) return { sha: await this.peel(base, tag.object, `${owner}/${repo}@${ref}`), kind: 'tag' };
    const branch = await this.getJson<{ object?: GitObject }>(`${base}/ref/heads/${refPath}`);
    if (branch?.object?.sha) return { sha: branch.object.sha, kind: 'branch' };
    throw new ResolveError('not-found', `${owner}/${repo}@${ref}: no such tag or branch`);
  }

  private async peel(base: string, object: GitObject | undefined, what: string): Promise<string> {
    let current = object;
    for (let depth = 0; depth <= MAX_TAG_DEPTH; depth++) {
      if (!current?.sha || !/^[0-9a-f]{40}$/i.test(current.sha)) {
        throw new ResolveError('bad-response', `${what}: the API returned no object SHA`);
      }
      if (current.type === 'commit') return current.sha.toLowerCase();
      if (current.type !== 'tag')
        throw new ResolveError(
          'bad-response',
          `${what}: the ref points at a ${current.type ?? 'unknown object'}, not a commit`,
        );
      const annotated = await this.getJson<{ object?: GitObject }>(`${base}/tags/${current.sha}`);
      if (!annotated) throw new ResolveError('not-found', `${what}: tag object ${current.sha} not found`);
      current = annotated.object;
    }
    throw new ResolveError('bad-response', `${what}: tags nested deeper than ${MAX_TAG_DEPTH}`);
  }

  /** The parsed JSON, or undefined on 404. */
  private async getJson<T>(path: string): Promise<T | undefined> {
    const url = `${this.apiUrl}${path}`;
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'gatehouse-pin',
    };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    this.requests++;
    let response: Response;
    try {
      response = await fetchWithRetry(this.fetcher, url, { headers }, this.retry);
    } catch (error) {
      throw describeFetchFailure(url, error);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      const limited = response.headers.get('x-ratelimit-remaining') === '0';
      throw new ResolveError(
        limited ? 'rate-limited' : 'unauthorized',
        `${new URL(url).origin}: HTTP ${response.status}${limited ? ' (API rate limit exhausted)' : ''}`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ResolveError(
        response.status === 429 ? 'rate-limited' : 'bad-response',
        `${new URL(url).origin}: HTTP ${response.status}`,
      );
    }
    try {
      return (await response.json()) as T;
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new ResolveError('bad-response', `${new URL(url).origin}: the answer is not JSON`);
      throw describeFetchFailure(url, error);
    }
  }
}
