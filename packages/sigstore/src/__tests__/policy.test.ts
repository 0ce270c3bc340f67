import { UsageError } from '@gatehouse/findings';
import fc from 'fast-check';
import {
  buildIdentityPolicy,
  decodeDerString,
  GITHUB_ACTIONS_ISSUER,
  policyMismatch,
  OID_SOURCE_REPOSITORY_REF,
  OID_SOURCE_REPOSITORY_URI,
} from '../policy.js';

const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const EVIL = 'https://github.com/acme/app-evil/.github/workflows/release.yml@refs/heads/main';
/** A DER UTF8String, as Fulcio writes its v2 extensions. */
const utf8 = (text: string): Buffer => {
  const value = Buffer.from(text);
  const length = value.length < 0x80 ? Buffer.from([value.length]) : Buffer.from([0x81, value.length]);
  return Buffer.concat([Buffer.from([0x0c]), length, value]);
};
const sourceRepository = (uri: string) => new Map([[OID_SOURCE_REPOSITORY_URI, utf8(uri)]]);
const APP_SOURCE = sourceRepository('https://github.com/acme/app');
const signer = (san: string, issuer = GITHUB_ACTIONS_ISSUER, extensions = APP_SOURCE) => ({
  subjectAlternativeName: san,
  issuer,
  extensions,
});

