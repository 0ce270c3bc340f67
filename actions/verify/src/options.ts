import type { Inputs } from '@gatehouse/action-kit/inputs';
import type { VerifyRequest } from '@gatehouse/sigstore';

/** The verify inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
export function readVerifyOptions(inputs: Inputs): VerifyRequest {
  const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, string>);
  return {
    workspace: inputs.workspace,
    subjectPaths: inputs.list('subject-path'),
    ...optional('subjectDigest', inputs.string('subject-digest')),
    ...optional('bundlePath', inputs.string('bundle-path')),
    ...optional('certificateIdentity', inputs.string('certificate-identity')),
    ...optional('certificateIdentityRegexp', inputs.string('certificate-identity-regexp')),
    ...optional('certificateOidcIssuer', inputs.string('certificate-oidc-issuer')),
    ...optional('signerRepository', inputs.string('signer-repository')),
    ...optional('signerWorkflow', inputs.string('signer-workflow')),
    ...optional('sourceRepository', inputs.string('source-repository')),
    ...optional('sourceRef', inputs.string('source-ref')),
    ...optional('publicKey', inputs.raw('public-key')),
    ...optional('trustedRoot', inputs.string('trusted-root')),
    tlogThreshold: inputs.integer('tlog-threshold', 1, { min: 0, max: 10 }),
    timestampThreshold: inputs.integer('timestamp-threshold', 1, { min: 0, max: 10 }),
    ...optional('predicateType', inputs.string('predicate-type')),
  };
}
