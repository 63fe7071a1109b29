import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../paths';
import type { SqlDb } from './sql-db';

/**
 * Numbered .sql files from the dialect's own folder, applied once each, in order. All pending
 * files run in one transaction under a lock, so two instances starting together migrate once.
 */
export const migrate = async (db: SqlDb, at: string, dir = fromRoot('src', 'storage', 'migrations', db.dialect)): Promise<number[]> => {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.+\.sql$/.test(f))
    .sort();
  return db.transaction(async (tx) => {
    await tx.lock('schema_migrations');
    await tx.script('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const done: number[] = [];
    for (const file of files) {
      const version = Number(file.split('-')[0]);
      if (applied.has(version)) continue;
      await tx.script(readFileSync(join(dir, file), 'utf8'));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', version, file, at);
      done.push(version);
    }
    return done;
  });
};
