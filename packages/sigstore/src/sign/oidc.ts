import { UsageError, describeError } from '@gatehouse/findings';

/** Where the runner's OIDC token comes from: ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, read by the front. */
export interface GitHubTokenRequest {
  requestUrl?: string;
  requestToken?: string;
  audience: string;
}

export const MISSING_ID_TOKEN_PERMISSION =
  "Keyless signing needs the workflow's OIDC token: add `permissions: id-token: write` to the job (ACTIONS_ID_TOKEN_REQUEST_URL is not set), or give 'key' to sign with a key.";

/** A token getter for the runner's OIDC endpoint; fails with one line naming the permission to add. */
export function githubActionsTokenGetter(request: GitHubTokenRequest): () => Promise<string> {
  if (!request.requestUrl || !request.requestToken) throw new UsageError(MISSING_ID_TOKEN_PERMISSION);
  return async () => {
    const url = new URL(request.requestUrl!);
    url.searchParams.set('audience', request.audience);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${request.requestToken}`, Accept: 'application/json' },
      });
    } catch (error) {
      throw new Error(`the OIDC token request failed: ${describeError(error)}`);
    }
    if (!response.ok) throw new Error(`the OIDC token request failed with HTTP ${response.status}`);
    const body = (await response.json()) as { value?: unknown };
    if (typeof body.value !== 'string' || body.value.split('.').length !== 3)
      throw new Error('the OIDC token response holds no token');
    return body.value;
  };
}
