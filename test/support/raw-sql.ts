import type { RawBuilder } from 'kysely';
import type { Sql } from '../../src/storage/sql/sql-db';

/** A statement written out in a test (schema introspection, an older version's rows), through Kysely's `sql` tag. */
export const rowsOf = async <T>(db: Sql, query: RawBuilder<T>): Promise<T[]> => (await query.execute(db.db)).rows;
