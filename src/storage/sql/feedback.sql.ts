import type { Selectable } from 'kysely';
import type { ChangeMeta, Clock, FeedbackRepository } from '../../app/ports';
import { FeedbackSubmission, type FeedbackItem } from '../../domain/feedback.schema';
import type { Audit } from './audit.sql';
import type { FeedbackItemsTable } from './database';
import { nextSeq } from './next-seq';
import type { Sql, SqlDb } from './sql-db';

type FeedbackRow = Selectable<FeedbackItemsTable>;

const toFeedback = (r: FeedbackRow): FeedbackItem => ({
  ...FeedbackSubmission.parse(JSON.parse(r.body)),
  id: r.id,
  planId: r.plan_id,
  submitterId: r.submitter_id,
  submitterName: r.submitter_name,
  createdAt: r.created_at,
  status: r.status as FeedbackItem['status'],
  ownerId: r.owner_id,
  routedAt: r.routed_at,
  answer: r.answer ? JSON.parse(r.answer) : null,
  flaggedAt: r.flagged_at,
});

type FeedbackChange = Partial<Pick<FeedbackItem, 'status' | 'ownerId' | 'routedAt' | 'answer' | 'flaggedAt'>>;

/** Co-production feedback and what was done about it. */
export class SqlFeedback implements FeedbackRepository {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  async addFeedback(item: FeedbackItem, meta: ChangeMeta): Promise<FeedbackItem> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`feedback/${item.id}`);
      const existing = await this.#load(item.id, tx);
      if (existing) return existing;
      const body: FeedbackSubmission = FeedbackSubmission.parse(item);
      await tx.db
        .insertInto('feedback_items')
        .values({
          id: item.id,
          plan_id: item.planId,
          submitter_id: item.submitterId,
          submitter_name: item.submitterName,
          created_at: item.createdAt,
          body: JSON.stringify(body),
          status: item.status,
          owner_id: item.ownerId,
          routed_at: item.routedAt,
          answer: item.answer ? JSON.stringify(item.answer) : null,
          flagged_at: item.flaggedAt,
          seq: nextSeq('feedback_items'),
        })
        .execute();
      const stored = (await this.#load(item.id, tx))!;
      await this.audit(tx, item.planId, null, at, meta, [{ action: 'create', key: `feedback/${item.id}`, kind: 'feedback', before: null, after: stored }]);
      return stored;
    });
  }

  async loadFeedback(id: string): Promise<FeedbackItem | null> {
    return this.#load(id);
  }

  async listFeedback(planId: string): Promise<FeedbackItem[]> {
    const rows = await this.db.db.selectFrom('feedback_items').selectAll().where('plan_id', '=', planId).orderBy('created_at').orderBy('seq').execute();
    return rows.map(toFeedback);
  }

  async updateFeedback(id: string, from: FeedbackItem['status'], change: FeedbackChange, meta: ChangeMeta): Promise<boolean> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      const before = await this.#load(id, tx, true);
      if (!before || before.status !== from) return false;
      // Flagged once: of two instances flagging the same item, only the first tells the SRO.
      if (change.flaggedAt && before.flaggedAt) return false;
      const next = { ...before, ...change };
      await tx.db
        .updateTable('feedback_items')
        .set({ status: next.status, owner_id: next.ownerId, routed_at: next.routedAt, answer: next.answer ? JSON.stringify(next.answer) : null, flagged_at: next.flaggedAt })
        .where('id', '=', id)
        .execute();
      const after = (await this.#load(id, tx))!;
      await this.audit(tx, before.planId, null, at, meta, [{ action: 'update', key: `feedback/${id}`, kind: 'feedback', before, after }]);
      return true;
    });
  }

  /** The item; `lock`ed, it is the transaction's to change until it ends. */
  async #load(id: string, db: Sql = this.db, lock = false): Promise<FeedbackItem | null> {
    const query = db.db.selectFrom('feedback_items').selectAll().where('id', '=', id);
    const row = await (lock ? db.locked(query) : query).executeTakeFirst();
    return row ? toFeedback(row) : null;
  }
}
