/* eslint-disable @typescript-eslint/no-require-imports -- jest loads global setup as CommonJS */
// jest globalTeardown: stop the cluster the global setup started, if it started one.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  const dir = process.env.SEND_PLAN_TEST_PG_DIR;
  if (!dir) return;
  execFileSync('bash', [join(__dirname, '..', '..', 'scripts', 'pg-cluster.sh'), 'stop', dir], { stdio: 'ignore' });
  delete process.env.SEND_PLAN_TEST_PG_DIR;
  delete process.env.TEST_POSTGRES_URL;
};
