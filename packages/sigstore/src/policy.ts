import { UsageError } from '@gatehouse/findings';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
/** The server the GitHub shortcuts name in identities and repository URIs. */
export const GITHUB_SERVER_URL = 'https://github.com';
/** Fulcio's Source Repository URI extension (the repository whose run requested the certificate). */
export const OID_SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
/** Fulcio's Source Repository Ref extension (the git ref that triggered the run). */
export const OID_SOURCE_REPOSITORY_REF = '1.3.6.1.4.1.57264.1.14';

/** What a user may say about the expected signer; the inputs of the same names. */
export interface IdentityPolicyInput {
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  /** owner/repo: the signing workflow lives in this repository. */
  signerRepository?: string;
  /** owner/repo/.github/workflows/file.yml, optionally @ref. */
  signerWorkflow?: string;
  /**
   * owner/repo: the run that signed belongs to this repository. Defaults to the repository of
   * signer-repository or signer-workflow, so a reusable workflow called from elsewhere is rejected.
   */
  sourceRepository?: string;
  /** refs/heads/main, refs/tags/v1 ...: the ref the run was triggered for. */
  sourceRef?: string;
}

/** An anchored identity matcher, the exact issuer, and the optional source ref. */
export interface IdentityPolicy {
  identity: RegExp;
  /** The policy as a person would write it, for messages. */
  description: string;
  issuer: string;
  /** The Source Repository URI the certificate must carry (compared case-insensitively). */
  sourceRepository?: {
    uri: string;
    /** How the expectation came about, for the failure reason. */
    origin: 'source-repository' | 'signer-repository' | 'signer-workflow';
  };
  sourceRef?: string;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const WORKFLOW = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/[^@\s]+\.ya?ml)(?:@(\S+))?$/;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Builds the keyless identity policy. Every form ends up as one RegExp anchored at both ends:
 * user text is escaped, and a user regexp is wrapped in ^(?:...)$, so a policy for acme/app never
 * accepts acme/app-evil. No identity or no issuer is a usage error, never an accept-all.
 */
export function buildIdentityPolicy(input: IdentityPolicyInput): IdentityPolicy {
  const given = (
    [
      ['certificate-identity', input.certificateIdentity],
      ['certificate-identity-regexp', input.certificateIdentityRegexp],
      ['signer-workflow', input.signerWorkflow],
      ['signer-repository', input.signerRepository],
    ] as const
  ).filter(([, value]) => value !== undefined && value.trim() !== '');
  if (given.length === 0) {
    throw new UsageError(
      "Keyless verification needs an identity: give 'certificate-identity', 'certificate-identity-regexp', 'signer-workflow' or 'signer-repository' (or 'public-key' for keyed bundles).",
    );
  }
  if (given.length > 1) {
    throw new UsageError(
      `Inputs ${given.map(([name]) => `'${name}'`).join(' and ')} cannot be combined: give one identity.`,
    );
  }
  const [name, raw] = given[0]!;
  const value = raw!.trim();
  const githubShortcut = name === 'signer-workflow' || name === 'signer-repository';
  let identity: RegExp;
  let description: string;
  /** owner/repo of a GitHub shortcut: the source repository unless 'source-repository' says otherwise. */
  let signerRepository: string | undefined;
  switch (name) {
    case 'certificate-identity':
      identity = new RegExp(`^${escapeRegExp(value)}$`);
      description = value;
      break;
    case 'certificate-identity-regexp':
      try {
        // Compiled alone first: a value with an unbalanced ')' (e.g. `a)|(.*`) would otherwise close
        // the anchoring group and turn `^(?:a)|(.*)$` into an accept-all.
        new RegExp(value);
        identity = new RegExp(`^(?:${value})$`);
      } catch (error) {
        throw new UsageError(
          `Input 'certificate-identity-regexp' is not a valid regular expression: ${(error as Error).message}`,
        );
      }
      description = `/^(?:${value})$/`;
      break;
    case 'signer-workflow': {
      const match = WORKFLOW.exec(value);
      if (!match) {
        throw new UsageError(
          `Input 'signer-workflow' must look like owner/repo/.github/workflows/file.yml[@ref] (got '${value}').`,
        );
      }
      const url = `${GITHUB_SERVER_URL}/${match[1]}`;
      signerRepository = match[1]!.split('/').slice(0, 2).join('/');
      identity = new RegExp(`^${escapeRegExp(url)}@${match[2] ? escapeRegExp(match[2]) : '.+'}$`);
      description = `${url}@${match[2] ?? '<any ref>'}`;
      break;
    }
    default: {
      if (!REPOSITORY.test(value))
        throw new UsageError(`Input 'signer-repository' must look like owner/repo (got '${value}').`);
      identity = new RegExp(`^${escapeRegExp(`${GITHUB_SERVER_URL}/${value}/`)}.+@.+$`);
      description = `${GITHUB_SERVER_URL}/${value}/<workflow>@<ref>`;
      signerRepository = value;
    }
  }
  const sourceRef = input.sourceRef?.trim() || undefined;
  const explicitSource = input.sourceRepository?.trim() || undefined;
  if (explicitSource !== undefined && !REPOSITORY.test(explicitSource)) {
    throw new UsageError(`Input 'source-repository' must look like owner/repo (got '${explicitSource}').`);
  }
  const source = explicitSource ?? signerRepository;
  const sourceRepository = source
    ? {
        uri: `${GITHUB_SERVER_URL}/${source}`,
        origin: explicitSource ? ('source-repository' as const) : (name as 'signer-repository' | 'signer-workflow'),
      }
    : undefined;
  const issuer =
    input.certificateOidcIssuer?.trim() ||
    (githubShortcut || sourceRef !== undefined || explicitSource !== undefined ? GITHUB_ACTIONS_ISSUER : undefined);
  if (!issuer) {
    throw new UsageError("Keyless verification needs 'certificate-oidc-issuer' (the exact OIDC issuer of the signer).");
  }
  return {
    identity,
    description,
    issuer,
    ...(sourceRepository ? { sourceRepository } : {}),
    ...(sourceRef ? { sourceRef } : {}),
  };
}

