import { ExitCode } from '@gatehouse/findings';
import type { Command } from '../command.js';

export const verifyCommand: Command = {
  name: 'verify',
  action: 'verify',
  summary: 'Verify Sigstore bundles against an identity policy (or a public key) and a trusted root.',
  usage: 'gatehouse verify [options] <file-or-glob>...',
  flags: {
    'subject-path': { kind: 'list', positional: true, description: 'Files or globs to verify' },
    'subject-digest': {
      kind: 'string',
      description: 'Verify a digest (sha256:<hex>) without the file; needs --bundle-path',
    },
    'bundle-path': { kind: 'string', description: 'Bundle file or folder (default <file>.sigstore.json)' },
    'certificate-identity': { kind: 'string', description: 'Exact signer identity (certificate SAN)' },
    'certificate-identity-regexp': {
      kind: 'string',
      description: 'Regexp the whole signer identity must match (anchored)',
    },
    'certificate-oidc-issuer': { kind: 'string', description: 'Exact OIDC issuer of the signer' },
    'signer-repository': { kind: 'string', description: 'GitHub: owner/repo of the signing workflow' },
    'signer-workflow': { kind: 'string', description: 'GitHub: owner/repo/.github/workflows/file.yml[@ref]' },
    'source-repository': {
      kind: 'string',
      description:
        'GitHub: owner/repo whose run signed (default: the repository of --signer-repository/--signer-workflow)',
    },
    'source-ref': { kind: 'string', description: 'GitHub: the ref the signing run was triggered for' },
    'public-key': { kind: 'string', description: 'PEM public key (text or path) for keyed bundles' },
    'trusted-root': {
      kind: 'string',
      description: 'trusted_root.json (offline; default the public-good root over TUF)',
    },
    'tlog-threshold': { kind: 'string', default: '1', description: 'Transparency-log entries required' },
    'timestamp-threshold': { kind: 'string', default: '1', description: 'Verified timestamps required' },
    'predicate-type': { kind: 'string', description: 'Require an in-toto attestation of this predicate type' },
  },
  async run(inputs, context) {
    const { verifyWorkspace } = await import('@gatehouse/sigstore');
    const { readVerifyOptions } = await import('../../../../actions/verify/src/options.js');
    const report = await verifyWorkspace(readVerifyOptions(inputs));
    const out = (line = ''): void => void context.stdout.write(line + '\n');
    for (const result of report.results) {
      if (result.verified) {
        out(
          `verified ${result.subject}: ${result.identity ?? 'signed with the given key'}${result.issuer ? ` (${result.issuer})` : ''}${result.logIndex ? `, log index ${result.logIndex}` : ''}`,
        );
      } else {
        out(`FAILED   ${result.subject} (bundle ${result.bundle}): ${result.reason ?? 'not verified'}`);
      }
    }
    const failed = report.results.filter((result) => !result.verified).length;
    out(
      `gatehouse verify: ${report.verified ? 'verified' : 'failed'}: ${report.results.length - failed} of ${report.results.length} subjects verified`,
    );
    return report.verified ? ExitCode.ok : ExitCode.violation;
  },
};
