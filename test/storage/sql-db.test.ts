import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUniqueViolation, openPostgres, openSqlite, prepared, readsStar, StatementNames, type SqlDb } from '../../src/storage/sql/sql-db';
import { describeWithPostgres, freshDatabase } from '../support/postgres';

describe('the SQLite connection', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sql-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const LEASE = prepared((d, v: { name: string }) => d.selectFrom('leases').select(['name', 'holder']).where('name', '=', v.name));
  const ADD = prepared((d, v: { name: string; holder: string }) => d.insertInto('leases').values({ name: v.name, holder: v.holder, expires_at: '2026-01-01T00:00:00Z' }));
  const RENAME = prepared((d, v: { name: string; holder: string }) => d.updateTable('leases').set({ holder: v.holder }).where('name', '=', v.name));

  /** Log syncs done at once until `hold()`; then each waits, listed, for the test to finish (or fail) it. */
  const heldSyncs = () => {
    const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
    let holding = false;
    const syncFile = () => (holding ? new Promise<void>((resolve, reject) => pending.push({ resolve, reject })) : Promise.resolve());
    return { syncFile, pending, hold: () => (holding = true) };
  };
  const settled = async (promise: Promise<unknown>) => {
    let done = false;
    promise.then(
      () => (done = true),
      () => (done = true),
    );
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    return done;
  };

  it('runs a file in WAL mode with synchronous NORMAL on every start, the bot syncing the log at each commit itself; in memory, FULL', async () => {
    for (let start = 1; start <= 2; start++) {
      const db = openSqlite(join(dir, 'plan.db'));
      try {
        const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db.db);
        expect({ start, synchronous: rows[0]?.synchronous }).toEqual({ start, synchronous: 1 });
        await db.script('CREATE TABLE IF NOT EXISTS t (a TEXT)');
        await db.transaction((tx) => tx.script("INSERT INTO t VALUES ('x')"));
      } finally {
        await db.close();
      }
    }
    const memory = openSqlite(':memory:');
    try {
      expect((await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(memory.db)).rows[0]?.synchronous).toBe(2);
    } finally {
      await memory.close();
    }
  });

  it('answers a commit only once the log holding it is synced, and runs no statement until then', async () => {
    const syncs = heldSyncs();
    const db = openSqlite(join(dir, 'plan.db'), { syncFile: syncs.syncFile });
    try {
      await db.script('CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)');
      syncs.hold();
      const committed = db.transaction((tx) => tx.run(ADD, { name: 'tick', holder: 'a' }));
      await new Promise((r) => setImmediate(r));
      expect(syncs.pending).toHaveLength(1);
      // Committed to the log, not yet on disk: not answered, and nothing in this process reads it.
      const read = db.run(LEASE, { name: 'tick' });
      const viaKysely = db.db.selectFrom('leases').select('name').execute();
      const next = db.transaction((tx) => tx.run(ADD, { name: 'tock', holder: 'b' }));
      expect(await settled(committed)).toBe(false);
      expect(await settled(read)).toBe(false);
      expect(await settled(viaKysely)).toBe(false);
      expect(await settled(next)).toBe(false);
      syncs.pending.shift()!.resolve();
      await committed;
      expect((await read).rows).toEqual([{ name: 'tick', holder: 'a' }]);
      expect(await viaKysely).toEqual([{ name: 'tick' }]);
      // The next transaction ran after the sync, and waits for its own.
      await new Promise((r) => setImmediate(r));
      expect(await settled(next)).toBe(false);
      syncs.pending.shift()!.resolve();
      await next;
    } finally {
      syncs.pending.forEach((s) => s.resolve());
      await db.close();
    }
  });

  it('syncs a write made outside a transaction before answering it; a read, or a write that changed nothing, syncs nothing', async () => {
    let syncs = 0;
    const db = openSqlite(join(dir, 'plan.db'), {
      syncFile: async () => {
        syncs++;
      },
    });
    try {
      await db.script('CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)');
      const after = (n: number) => expect(syncs).toBe(n);
      after(1);
      await db.run(ADD, { name: 'tick', holder: 'a' });
      after(2);
      await db.run(LEASE, { name: 'tick' });
      await db.run(RENAME, { name: 'none', holder: 'b' });
      await db.db.updateTable('leases').set({ holder: 'b' }).where('name', '=', 'none').execute();
      after(2);
      await db.db.updateTable('leases').set({ holder: 'b' }).where('name', '=', 'tick').execute();
      after(3);
      await db.run(RENAME, { name: 'tick', holder: 'c' });
      after(4);
    } finally {
      await db.close();
    }
  });

  it('refuses the write and every statement after it when the log cannot be synced, until the database is opened again', async () => {
    const syncs = heldSyncs();
    const file = join(dir, 'plan.db');
    const db = openSqlite(file, { syncFile: syncs.syncFile });
    try {
      await db.script('CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)');
      syncs.hold();
      const failing = Promise.allSettled([db.transaction((tx) => tx.run(ADD, { name: 'tick', holder: 'a' })), db.transaction((tx) => tx.run(ADD, { name: 'tock', holder: 'b' }))]);
      await new Promise((r) => setImmediate(r));
      syncs.pending.shift()!.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      expect((await failing).map((r) => r.status)).toEqual(['rejected', 'rejected']);
      await expect(db.run(LEASE, { name: 'tick' })).rejects.toThrow("The database's log could not be written to disk (EIO: i/o error, fdatasync)");
      await expect(db.db.selectFrom('leases').select('name').execute()).rejects.toThrow('could not be written to disk');
      await expect(db.transaction((tx) => tx.run(ADD, { name: 'tack', holder: 'c' }))).rejects.toThrow('could not be written to disk');
    } finally {
      await db.close();
    }
    const again = openSqlite(file);
    try {
      // Opened again, SQLite reads what is on disk. A write answered as failed may be there (the
      // operating system may yet have written it): retried, a request finds itself kept.
      expect((await again.run(LEASE, { name: 'tack' })).rows).toEqual([]);
    } finally {
      await again.close();
    }
  });
});

