import { sql } from 'kysely';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/paths';
import { migrate } from '../../src/storage/sql/migrate';
import { openPostgres, openSqlite, type SqlDb } from '../../src/storage/sql/sql-db';
import { describeWithPostgres, freshDatabase } from '../support/postgres';
import { rowsOf } from '../support/raw-sql';

/**
 * The typed layer says what the migrations make: every table and column of database.ts, and
 * whether it may be null, on both databases. A migration that adds, drops or renames a column
 * without database.ts changing with it fails here, not in production.
 */
const declared = (): string[] => {
  const source = readFileSync(fromRoot('src', 'storage', 'sql', 'database.ts'), 'utf8');
  const tables = new Map([...source.matchAll(/^ {2}(\w+): (\w+Table);$/gm)].map((m) => [m[2]!, m[1]!]));
  const out: string[] = [];
  for (const [, iface, body] of source.matchAll(/^export interface (\w+Table) \{\n([\s\S]*?)^\}/gm)) {
    for (const [, column, type] of body!.matchAll(/^ {2}(\w+): (.+);$/gm)) out.push(`${tables.get(iface!)}.${column} ${/\| null/.test(type!) ? 'null' : 'not null'}`);
  }
  return out.sort();
};

const actual = async (db: SqlDb): Promise<string[]> => {
  if (db.dialect === 'postgres') {
    const rows = await rowsOf(db, sql<{ t: string; c: string; n: string }>`SELECT table_name AS t, column_name AS c, is_nullable AS n FROM information_schema.columns WHERE table_schema = current_schema()`);
    return rows.map((r) => `${r.t}.${r.c} ${r.n === 'YES' ? 'null' : 'not null'}`).sort();
  }
  const tables = await rowsOf(db, sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  const out: string[] = [];
  for (const { name } of tables) {
    // SQLite lets a primary key column be NULL unless told otherwise; none is ever written so.
    const columns = await rowsOf(db, sql<{ name: string; notnull: number; pk: number }>`SELECT name, "notnull", pk FROM pragma_table_info(${name})`);
    for (const c of columns) out.push(`${name}.${c.name} ${c.notnull || c.pk ? 'not null' : 'null'}`);
  }
  return out.sort();
};

describe('database.ts against the migrations', () => {
  it('SQLite: every table and column, and which may be null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'types-'));
    const db = openSqlite(join(dir, 'plan.db'));
    try {
      await migrate(db, '2026-12-07T00:00:00.000Z');
      expect(await actual(db)).toEqual(declared());
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithPostgres('database.ts against the PostgreSQL migrations', (server) => {
  it('PostgreSQL: every table and column, and which may be null', async () => {
    const made = await freshDatabase(server());
    const db = openPostgres(made.url, 1);
    try {
      await migrate(db, '2026-12-07T00:00:00.000Z');
      expect(await actual(db)).toEqual(declared());
    } finally {
      await db.close();
      await made.drop();
    }
  });
});
