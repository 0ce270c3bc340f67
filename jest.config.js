/** Jest 30 with native ESM (run under --experimental-vm-modules by scripts/test.mjs). */
const tsJest = ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: {
    '^@gatehouse/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^@gatehouse/action-kit/inputs$': '<rootDir>/packages/action-kit/src/inputs.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/packages/*/src/**/__tests__/**/*.test.ts'] },
    { ...common, displayName: 'harness', testMatch: ['<rootDir>/test/harness/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'conformance', testMatch: ['<rootDir>/test/conformance/**/*.test.ts'] },
  ],
};
