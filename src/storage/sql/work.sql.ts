import type { Assignment, AssignmentQuery, ChangeMeta, Clock, Draft } from '../../app/ports';
import type { SectionKey } from '../../domain/plan.schema';
import type { Audit } from './audit.sql';
import type { Sql, SqlDb } from './sql-db';

interface DraftRow {
  person_id: string;
  plan_id: string;
  section_key: SectionKey;
  base_version: number;
  step: number;
  content: string;
  updated_at: string;
}
interface AssignmentRow {
  id: string;
  plan_id: string;
  section_key: SectionKey;
  assignee_id: string;
  due_date: string | null;
  note: string | null;
  assigned_by: string;
  review_comment_id: string | null;
  status: 'open' | 'done';
  created_at: string;
  completed_at: string | null;
}

const toDraft = (r: DraftRow): Draft => ({
  personId: r.person_id,
  planId: r.plan_id,
  section: r.section_key,
  baseVersion: r.base_version,
  step: r.step,
  content: JSON.parse(r.content),
  updatedAt: r.updated_at,
});
const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  planId: r.plan_id,
  section: r.section_key,
  assigneeId: r.assignee_id,
  dueDate: r.due_date,
  note: r.note,
  assignedBy: r.assigned_by,
  reviewCommentId: r.review_comment_id,
  status: r.status,
  createdAt: r.created_at,
  completedAt: r.completed_at,
});

/** People's drafts of sections, and the sections given to them to fill in. */
export class SqlWork {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  async loadDraft(personId: string, planId: string, section: SectionKey): Promise<Draft | null> {
    const row = await this.db.get<DraftRow>('SELECT * FROM drafts WHERE person_id = ? AND plan_id = ? AND section_key = ?', personId, planId, section);
    return row ? toDraft(row) : null;
  }

  async listDrafts(personId: string, planId: string): Promise<Draft[]> {
    return (await this.db.all<DraftRow>('SELECT * FROM drafts WHERE person_id = ? AND plan_id = ? ORDER BY updated_at DESC', personId, planId)).map(toDraft);
  }

  async saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<Draft> {
    const at = this.now();
    await this.db.run(
      `INSERT INTO drafts (person_id, plan_id, section_key, base_version, step, content, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (person_id, plan_id, section_key) DO UPDATE SET base_version = excluded.base_version, step = excluded.step,
         content = excluded.content, updated_at = excluded.updated_at`,
      draft.personId,
      draft.planId,
      draft.section,
      draft.baseVersion,
      draft.step,
      JSON.stringify(draft.content),
      at,
    );
    return { ...draft, updatedAt: at };
  }

  async deleteDraft(personId: string, planId: string, section: SectionKey): Promise<void> {
    await this.db.run('DELETE FROM drafts WHERE person_id = ? AND plan_id = ? AND section_key = ?', personId, planId, section);
  }

  addAssignment(a: Omit<Assignment, 'status' | 'createdAt' | 'completedAt'>, meta: ChangeMeta): Promise<Assignment> {
    const at = this.now();
    return this.db.transaction(async (tx) => {
      await tx.lock(`assignment/${a.id}`);
      const existing = await this.loadAssignment(tx, a.id);
      if (existing) return existing;
      await tx.run(
        `INSERT INTO assignments (id, plan_id, section_key, assignee_id, due_date, note, assigned_by, review_comment_id, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
        a.id,
        a.planId,
        a.section,
        a.assigneeId,
        a.dueDate,
        a.note,
        a.assignedBy,
        a.reviewCommentId,
        at,
      );
      const stored = (await this.loadAssignment(tx, a.id))!;
      await this.audit(tx, a.planId, null, at, meta, [{ action: 'create', key: `assignments/${a.id}`, kind: 'assignment', before: null, after: stored }]);
      return stored;
    });
  }

  async listAssignments(query: AssignmentQuery): Promise<Assignment[]> {
    const where = ['plan_id = ?'];
    const params: unknown[] = [query.planId];
    const filters: [string, unknown][] = [
      ['assignee_id', query.assigneeId],
      ['section_key', query.section],
      ['status', query.status],
    ];
    for (const [column, value] of filters) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.db.all<AssignmentRow>(`SELECT * FROM assignments WHERE ${where.join(' AND ')} ORDER BY due_date IS NULL, due_date, created_at, id`, ...params);
    return rows.map(toAssignment);
  }

  async completeAssignments(ids: readonly string[], meta: ChangeMeta): Promise<void> {
    const at = this.now();
    await this.db.transaction(async (tx) => {
      for (const id of ids) {
        const before = await tx.get<AssignmentRow>(`SELECT * FROM assignments WHERE id = ? AND status = 'open'${tx.forUpdate}`, id);
        if (!before) continue;
        await tx.run("UPDATE assignments SET status = 'done', completed_at = ? WHERE id = ?", at, id);
        const after = (await this.loadAssignment(tx, id))!;
        await this.audit(tx, before.plan_id, null, at, meta, [{ action: 'update', key: `assignments/${id}`, kind: 'assignment', before: toAssignment(before), after }]);
      }
    });
  }

  private async loadAssignment(tx: Sql, id: string): Promise<Assignment | null> {
    const row = await tx.get<AssignmentRow>('SELECT * FROM assignments WHERE id = ?', id);
    return row ? toAssignment(row) : null;
  }
}
