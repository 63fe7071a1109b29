import { sql } from 'kysely';
import type { AuditEntry, AuditQuery, ChangeMeta, PartChange } from '../../app/ports';
import { enqueueNotifications } from './outbox.sql';
import { prepared, type Sql } from './sql-db';

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** How every repository records a change: inside the change's own transaction. */
export type Audit = (tx: Sql, planId: string | null, version: number | null, at: string, meta: ChangeMeta, changes: readonly PartChange[]) => Promise<void>;

type AuditRow = { planId: string | null; version: number | null; at: string; actorId: string; summary: string; action: string; key: string; kind: string; before: string | null; after: string | null };

const AUDIT = prepared((db, v: AuditRow) =>
  db.insertInto('audit_log').values({
    plan_id: v.planId,
    version: v.version,
    at: v.at,
    actor_id: v.actorId,
    summary: v.summary,
    action: v.action,
    subject_key: v.key,
    kind: v.kind,
    before: v.before,
    after: v.after,
  }),
);

export const writeAudit: Audit = async (tx, planId, version, at, meta, changes) => {
  for (const c of changes) {
    await tx.run(AUDIT, { planId, version, at, actorId: meta.actorId, summary: meta.summary, action: c.action, key: c.key, kind: c.kind, before: json(c.before), after: json(c.after) });
  }
  // The change and its notifications commit together.
  if (meta.notify?.length) await enqueueNotifications(tx, planId, meta.notify, at);
};

export const readAudit = async (db: Sql, planId: string | null, query: AuditQuery = {}): Promise<AuditEntry[]> => {
  const prefix = query.keyPrefix;
  // Keys under the prefix: `prefix/…`, with LIKE's wildcards in the prefix taken literally.
  const under = prefix ? `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}/%` : '';
  const rows = await db.db
    .selectFrom('audit_log')
    .selectAll()
    // Not `IS NOT DISTINCT FROM`: PostgreSQL cannot use an index for it.
    .where('plan_id', planId === null ? 'is' : '=', planId)
    .$if(!!prefix, (q) =>
      q.where((eb) =>
        eb.or([
          eb('subject_key', '=', prefix!),
          // The builder has no LIKE … ESCAPE; the pattern is still a parameter.
          sql<boolean>`${sql.ref('subject_key')} LIKE ${under} ESCAPE '\\'`,
        ]),
      ),
    )
    .$if(query.sinceVersion !== undefined, (q) => q.where('version', '>', query.sinceVersion!))
    .orderBy('id', 'desc')
    .limit(query.limit ?? 1000)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    planId: r.plan_id,
    version: r.version,
    at: r.at,
    actorId: r.actor_id,
    summary: r.summary,
    action: r.action as PartChange['action'],
    key: r.subject_key,
    kind: r.kind,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
};
