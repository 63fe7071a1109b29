/** Browser tests: cards rendered by the adaptivecards renderer in headless Chromium (npm run test:browser). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest configs are CommonJS
const base = require('./jest.config');

module.exports = { ...base, testMatch: ['**/*.browser.ts'], testTimeout: 60000, globalSetup: undefined, globalTeardown: undefined };
