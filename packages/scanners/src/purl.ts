import { PackageURL } from 'packageurl-js';

export interface PurlParts {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
}

/** The identity parts of a purl (qualifiers and subpath ignored), or undefined when it is not one. */
export function parsePurl(text: string | undefined): PurlParts | undefined {
  if (!text || !text.startsWith('pkg:')) return undefined;
  try {
    const purl = PackageURL.fromString(text);
    const parts: PurlParts = { type: purl.type.toLowerCase(), name: purl.name };
    if (purl.namespace) parts.namespace = purl.namespace;
    if (purl.version) parts.version = purl.version;
    return parts;
  } catch {
    return looseParse(text);
  }
}

/** For purls the strict parser refuses (scanners write some): split by hand. */
function looseParse(text: string): PurlParts | undefined {
  const body = text.slice(4).replace(/^\/+/, '').split('#')[0]!.split('?')[0]!;
  const at = body.lastIndexOf('@');
  const path = at > 0 ? body.slice(0, at) : body;
  const version = at > 0 ? safeDecode(body.slice(at + 1)) : undefined;
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  if (segments.length < 2) return undefined;
  const parts: PurlParts = { type: segments[0]!.toLowerCase(), name: segments[segments.length - 1]! };
  if (segments.length > 2) parts.namespace = segments.slice(1, -1).join('/');
  if (version) parts.version = version;
  return parts;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** type/namespace/name, the package without its version, compared case-insensitively. */
export function packageKey(parts: PurlParts): string {
  return [parts.type, parts.namespace ?? '', parts.name].join('/').toLowerCase();
}

/** Versions compare equal ignoring a leading "v" (Go modules write it, other tools drop it). */
export function sameVersion(a: string, b: string): boolean {
  return a.replace(/^v(?=\d)/i, '') === b.replace(/^v(?=\d)/i, '');
}
