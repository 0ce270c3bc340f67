// A local HTTP server answering the GitHub REST endpoints used to resolve action refs:
// GET /repos/{owner}/{repo}/git/ref/tags/{tag}, /git/ref/heads/{branch} and /git/tags/{sha}
// (annotated tag objects, which may point at further tags). Loopback only; records every request.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface GitObject {
  type: 'commit' | 'tag';
  sha: string;
}

export interface RecordedRequest {
  path: string;
  authorization?: string;
}

export interface LocalGitHubApi {
  /** The API base URL, e.g. http://127.0.0.1:PORT/api/v3 (the GHES shape). */
  url: string;
  requests: RecordedRequest[];
  /** A lightweight tag: the ref points at the commit. */
  lightweightTag(repo: string, tag: string, commit: string): void;
  /** An annotated tag: the ref points at a tag object that points at the commit. Returns the tag object's SHA. */
  annotatedTag(repo: string, tag: string, commit: string): string;
  /** A tag of a tag: ref → tag object → tag object → commit. */
  nestedTag(repo: string, tag: string, commit: string): void;
  branch(repo: string, name: string, commit: string): void;
  stop(): Promise<void>;
}

/** A 40-hex SHA derived from a label, so tests can name commits. */
export function fakeSha(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

export async function startGitHubApi(options: { token?: string; prefix?: string } = {}): Promise<LocalGitHubApi> {
  const prefix = options.prefix ?? '/api/v3';
  const refs = new Map<string, GitObject>();
  const tagObjects = new Map<string, { repo: string; tag: string; object: GitObject }>();
  const requests: RecordedRequest[] = [];

  const server: Server = createServer((req, res) => {
    const authorization = req.headers.authorization;
    requests.push({ path: req.url ?? '', ...(authorization ? { authorization } : {}) });
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    };
    if (options.token && authorization !== `Bearer ${options.token}`) return send(401, { message: 'Bad credentials' });
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
    if (!path.startsWith(`${prefix}/repos/`)) return send(404, { message: 'Not Found' });
    const match = /^\/repos\/([^/]+)\/([^/]+)\/git\/(ref\/tags|ref\/heads|tags)\/(.+)$/.exec(path.slice(prefix.length));
    if (!match) return send(404, { message: 'Not Found' });
    const repo = `${match[1]}/${match[2]}`.toLowerCase();
    const [kind, name] = [match[3]!, match[4]!];
    if (kind === 'tags') {
      const tagObject = tagObjects.get(name);
      if (!tagObject || tagObject.repo !== repo) return send(404, { message: 'Not Found' });
      return send(200, { sha: name, tag: tagObject.tag, object: tagObject.object });
    }
    const ref = `${kind === 'ref/tags' ? 'refs/tags' : 'refs/heads'}/${name}`;
    const object = refs.get(`${repo} ${ref}`);
    if (!object) return send(404, { message: 'Not Found' });
    return send(200, { ref, object });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const tagObject = (repo: string, tag: string, object: GitObject): string => {
    const sha = fakeSha(`tag object ${repo} ${tag} ${object.sha}`);
    tagObjects.set(sha, { repo: repo.toLowerCase(), tag, object });
    return sha;
  };
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    lightweightTag: (repo, tag, commit) =>
      void refs.set(`${repo.toLowerCase()} refs/tags/${tag}`, { type: 'commit', sha: commit }),
    annotatedTag: (repo, tag, commit) => {
      const sha = tagObject(repo, tag, { type: 'commit', sha: commit });
      refs.set(`${repo.toLowerCase()} refs/tags/${tag}`, { type: 'tag', sha });
      return sha;
    },
    nestedTag: (repo, tag, commit) => {
      const inner = tagObject(repo, `${tag}-inner`, { type: 'commit', sha: commit });
      const outer = tagObject(repo, tag, { type: 'tag', sha: inner });
      refs.set(`${repo.toLowerCase()} refs/tags/${tag}`, { type: 'tag', sha: outer });
    },
    branch: (repo, name, commit) =>
      void refs.set(`${repo.toLowerCase()} refs/heads/${name}`, { type: 'commit', sha: commit }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
