import { sql, type RawBuilder } from 'kysely';
import type { Database } from './database';

type WithSeq = { [T in keyof Database]: 'seq' extends keyof Database[T] ? T : never }[keyof Database];

/**
 * The next insertion number of a table, worked out inside the insert itself, so rows list in the
 * order they were added whatever the clock says (as the statements written by hand did).
 */
export const nextSeq = (table: WithSeq): RawBuilder<number> => sql<number>`(SELECT COALESCE(MAX(seq), 0) + 1 FROM ${sql.table(table)})`;
