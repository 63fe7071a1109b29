import { sql, type Selectable } from 'kysely';
import type { ChangeMeta, Clock, LatestUpdateQuery, Reminder, ReminderRepository, UpdateQuery, UpdateRepository } from '../../app/ports';
import { WorkstreamUpdate, type StoredUpdate } from '../../domain/workstream-update.schema';
import type { Audit } from './audit.sql';
import type { RemindersTable, WorkstreamUpdatesTable } from './database';
import { deepFreeze } from './deep-freeze';
import type { SqlDb } from './sql-db';

type UpdateRow = Selectable<WorkstreamUpdatesTable>;
type ReminderRow = Selectable<RemindersTable>;

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
  kind: r.kind as Reminder['kind'],
  quarter: r.quarter,
  personId: r.person_id,
  dueAt: r.due_at,
  status: r.status as Reminder['status'],
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
  claimedAt: r.claimed_at,
  recovered: r.recovered,
});

type ReminderChange = Partial<Pick<Reminder, 'status' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError' | 'claimedAt'>>;

/** Quarterly workstream updates, the people named to post them, and the reminders to do so. */
export class SqlUpdates implements UpdateRepository, ReminderRepository {
  /**
   * Posts are never changed once stored, so a post read before is not parsed and validated again
   * (the update form reads the same latest posts on every submission).
   */
  private readonly parsed = new Map<string, StoredUpdate>();

