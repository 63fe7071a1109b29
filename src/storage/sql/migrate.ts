import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../domain/errors';
import { fromRoot } from '../../paths';
import type { Sql, SqlDb } from './sql-db';

export interface MigrationFile {
  readonly version: number;
  readonly name: string;
  readonly text: string;
  readonly checksum: string;
}

/** A file's SHA-256, line endings made alike first: a checkout on Windows is the same file. */
export const checksumOf = (text: string): string => createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');

/** The dialect's numbered .sql files, in order. */
export const migrationFiles = (dir: string): MigrationFile[] =>
  readdirSync(dir)
    .filter((f) => /^\d+-.+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { version: Number(name.split('-')[0]), name, text, checksum: checksumOf(text) };
    });

const refuse = (message: string) => new DomainError('STORE.MIGRATION_CHANGED', message);

/** Databases migrated before checksums were kept have the table without them. */
const ensureChecksumColumn = async (tx: Sql): Promise<void> => {
  if (tx.dialect === 'postgres') {
    await tx.script('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum TEXT');
    return;
  }
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info('schema_migrations')`.execute(tx.db);
  if (!rows.some((c) => c.name === 'checksum')) await tx.script('ALTER TABLE schema_migrations ADD COLUMN checksum TEXT');
};

/**
 * Numbered .sql files from the dialect's own folder, applied once each, in order, each one's
 * checksum kept. All pending files run in one transaction under a lock, so two instances starting
 * together migrate once. A database whose applied migration differs from the shipped file, or
 * that has one this code does not ship (made by a newer version), is refused at start, naming it:
 * running on would mean a schema nobody tested. A migration applied before checksums were kept
 * has the shipped file's recorded (what ran then cannot be known; 016 repairs the one known drift).
 */
export const migrate = async (db: SqlDb, at: string, dir = fromRoot('src', 'storage', 'migrations', db.dialect)): Promise<number[]> => {
  const files = migrationFiles(dir);
  return db.transaction(async (tx) => {
    await tx.lock('schema_migrations');
    await tx.script('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL, checksum TEXT)');
    await ensureChecksumColumn(tx);
    const applied = new Map((await tx.db.selectFrom('schema_migrations').select(['version', 'name', 'checksum']).execute()).map((r) => [Number(r.version), r]));
    const shipped = new Set(files.map((f) => f.version));
    const unknown = [...applied.values()].find((r) => !shipped.has(Number(r.version)));
    if (unknown) throw refuse(`The database has migration ${unknown.name}, which this version of the bot does not have: it was made by a newer version. Run that version, or restore a backup.`);
    const done: number[] = [];
    for (const file of files) {
      const row = applied.get(file.version);
      if (row) {
        if (row.checksum === null) await tx.db.updateTable('schema_migrations').set({ checksum: file.checksum }).where('version', '=', file.version).execute();
        else if (row.checksum !== file.checksum || row.name !== file.name) {
          throw refuse(`Migration ${db.dialect}/${file.name} differs from the one this database applied (${row.name}, checksum ${row.checksum.slice(0, 12)}…): restore the shipped file; a schema change is a new migration.`);
        }
        continue;
      }
      await tx.script(file.text);
      await tx.db.insertInto('schema_migrations').values({ version: file.version, name: file.name, applied_at: at, checksum: file.checksum }).execute();
      done.push(file.version);
    }
    return done;
  });
};