describe('buildIdentityPolicy', () => {
  it('matches certificate-identity exactly, never as a substring or regex', () => {
    const policy = buildIdentityPolicy({ certificateIdentity: WORKFLOW, certificateOidcIssuer: GITHUB_ACTIONS_ISSUER });
    expect(policyMismatch(policy, signer(WORKFLOW))).toBeUndefined();
    expect(policyMismatch(policy, signer(`${WORKFLOW}x`))).toMatch(/untrusted signer/);
    expect(policyMismatch(policy, signer(`x${WORKFLOW}`))).toMatch(/untrusted signer/);
    const dotted = buildIdentityPolicy({
      certificateIdentity: 'a.b@example.com',
      certificateOidcIssuer: 'https://issuer',
    });
    expect(policyMismatch(dotted, signer('aXb@example.com', 'https://issuer'))).toMatch(/untrusted signer/);
  });

  it('anchors a user regexp at both ends', () => {
    const policy = buildIdentityPolicy({
      certificateIdentityRegexp: 'https://github.com/acme/app/.*',
      certificateOidcIssuer: GITHUB_ACTIONS_ISSUER,
    });
    expect(policyMismatch(policy, signer(WORKFLOW))).toBeUndefined();
    expect(policyMismatch(policy, signer(`https://evil.example/?${WORKFLOW}`))).toMatch(/untrusted signer/);
    const alternation = buildIdentityPolicy({ certificateIdentityRegexp: 'a|b', certificateOidcIssuer: 'https://i' });
    expect(policyMismatch(alternation, signer('xa', 'https://i'))).toMatch(/untrusted signer/);
  });

  it('never lets signer-repository acme/app accept acme/app-evil', () => {
    const policy = buildIdentityPolicy({ signerRepository: 'acme/app' });
    expect(policy.issuer).toBe(GITHUB_ACTIONS_ISSUER);
    expect(policyMismatch(policy, signer(WORKFLOW))).toBeUndefined();
    expect(policyMismatch(policy, signer(EVIL))).toContain(`identity '${EVIL}'`);
  });

  it('takes signer-workflow with or without @ref', () => {
    const any = buildIdentityPolicy({ signerWorkflow: 'acme/app/.github/workflows/release.yml' });
    expect(policyMismatch(any, signer(WORKFLOW))).toBeUndefined();
    expect(policyMismatch(any, signer(WORKFLOW.replace('release.yml', 'release.yml.evil')))).toMatch(/untrusted/);
    const pinned = buildIdentityPolicy({ signerWorkflow: 'acme/app/.github/workflows/release.yml@refs/tags/v1' });
    expect(policyMismatch(pinned, signer(WORKFLOW))).toMatch(/untrusted/);
    expect(policyMismatch(pinned, signer(WORKFLOW.replace('refs/heads/main', 'refs/tags/v1')))).toBeUndefined();
  });

  it('compares the issuer exactly and checks source-ref', () => {
    const policy = buildIdentityPolicy({ signerRepository: 'acme/app', sourceRef: 'refs/heads/main' });
    const ref = (text: string) => new Map([...APP_SOURCE, [OID_SOURCE_REPOSITORY_REF, utf8(text)]]);
    expect(policyMismatch(policy, signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, ref('refs/heads/main')))).toBeUndefined();
    expect(policyMismatch(policy, signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, ref('refs/heads/dev')))).toMatch(
      /source ref 'refs\/heads\/dev'/,
    );
    expect(policyMismatch(policy, signer(WORKFLOW, `${GITHUB_ACTIONS_ISSUER}/`))).toMatch(/expected issuer/);
  });

  it('expects the signer repository as the source repository by default (a reusable workflow called elsewhere)', () => {
    for (const policy of [
      buildIdentityPolicy({ signerRepository: 'acme/app' }),
      buildIdentityPolicy({ signerWorkflow: 'acme/app/.github/workflows/release.yml' }),
      buildIdentityPolicy({ signerWorkflow: 'acme/app/.github/workflows/release.yml@refs/heads/main' }),
    ]) {
      expect(policyMismatch(policy, signer(WORKFLOW))).toBeUndefined();
      expect(
        policyMismatch(
          policy,
          signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, sourceRepository('https://github.com/ACME/App')),
        ),
      ).toBeUndefined();
      const called = policyMismatch(
        policy,
        signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, sourceRepository('https://github.com/evil/x')),
      );
      expect(called).toMatch(
        /^untrusted signer: source repository 'https:\/\/github\.com\/evil\/x' is not 'https:\/\/github\.com\/acme\/app'/,
      );
      expect(called).toContain("give 'source-repository'");
      const lookalike = policyMismatch(
        policy,
        signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, sourceRepository('https://github.com/acme/app-evil')),
      );
      expect(lookalike).toMatch(/source repository 'https:\/\/github\.com\/acme\/app-evil'/);
      expect(policyMismatch(policy, signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, new Map()))).toMatch(
        /no Source Repository URI extension \(1\.3\.6\.1\.4\.1\.57264\.1\.12\)/,
      );
      const unreadable = new Map([[OID_SOURCE_REPOSITORY_URI, Buffer.from([0x0c, 40, 0x68])]]);
      expect(policyMismatch(policy, signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, unreadable))).toMatch(
        /unreadable Source Repository URI/,
      );
    }
  });

  it('checks an explicit source-repository with any identity form', () => {
    const calledFromOther = sourceRepository('https://github.com/acme/other');
    const shared = buildIdentityPolicy({ signerRepository: 'acme/app', sourceRepository: 'acme/other' });
    expect(shared.issuer).toBe(GITHUB_ACTIONS_ISSUER);
    expect(policyMismatch(shared, signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, calledFromOther))).toBeUndefined();
    const rejected = policyMismatch(shared, signer(WORKFLOW));
    expect(rejected).toMatch(
      /source repository 'https:\/\/github\.com\/acme\/app' is not 'https:\/\/github\.com\/acme\/other'/,
    );
    expect(rejected).not.toContain('by default');
    const exact = buildIdentityPolicy({ certificateIdentity: WORKFLOW, sourceRepository: 'acme/other' });
    expect(exact.issuer).toBe(GITHUB_ACTIONS_ISSUER);
    expect(policyMismatch(exact, signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, calledFromOther))).toBeUndefined();
    expect(policyMismatch(exact, signer(WORKFLOW))).toMatch(/source repository/);
    const noDefault = buildIdentityPolicy({
      certificateIdentity: WORKFLOW,
      certificateOidcIssuer: GITHUB_ACTIONS_ISSUER,
    });
    expect(noDefault.sourceRepository).toBeUndefined();
    expect(policyMismatch(noDefault, signer(WORKFLOW, GITHUB_ACTIONS_ISSUER, new Map()))).toBeUndefined();
    for (const bad of ['acme', 'acme/app/x', 'https://github.com/acme/app', 'acme/app\nevil/x'])
      expect(() => buildIdentityPolicy({ signerRepository: 'acme/app', sourceRepository: bad })).toThrow(
        /'source-repository' must look like owner\/repo/,
      );
  });

  it('is a usage error without an identity or an issuer, or with two identities', () => {
    expect(() => buildIdentityPolicy({})).toThrow(UsageError);
    expect(() => buildIdentityPolicy({ certificateOidcIssuer: GITHUB_ACTIONS_ISSUER })).toThrow(UsageError);
    expect(() => buildIdentityPolicy({ certificateIdentity: WORKFLOW })).toThrow(/certificate-oidc-issuer/);
    expect(() => buildIdentityPolicy({ certificateIdentity: WORKFLOW, signerRepository: 'acme/app' })).toThrow(
      /cannot be combined/,
    );
    expect(() => buildIdentityPolicy({ certificateIdentityRegexp: '(', certificateOidcIssuer: 'x' })).toThrow(
      UsageError,
    );
    expect(() => buildIdentityPolicy({ signerRepository: 'acme' })).toThrow(/owner\/repo/);
  });

  it('an exact identity accepts only itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (identity, other) => {
        fc.pre(identity.trim() === identity && identity.length > 0);
        const policy = buildIdentityPolicy({ certificateIdentity: identity, certificateOidcIssuer: 'https://i' });
        expect(policyMismatch(policy, signer(identity, 'https://i'))).toBeUndefined();
        if (other !== identity) expect(policyMismatch(policy, signer(other, 'https://i'))).toBeDefined();
      }),
    );
  });

  it('decodes DER strings', () => {
    expect(decodeDerString(Buffer.from([0x0c, 2, 0x68, 0x69]))).toBe('hi');
    expect(decodeDerString(Buffer.from([0x0c, 3, 0x68, 0x69]))).toBeUndefined();
  });
});
