import type { ChangeMeta, Clock, LatestUpdateQuery, Reminder, UpdateQuery } from '../../app/ports';
import { WorkstreamUpdate, type StoredUpdate } from '../../domain/workstream-update.schema';
import type { Audit } from './audit.sql';
import { deepFreeze } from './deep-freeze';
import type { SqlDb } from './sql-db';

interface UpdateRow {
  id: string;
  workstream_id: string;
  quarter: string;
  sequence: number;
  author_id: string;
  at: string;
  body: string;
}
interface ReminderRow {
  id: string;
  plan_id: string;
  kind: Reminder['kind'];
  quarter: string;
  person_id: string;
  due_at: string;
  status: Reminder['status'];
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  claimed_at: string | null;
  recovered: number;
}

const parseUpdate = (r: UpdateRow): StoredUpdate => ({
  ...WorkstreamUpdate.parse(JSON.parse(r.body)),
  id: r.id,
  sequence: r.sequence,
  authorId: r.author_id,
  at: r.at,
});
const toReminder = (r: ReminderRow): Reminder => ({
  id: r.id,
  planId: r.plan_id,
  kind: r.kind,
  quarter: r.quarter,
  personId: r.person_id,
  dueAt: r.due_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
  claimedAt: r.claimed_at,
  recovered: r.recovered,
});

type ReminderChange = Partial<Pick<Reminder, 'status' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError'>>;
const REMINDER_COLUMNS: Record<string, string> = { status: 'status', attempts: 'attempts', nextAttemptAt: 'next_attempt_at', sentAt: 'sent_at', lastError: 'last_error', claimedAt: 'claimed_at' };

/** Quarterly workstream updates, the people named to post them, and the reminders to do so. */
export class SqlUpdates {
  /**
   * Posts are never changed once stored, so a post read before is not parsed and validated again
   * (the update form reads the same latest posts on every submission).
   */
  private readonly parsed = new Map<string, StoredUpdate>();

