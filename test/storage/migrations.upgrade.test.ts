import { sql } from 'kysely';
import { rowsOf } from '../support/raw-sql';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/paths';
import { checksumOf, migrate, migrationFiles } from '../../src/storage/sql/migrate';
import { openPostgres, openSqlite, type SqlDb } from '../../src/storage/sql/sql-db';
import { describeWithPostgres, freshDatabase } from '../support/postgres';
import { schemaOf } from '../support/schema-snapshot';

const FOLDER = { sqlite: fromRoot('src', 'storage', 'migrations', 'sqlite'), postgres: fromRoot('src', 'storage', 'migrations', 'postgres') };
const RELEASED = JSON.parse(readFileSync(fromRoot('src', 'storage', 'migrations', 'checksums.json'), 'utf8')) as Record<'sqlite' | 'postgres', Record<string, string>>;
/** PostgreSQL's first shipped 012 and 013 (2026-11-28), before they were edited in place: the oldest schema a database can have. */
const POSTGRES_FIRST = join(__dirname, 'fixtures', 'postgres-2026-11-28');
const AT = '2026-12-01T00:00:00.000Z';

/** How migrations were applied before checksums were kept: the table without them. */
const migrateAsBefore = async (db: SqlDb, files: readonly { name: string; text: string }[]) => {
  await db.script('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const f of files) {
    await db.script(f.text);
    await rowsOf(db, sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${Number(f.name.split('-')[0])}, ${f.name}, '2026-11-28T00:00:00.000Z')`);
  }
};
const fixture = (name: string) => ({ name, text: readFileSync(join(POSTGRES_FIRST, name), 'utf8') });

describe('shipped migrations', () => {
  it.each(['sqlite', 'postgres'] as const)('%s: every file is exactly as released (checksums.json); a schema change is a new file, added there', (dialect) => {
    const shipped = Object.fromEntries(migrationFiles(FOLDER[dialect]).map((f) => [f.name, f.checksum]));
    expect(shipped).toEqual(RELEASED[dialect]);
  });

  it('the first PostgreSQL 012 differs from today’s (the drift 016 repairs), so the fixture is the real oldest schema', () => {
    expect(checksumOf(fixture('012-baseline.sql').text)).not.toBe(RELEASED.postgres['012-baseline.sql']);
  });
});

describe('a SQLite database at start', () => {
  let dir: string;
  let db: SqlDb;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    db = openSqlite(join(dir, 'plan.db'));
  });
  afterEach(async () => {
    await db.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('whose applied migration was edited since is refused, naming the file, and nothing runs', async () => {
    const folder = join(dir, 'migrations');
    cpSync(FOLDER.sqlite, folder, { recursive: true });
    await migrate(db, AT, folder);
    const edited = join(folder, '005-feedback.sql');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nCREATE INDEX sneaky ON plans (updated_at);\n`);
    await expect(migrate(db, AT, folder)).rejects.toMatchObject({ code: 'STORE.MIGRATION_CHANGED', message: expect.stringMatching(/^Migration sqlite\/005-feedback\.sql differs from the one this database applied/) });
    expect(await rowsOf(db, sql`SELECT name FROM sqlite_schema WHERE name = 'sneaky'`)).toEqual([]);
  });

  it('made by a newer version of the bot (a migration this one does not ship) is refused', async () => {
    await migrate(db, AT, FOLDER.sqlite);
    await rowsOf(db, sql`INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (99, '099-from-the-future.sql', 'x', 'y')`);
    await expect(migrate(db, AT, FOLDER.sqlite)).rejects.toThrow(/099-from-the-future\.sql, which this version of the bot does not have/);
  });

  it('from its oldest schema (001, before checksums), with data in it, upgrades to exactly a fresh database’s schema and keeps the data', async () => {
    const files = migrationFiles(FOLDER.sqlite);
    await migrateAsBefore(db, files.slice(0, 1));
    await rowsOf(db, sql`INSERT INTO plans (id, version, created_at, updated_at) VALUES ('p', 3, '2026-11-01', '2026-11-02')`);
    await rowsOf(db, sql`INSERT INTO people (id, name, email, updated_at) VALUES ('natasha', 'Natasha Moody', NULL, '2026-11-01')`);
    const applied = await migrate(db, AT, FOLDER.sqlite);
    expect(applied).toEqual(files.slice(1).map((f) => f.version));
    const fresh = openSqlite(join(dir, 'fresh.db'));
    try {
      await migrate(fresh, AT, FOLDER.sqlite);
      expect(await schemaOf(db)).toEqual(await schemaOf(fresh));
    } finally {
      await fresh.close();
    }
    expect(await rowsOf(db, sql`SELECT id, version FROM plans`)).toEqual([{ id: 'p', version: 3 }]);
    expect(await rowsOf(db, sql`SELECT name FROM people`)).toEqual([{ name: 'Natasha Moody' }]);
    // The checksum of what was applied before checksums were kept is recorded from the shipped file.
    expect(await rowsOf(db, sql`SELECT checksum FROM schema_migrations WHERE version = 1`)).toEqual([{ checksum: RELEASED.sqlite['001-initial.sql'] }]);
  });
});

