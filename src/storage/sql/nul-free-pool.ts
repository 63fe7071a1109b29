import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { withoutNul } from './without-nul';

/**
 * A pg pool whose connections send every statement's values without NUL (see without-nul.ts).
 * Statements are not named prepared statements: a named one that reads `*` fails ("cached plan
 * must not change result type") on every instance still running when a later migration adds a
 * column, and measured no faster here (npm run bench).
 */
export const nulFreePool = (pool: pg.Pool): PostgresPool => ({
  connect: async (): Promise<PostgresPoolClient> => {
    const client = await pool.connect();
    return {
      query: ((text: string | object, values?: readonly unknown[]) =>
        (client.query as (...a: unknown[]) => unknown)(text, values && withoutNul(values))) as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  },
  end: () => pool.end(),
});