  private toUpdate(r: UpdateRow): StoredUpdate {
    const known = this.parsed.get(r.id);
    if (known) return known;
    const update = deepFreeze(parseUpdate(r));
    if (this.parsed.size >= 2_000) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(r.id, update);
    return update;
  }

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  addUpdate(planId: string, update: WorkstreamUpdate, post: { id: string; authorId: string }, meta: ChangeMeta): Promise<StoredUpdate> {
    const valid = WorkstreamUpdate.parse(update);
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      // Writers of one workstream's quarter take turns, so update numbers stay 1, 2, 3… with two instances posting at once.
      await tx.lock(`updates/${planId}/${valid.workstreamId}/${valid.quarter}`);
      const existing = await tx.get<UpdateRow>('SELECT * FROM workstream_updates WHERE id = ?', post.id);
      if (existing) return this.toUpdate(existing);
      const { next } = (await tx.get<{ next: number }>(
        'SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM workstream_updates WHERE plan_id = ? AND workstream_id = ? AND quarter = ?',
        planId,
        valid.workstreamId,
        valid.quarter,
      ))!;
      await tx.run(
        'INSERT INTO workstream_updates (id, plan_id, workstream_id, quarter, sequence, author_id, at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        post.id,
        planId,
        valid.workstreamId,
        valid.quarter,
        next,
        post.authorId,
        at,
        JSON.stringify(valid),
      );
      for (const milestoneId of new Set(valid.milestones.map((m) => m.milestoneId))) {
        await tx.run(
          'INSERT INTO workstream_update_milestones (plan_id, workstream_id, milestone_id, quarter, sequence, update_id) VALUES (?, ?, ?, ?, ?, ?)',
          planId,
          valid.workstreamId,
          milestoneId,
          valid.quarter,
          next,
          post.id,
        );
      }
      const stored: StoredUpdate = { ...valid, id: post.id, sequence: next, authorId: post.authorId, at };
      await this.audit(tx, planId, null, at, meta, [
        { action: 'create', key: `updates/${valid.workstreamId}/${valid.quarter}/${next}`, kind: 'workstream-update', before: null, after: stored },
      ]);
      return stored;
    });
  }

  async listUpdates(query: UpdateQuery): Promise<StoredUpdate[]> {
    const where = ['plan_id = ?'];
    const params: unknown[] = [query.planId];
    for (const [column, value] of [
      ['workstream_id', query.workstreamId],
      ['quarter', query.quarter],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.db.all<UpdateRow>(`SELECT * FROM workstream_updates WHERE ${where.join(' AND ')} ORDER BY quarter, workstream_id, sequence`, ...params);
    return rows.map((r) => this.toUpdate(r));
  }

  /**
   * Walks an index from its newest end and stops at the first row: (plan, workstream, quarter,
   * sequence) for the latest post, (plan, workstream, milestone, quarter, sequence) for the latest
   * post reporting on a milestone. Its cost does not grow with the number of posts.
   */
  async latestUpdate(query: LatestUpdateQuery): Promise<StoredUpdate | null> {
    const by = query.milestoneId === undefined ? 'u' : 'm';
    const where = [`${by}.plan_id = ?`, `${by}.workstream_id = ?`];
    const params: unknown[] = [query.planId, query.workstreamId];
    if (query.milestoneId !== undefined) {
      where.push('m.milestone_id = ?');
      params.push(query.milestoneId);
    }
    if (query.quarter !== undefined) {
      where.push(`${by}.quarter = ?`);
      params.push(query.quarter);
    }
    if (query.throughQuarter !== undefined) {
      where.push(`${by}.quarter <= ?`);
      params.push(query.throughQuarter);
    }
    const from = query.milestoneId === undefined ? 'workstream_updates u' : 'workstream_update_milestones m JOIN workstream_updates u ON u.id = m.update_id';
    const row = await this.db.get<UpdateRow>(`SELECT u.* FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${by}.quarter DESC, ${by}.sequence DESC LIMIT 1`, ...params);
    return row ? this.toUpdate(row) : null;
  }

  addDelegate(planId: string, workstreamId: string, personId: string, meta: ChangeMeta): Promise<void> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      const added = await tx.run(
        'INSERT INTO workstream_delegates (plan_id, workstream_id, person_id, named_by, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        planId,
        workstreamId,
        personId,
        meta.actorId,
        at,
      );
      if (added) {
        await this.audit(tx, planId, null, at, meta, [
          { action: 'create', key: `delegates/${workstreamId}/${personId}`, kind: 'delegate', before: null, after: { workstreamId, personId } },
        ]);
      }
    });
  }

  async listDelegates(planId: string): Promise<{ workstreamId: string; personId: string }[]> {
    const rows = await this.db.all<{ workstream_id: string; person_id: string }>('SELECT workstream_id, person_id FROM workstream_delegates WHERE plan_id = ? ORDER BY workstream_id, person_id', planId);
    return rows.map((r) => ({ workstreamId: r.workstream_id, personId: r.person_id }));
  }

  scheduleReminders(reminders: readonly Pick<Reminder, 'id' | 'planId' | 'kind' | 'quarter' | 'personId' | 'dueAt'>[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      let added = 0;
      for (const r of reminders) {
        added += await tx.run(
          `INSERT INTO reminders (id, plan_id, kind, quarter, person_id, due_at, status, attempts, next_attempt_at, payload)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, '{}') ON CONFLICT DO NOTHING`,
          r.id,
          r.planId,
          r.kind,
          r.quarter,
          r.personId,
          r.dueAt,
          r.dueAt,
        );
      }
      return added;
    });
  }

  async dueReminders(now: string, staleClaimBefore?: string): Promise<Reminder[]> {
    const rows = await this.db.all<ReminderRow>(
      `SELECT * FROM reminders WHERE (status = 'pending' AND due_at <= ? AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_at <= ?)
       ORDER BY due_at, id`,
      now,
      now,
      staleClaimBefore ?? '',
    );
    return rows.map(toReminder);
  }

  /** A compare-and-set: of two instances claiming the same reminder, one changes the row and the other finds it taken. */
  async claimReminder(id: string, at: string, staleClaimBefore: string): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE reminders SET recovered = recovered + (CASE WHEN status = 'sending' THEN 1 ELSE 0 END), status = 'sending', claimed_at = ?
       WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND claimed_at <= ? AND recovered = 0))`,
      at,
      id,
      staleClaimBefore,
    );
    return changed === 1;
  }

  async listReminders(planId: string): Promise<Reminder[]> {
    return (await this.db.all<ReminderRow>('SELECT * FROM reminders WHERE plan_id = ? ORDER BY due_at, id', planId)).map(toReminder);
  }

  async markReminder(id: string, change: ReminderChange): Promise<void> {
    const entries = Object.entries(change).filter(([k]) => k in REMINDER_COLUMNS);
    if (!entries.length) return;
    await this.db.run(`UPDATE reminders SET ${entries.map(([k]) => `${REMINDER_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`, ...entries.map(([, v]) => v), id);
  }
}

