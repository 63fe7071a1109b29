import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/app/ports';
import { SqlLeases } from '../../src/storage/sql/leases.sql';
import { migrate } from '../../src/storage/sql/migrate';
import { openSqlite, type SqlDb } from '../../src/storage/sql/sql-db';
import { bindMethods, composeStore, openSqlStore, SqliteStore, sqlRepositories } from '../../src/storage/sql/sql.store';
import { STORE_CALLS } from '../../src/teams/store-calls';
import { ManualClock } from '../support/memory.clock';

/** Store's method names: STORE_CALLS' type makes a name missing from it, or not in Store, a compile error. */
const STORE_METHODS = Object.keys(STORE_CALLS).sort() as (keyof Store)[];

describe('the SQL store, composed of its repositories', () => {
  let db: SqlDb;
  beforeEach(() => (db = openSqlite(':memory:')));
  afterEach(() => db.close());

  it('offers every Store method, each its own function, and nothing else', async () => {
    const store = await SqliteStore.open(':memory:', new ManualClock());
    try {
      expect(Object.keys(store).sort()).toEqual(STORE_METHODS);
      for (const name of STORE_METHODS) expect(typeof Object.getOwnPropertyDescriptor(store, name)?.value).toBe('function');
    } finally {
      await store.close();
    }
  });

  it('has each Store method from exactly one repository, and no repository offers more (a helper left public would show here)', () => {
    const owners = new Map<string, string[]>();
    for (const repository of sqlRepositories(db, new ManualClock())) {
      for (const name of Object.keys(bindMethods(repository))) owners.set(name, [...(owners.get(name) ?? []), repository.constructor.name]);
    }
    const shared = [...owners].filter(([, by]) => by.length !== 1);
    expect(shared).toEqual([]);
    expect([...owners.keys(), 'close'].sort()).toEqual(STORE_METHODS);
  });

  it('refuses two repositories offering the same method, rather than one hiding the other', () => {
    expect(() => composeStore([new SqlLeases(db), new SqlLeases(db)], async () => undefined)).toThrow('More than one repository offers acquireLease, releaseLease');
    class ClosesItself {
      async close(): Promise<void> {}
    }
    expect(() => composeStore([new ClosesItself()], async () => undefined)).toThrow('More than one repository offers close');
  });

  it('binds each method to its repository, so a method taken off the store (as the turn proxies do) still works', async () => {
    await migrate(db, '2026-11-27T10:00:00Z');
    const { acquireLease, releaseLease } = composeStore(sqlRepositories(db, new ManualClock()), async () => undefined);
    expect(await acquireLease('tick', 'a', '2026-11-27T10:00:00Z', '2026-11-27T10:01:00Z')).toBe(true);
    expect(await acquireLease('tick', 'b', '2026-11-27T10:00:00Z', '2026-11-27T10:01:00Z')).toBe(false);
    await releaseLease('tick', 'a');
    expect(await acquireLease('tick', 'b', '2026-11-27T10:00:00Z', '2026-11-27T10:01:00Z')).toBe(true);
  });

  it('migrates before building anything: a schema it cannot bring up to date is refused, the database closed again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    try {
      const file = join(dir, 'plan.db');
      const newer = openSqlite(file);
      await migrate(newer, '2026-11-27T10:00:00Z');
      await newer.db.insertInto('schema_migrations').values({ version: 999, name: '999-from-a-newer-bot.sql', applied_at: '2026-11-27T10:00:00Z', checksum: 'x' }).execute();
      await newer.close();
      const again = openSqlite(file);
      const close = jest.spyOn(again, 'close');
      await expect(openSqlStore(again, new ManualClock())).rejects.toThrow(/999-from-a-newer-bot\.sql/);
      expect(close).toHaveBeenCalledTimes(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
