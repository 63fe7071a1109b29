/* eslint-disable @typescript-eslint/no-require-imports -- jest loads global setup as CommonJS */
// jest globalSetup: when no TEST_POSTGRES_URL is given and PostgreSQL is installed, start a
// throwaway cluster for this run (scripts/pg-cluster.sh), so `npm test` covers both databases.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const installed = () => {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')));
  } catch {
    return false;
  }
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

module.exports = async () => {
  // The language model is trained once for the run and loaded by every test file after the first
  // (src/language/nlp.understanding.ts): the workers inherit this from here.
  process.env.SEND_PLAN_LANGUAGE_CACHE ??= join(tmpdir(), 'send-plan-language-cache');
  if (process.env.TEST_POSTGRES_URL || !installed()) return;
  const dir = mkdtempSync(join(tmpdir(), 'send-plan-pg-'));
  const port = await freePort();
  const url = execFileSync('bash', [join(__dirname, '..', '..', 'scripts', 'pg-cluster.sh'), 'start', dir, String(port)], { encoding: 'utf8' }).trim();
  process.env.TEST_POSTGRES_URL = url;
  process.env.SEND_PLAN_TEST_PG_DIR = dir;
};
