/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    // adaptivecards' main entry is ESM; its UMD build loads in jest's CommonJS world.
    '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js',
    // @microsoft/app-manifest requires strip-bom 5, an ES module: a CommonJS copy of it.
    '^strip-bom$': '<rootDir>/test/support/strip-bom.js',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 20000,
  // PostgreSQL for the store contract and the two-instance tests (see test/support/postgres.ts).
  globalSetup: '<rootDir>/test/support/postgres.global-setup.js',
  globalTeardown: '<rootDir>/test/support/postgres.global-teardown.js',
};
