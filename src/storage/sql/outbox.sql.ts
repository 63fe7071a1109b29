import type { Notification, OutboxChange, OutboxMessage, OutboxRow } from '../../app/ports';
import type { Sql, SqlDb } from './sql-db';

interface Row {
  id: string;
  plan_id: string | null;
  person_id: string;
  payload: string;
  status: OutboxRow['status'];
  attempts: number;
  next_attempt_at: string;
  claimed_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

const toRow = (r: Row): OutboxRow => ({
  id: r.id,
  planId: r.plan_id,
  personId: r.person_id,
  notification: JSON.parse(r.payload) as Notification,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  claimedAt: r.claimed_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

const COLUMNS: Record<keyof OutboxChange, string> = {
  status: 'status',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  claimedAt: 'claimed_at',
  lastError: 'last_error',
  sentAt: 'sent_at',
};

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Runs inside the caller's transaction; an id already queued is left as it is. */
export const enqueueNotifications = async (tx: Sql, planId: string | null, messages: readonly OutboxMessage[], at: string): Promise<void> => {
  for (const m of messages) {
    await tx.run(
      `INSERT INTO notification_outbox (id, plan_id, person_id, payload, status, attempts, next_attempt_at, created_at, seq)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM notification_outbox)) ON CONFLICT (id) DO NOTHING`,
      m.id,
      planId,
      m.personId,
      JSON.stringify(m.notification),
      at,
      at,
    );
  }
};

/** The notification outbox: rows are queued inside a change's own transaction, then claimed and marked. */
export class SqlOutbox {
  constructor(private readonly db: SqlDb) {}

  /**
   * Due rows become this caller's to send. On PostgreSQL rows another instance is claiming at
   * the same moment are skipped, not waited for, so each row goes to one sender.
   */
  claim(now: string, staleClaimBefore: string, limit: number, ids?: readonly string[]): Promise<OutboxRow[]> {
    if (ids && !ids.length) return Promise.resolve([]);
    return this.db.transaction(async (tx) => {
      const due = `((status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_at < ?))`;
      const rows = ids
        ? await tx.all<Row>(`SELECT * FROM notification_outbox WHERE ${due} AND id IN (${marks(ids.length)}) ORDER BY created_at, seq LIMIT ?${tx.skipLocked}`, now, staleClaimBefore, ...ids, limit)
        : await tx.all<Row>(`SELECT * FROM notification_outbox WHERE ${due} ORDER BY next_attempt_at, seq LIMIT ?${tx.skipLocked}`, now, staleClaimBefore, limit);
      for (const r of rows) await tx.run("UPDATE notification_outbox SET status = 'sending', claimed_at = ? WHERE id = ?", now, r.id);
      return rows.map((r) => toRow({ ...r, status: 'sending', claimed_at: now }));
    });
  }

  async mark(id: string, change: OutboxChange): Promise<void> {
    const entries = (Object.keys(COLUMNS) as (keyof OutboxChange)[]).filter((k) => change[k] !== undefined).map((k) => [COLUMNS[k], change[k]] as const);
    if (!entries.length) return;
    await this.db.run(`UPDATE notification_outbox SET ${entries.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, ...entries.map(([, v]) => v), id);
  }

  async list(planId?: string, ids?: readonly string[]): Promise<OutboxRow[]> {
    if (ids && !ids.length) return [];
    const where: string[] = [];
    const params: unknown[] = [];
    if (planId !== undefined) {
      where.push('plan_id = ?');
      params.push(planId);
    }
    if (ids) {
      where.push(`id IN (${marks(ids.length)})`);
      params.push(...ids);
    }
    const text = `SELECT * FROM notification_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, seq`;
    return (await this.db.all<Row>(text, ...params)).map(toRow);
  }
}
