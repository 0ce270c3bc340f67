import type { Inputs } from '@gatehouse/action-kit/inputs';
import { readFileSync } from 'node:fs';
import { existingFile } from '@gatehouse/findings';
import { createResolvers, type PinOptions } from '@gatehouse/pin';

export interface PinInputs {
  pin: PinOptions & { mode: 'check' | 'fix' };
  /** Credential values a front masks before it logs anything. */
  secrets: string[];
  sarifOutput?: string;
}

/** The pin inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
export function readPinOptions(inputs: Inputs): PinInputs {
  const mode = inputs.enum('mode', ['check', 'fix'] as const, 'check');
  const { registry, github, secrets } = createResolvers({
    registryAuth: registryAuthText(inputs),
    insecureRegistries: inputs.list('insecure-registries', { commas: true }),
    githubToken: inputs.string('github-token'),
    githubApiUrl: inputs.string('github-api-url'),
  });
  return {
    pin: {
      workspace: inputs.workspace,
      paths: inputs.list('paths'),
      mode,
      trustedRegistries: inputs.list('trusted-registries', { commas: true }),
      requireDigest: inputs.boolean('require-digest', true),
      requireActionSha: inputs.boolean('require-action-sha', true),
      allow: inputs.list('allow'),
      imageResolver: registry,
      actionResolver: github,
    },
    secrets,
    sarifOutput: inputs.string('sarif-output'),
  };
}

/** `registry-auth` is the Docker config JSON itself (from a secret) or the path of such a file. */
function registryAuthText(inputs: Inputs): string {
  const value = inputs.raw('registry-auth')?.trim();
  if (value === undefined) return '';
  if (value.startsWith('{')) return value;
  return readFileSync(existingFile('registry-auth', value, inputs.workspace), 'utf8');
}
