import type { Selectable } from 'kysely';
import type { AddedUpdate, ChangeMeta, Clock, LatestUpdateQuery, PostOf, Reminder, ReminderRepository, UpdateQuery, UpdateRepository } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { WorkstreamUpdate, type StoredUpdate } from '../../domain/workstream-update.schema';
import type { Audit } from './audit.sql';
import type { RemindersTable, WorkstreamUpdatesTable } from './database';
import { deepFreeze } from './deep-freeze';
import { planRow } from './plans.sql';
import { isUniqueViolation, prepared, type Prepared, type Sql, type SqlDb } from './sql-db';
import { ADD_UPDATE, ADD_UPDATE_AT_ONCE, addMilestones, NEXT_NUMBER, type PostValues } from './update-post.sql';

type UpdateRow = Selectable<WorkstreamUpdatesTable>;
/** A post's columns, named rather than `*`: a statement reading them keeps its shape when a column is added (sql-db.ts, StatementNames). */
const POST_COLUMNS = ['id', 'plan_id', 'workstream_id', 'quarter', 'sequence', 'author_id', 'at', 'body'] as const satisfies readonly (keyof UpdateRow)[];
const POST_COLUMNS_OF_U = POST_COLUMNS.map((c) => `u.${c}` as const);
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

/** The query as a plain record of values (an interface has no index signature). */
type Latest = Pick<LatestUpdateQuery, keyof LatestUpdateQuery>;

/**
 * latestUpdate's statements, one per combination of what it is asked (a milestone or not, this
 * quarter, up to a quarter), prepared as first asked.
 */
const latestStatements = new Map<string, Prepared<Latest, UpdateRow>>();
const latestStatement = (query: Latest): Prepared<Latest, UpdateRow> => {
  const byMilestone = query.milestoneId !== undefined;
  const inQuarter = query.quarter !== undefined;
  const through = query.throughQuarter !== undefined;
  const key = `${byMilestone}/${inQuarter}/${through}`;
  let statement = latestStatements.get(key);
  if (!statement) {
    statement = prepared((db, v: Latest) =>
      byMilestone
        ? db
            .selectFrom('workstream_update_milestones as m')
            .innerJoin('workstream_updates as u', 'u.id', 'm.update_id')
            .select(POST_COLUMNS_OF_U)
            .where('m.plan_id', '=', v.planId)
            .where('m.workstream_id', '=', v.workstreamId)
            .where('m.milestone_id', '=', v.milestoneId!)
            .$if(inQuarter, (q) => q.where('m.quarter', '=', v.quarter!))
            .$if(through, (q) => q.where('m.quarter', '<=', v.throughQuarter!))
            .orderBy('m.quarter', 'desc')
            .orderBy('m.sequence', 'desc')
            .limit(1)
        : db
            .selectFrom('workstream_updates as u')
            .select(POST_COLUMNS_OF_U)
            .where('u.plan_id', '=', v.planId)
            .where('u.workstream_id', '=', v.workstreamId)
            .$if(inQuarter, (q) => q.where('u.quarter', '=', v.quarter!))
            .$if(through, (q) => q.where('u.quarter', '<=', v.throughQuarter!))
            .orderBy('u.quarter', 'desc')
            .orderBy('u.sequence', 'desc')
            .limit(1),
    );
    latestStatements.set(key, statement);
  }
  return statement;
};

const POST_BY_ID = prepared((db, v: { id: string }) => db.selectFrom('workstream_updates').select(POST_COLUMNS).where('id', '=', v.id));

const DELEGATES = prepared((db, v: { planId: string }) =>
  db.selectFrom('workstream_delegates').select(['workstream_id', 'person_id']).where('plan_id', '=', v.planId).orderBy('workstream_id').orderBy('person_id'),
);

type ReminderChange = Partial<Pick<Reminder, 'status' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError' | 'claimedAt'>>;

/** Quarterly workstream updates, the people named to post them, and the reminders to do so. */
export class SqlUpdates implements UpdateRepository, ReminderRepository {
  /**
   * Posts are never changed once stored, so a post read before is not parsed and validated again
   * (the update form reads the same latest posts on every submission).
   */
  private readonly parsed = new Map<string, StoredUpdate>();