describe('prepared statements', () => {
  const LEASE = prepared((db, v: { name: string }) => db.selectFrom('leases').select(['name', 'holder']).where('name', '=', v.name));
  const ADD = prepared((db, v: { name: string; holder: string }) => db.insertInto('leases').values({ name: v.name, holder: v.holder, expires_at: '2026-01-01T00:00:00Z' }));

  const open = async () => {
    const db = openSqlite(':memory:');
    await db.script('CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)');
    return db;
  };

  it('send each call its own values, in and out of a transaction', async () => {
    const db = await open();
    try {
      await db.run(ADD, { name: 'tick', holder: 'a' });
      await db.transaction((tx) => tx.run(ADD, { name: 'tock', holder: 'b' }));
      expect((await db.run(LEASE, { name: 'tick' })).rows).toEqual([{ name: 'tick', holder: 'a' }]);
      expect((await db.run(LEASE, { name: 'tock' })).rows).toEqual([{ name: 'tock', holder: 'b' }]);
      expect((await db.run(LEASE, { name: 'none' })).rows).toEqual([]);
      // A value that looks like a stand-in is only ever a value.
      await db.run(ADD, { name: '\uE000name\uE001', holder: 'c' });
      expect((await db.run(LEASE, { name: '\uE000name\uE001' })).rows).toEqual([{ name: '\uE000name\uE001', holder: 'c' }]);
    } finally {
      await db.close();
    }
  });

  it('are refused when a value would shape the statement, be changed on its way in, or be missing', async () => {
    const db = await open();
    try {
      const shaped = prepared((d, v: { name: string }) => d.selectFrom('leases').select('name').$if(v.name !== '', (q) => q.where('holder', '=', 'a')));
      await expect(db.run(shaped, { name: 'tick' })).rejects.toThrow('must take each of its values (name) as a parameter');
      const changed = prepared((d, v: { name: string }) => d.selectFrom('leases').select('name').where('name', '=', `${v.name}%`));
      await expect(db.run(changed, { name: 'tick' })).rejects.toThrow('as a parameter, unchanged');
      const written = prepared((d, v: { name: string }) => d.selectFrom('leases').select('name').where(sql.raw<boolean>(`name = '${v.name}'`)));
      await expect(db.run(written, { name: 'tick' })).rejects.toThrow('as a parameter, unchanged');
      await expect(db.run(LEASE, {} as { name: string })).rejects.toThrow('No value for name');
    } finally {
      await db.close();
    }
  });
});

