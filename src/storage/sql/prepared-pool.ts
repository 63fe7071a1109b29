import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { withoutNul } from './without-nul';

/**
 * A pg pool whose connections run every statement that carries values as a named prepared
 * statement: PostgreSQL parses and plans it once per connection, then only binds and runs it.
 * The statements here are a fixed set written in code, so their number stays small. One without
 * values (a migration file, BEGIN, COMMIT) is sent as it is: the simple protocol runs several
 * statements at once, which a migration needs.
 */
export const preparedPool = (pool: pg.Pool): PostgresPool => ({
  connect: async (): Promise<PostgresPoolClient> => {
    const client = await pool.connect();
    return {
      query: ((text: string | object, values?: readonly unknown[]) => {
        if (typeof text !== 'string' || !values?.length) return (client.query as (...a: unknown[]) => unknown)(text, values && withoutNul(values));
        // Named by its text, so one name never stands for two statements.
        const name = `s${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
        return client.query({ name, text, values: withoutNul(values) });
      }) as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  },
  end: () => pool.end(),
});
