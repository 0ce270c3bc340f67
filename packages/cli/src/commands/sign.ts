import { ExitCode } from '@gatehouse/findings';
import type { Command } from '../command.js';

export const signCommand: Command = {
  name: 'sign',
  action: 'sign',
  summary:
    'Sign artifacts with Sigstore (keyless with the CI identity, or with a key); writes a v0.3 bundle per artifact.',
  usage: 'gatehouse sign [options] <file-or-glob>...',
  flags: {
    'subject-path': { kind: 'list', positional: true, description: 'Files or globs to sign' },
    'subject-digest': {
      kind: 'string',
      description: 'Sign a digest (sha256:<hex>) without the file; needs --subject-name',
    },
    'subject-name': { kind: 'string', description: 'Name of the artifact signed by --subject-digest' },
    'predicate-type': { kind: 'string', description: 'Sign an in-toto attestation of this predicate type' },
    predicate: { kind: 'string', description: 'The predicate as JSON text' },
    'predicate-path': { kind: 'string', description: 'A file holding the predicate JSON' },
    'bundle-dir': { kind: 'string', description: 'Folder for bundles (default <file>.sigstore.json beside each file)' },
    key: {
      kind: 'string',
      description:
        'PEM private key (text or path) for keyed signing; without it, keyless (ACTIONS_ID_TOKEN_REQUEST_* or SIGSTORE_ID_TOKEN)',
    },
    'key-password': { kind: 'string', description: 'Password of an encrypted key (prefer GATEHOUSE_KEY_PASSWORD)' },
    'oidc-audience': { kind: 'string', default: 'sigstore', description: 'Audience of the OIDC token' },
    'fulcio-url': { kind: 'string', description: 'Fulcio URL' },
    'rekor-url': { kind: 'string', description: 'Rekor v1 URL' },
    'tsa-url': { kind: 'string', description: 'Timestamp authority URL' },
    'signing-config': { kind: 'string', description: 'Sigstore signing_config.json (private instances, Rekor v2)' },
    tlog: { kind: 'boolean', default: 'true', description: 'Record the signature in the transparency log' },
  },
  async run(inputs, context) {
    const { signWorkspace } = await import('@gatehouse/sigstore');
    const { readSignOptions } = await import('../../../../actions/sign/src/options.js');
    const options = readSignOptions(inputs);
    const password = options.keyPassword ?? context.env.GATEHOUSE_KEY_PASSWORD;
    const report = await signWorkspace({
      ...options,
      ...(password ? { keyPassword: password } : {}),
      idToken: {
        requestUrl: context.env.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: context.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      },
      ...(context.env.SIGSTORE_ID_TOKEN ? { identityToken: context.env.SIGSTORE_ID_TOKEN } : {}),
    });
    const out = (line = ''): void => void context.stdout.write(line + '\n');
    for (const result of report.results) {
      out(
        `signed ${result.subject} ${result.digest} -> ${result.bundlePath}${result.logIndex ? ` (log index ${result.logIndex})` : ''}`,
      );
    }
    const first = report.results[0];
    if (first?.identity) out(`signer: ${first.identity} (${first.issuer ?? 'unknown issuer'})`);
    return ExitCode.ok;
  },
};
