/**
 * `describe` a suite that needs something outside the repository (a corpus, a Debian tool). When
 * it is missing, the suite is skipped with one line naming what and why, except under CI=true,
 * where nothing may be skipped: the suite then holds one test that fails with the same message.
 */
export function describeIfAvailable(name: string, missing: string | undefined, body: () => void): void {
  if (missing === undefined) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs what is missing: ${missing}`, () => {
        throw new Error(`CI=true but ${missing}`);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": ${missing}`);
  describe.skip(name, body);
}
