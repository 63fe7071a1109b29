import type { Clock, Store } from '../app/ports';
import { databaseUnavailable } from './database-unavailable';
import { parseDatabaseUrl } from './database-url';
import { PostgresStore, SqliteStore } from './sql/sql.store';

/** The one place that turns DATABASE_URL into a store; it answers once the schema is up to date. */
export const openStore = async (databaseUrl: string, clock: Clock, poolSize?: number): Promise<Store> => {
  const target = parseDatabaseUrl(databaseUrl);
  try {
    return await (target.engine === 'postgres' ? PostgresStore.open(target.url, clock, poolSize) : SqliteStore.open(target.file, clock));
  } catch (error) {
    throw databaseUnavailable(error, databaseUrl);
  }
};
