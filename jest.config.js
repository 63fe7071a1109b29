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
  // Jest's default is one worker fewer than the cores: on the 2-core machines this runs on, one
  // worker, with the other core idle while tests wait on PostgreSQL and SQLite's syncs. Two took
  // the suite from 244 s to 160 s there.
  maxWorkers: '100%',
  // PostgreSQL for the store contract and the two-instance tests (see test/support/postgres.ts).
  globalSetup: '<rootDir>/test/support/postgres.global-setup.js',
  globalTeardown: '<rootDir>/test/support/postgres.global-teardown.js',
};
