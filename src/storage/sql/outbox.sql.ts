import type { Selectable } from 'kysely';
import type { Notification, OutboxChange, OutboxMessage, OutboxRepository, OutboxRow } from '../../app/ports';
import type { NotificationOutboxTable } from './database';
import { nextSeq } from './next-seq';
import type { Sql, SqlDb } from './sql-db';

type Row = Selectable<NotificationOutboxTable>;

const toRow = (r: Row): OutboxRow => ({
  id: r.id,
  planId: r.plan_id,
  personId: r.person_id,
  notification: JSON.parse(r.payload) as Notification,
  status: r.status as OutboxRow['status'],
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  claimedAt: r.claimed_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** Runs inside the caller's transaction; an id already queued is left as it is. */
export const enqueueNotifications = async (tx: Sql, planId: string | null, messages: readonly OutboxMessage[], at: string): Promise<void> => {
  for (const m of messages) {
    await tx.db
      .insertInto('notification_outbox')
      .values({
        id: m.id,
        plan_id: planId,
        person_id: m.personId,
        payload: JSON.stringify(m.notification),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        created_at: at,
        seq: nextSeq('notification_outbox'),
      })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
  }
};

/** The notification outbox: rows are queued inside a change's own transaction, then claimed and marked. */
export class SqlOutbox implements OutboxRepository {
  constructor(private readonly sql: SqlDb) {}

  /**
   * Due rows become this caller's to send. On PostgreSQL rows another instance is claiming at
   * the same moment are skipped, not waited for, so each row goes to one sender.
   */
  async claimNotifications(now: string, staleClaimBefore: string, limit: number, ids?: readonly string[]): Promise<OutboxRow[]> {
    if (ids && !ids.length) return [];
    return this.sql.transaction(async (tx) => {
      const due = tx.db
        .selectFrom('notification_outbox')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleClaimBefore)]),
          ]),
        );
      const query = ids ? due.where('id', 'in', ids).orderBy('created_at').orderBy('seq') : due.orderBy('next_attempt_at').orderBy('seq');
      const rows = await tx.unclaimed(query.limit(limit)).execute();
      for (const r of rows) await tx.db.updateTable('notification_outbox').set({ status: 'sending', claimed_at: now }).where('id', '=', r.id).execute();
      return rows.map((r) => toRow({ ...r, status: 'sending', claimed_at: now }));
    });
  }

  async markNotification(id: string, change: OutboxChange): Promise<void> {
    const set = {
      status: change.status,
      attempts: change.attempts,
      next_attempt_at: change.nextAttemptAt,
      claimed_at: change.claimedAt,
      last_error: change.lastError,
      sent_at: change.sentAt,
    };
    // Only what the change names is written; a field it leaves out keeps its value.
    const named = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    if (!Object.keys(named).length) return;
    await this.sql.db.updateTable('notification_outbox').set(named).where('id', '=', id).execute();
  }

  async listNotifications(planId?: string, ids?: readonly string[]): Promise<OutboxRow[]> {
    if (ids && !ids.length) return [];
    const rows = await this.sql.db
      .selectFrom('notification_outbox')
      .selectAll()
      .$if(planId !== undefined, (q) => q.where('plan_id', '=', planId!))
      .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
      .orderBy('created_at')
      .orderBy('seq')
      .execute();
    return rows.map(toRow);
  }
}
