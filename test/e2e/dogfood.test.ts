import { removeTemporaryFolders, REPO_ROOT, runAction } from '../harness/runner.js';

afterAll(removeTemporaryFolders);

// Gatehouse's own checks must pass on this repository: every workflow and action we ship pins
// third-party actions to commit SHAs (examples/pin-demo is unpinned on purpose and not ours).
describe('Gatehouse on its own repository', () => {
  it('the bundled pin action finds every reference in our workflows and actions pinned', async () => {
    const run = await runAction({
      action: 'pin',
      workspace: REPO_ROOT,
      inputs: { paths: '.github/workflows/*.yml\naction.yml\nactions/*/action.yml' },
    });
    expect(run.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.log).toMatch(/\d+ references in \d+ files/);
  });
});

describe('the root audit action on its own repository', () => {
  it('passes: no unpinned reference and no credential in our own sources', async () => {
    // Excluded: built bundles, test fixtures and corpora-derived samples (fake secrets on purpose),
    // the scrub rules (they spell out token prefixes) and the examples (unpinned on purpose).
    const run = await runAction({
      action: '.',
      workspace: REPO_ROOT,
      inputs: {
        paths: ['!examples/**', '!dist/**', '!**/__tests__/**', '!test/**', '!packages/scrub/src/rules/**'].join('\n'),
        summary: 'false',
      },
    });
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.log).toMatch(/secrets: \d{2,} files/);
  });
});
