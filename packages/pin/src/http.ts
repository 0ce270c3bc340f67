/** Runs at most `limit` tasks at once; the others wait in order. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** Memoises a keyed async computation so each key runs once per instance (failures included). */
export class OncePerKey<T> {
  private readonly results = new Map<string, Promise<T>>();

  get(key: string, compute: () => Promise<T>): Promise<T> {
    let result = this.results.get(key);
    if (!result) {
      result = compute();
      this.results.set(key, result);
    }
    return result;
  }

  get size(): number {
    return this.results.size;
  }
}

export interface RetryPolicy {
  /** Retries after a 429 (or 503 with Retry-After) before giving up. */
  retries: number;
  /** Upper bound on one wait, in milliseconds, whatever Retry-After says. */
  maxWaitMs: number;
  /** A request (with its body) that takes longer than this fails as unreachable. */
  requestTimeoutMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, maxWaitMs: 60_000, requestTimeoutMs: 30_000 };

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date); 1 s when absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === '') return 1000;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

/** fetch, retried on 429 (and 503 with Retry-After) honouring Retry-After within the policy. */
export async function fetchWithRetry(
  fetcher: typeof fetch,
  url: string,
  init: RequestInit,
  policy: RetryPolicy,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const timeout = policy.requestTimeoutMs ?? DEFAULT_RETRY.requestTimeoutMs!;
    const response = await fetcher(url, { ...init, signal: AbortSignal.timeout(timeout) });
    const retryable = response.status === 429 || (response.status === 503 && response.headers.has('retry-after'));
    if (!retryable || attempt >= policy.retries) return response;
    const wait = Math.min(retryAfterMs(response.headers.get('retry-after')), policy.maxWaitMs);
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Thrown when a reference cannot be resolved; `code` says why, the message never holds a secret. */
export class ResolveError extends Error {
  constructor(
    readonly code: 'unreachable' | 'unauthorized' | 'not-found' | 'rate-limited' | 'bad-response',
    message: string,
  ) {
    super(message);
    this.name = 'ResolveError';
  }
}

export function describeFetchFailure(url: string, error: unknown): ResolveError {
  // DOMException is not always an `instanceof Error` (another realm), so look at the name.
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return new ResolveError('unreachable', `${new URL(url).origin} did not answer in time`);
  }
  const cause =
    error instanceof Error && error.cause instanceof Error
      ? error.cause.message
      : error instanceof Error
        ? error.message
        : String(error);
  return new ResolveError('unreachable', `${new URL(url).origin} is unreachable (${cause})`);
}
