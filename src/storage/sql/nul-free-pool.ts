import type { CompiledQuery, PostgresPool, PostgresPoolClient, QueryResult } from 'kysely';
import type pg from 'pg';
import { withoutNul } from './without-nul';

/**
 * A pg pool whose connections send every statement's values without NUL (see without-nul.ts), and
 * send a statement `names` knows as a named prepared statement: parsed and planned once per
 * connection, then only bound and run. `names` gives each text one name of its own, never
 * another's (StatementNames in sql-db.ts); any other text goes as an unnamed statement.
 */
export const nulFreePool = (pool: pg.Pool, names: ReadonlyMap<string, string> = new Map()): PostgresPool => ({
  connect: async (): Promise<PostgresPoolClient> => {
    const client = await pool.connect();
    return {
      query: ((text: string | object, values?: readonly unknown[]) => {
        const name = typeof text === 'string' ? names.get(text) : undefined;
        const sent = values && withoutNul(values);
        return name ? client.query({ name, text: text as string, values: sent }) : (client.query as (...a: unknown[]) => unknown)(text, sent);
      }) as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  },
  end: () => pool.end(),
});

/**
 * One statement on whichever of the pool's connections is free, as Kysely's PostgreSQL driver runs
 * it (what it changed counted as Kysely counts it), without Kysely's executor around it: for the
 * statements of every turn, run outside a transaction (sql-db.ts).
 */
export const queryPool = async <R>(pool: pg.Pool, names: ReadonlyMap<string, string>, { sql: text, parameters }: CompiledQuery): Promise<QueryResult<R>> => {
  const name = names.get(text);
  const values = withoutNul(parameters);
  const { command, rowCount, rows } = await pool.query(name ? { name, text, values } : { text, values });
  const changed = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  return { numAffectedRows: changed && rowCount !== null ? BigInt(rowCount) : undefined, rows: (rows ?? []) as R[] };
};
