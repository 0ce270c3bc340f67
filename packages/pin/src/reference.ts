/**
 * Image references by the OCI distribution grammar (github.com/distribution/reference):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component *( "/" path-component )
 *   domain    := host [ ":" port ]          host: dns name, IPv4, or "[" IPv6 "]"
 *
 * A first component is a registry host when it contains "." or ":" or is "localhost" (or has an
 * upper-case letter, which a repository path cannot). Otherwise the registry is docker.io, and a
 * single-component name there gets "library/".
 */

export const DEFAULT_REGISTRY = 'docker.io';

export interface ImageReference {
  /**
   * Normalised registry, with port when given: docker.io, ghcr.io, 127.0.0.1:5000, [::1]:5000.
   * Host names keep their case here (as the grammar does); matching compares them case-insensitively.
   */
  registry: string;
  /** The registry host without port (IPv6 keeps its brackets). */
  hostname: string;
  port?: number;
  /** The repository path inside the registry, e.g. library/python. */
  repository: string;
  tag?: string;
  /** `algorithm:hex`; when present the reference is pinned, whatever the tag says. */
  digest?: string;
  /** Whether the text named its registry (so formatting keeps the form the author wrote). */
  registryExplicit: boolean;
}

export class ReferenceError extends Error {
  readonly code = 'INVALID_REFERENCE';
  constructor(
    readonly reference: string,
    reason: string,
  ) {
    super(`'${reference}' is not a valid image reference: ${reason}`);
    this.name = 'ReferenceError';
  }
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 };
const NAME_MAX_LENGTH = 255;
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Parses and normalises an image reference; throws ReferenceError when the text is not one. */
export function parseImageReference(text: string): ImageReference {
  if (text.length === 0) throw new ReferenceError(text, 'it is empty');
  if (text !== text.trim()) throw new ReferenceError(text, 'it has surrounding whitespace');

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    validateDigest(text, digest);
  }

  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/') && !rest.slice(lastColon).includes(']')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) throw new ReferenceError(text, `'${tag}' is not a valid tag`);
  }

  if (rest.length > NAME_MAX_LENGTH)
    throw new ReferenceError(text, `the name is longer than ${NAME_MAX_LENGTH} characters`);
  const { domain, path } = splitDomain(rest);
  let registry = DEFAULT_REGISTRY;
  let hostname = DEFAULT_REGISTRY;
  let port: number | undefined;
  if (domain !== undefined) {
    ({ hostname, port } = parseDomain(text, domain));
    if (port === undefined && DOCKER_HUB_ALIASES.has(hostname.toLowerCase())) hostname = DEFAULT_REGISTRY;
    registry = port === undefined ? hostname : `${hostname}:${port}`;
  }

  if (domain === undefined && /^[a-f0-9]{64}$/.test(path)) {
    throw new ReferenceError(text, 'a 64-character hex string is an image ID, not a repository name');
  }
  const components = path.split('/');
  for (const component of components) {
    if (!PATH_COMPONENT.test(component)) {
      throw new ReferenceError(text, `'${component}' is not a valid repository path component`);
    }
  }
  const repository = registry === DEFAULT_REGISTRY && components.length === 1 ? `library/${path}` : path;

  const reference: ImageReference = { registry, hostname, repository, registryExplicit: domain !== undefined };
  if (port !== undefined) reference.port = port;
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** The reference or undefined, for callers that report invalid text themselves. */
export function tryParseImageReference(text: string): ImageReference | undefined {
  try {
    return parseImageReference(text);
  } catch {
    return undefined;
  }
}

function splitDomain(name: string): { domain?: string; path: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { path: name };
  const first = name.slice(0, slash);
  const isDomain =
    first.includes('.') ||
    first.includes(':') ||
    first === 'localhost' ||
    first !== first.toLowerCase() ||
    first.startsWith('[');
  return isDomain ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}

function parseDomain(text: string, domain: string): { hostname: string; port?: number } {
  let host = domain;
  let portText: string | undefined;
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    if (close < 0) throw new ReferenceError(text, `'${domain}' has an unclosed IPv6 bracket`);
    host = domain.slice(0, close + 1);
    const after = domain.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) throw new ReferenceError(text, `'${domain}' is not a valid registry host`);
      portText = after.slice(1);
    }
    if (!IPV6_HOST.test(host)) throw new ReferenceError(text, `'${host}' is not a valid IPv6 host`);
  } else {
    const colon = domain.indexOf(':');
    if (colon >= 0) {
      host = domain.slice(0, colon);
      portText = domain.slice(colon + 1);
    }
    const labels = host.split('.');
    if (labels.some((label) => !DOMAIN_COMPONENT.test(label))) {
      throw new ReferenceError(text, `'${host}' is not a valid registry host`);
    }
  }
  if (portText === undefined) return { hostname: host };
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new ReferenceError(text, `'${portText}' is not a valid port`);
  }
  return { hostname: host, port: Number(portText) };
}

function validateDigest(text: string, digest: string): void {
  if (!DIGEST.test(digest)) throw new ReferenceError(text, `'${digest}' is not a valid digest`);
  const [algorithm, hex] = digest.split(':') as [string, string];
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (expected === undefined)
    throw new ReferenceError(text, `digest algorithm '${algorithm}' is not supported (sha256, sha512)`);
  if (hex.length !== expected || hex !== hex.toLowerCase()) {
    throw new ReferenceError(text, `a ${algorithm} digest is ${expected} lower-case hex characters`);
  }
}

export function isPinned(reference: ImageReference): boolean {
  return reference.digest !== undefined;
}

/** `registry/repository` in full: docker.io/library/python. */
export function canonicalName(reference: ImageReference): string {
  return `${reference.registry}/${reference.repository}`;
}

/** The short form people write: python, nginx/unit, ghcr.io/owner/image. */
export function familiarName(reference: ImageReference): string {
  if (reference.registry !== DEFAULT_REGISTRY) return canonicalName(reference);
  return reference.repository.startsWith('library/') && reference.repository.split('/').length === 2
    ? reference.repository.slice('library/'.length)
    : reference.repository;
}

export interface FormatOptions {
  /** familiar: python:3.12; canonical: docker.io/library/python:3.12. Default: as written. */
  form?: 'familiar' | 'canonical' | 'as-written';
}

/** Formats a reference back to text; parse(format(r)) gives r again. */
export function formatImageReference(reference: ImageReference, options: FormatOptions = {}): string {
  const form = options.form ?? 'as-written';
  const canonical = form === 'canonical' || (form === 'as-written' && reference.registryExplicit);
  let text = canonical ? canonicalName(reference) : familiarName(reference);
  if (reference.tag !== undefined) text += `:${reference.tag}`;
  if (reference.digest !== undefined) text += `@${reference.digest}`;
  return text;
}
