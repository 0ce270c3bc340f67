/** The fake repository and run every harness component agrees on (env, event, OIDC claims). */
export const REPOSITORY = 'octo-org/octo-repo';
export const REPOSITORY_OWNER = 'octo-org';
export const SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const REF = 'refs/heads/main';
export const RUN_ID = '4242424242';
export const WORKFLOW_REF = `${REPOSITORY}/.github/workflows/release.yml@${REF}`;
