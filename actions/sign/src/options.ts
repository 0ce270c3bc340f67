import type { Inputs } from '@gatehouse/action-kit/inputs';
import type { SignRequest } from '@gatehouse/sigstore';

/** The sign inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
export function readSignOptions(inputs: Inputs): SignRequest {
  const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, string>);
  return {
    workspace: inputs.workspace,
    subjectPaths: inputs.list('subject-path'),
    ...optional('subjectDigest', inputs.string('subject-digest')),
    ...optional('subjectName', inputs.string('subject-name')),
    ...optional('predicateType', inputs.string('predicate-type')),
    ...optional('predicate', inputs.raw('predicate')),
    ...optional('predicatePath', inputs.string('predicate-path')),
    ...optional('bundleDir', inputs.string('bundle-dir')),
    ...optional('key', inputs.raw('key')),
    ...optional('keyPassword', inputs.raw('key-password')),
    oidcAudience: inputs.string('oidc-audience', { default: 'sigstore' }),
    ...optional('fulcioUrl', inputs.string('fulcio-url')),
    ...optional('rekorUrl', inputs.string('rekor-url')),
    ...optional('tsaUrl', inputs.string('tsa-url')),
    ...optional('signingConfig', inputs.string('signing-config')),
    tlog: inputs.boolean('tlog', true),
  };
}