/** The identity found in a certificate, as @sigstore/verify reports it. */
export interface SignerIdentity {
  subjectAlternativeName?: string;
  issuer?: string;
  /** Extension OIDs (dotted) to their raw DER value. */
  extensions: Map<string, Buffer>;
}

/** Why the signer does not satisfy the policy, or undefined when it does. */
export function policyMismatch(policy: IdentityPolicy, signer: SignerIdentity): string | undefined {
  const san = signer.subjectAlternativeName;
  const found = `identity '${san ?? '(none)'}' issuer '${signer.issuer ?? '(none)'}'`;
  if (san === undefined || !policy.identity.test(san)) {
    return `untrusted signer: ${found} does not match the expected identity ${policy.description}`;
  }
  if (signer.issuer !== policy.issuer) {
    return `untrusted signer: ${found} does not match the expected issuer '${policy.issuer}'`;
  }
  if (policy.sourceRepository !== undefined) {
    const mismatch = sourceRepositoryMismatch(policy.sourceRepository, signer.extensions);
    if (mismatch) return `untrusted signer: ${mismatch.problem} (${found})${mismatch.hint}`;
  }
  if (policy.sourceRef !== undefined) {
    const raw = signer.extensions.get(OID_SOURCE_REPOSITORY_REF);
    const ref = raw ? decodeDerString(raw) : undefined;
    if (ref !== policy.sourceRef) {
      return `untrusted signer: source ref '${ref ?? '(none)'}' is not '${policy.sourceRef}' (${found})`;
    }
  }
  return undefined;
}

/**
 * Fails closed: a certificate without the extension (not from a GitHub Actions run, or from a Fulcio
 * too old to write it) cannot show which repository's run signed. GitHub names are case-insensitive.
 */
function sourceRepositoryMismatch(
  expected: NonNullable<IdentityPolicy['sourceRepository']>,
  extensions: Map<string, Buffer>,
): { problem: string; hint: string } | undefined {
  const raw = extensions.get(OID_SOURCE_REPOSITORY_URI);
  const found = raw ? decodeDerString(raw) : undefined;
  if (found !== undefined && found.toLowerCase() === expected.uri.toLowerCase()) return undefined;
  if (found === undefined) {
    const what = raw ? 'an unreadable' : 'no';
    return {
      problem: `the certificate has ${what} Source Repository URI extension (${OID_SOURCE_REPOSITORY_URI}), so the repository whose run signed is unknown; expected '${expected.uri}'`,
      hint: '',
    };
  }
  return {
    problem: `source repository '${found}' is not '${expected.uri}'`,
    hint:
      expected.origin === 'source-repository'
        ? ''
        : `; '${expected.origin}' expects its own repository's runs by default: give 'source-repository' when a run in another repository calls this reusable workflow`,
  };
}

/** A DER UTF8String/IA5String/PrintableString as text; Fulcio's v2 extensions hold one. */
export function decodeDerString(der: Buffer): string | undefined {
  const tag = der[0];
  if (tag !== 0x0c && tag !== 0x16 && tag !== 0x13) return der.toString('utf8');
  let length = der[1] ?? 0;
  let offset = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[offset++] ?? 0);
  }
  if (offset + length !== der.length) return undefined;
  return der.subarray(offset).toString('utf8');
}
