import type { Clock, Store } from '../app/ports';
import { DomainError } from '../domain/errors';
import { parseDatabaseUrl } from './database-url';
import { SqliteStore } from './sqlite/sqlite.store';

/** The one place that turns DATABASE_URL into a store. */
export const openStore = async (databaseUrl: string, clock: Clock): Promise<Store> => {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'postgres') {
    throw new DomainError('INPUT.INVALID', 'PostgreSQL is not available in this version yet: use a SQLite DATABASE_URL such as sqlite:./data/send-plan.db');
  }
  return new SqliteStore(target.file, clock);
};
