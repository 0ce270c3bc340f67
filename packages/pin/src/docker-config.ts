import { UsageError } from '@gatehouse/findings';
import { DEFAULT_REGISTRY } from './reference.js';

export interface RegistryCredentials {
  username?: string;
  password?: string;
  /** A registry token used as the Bearer token directly. */
  registryToken?: string;
}

/** Credentials per normalised registry (host[:port], docker.io for Docker Hub). */
export type RegistryAuth = Map<string, RegistryCredentials>;

/**
 * Reads a Docker config JSON (`{"auths": {"host": {"auth": base64("user:pass")}}}`, also
 * `username`/`password` and `registrytoken`). Keys may carry a scheme and path, as
 * `https://index.docker.io/v1/` does. Never echoes the content in errors.
 */
export function parseDockerConfig(input: string, json: string): RegistryAuth {
  const auth: RegistryAuth = new Map();
  if (json.trim() === '') return auth;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new UsageError(`Input '${input}' is not valid JSON (expected a Docker config with "auths").`);
  }
  const auths = (parsed as { auths?: unknown } | null)?.auths;
  if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
    throw new UsageError(`Input '${input}' has no "auths" object (expected a Docker config JSON).`);
  }
  for (const [key, entry] of Object.entries(auths as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const fields = entry as Record<string, unknown>;
    const credentials: RegistryCredentials = {};
    if (typeof fields.auth === 'string' && fields.auth !== '') {
      const decoded = Buffer.from(fields.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0)
        throw new UsageError(`Input '${input}': the "auth" of ${registryKey(key)} is not base64 of user:password.`);
      credentials.username = decoded.slice(0, colon);
      credentials.password = decoded.slice(colon + 1);
    } else {
      if (typeof fields.username === 'string') credentials.username = fields.username;
      if (typeof fields.password === 'string') credentials.password = fields.password;
    }
    if (typeof fields.registrytoken === 'string' && fields.registrytoken !== '')
      credentials.registryToken = fields.registrytoken;
    if (credentials.username !== undefined || credentials.registryToken !== undefined)
      auth.set(registryKey(key), credentials);
  }
  return auth;
}

/** The secrets inside the auth, so a front can mask them. */
export function secretsOf(auth: RegistryAuth): string[] {
  const secrets: string[] = [];
  for (const credentials of auth.values()) {
    if (credentials.password) secrets.push(credentials.password);
    if (credentials.registryToken) secrets.push(credentials.registryToken);
    if (credentials.username !== undefined && credentials.password !== undefined) {
      secrets.push(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
    }
  }
  return secrets;
}

export function registryKey(key: string): string {
  const host = key
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DEFAULT_REGISTRY : host;
}
