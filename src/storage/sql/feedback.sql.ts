import type { ChangeMeta, Clock } from '../../app/ports';
import { FeedbackSubmission, type FeedbackItem } from '../../domain/feedback.schema';
import type { Audit } from './audit.sql';
import type { Sql, SqlDb } from './sql-db';

interface FeedbackRow {
  id: string;
  plan_id: string;
  submitter_id: string;
  submitter_name: string;
  created_at: string;
  body: string;
  status: FeedbackItem['status'];
  owner_id: string | null;
  routed_at: string | null;
  answer: string | null;
  flagged_at: string | null;
}
const toFeedback = (r: FeedbackRow): FeedbackItem => ({
  ...FeedbackSubmission.parse(JSON.parse(r.body)),
  id: r.id,
  planId: r.plan_id,
  submitterId: r.submitter_id,
  submitterName: r.submitter_name,
  createdAt: r.created_at,
  status: r.status,
  ownerId: r.owner_id,
  routedAt: r.routed_at,
  answer: r.answer ? JSON.parse(r.answer) : null,
  flaggedAt: r.flagged_at,
});

type FeedbackChange = Partial<Pick<FeedbackItem, 'status' | 'ownerId' | 'routedAt' | 'answer' | 'flaggedAt'>>;

/** Co-production feedback and what was done about it. */
export class SqlFeedback {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  add(item: FeedbackItem, meta: ChangeMeta): Promise<FeedbackItem> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`feedback/${item.id}`);
      const existing = await this.load(item.id, tx);
      if (existing) return existing;
      const body: FeedbackSubmission = FeedbackSubmission.parse(item);
      await tx.run(
        `INSERT INTO feedback_items (id, plan_id, submitter_id, submitter_name, created_at, body, status, owner_id, routed_at, answer, flagged_at, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM feedback_items))`,
        item.id,
        item.planId,
        item.submitterId,
        item.submitterName,
        item.createdAt,
        JSON.stringify(body),
        item.status,
        item.ownerId,
        item.routedAt,
        item.answer ? JSON.stringify(item.answer) : null,
        item.flaggedAt,
      );
      const stored = (await this.load(item.id, tx))!;
      await this.audit(tx, item.planId, null, at, meta, [{ action: 'create', key: `feedback/${item.id}`, kind: 'feedback', before: null, after: stored }]);
      return stored;
    });
  }

  async load(id: string, db: Sql = this.db, lock = ''): Promise<FeedbackItem | null> {
    const row = await db.get<FeedbackRow>(`SELECT * FROM feedback_items WHERE id = ?${lock}`, id);
    return row ? toFeedback(row) : null;
  }

  async list(planId: string): Promise<FeedbackItem[]> {
    return (await this.db.all<FeedbackRow>('SELECT * FROM feedback_items WHERE plan_id = ? ORDER BY created_at, seq', planId)).map(toFeedback);
  }

  update(id: string, from: FeedbackItem['status'], change: FeedbackChange, meta: ChangeMeta): Promise<boolean> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      const before = await this.load(id, tx, tx.forUpdate);
      if (!before || before.status !== from) return false;
      // Flagged once: of two instances flagging the same item, only the first tells the SRO.
      if (change.flaggedAt && before.flaggedAt) return false;
      const next = { ...before, ...change };
      await tx.run(
        'UPDATE feedback_items SET status = ?, owner_id = ?, routed_at = ?, answer = ?, flagged_at = ? WHERE id = ?',
        next.status,
        next.ownerId,
        next.routedAt,
        next.answer ? JSON.stringify(next.answer) : null,
        next.flaggedAt,
        id,
      );
      const after = (await this.load(id, tx))!;
      await this.audit(tx, before.planId, null, at, meta, [{ action: 'update', key: `feedback/${id}`, kind: 'feedback', before, after }]);
      return true;
    });
  }
}
