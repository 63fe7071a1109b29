import type { Clock, Store } from '../../app/ports';
import { writeAudit } from './audit.sql';
import { SqlDocuments } from './documents.sql';
import { SqlFeedback } from './feedback.sql';
import { SqlLeases } from './leases.sql';
import { migrate } from './migrate';
import { SqlOutbox } from './outbox.sql';
import { SqlPeople } from './people.sql';
import { SqlPlans } from './plans.sql';
import { SqlSignOff } from './sign-off.sql';
import { SqlSignOffQuestions } from './signoff-questions.sql';
import { SqlSpendActuals } from './spend-actuals.sql';
import { openPostgres, openSqlite, type SqlDb } from './sql-db';
import { SqlSuggestions } from './suggestions.sql';
import { SqlTeams } from './teams.sql';
import { SqlUpdates } from './updates.sql';
import { SqlWork } from './work.sql';

/** What a repository offers the store: its public methods (its helpers are `#private`). */
export type Methods<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] };

/** The methods of every repository in the list, side by side. */
type Composed<T extends readonly object[]> = T extends readonly [infer First, ...infer Rest extends readonly object[]] ? Methods<First> & Composed<Rest> : unknown;

/**
 * A repository's methods, each bound to it, as the own properties of a plain object. Every
 * method found on its class is taken: a helper stays out only by being `#private`.
 */
export const bindMethods = <T extends object>(repository: T): Methods<T> => {
  const bound: Record<string, unknown> = {};
  for (let proto: object | null = Object.getPrototypeOf(repository); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const method: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (name !== 'constructor' && typeof method === 'function' && !(name in bound)) bound[name] = method.bind(repository);
    }
  }
  return bound as Methods<T>;
};

/**
 * Every repository, over a database whose schema is up to date (see `openSqlStore`). Each one
 * implements its port(s) itself; between them they offer every Store method but `close`, once.
 */
export const sqlRepositories = (db: SqlDb, clock: Clock) =>
  [
    new SqlPlans(db, clock, writeAudit),
    new SqlPeople(db, clock, writeAudit),
    new SqlWork(db, clock, writeAudit),
    new SqlUpdates(db, clock, writeAudit),
    new SqlSignOff(db, clock, writeAudit),
    new SqlSignOffQuestions(db, clock, writeAudit),
    new SqlFeedback(db, clock, writeAudit),
    new SqlDocuments(db, clock),
    new SqlSpendActuals(db, clock, writeAudit),
    new SqlOutbox(db),
    new SqlSuggestions(db),
    new SqlLeases(db),
    new SqlTeams(db, clock, writeAudit),
  ] as const;

/**
 * The repositories' methods in one object, with `close`. A name offered twice is refused rather
 * than one repository's method silently hiding another's.
 */
export const composeStore = <T extends readonly object[]>(repositories: T, close: () => Promise<void>): Composed<T> & { close(): Promise<void> } => {
  const store: Record<string, unknown> = Object.create(null);
  for (const part of [...repositories.map(bindMethods), { close }]) {
    const taken = Object.keys(part).filter((name) => name in store);
    if (taken.length) throw new Error(`More than one repository offers ${taken.join(', ')}`);
    Object.assign(store, part);
  }
  return store as Composed<T> & { close(): Promise<void> };
};

/**
 * The store, once, for both databases: each repository's queries are written once against the
 * shared query layer (sql-db.ts). Migrates first, then builds the repositories: every query after
 * that meets today's schema. Rejects with why the schema could not be brought up to date, the
 * database closed again.
 */
export const openSqlStore = async (db: SqlDb, clock: Clock): Promise<Store> => {
  try {
    await migrate(db, clock.now().toISOString());
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return composeStore(sqlRepositories(db, clock), () => db.close()) satisfies Store;
};

/** The embedded default: one file, one writer. */
export const SqliteStore = { open: (file: string, clock: Clock): Promise<Store> => openSqlStore(openSqlite(file), clock) };

/** Production: any number of instances on one PostgreSQL database. */
export const PostgresStore = { open: (url: string, clock: Clock, poolSize?: number): Promise<Store> => openSqlStore(openPostgres(url, poolSize), clock) };