describeWithPostgres('a PostgreSQL database at start', (server) => {
  const open = async () => {
    const made = await freshDatabase(server());
    return { ...made, db: openPostgres(made.url, 2) };
  };

  it('from its oldest schema (the first 012 and 013: no byte-order collation, 32-bit pence), with data in it, upgrades to exactly a fresh database’s schema and keeps the data', async () => {
    const old = await open();
    const fresh = await open();
    try {
      await migrateAsBefore(old.db, [fixture('012-baseline.sql'), fixture('013-insertion-order-and-leases.sql')]);
      await rowsOf(old.db, sql`INSERT INTO plans (id, version, created_at, updated_at) VALUES ('p', 2, '2026-11-01', '2026-11-02')`);
      await rowsOf(old.db, sql`INSERT INTO spend_actuals (plan_id, quarter, line_id, source_id, amount_pence, entered_by, at) VALUES ('p', '2026-Q3', 'l', 's', 2000000000, 'natasha', 'x')`);
      await expect(rowsOf(old.db, sql`UPDATE spend_actuals SET amount_pence = 3000000000`)).rejects.toThrow(/out of range/);
      expect(await migrate(old.db, AT)).toEqual([14, 15, 16, 17]);
      await migrate(fresh.db, AT);
      expect(await schemaOf(old.db)).toEqual(await schemaOf(fresh.db));
      // The data is there, and what the old types refused now fits.
      expect(await rowsOf(old.db, sql`SELECT id, version FROM plans`)).toEqual([{ id: 'p', version: 2 }]);
      expect(Number((await sql`UPDATE spend_actuals SET amount_pence = 3000000000`.execute(old.db.db)).numAffectedRows)).toBe(1);
      expect(await rowsOf(old.db, sql`SELECT amount_pence FROM spend_actuals`)).toEqual([{ amount_pence: 3000000000 }]);
      // A second start finds nothing to do, and accepts the checksums it recorded.
      expect(await migrate(old.db, AT)).toEqual([]);
    } finally {
      await old.db.close();
      await fresh.db.close();
      await old.drop();
      await fresh.drop();
    }
  });

  it('whose applied migration was edited since is refused at start', async () => {
    const { db, drop } = await open();
    try {
      await migrate(db, AT);
      await rowsOf(db, sql`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 13`);
      await expect(migrate(db, AT)).rejects.toMatchObject({ code: 'STORE.MIGRATION_CHANGED', message: expect.stringContaining('postgres/013-insertion-order-and-leases.sql') });
    } finally {
      await db.close();
      await drop();
    }
  });
});
