import type Database from 'better-sqlite3';
import type { Notification, OutboxChange, OutboxMessage, OutboxRow } from '../../app/ports';

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

/** The notification outbox: rows are queued inside a change's own transaction, then claimed and marked. */
export class SqliteOutbox {
  constructor(private readonly db: Database.Database) {}

  /** Runs inside the caller's transaction; an id already queued is left as it is. */
  enqueue(planId: string | null, messages: readonly OutboxMessage[], at: string): void {
    if (!messages.length) return;
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO notification_outbox (id, plan_id, person_id, payload, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
    );
    for (const m of messages) insert.run(m.id, planId, m.personId, JSON.stringify(m.notification), at, at);
  }

  claim(now: string, staleClaimBefore: string, limit: number, ids?: readonly string[]): OutboxRow[] {
    return this.db.transaction(() => {
      const due = `((status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_at < ?))`;
      const rows = ids
        ? ids.length
          ? (this.db
              .prepare(`SELECT * FROM notification_outbox WHERE ${due} AND id IN (${ids.map(() => '?').join(', ')}) ORDER BY created_at, rowid LIMIT ?`)
              .all(now, staleClaimBefore, ...ids, limit) as Row[])
          : []
        : (this.db.prepare(`SELECT * FROM notification_outbox WHERE ${due} ORDER BY next_attempt_at, rowid LIMIT ?`).all(now, staleClaimBefore, limit) as Row[]);
      const mark = this.db.prepare("UPDATE notification_outbox SET status = 'sending', claimed_at = ? WHERE id = ?");
      for (const r of rows) mark.run(now, r.id);
      return rows.map((r) => toRow({ ...r, status: 'sending', claimed_at: now }));
    })();
  }

  mark(id: string, change: OutboxChange): void {
    const entries = (Object.keys(COLUMNS) as (keyof OutboxChange)[]).filter((k) => change[k] !== undefined).map((k) => [COLUMNS[k], change[k]] as const);
    if (!entries.length) return;
    this.db.prepare(`UPDATE notification_outbox SET ${entries.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
  }

  list(planId?: string, ids?: readonly string[]): OutboxRow[] {
    if (ids && !ids.length) return [];
    const where: string[] = [];
    const params: unknown[] = [];
    if (planId !== undefined) {
      where.push('plan_id = ?');
      params.push(planId);
    }
    if (ids) {
      where.push(`id IN (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    }
    const sql = `SELECT * FROM notification_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, rowid`;
    return (this.db.prepare(sql).all(...params) as Row[]).map(toRow);
  }
}
