import type { Inputs } from '@gatehouse/action-kit/inputs';
import type { SignRequest } from '@gatehouse/sigstore';

/** The sign inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
export function readSignOptions(inputs: Inputs): SignRequest {
  return {
    workspace: inputs.workspace,
    subjectPaths: inputs.list('subject-path'),
    subjectDigest: inputs.string('subject-digest'),
    subjectName: inputs.string('subject-name'),
    predicateType: inputs.string('predicate-type'),
    predicate: inputs.raw('predicate'),
    predicatePath: inputs.string('predicate-path'),
    bundleDir: inputs.string('bundle-dir'),
    key: inputs.raw('key'),
    keyPassword: inputs.raw('key-password'),
    oidcAudience: inputs.string('oidc-audience', { default: 'sigstore' }),
    fulcioUrl: inputs.string('fulcio-url'),
    rekorUrl: inputs.string('rekor-url'),
    tsaUrl: inputs.string('tsa-url'),
    signingConfig: inputs.string('signing-config'),
    tlog: inputs.boolean('tlog', true),
  };
}
