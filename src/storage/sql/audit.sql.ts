import type { AuditEntry, AuditQuery, ChangeMeta, PartChange } from '../../app/ports';
import { enqueueNotifications } from './outbox.sql';
import type { Sql } from './sql-db';

interface AuditRow {
  id: number;
  plan_id: string | null;
  version: number | null;
  at: string;
  actor_id: string;
  summary: string;
  action: PartChange['action'];
  subject_key: string;
  kind: string;
  before: string | null;
  after: string | null;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** How every repository records a change: inside the change's own transaction. */
export type Audit = (tx: Sql, planId: string | null, version: number | null, at: string, meta: ChangeMeta, changes: readonly PartChange[]) => Promise<void>;

export const writeAudit: Audit = async (tx, planId, version, at, meta, changes) => {
  for (const c of changes) {
    await tx.run(
      'INSERT INTO audit_log (plan_id, version, at, actor_id, summary, action, subject_key, kind, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      planId,
      version,
      at,
      meta.actorId,
      meta.summary,
      c.action,
      c.key,
      c.kind,
      json(c.before),
      json(c.after),
    );
  }
  // The change and its notifications commit together.
  if (meta.notify?.length) await enqueueNotifications(tx, planId, meta.notify, at);
};

export const listAudit = async (db: Sql, planId: string | null, query: AuditQuery = {}): Promise<AuditEntry[]> => {
  const prefix = query.keyPrefix;
  // Not `IS NOT DISTINCT FROM`: PostgreSQL cannot use an index for it.
  const where = [planId === null ? 'plan_id IS NULL' : 'plan_id = ?'];
  const params: unknown[] = planId === null ? [] : [planId];
  if (prefix) {
    where.push("(subject_key = ? OR subject_key LIKE ? ESCAPE '\\')");
    params.push(prefix, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`);
  }
  if (query.sinceVersion !== undefined) {
    where.push('version > ?');
    params.push(query.sinceVersion);
  }
  const rows = await db.all<AuditRow>(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`, ...params, query.limit ?? 1000);
  return rows.map((r) => ({
    id: Number(r.id),
    planId: r.plan_id,
    version: r.version,
    at: r.at,
    actorId: r.actor_id,
    summary: r.summary,
    action: r.action,
    key: r.subject_key,
    kind: r.kind,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
};
