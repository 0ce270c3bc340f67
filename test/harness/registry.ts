// Local OCI registries for tests: Debian's docker-registry on 127.0.0.1 with a config we write (the
// packaged one turns on htpasswd), optionally behind a node:http token server doing the Bearer flow,
// OCI image layouts built by hand, and skopeo to push them. Loopback only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { initializeCA } from '@sigstore/mock';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIfAvailable } from '../support/requires.js';

const REGISTRY_BINARY = 'docker-registry';
const SKOPEO_BINARY = 'skopeo';
const HTPASSWD_BINARY = 'htpasswd';

function onPath(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

const PACKAGE_OF: Record<string, string> = {
  [REGISTRY_BINARY]: 'docker-registry',
  [SKOPEO_BINARY]: 'skopeo',
  [HTPASSWD_BINARY]: 'apache2-utils',
};

export function registryToolsMissing(extra: readonly string[] = []): string[] {
  return [REGISTRY_BINARY, SKOPEO_BINARY, ...extra].filter((binary) => !onPath(binary));
}

/**
 * `describe` when docker-registry and skopeo (and any `extra` tool, e.g. 'htpasswd') are installed;
 * otherwise a skip with one line, or under CI=true a failing test: CI installs them with
 * `apt-get install -y docker-registry skopeo apache2-utils`.
 */
export function describeWithRegistryTools(name: string, body: () => void, extra: readonly string[] = []): void {
  const missing = registryToolsMissing(extra);
  const install = `apt-get install -y ${[...new Set(missing.map((binary) => PACKAGE_OF[binary] ?? binary))].join(' ')}`;
  describeIfAvailable(name, missing.length ? `${missing.join(', ')} not installed (${install})` : undefined, body);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

// ---------------------------------------------------------------------------------------------
// Token server (the Bearer flow of the distribution token spec, JWTs signed ES256 with an x5c cert)

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  /** PEM of the signing certificate, for the registry's rootcertbundle. */
  certificatePath: string;
  /** Every token request: who asked (undefined = anonymous) and for which scope. */
  requests: Array<{ user?: string; scope?: string; granted: string[] }>;
  stop(): Promise<void>;
}

export interface TokenServerOptions {
  /** user → password; those users get pull and push everywhere. */
  users: Record<string, string>;
  /** Repositories anonymous users may pull (prefix match), e.g. 'public/'. */
  anonymousPullPrefix?: string;
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-token-'));
  const certificatePath = join(dir, 'cert.pem');
  // A self-signed P-256 certificate from @sigstore/mock's CA: the registry trusts it as rootcertbundle
  // and finds it again in each token's x5c header.
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ca = await initializeCA(keyPair);
  const certDer = Buffer.from(ca.rootCertificate.buffer, ca.rootCertificate.byteOffset, ca.rootCertificate.byteLength);
  writeFileSync(
    certificatePath,
    `-----BEGIN CERTIFICATE-----\n${certDer.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`,
  );
  const key = keyPair.privateKey;
  const service = 'gatehouse-test-registry';
  const issuer = 'gatehouse-test-issuer';
  const requests: TokenServer['requests'] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/token') {
      res.writeHead(404).end();
      return;
    }
    const user = basicUser(req, options.users);
    if (user === null) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    const scope = url.searchParams.get('scope') ?? undefined;
    const access: Array<{ type: string; name: string; actions: string[] }> = [];
    for (const item of url.searchParams.getAll('scope')) {
      const [type, name, actions] = item.split(':') as [string, string, string];
      const wanted = (actions ?? '').split(',');
      const granted =
        user !== undefined
          ? wanted
          : wanted.filter(
              (a) =>
                a === 'pull' &&
                options.anonymousPullPrefix !== undefined &&
                name.startsWith(options.anonymousPullPrefix),
            );
      if (granted.length > 0) access.push({ type, name, actions: granted });
    }
    requests.push({ user, scope, granted: access.flatMap((a) => a.actions.map((action) => `${a.name}:${action}`)) });
    const now = Math.floor(Date.now() / 1000);
    const token = jwt(key, certDer, {
      iss: issuer,
      sub: user ?? '',
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token, access_token: token, expires_in: 300 }));
  });
  const port = await listen(server);
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certificatePath,
    requests,
    stop: async () => {
      await close(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The authenticated user, undefined for anonymous, null for wrong credentials. */
function basicUser(req: IncomingMessage, users: Record<string, string>): string | undefined | null {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Basic (.+)$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = decoded.slice(0, colon);
  return colon > 0 && users[user] !== undefined && users[user] === decoded.slice(colon + 1) ? user : null;
}

function jwt(key: KeyObject, certDer: Buffer, claims: object): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] })}.${encode(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

// ---------------------------------------------------------------------------------------------
// docker-registry

export interface LocalRegistry {
  /** 127.0.0.1:PORT, as written in image references. */
  host: string;
  url: string;
  stop(): Promise<void>;
}

export async function startRegistry(
  options: { token?: TokenServer; basic?: Record<string, string> } = {},
): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-registry-'));
  const port = await freePort();
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
  ];
  if (options.token) {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${options.token.realm}`,
      `    service: ${options.token.service}`,
      `    issuer: ${options.token.issuer}`,
      `    rootcertbundle: ${options.token.certificatePath}`,
    );
  }
  if (options.basic) {
    const htpasswdPath = join(dir, 'htpasswd');
    for (const [user, password] of Object.entries(options.basic)) {
      const made = spawnSync(
        HTPASSWD_BINARY,
        ['-bB', ...(existsSync(htpasswdPath) ? [] : ['-c']), htpasswdPath, user, password],
        { stdio: 'pipe' },
      );
      if (made.status !== 0) throw new Error(`htpasswd failed: ${made.stderr.toString()}`);
    }
    lines.push('auth:', '  htpasswd:', '    realm: gatehouse-test', `    path: ${htpasswdPath}`);
  }
  const configPath = join(dir, 'config.yml');
  writeFileSync(configPath, `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited (${child.exitCode}): ${stderr.slice(0, 500)}`);
    const status = await fetch(`${url}/v2/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200 || status === 401) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`docker-registry did not answer on ${url}: ${stderr.slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An HTTP proxy in front of a registry that answers the first `limited` requests with 429 and a
 * Retry-After, then passes everything through (after `delayMs`, without Docker-Content-Digest when
 * `stripDigestHeader`). Counts what it saw and the most requests it held at once.
 */
export async function startRateLimitingProxy(
  target: string,
  options: { limited: number; retryAfter: string; delayMs?: number; stripDigestHeader?: boolean },
): Promise<{ host: string; seen: number; limitedSent: number; maxInFlight: number; stop(): Promise<void> }> {
  const state = { seen: 0, limitedSent: 0, inFlight: 0, maxInFlight: 0 };
  const upstream = new URL(target);
  const server = createServer(async (req, res) => {
    state.seen++;
    if (state.limitedSent < options.limited) {
      state.limitedSent++;
      res.writeHead(429, { 'retry-after': options.retryAfter }).end();
      return;
    }
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.once('close', () => state.inFlight--);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const headers = { ...answer.headers };
        if (options.stripDigestHeader) delete headers['docker-content-digest'];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  const port = await listen(server);
  return Object.assign(state, { host: `127.0.0.1:${port}`, stop: () => close(server) });
}

// ---------------------------------------------------------------------------------------------
// OCI image layouts built by hand, pushed with skopeo

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export interface Blob {
  digest: string;
  size: number;
  bytes: Buffer;
}

function blob(bytes: Buffer): Blob {
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length, bytes };
}

/** A one-file ustar archive: a real layer, small and reproducible. */
export function tarWithFile(name: string, content: string): Buffer {
  const body = Buffer.from(content);
  const header = Buffer.alloc(512);
  const field = (text: string, offset: number, length: number): void =>
    void header.write(text, offset, length, 'ascii');
  field(name, 0, 100);
  field('0000644\0', 100, 8);
  field('0000000\0', 108, 8);
  field('0000000\0', 116, 8);
  field(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 12);
  field('00000000000\0', 136, 12);
  field('        ', 148, 8);
  field('0', 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
  return Buffer.concat([header, body, padding, Buffer.alloc(1024)]);
}

export interface BuiltImage {
  manifest: Blob;
  blobs: Blob[];
}

/** A single-platform image: one layer, a config, an OCI manifest. */
export function buildImage(
  label: string,
  platform: { os: string; architecture: string } = { os: 'linux', architecture: 'amd64' },
): BuiltImage {
  const layer = blob(tarWithFile('hello.txt', `${label}\n`));
  const config = blob(
    Buffer.from(
      JSON.stringify({
        ...platform,
        config: { Labels: { 'test.label': label } },
        rootfs: { type: 'layers', diff_ids: [layer.digest] },
      }),
    ),
  );
  const manifest = blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layer.digest, size: layer.size }],
      }),
    ),
  );
  return { manifest, blobs: [layer, config, manifest] };
}

/** A multi-platform image: an OCI index over one image per platform. */
export function buildIndex(
  label: string,
  platforms: Array<{ os: string; architecture: string }>,
): BuiltImage & { children: BuiltImage[] } {
  const children = platforms.map((platform) => buildImage(`${label}-${platform.architecture}`, platform));
  const manifest = blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: children.map((child, i) => ({
          mediaType: OCI_MANIFEST,
          digest: child.manifest.digest,
          size: child.manifest.size,
          platform: platforms[i],
        })),
      }),
    ),
  );
  return { manifest, children, blobs: [...children.flatMap((child) => child.blobs), manifest] };
}

/** Writes an OCI image layout (oci-layout, index.json, blobs/sha256/…) holding the image under `tag`. */
export function writeOciLayout(dir: string, tag: string, image: BuiltImage): void {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  for (const item of image.blobs) {
    const path = join(dir, 'blobs', 'sha256', item.digest.slice('sha256:'.length));
    if (!existsSync(path)) writeFileSync(path, item.bytes);
  }
  const mediaType = JSON.parse(image.manifest.bytes.toString()).mediaType as string;
  const indexPath = join(dir, 'index.json');
  const index = existsSync(indexPath)
    ? JSON.parse(readFileSync(indexPath, 'utf8'))
    : { schemaVersion: 2, manifests: [] };
  index.manifests.push({
    mediaType,
    digest: image.manifest.digest,
    size: image.manifest.size,
    annotations: { 'org.opencontainers.image.ref.name': tag },
  });
  writeFileSync(indexPath, JSON.stringify(index));
}

/**
 * skopeo copy from a layout to the registry over plain HTTP, keeping digests (and every platform).
 * Asynchronous on purpose: the token server runs in this process and must keep answering.
 */
export async function pushWithSkopeo(
  layout: string,
  tag: string,
  destination: string,
  options: { credentials?: string; all?: boolean } = {},
): Promise<void> {
  const args = ['--insecure-policy', 'copy', '--dest-tls-verify=false', '--preserve-digests', '--retry-times', '2'];
  if (options.all) args.push('--all');
  if (options.credentials) args.push('--dest-creds', options.credentials);
  else args.push('--dest-no-creds');
  args.push(`oci:${layout}:${tag}`, `docker://${destination}`);
  const child = spawn(SKOPEO_BINARY, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REGISTRY_AUTH_FILE: join(layout, 'no-auth.json') },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`skopeo copy to ${destination} failed (exit ${code}): ${output.slice(-800)}`);
}
