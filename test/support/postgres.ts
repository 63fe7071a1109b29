import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests use: TEST_POSTGRES_URL, set by .ci/run or by jest's global
 * setup (which starts a throwaway cluster when PostgreSQL is installed). Without one the
 * PostgreSQL suites say so and skip, except in CI, where that is a failure.
 */
export const postgresUrl = (): string | undefined => process.env.TEST_POSTGRES_URL || undefined;

export const describeWithPostgres = (name: string, body: (url: () => string) => void): void => {
  const url = postgresUrl();
  if (!url) {
    if (process.env.CI) {
      it(`${name}: needs PostgreSQL`, () => {
        throw new Error('TEST_POSTGRES_URL is not set: in CI the PostgreSQL tests must run (see .ci/run)');
      });
      return;
    }
    describe.skip(`${name} (skipped: PostgreSQL is not installed here; apt-get install -y postgresql, or set TEST_POSTGRES_URL)`, () => body(() => ''));
    return;
  }
  describe(name, () => body(() => url));
};

/** A fresh, empty database on the test server; the answer's `drop` removes it again. */
export const freshDatabase = async (serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Sorted as most servers sort (English, ICU) rather than the test cluster's byte order, so
    // a query that leans on the database's own ordering shows up here.
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'`).catch(() => admin.query(`CREATE DATABASE ${name}`));
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
};