describe('statement names (PostgreSQL prepares a named statement once per connection)', () => {
  it('give each text a name of its own, the same one every time, and never one text another’s name', () => {
    const names = new StatementNames();
    const a = names.name('select "id" from "plans" where "id" = $1');
    const b = names.name('select "id" from "plans" where "id" = $1 and "version" = $2');
    expect(a).toMatch(/^send_\d+$/);
    expect(b).not.toBe(a);
    expect(names.name('select "id" from "plans" where "id" = $1')).toBe(a);
    expect([...names.byText]).toEqual([
      ['select "id" from "plans" where "id" = $1', a],
      ['select "id" from "plans" where "id" = $1 and "version" = $2', b],
    ]);
    expect(new Set(names.byText.values()).size).toBe(names.byText.size);
  });

  it('leave a statement that reads * unnamed: its columns change when a migration adds one', () => {
    for (const text of ['select * from "plans"', 'select "u".* from "workstream_updates" as "u"', 'select "id", "p".* from "people" as "p"', 'insert into "x" ("a") values ($1) returning *']) {
      expect({ text, star: readsStar(text) }).toEqual({ text, star: true });
      expect(new StatementNames().name(text)).toBeUndefined();
    }
    for (const text of ['select count(*) as "n" from "plans"', 'select "a" * 2 from "t"', 'select "id" from "plans"']) expect({ text, star: readsStar(text) }).toEqual({ text, star: false });
  });

  it('tell a refused duplicate from other failures, on both databases', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

describeWithPostgres('prepared statements on PostgreSQL', (server) => {
  let db: SqlDb;
  let drop: () => Promise<void>;
  const LEASE = prepared((d, v: { name: string }) => d.selectFrom('leases').select(['name', 'holder']).where('name', '=', v.name));
  const EVERY_COLUMN = prepared((d, v: { name: string }) => d.selectFrom('leases').selectAll().where('name', '=', v.name));
  const ADD = prepared((d, v: { name: string; holder: string }) => d.insertInto('leases').values({ name: v.name, holder: v.holder, expires_at: '2026-01-01T00:00:00Z' }));

  beforeEach(async () => {
    const made = await freshDatabase(server());
    drop = made.drop;
    // One connection: every statement below meets the statements that connection has prepared.
    db = openPostgres(made.url, 1);
    await db.script('CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)');
  });
  afterEach(async () => {
    await db.close();
    await drop();
  });

  const preparedHere = async () => (await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements ORDER BY name`.execute(db.db)).rows;

  it('are prepared once per connection under their own name, each with its own text, and sent with each call’s values', async () => {
    await db.run(ADD, { name: 'tick', holder: 'a' });
    await db.run(ADD, { name: 'tock', holder: 'b' });
    expect((await db.run(LEASE, { name: 'tick' })).rows).toEqual([{ name: 'tick', holder: 'a' }]);
    expect((await db.transaction((tx) => tx.run(LEASE, { name: 'tock' }))).rows).toEqual([{ name: 'tock', holder: 'b' }]);
    const named = await preparedHere();
    expect(named).toHaveLength(2);
    expect(new Set(named.map((s) => s.name)).size).toBe(2);
    expect(named.map((s) => s.statement).sort()).toEqual([expect.stringMatching(/^insert into "leases"/), expect.stringMatching(/^select "name", "holder" from "leases"/)].sort());
  });

  it('keep working on a connection that holds them after a migration adds a column; one reading * is not named', async () => {
    await db.run(ADD, { name: 'tick', holder: 'a' });
    expect((await db.run(LEASE, { name: 'tick' })).rows).toEqual([{ name: 'tick', holder: 'a' }]);
    expect((await db.run(EVERY_COLUMN, { name: 'tick' })).rows).toHaveLength(1);
    await db.script('ALTER TABLE leases ADD COLUMN note TEXT');
    expect((await db.run(LEASE, { name: 'tick' })).rows).toEqual([{ name: 'tick', holder: 'a' }]);
    expect((await db.run(EVERY_COLUMN, { name: 'tick' })).rows).toEqual([{ name: 'tick', holder: 'a', expires_at: '2026-01-01T00:00:00Z', note: null }]);
    expect((await preparedHere()).map((s) => s.statement)).not.toContainEqual(expect.stringContaining('*'));
  });

  it('answer nothing from a transaction that fails, and keep nothing of it', async () => {
    await db.run(ADD, { name: 'tick', holder: 'a' });
    await expect(
      db.transaction(async (tx) => {
        await tx.run(ADD, { name: 'tock', holder: 'b' });
        await tx.run(ADD, { name: 'tick', holder: 'again' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await db.run(LEASE, { name: 'tock' })).rows).toEqual([]);
    expect((await db.run(LEASE, { name: 'tick' })).rows).toEqual([{ name: 'tick', holder: 'a' }]);
  });
});

describe('SQLite transactions waiting together', () => {
  let dir: string;
  let db: SqlDb;
  let other: Database.Database;
  const ADD = prepared((d, v: { name: string }) => d.insertInto('leases').values({ name: v.name, holder: 'h', expires_at: '2026-01-01T00:00:00Z' }));
  const names = async () => (await db.db.selectFrom('leases').select('name').orderBy('name').execute()).map((r) => r.name);
  /** What another connection sees: only what has been committed. */
  const committed = () => (other.prepare('SELECT name FROM leases ORDER BY name').all() as { name: string }[]).map((r) => r.name);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    db = openSqlite(join(dir, 'plan.db'));
    await db.script('CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)');
    await db.script('CREATE TABLE claims (lease TEXT NOT NULL REFERENCES leases(name) DEFERRABLE INITIALLY DEFERRED)');
    other = new Database(join(dir, 'plan.db'));
  });
  afterEach(async () => {
    other.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('share one commit, none answered before it, and a failed one undoes only its own writes', async () => {
    const seen: string[][] = [];
    const results = await Promise.allSettled([
      db.transaction((tx) => tx.run(ADD, { name: 'a' })),
      db.transaction(async (tx) => {
        await tx.run(ADD, { name: 'b' });
        throw new Error('refused');
      }),
      db.transaction(async (tx) => {
        await tx.run(ADD, { name: 'c' });
        seen.push(committed());
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The third ran while the first was not yet committed: they were committed together.
    expect(seen).toEqual([[]]);
    expect(committed()).toEqual(['a', 'c']);
  });

  it('never take in a statement sent from outside them: it waits for their commit', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const inside = new Promise<void>((resolve) => (began = resolve));
    const refused = db.transaction(async (tx) => {
      await tx.run(ADD, { name: 'a' });
      began();
      await gate;
      throw new Error('refused');
    });
    await inside;
    const outside = db.run(ADD, { name: 'b' });
    release();
    await expect(refused).rejects.toThrow('refused');
    await outside;
    expect(committed()).toEqual(['b']);
  });

  it('after a first one that fails, run the rest', async () => {
    const results = await Promise.allSettled([
      db.transaction(async (tx) => {
        await tx.run(ADD, { name: 'a' });
        throw new Error('refused');
      }),
      db.transaction((tx) => tx.run(ADD, { name: 'b' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(await names()).toEqual(['b']);
  });

  it('all fail when their commit fails, and nothing of them is kept', async () => {
    const results = await Promise.allSettled([
      db.transaction((tx) => tx.run(ADD, { name: 'a' })),
      // Refused only at commit: a claim on a lease that does not exist.
      db.transaction((tx) => tx.script("INSERT INTO claims (lease) VALUES ('none')")),
      db.transaction((tx) => tx.run(ADD, { name: 'c' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(committed()).toEqual([]);
    // And the next ones are committed as usual.
    await db.transaction((tx) => tx.run(ADD, { name: 'd' }));
    expect(committed()).toEqual(['d']);
  });

  it('all fail when SQLite itself abandons their transaction (a full disk, say), and the next ones run', async () => {
    const results = await Promise.allSettled([
      db.transaction((tx) => tx.run(ADD, { name: 'a' })),
      db.transaction(async (tx) => {
        await tx.run(ADD, { name: 'b' });
        // What SQLite does on SQLITE_FULL or an I/O error: the whole transaction is rolled back.
        await tx.script('ROLLBACK');
        throw new Error('database or disk is full');
      }),
      db.transaction((tx) => tx.run(ADD, { name: 'c' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['c']);
  });
});
