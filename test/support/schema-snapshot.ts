import { sql } from 'kysely';
import type { SqlDb } from '../../src/storage/sql/sql-db';
import { rowsOf } from './raw-sql';

/**
 * A database's schema as data, to compare two databases: every table's columns (type, collation,
 * null, default), its indexes and its constraints, in a fixed order. Names the database generates
 * for itself are left as they are: two databases made by the same statements name alike.
 */
export const schemaOf = async (db: SqlDb): Promise<unknown> => {
  if (db.dialect === 'postgres') {
    return {
      columns: await rowsOf(db, sql`SELECT table_name, column_name, ordinal_position, data_type, collation_name, is_nullable, column_default, is_identity
         FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`),
      indexes: await rowsOf(db, sql`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexname`),
      constraints: await rowsOf(db, sql`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2`),
    };
  }
  const tables = await rowsOf(db, sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    out[name] = {
      columns: await rowsOf(db, sql`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(${name}) ORDER BY cid`),
      indexes: await rowsOf(db, sql`SELECT name, "unique", origin, partial FROM pragma_index_list(${name}) ORDER BY name`),
      foreignKeys: await rowsOf(db, sql`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(${name}) ORDER BY id, seq`),
    };
  }
  out.indexSql = await rowsOf(db, sql`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`);
  out.triggers = await rowsOf(db, sql`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`);
  return out;
};
