import { resolve } from 'node:path';
import { DomainError } from '../domain/errors';

export type DatabaseTarget = { readonly engine: 'sqlite'; readonly file: string } | { readonly engine: 'postgres'; readonly url: string };

/**
 * DATABASE_URL picks the engine: `sqlite:./data/plan.db`, `file:...`, a bare path or
 * `:memory:` for SQLite; `postgres://` or `postgresql://` for PostgreSQL.
 */
export const parseDatabaseUrl = (url: string): DatabaseTarget => {
  if (/^postgres(ql)?:\/\//i.test(url)) return { engine: 'postgres', url };
  if (url === ':memory:' || url === 'sqlite::memory:') return { engine: 'sqlite', file: ':memory:' };
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, '');
  if (!path) throw new DomainError('INPUT.INVALID', `DATABASE_URL "${url}" names no database file`);
  return { engine: 'sqlite', file: resolve(path) };
};
