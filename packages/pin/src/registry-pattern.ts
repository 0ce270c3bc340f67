import { UsageError } from '@gatehouse/findings';
import { DEFAULT_REGISTRY } from './reference.js';

/**
 * A registry pattern from `trusted-registries` or `insecure-registries`: `ghcr.io`,
 * `*.example.com` (any sub-domain), `registry.local:5000`, `[::1]:5000`. A pattern without a port
 * matches its host on any port. Hosts compare case-insensitively; Docker Hub's aliases are docker.io.
 */
export interface RegistryPattern {
  text: string;
  host: string;
  wildcard: boolean;
  port?: number;
}

const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export function parseRegistryPattern(input: string, text: string): RegistryPattern {
  let rest = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '');
  let port: number | undefined;
  const portMatch = /^(.*\]|[^:]*):(\d{1,5})$/.exec(rest);
  if (portMatch) {
    rest = portMatch[1]!;
    port = Number(portMatch[2]);
  }
  const wildcard = rest.startsWith('*.');
  const host = wildcard ? rest.slice(2) : rest;
  const valid =
    rest === '*' ||
    /^\[[0-9a-f:]+\]$/.test(host) ||
    /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(host);
  if (!valid || (port !== undefined && port > 65535)) {
    throw new UsageError(`Input '${input}': '${text}' is not a registry host pattern (host, host:port or *.domain)`);
  }
  const pattern: RegistryPattern = {
    text,
    host: DOCKER_HUB_ALIASES.has(host) ? DEFAULT_REGISTRY : host,
    wildcard: wildcard || rest === '*',
  };
  if (port !== undefined) pattern.port = port;
  return pattern;
}

export function registryMatches(pattern: RegistryPattern, hostname: string, port: number | undefined): boolean {
  if (pattern.port !== undefined && pattern.port !== port) return false;
  const host = hostname.toLowerCase();
  if (pattern.host === '*') return true;
  if (pattern.wildcard) return host.endsWith(`.${pattern.host}`);
  return host === pattern.host;
}

export function matchesAnyRegistry(
  patterns: readonly RegistryPattern[],
  hostname: string,
  port: number | undefined,
): boolean {
  return patterns.some((pattern) => registryMatches(pattern, hostname, port));
}