  #toUpdate(r: UpdateRow): StoredUpdate {
    return this.parsed.get(r.id) ?? this.#keep(parseUpdate(r));
  }

  #keep(update: StoredUpdate): StoredUpdate {
    const known = this.parsed.get(update.id);
    if (known) return known;
    if (this.parsed.size >= 2_000) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(update.id, deepFreeze(update));
    return update;
  }

  constructor(
    private readonly sql: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  async addUpdate(planId: string, update: WorkstreamUpdate, post: PostOf, meta: ChangeMeta): Promise<AddedUpdate> {
    const valid = WorkstreamUpdate.parse(update);
    const at = this.clock.now().toISOString();
    const values: PostValues = { id: post.id, planId, workstreamId: valid.workstreamId, quarter: valid.quarter, authorId: post.authorId, at, body: JSON.stringify(valid), planVersion: post.planVersion };
    const milestones = [...new Set(valid.milestones.map((m) => m.milestoneId))];
    const stored = (sequence: number): StoredUpdate => ({ ...valid, id: post.id, sequence, authorId: post.authorId, at });
    for (let attempt = 1; ; attempt++) {
      let kept: StoredUpdate | null;
      try {
        kept =
          this.sql.dialect === 'postgres' && !meta.notify?.length
            ? await this.#addAtOnce(values, milestones, meta, stored, JSON.stringify({ ...valid, id: post.id }))
            : await this.sql.transaction((tx) => this.#addIn(tx, values, milestones, meta, stored));
      } catch (error) {
        // Nothing of this attempt was kept. A retry of this post that got there first (on another
        // instance, say) made its insert fail: answered as that one was kept. A post numbered at
        // the same moment by an older version still running beside this one: numbered again.
        const earlier = await this.#keptPost(post.id).catch(() => undefined);
        if (earlier) return { update: this.#toUpdate(earlier), replayed: true };
        if (attempt < 3 && isUniqueViolation(error)) continue;
        throw error;
      }
      // Kept once committed (never from a transaction that failed): the next form reads this post, and need not validate it again.
      if (kept) return { update: this.#keep(kept), replayed: false };
      // Kept before (a retried request): answered as it was kept, whatever the plan's version is now.
      const earlier = await this.#keptPost(post.id);
      if (earlier) return { update: this.#toUpdate(earlier), replayed: true };
      // Else the plan was not at the version the post was checked against.
      return this.#refuseStale(planId, post.planVersion);
    }
  }

  async #refuseStale(planId: string, expectedVersion: number): Promise<never> {
    const current = await planRow(this.sql, planId);
    if (!current) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${planId}`, { planId });
    throw new DomainError('PLAN.STALE_VERSION', 'The plan changed after this update was checked against it', { expectedVersion, currentVersion: current.version });
  }

  /** PostgreSQL: the post, its milestones and its audit row in one statement, committed on its own (ADD_UPDATE_AT_ONCE). */
  async #addAtOnce(values: PostValues, milestones: readonly string[], meta: ChangeMeta, stored: (sequence: number) => StoredUpdate, withId: string): Promise<StoredUpdate | null> {
    // JSON.stringify(stored(n)) is this head, n, then this tail: the update's own keys (and none of
    // these: the schema keeps only its own), then id, sequence, authorId and at, in that order.
    const afterHead = `${withId.slice(0, -1)},"sequence":`;
    const afterTail = `,"authorId":${JSON.stringify(values.authorId)},"at":${JSON.stringify(values.at)}}`;
    const [added] = (
      await this.sql.run(ADD_UPDATE_AT_ONCE, {
        ...values,
        milestones,
        actorId: meta.actorId,
        summary: meta.summary,
        keyHead: `updates/${values.workstreamId}/${values.quarter}/`,
        afterHead,
        afterTail,
      })
    ).rows;
    return added ? stored(added.sequence) : null;
  }

  /** The same writes as statements of one transaction: on SQLite, and wherever the change also queues notifications. */
  async #addIn(tx: Sql, values: PostValues, milestones: readonly string[], meta: ChangeMeta, stored: (sequence: number) => StoredUpdate): Promise<StoredUpdate | null> {
    const [numbered] = (await tx.run(NEXT_NUMBER, values)).rows;
    if (!numbered) return null;
    const sequence = numbered.last_sequence;
    await tx.run(ADD_UPDATE, { ...values, sequence });
    if (milestones.length) {
      const row: Record<string, string | number> = { planId: values.planId, workstreamId: values.workstreamId, quarter: values.quarter, sequence, updateId: values.id };
      milestones.forEach((milestoneId, i) => (row[`milestone${i}`] = milestoneId));
      await tx.run(addMilestones(milestones.length), row);
    }
    const post = stored(sequence);
    await this.audit(tx, values.planId, null, values.at, meta, [
      { action: 'create', key: `updates/${values.workstreamId}/${values.quarter}/${sequence}`, kind: 'workstream-update', before: null, after: post },
    ]);
    return post;
  }

  async findUpdate(planId: string, id: string): Promise<StoredUpdate | null> {
    const row = await this.#keptPost(id);
    return row && row.plan_id === planId ? this.#toUpdate(row) : null;
  }

  async #keptPost(id: string): Promise<UpdateRow | undefined> {
    return (await this.sql.run(POST_BY_ID, { id })).rows[0];
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
    const [row] = (await this.sql.run(latestStatement(query), query)).rows;
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
    const { rows } = await this.sql.run(DELEGATES, { planId });
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