  #toUpdate(r: UpdateRow): StoredUpdate {
    const known = this.parsed.get(r.id);
    if (known) return known;
    const update = deepFreeze(parseUpdate(r));
    if (this.parsed.size >= 2_000) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(r.id, update);
    return update;
  }

  constructor(
    private readonly sql: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  async addUpdate(planId: string, update: WorkstreamUpdate, post: { id: string; authorId: string }, meta: ChangeMeta): Promise<StoredUpdate> {
    const valid = WorkstreamUpdate.parse(update);
    const at = this.clock.now().toISOString();
    return this.sql.transaction(async (tx) => {
      // Writers of one workstream's quarter take turns, so update numbers stay 1, 2, 3… with two instances posting at once.
      await tx.lock(`updates/${planId}/${valid.workstreamId}/${valid.quarter}`);
      // One statement numbers and adds the post; a post already kept (a retried request) adds nothing, and is answered as kept.
      const added = await tx.db
        .insertInto('workstream_updates')
        .values({
          id: post.id,
          plan_id: planId,
          workstream_id: valid.workstreamId,
          quarter: valid.quarter,
          sequence: sql<number>`(SELECT COALESCE(MAX(sequence), 0) + 1 FROM workstream_updates WHERE plan_id = ${planId} AND workstream_id = ${valid.workstreamId} AND quarter = ${valid.quarter})`,
          author_id: post.authorId,
          at,
          body: JSON.stringify(valid),
        })
        .onConflict((c) => c.column('id').doNothing())
        .returning('sequence')
        .executeTakeFirst();
      if (!added) return this.#toUpdate(await tx.db.selectFrom('workstream_updates').selectAll().where('id', '=', post.id).executeTakeFirstOrThrow());
      const next = added.sequence;
      const milestones = [...new Set(valid.milestones.map((m) => m.milestoneId))];
      if (milestones.length) {
        await tx.db
          .insertInto('workstream_update_milestones')
          .values(milestones.map((milestoneId) => ({ plan_id: planId, workstream_id: valid.workstreamId, milestone_id: milestoneId, quarter: valid.quarter, sequence: next, update_id: post.id })))
          .execute();
      }
      const stored: StoredUpdate = { ...valid, id: post.id, sequence: next, authorId: post.authorId, at };
      await this.audit(tx, planId, null, at, meta, [
        { action: 'create', key: `updates/${valid.workstreamId}/${valid.quarter}/${next}`, kind: 'workstream-update', before: null, after: stored },
      ]);
      return stored;
    });
  }

  async listUpdates(query: UpdateQuery): Promise<StoredUpdate[]> {
    const rows = await this.sql.db
      .selectFrom('workstream_updates')
      .selectAll()
      .where('plan_id', '=', query.planId)
      .$if(query.workstreamId !== undefined, (q) => q.where('workstream_id', '=', query.workstreamId!))
      .$if(query.quarter !== undefined, (q) => q.where('quarter', '=', query.quarter!))
      .orderBy('quarter')
      .orderBy('workstream_id')
      .orderBy('sequence')
      .execute();
    return rows.map((r) => this.#toUpdate(r));
  }

  /**
   * Walks an index from its newest end and stops at the first row: (plan, workstream, quarter,
   * sequence) for the latest post, (plan, workstream, milestone, quarter, sequence) for the latest
   * post reporting on a milestone. Its cost does not grow with the number of posts.
   */
  async latestUpdate(query: LatestUpdateQuery): Promise<StoredUpdate | null> {
    const { db } = this.sql;
    const { planId, workstreamId, milestoneId, quarter, throughQuarter } = query;
    const row =
      milestoneId === undefined
        ? await db
            .selectFrom('workstream_updates as u')
            .selectAll('u')
            .where('u.plan_id', '=', planId)
            .where('u.workstream_id', '=', workstreamId)
            .$if(quarter !== undefined, (q) => q.where('u.quarter', '=', quarter!))
            .$if(throughQuarter !== undefined, (q) => q.where('u.quarter', '<=', throughQuarter!))
            .orderBy('u.quarter', 'desc')
            .orderBy('u.sequence', 'desc')
            .limit(1)
            .executeTakeFirst()
        : await db
            .selectFrom('workstream_update_milestones as m')
            .innerJoin('workstream_updates as u', 'u.id', 'm.update_id')
            .selectAll('u')
            .where('m.plan_id', '=', planId)
            .where('m.workstream_id', '=', workstreamId)
            .where('m.milestone_id', '=', milestoneId)
            .$if(quarter !== undefined, (q) => q.where('m.quarter', '=', quarter!))
            .$if(throughQuarter !== undefined, (q) => q.where('m.quarter', '<=', throughQuarter!))
            .orderBy('m.quarter', 'desc')
            .orderBy('m.sequence', 'desc')
            .limit(1)
            .executeTakeFirst();
    return row ? this.#toUpdate(row) : null;
  }

  async addDelegate(planId: string, workstreamId: string, personId: string, meta: ChangeMeta): Promise<void> {
    const at = this.clock.now().toISOString();
    return this.sql.transaction(async (tx) => {
      const result = await tx.db
        .insertInto('workstream_delegates')
        .values({ plan_id: planId, workstream_id: workstreamId, person_id: personId, named_by: meta.actorId, at })
        .onConflict((c) => c.doNothing())
        .executeTakeFirst();
      const added = Number(result.numInsertedOrUpdatedRows ?? 0);
      if (added) {
        await this.audit(tx, planId, null, at, meta, [
          { action: 'create', key: `delegates/${workstreamId}/${personId}`, kind: 'delegate', before: null, after: { workstreamId, personId } },
        ]);
      }
    });
  }

  async listDelegates(planId: string): Promise<{ workstreamId: string; personId: string }[]> {
    const rows = await this.sql.db
      .selectFrom('workstream_delegates')
      .select(['workstream_id', 'person_id'])
      .where('plan_id', '=', planId)
      .orderBy('workstream_id')
      .orderBy('person_id')
      .execute();
    return rows.map((r) => ({ workstreamId: r.workstream_id, personId: r.person_id }));
  }

  async scheduleReminders(reminders: readonly Pick<Reminder, 'id' | 'planId' | 'kind' | 'quarter' | 'personId' | 'dueAt'>[]): Promise<number> {
    return this.sql.transaction(async (tx) => {
      let added = 0;
      for (const r of reminders) {
        const result = await tx.db
          .insertInto('reminders')
          .values({
            id: r.id,
            plan_id: r.planId,
            kind: r.kind,
            quarter: r.quarter,
            person_id: r.personId,
            due_at: r.dueAt,
            status: 'pending',
            attempts: 0,
            next_attempt_at: r.dueAt,
            payload: '{}',
          })
          .onConflict((c) => c.doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    });
  }

  async dueReminders(now: string, staleClaimBefore?: string): Promise<Reminder[]> {
    const rows = await this.sql.db
      .selectFrom('reminders')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', now), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', staleClaimBefore ?? '')]),
        ]),
      )
      .orderBy('due_at')
      .orderBy('id')
      .execute();
    return rows.map(toReminder);
  }

  /** A compare-and-set: of two instances claiming the same reminder, one changes the row and the other finds it taken. */
  async claimReminder(id: string, at: string, staleClaimBefore: string): Promise<boolean> {
    const result = await this.sql.db
      .updateTable('reminders')
      .set((eb) => ({
        recovered: eb('recovered', '+', eb.case().when('status', '=', 'sending').then(eb.lit(1)).else(eb.lit(0)).end()),
        status: 'sending',
        claimed_at: at,
      }))
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', staleClaimBefore), eb('recovered', '=', 0)])]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listReminders(planId: string): Promise<Reminder[]> {
    return (await this.sql.db.selectFrom('reminders').selectAll().where('plan_id', '=', planId).orderBy('due_at').orderBy('id').execute()).map(toReminder);
  }

  async markReminder(id: string, change: ReminderChange): Promise<void> {
    const set = {
      status: change.status,
      attempts: change.attempts,
      next_attempt_at: change.nextAttemptAt,
      sent_at: change.sentAt,
      last_error: change.lastError,
      claimed_at: change.claimedAt,
    };
    // Only what the change names is written; a field it leaves out keeps its value.
    const named = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    if (!Object.keys(named).length) return;
    await this.sql.db.updateTable('reminders').set(named).where('id', '=', id).execute();
  }
}

