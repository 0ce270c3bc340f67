import { UsageError } from '@gatehouse/findings';
import { parseDockerConfig, secretsOf } from './docker-config.js';
import { GitHubClient } from './github-client.js';
import { RegistryClient } from './registry-client.js';
import { parseRegistryPattern } from './registry-pattern.js';

export interface ResolverSettings {
  /** Docker config JSON text (may be empty). */
  registryAuth?: string;
  insecureRegistries?: readonly string[];
  githubToken?: string;
  githubApiUrl?: string;
  concurrency?: number;
}

/**
 * The registry and GitHub clients fix mode uses, built from the fronts' inputs, plus the secret
 * values a front must mask before anything is logged.
 */
export function createResolvers(settings: ResolverSettings): {
  registry: RegistryClient;
  github: GitHubClient;
  secrets: string[];
} {
  const auth = parseDockerConfig('registry-auth', settings.registryAuth ?? '');
  const insecureRegistries = (settings.insecureRegistries ?? []).map((text) =>
    parseRegistryPattern('insecure-registries', text),
  );
  if (settings.githubApiUrl !== undefined) {
    try {
      new URL(settings.githubApiUrl);
    } catch {
      throw new UsageError(`Input 'github-api-url' is not a URL: ${settings.githubApiUrl}`);
    }
  }
  const registry = new RegistryClient({
    auth,
    insecureRegistries,
    concurrency: settings.concurrency,
    userAgent: 'gatehouse-pin',
  });
  const github = new GitHubClient({
    apiUrl: settings.githubApiUrl,
    token: settings.githubToken,
    concurrency: settings.concurrency,
  });
  const secrets = secretsOf(auth);
  if (settings.githubToken) secrets.push(settings.githubToken);
  return { registry, github, secrets };
}
