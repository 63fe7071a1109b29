import type { Selectable } from 'kysely';
import type { Assignment, AssignmentQuery, AssignmentRepository, ChangeMeta, Clock, Draft, DraftRepository } from '../../app/ports';
import type { SectionKey } from '../../domain/plan.schema';
import type { Audit } from './audit.sql';
import type { AssignmentsTable, DraftsTable } from './database';
import type { Sql, SqlDb } from './sql-db';

type DraftRow = Selectable<DraftsTable>;
type AssignmentRow = Selectable<AssignmentsTable>;

const toDraft = (r: DraftRow): Draft => ({
  personId: r.person_id,
  planId: r.plan_id,
  section: r.section_key as SectionKey,
  baseVersion: r.base_version,
  step: r.step,
  content: JSON.parse(r.content),
  updatedAt: r.updated_at,
});
const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  planId: r.plan_id,
  section: r.section_key as SectionKey,
  assigneeId: r.assignee_id,
  dueDate: r.due_date,
  note: r.note,
  assignedBy: r.assigned_by,
  reviewCommentId: r.review_comment_id,
  status: r.status as Assignment['status'],
  createdAt: r.created_at,
  completedAt: r.completed_at,
});

/** People's drafts of sections, and the sections given to them to fill in. */
export class SqlWork implements DraftRepository, AssignmentRepository {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  #now(): string {
    return this.clock.now().toISOString();
  }

  async loadDraft(personId: string, planId: string, section: SectionKey): Promise<Draft | null> {
    const row = await this.db.db
      .selectFrom('drafts')
      .selectAll()
      .where('person_id', '=', personId)
      .where('plan_id', '=', planId)
      .where('section_key', '=', section)
      .executeTakeFirst();
    return row ? toDraft(row) : null;
  }

  async listDrafts(personId: string, planId: string): Promise<Draft[]> {
    const rows = await this.db.db.selectFrom('drafts').selectAll().where('person_id', '=', personId).where('plan_id', '=', planId).orderBy('updated_at', 'desc').execute();
    return rows.map(toDraft);
  }

  async saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<Draft> {
    const at = this.#now();
    await this.db.db
      .insertInto('drafts')
      .values({
        person_id: draft.personId,
        plan_id: draft.planId,
        section_key: draft.section,
        base_version: draft.baseVersion,
        step: draft.step,
        content: JSON.stringify(draft.content),
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['person_id', 'plan_id', 'section_key']).doUpdateSet((eb) => ({
          base_version: eb.ref('excluded.base_version'),
          step: eb.ref('excluded.step'),
          content: eb.ref('excluded.content'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    return { ...draft, updatedAt: at };
  }

  async deleteDraft(personId: string, planId: string, section: SectionKey): Promise<void> {
    await this.db.db.deleteFrom('drafts').where('person_id', '=', personId).where('plan_id', '=', planId).where('section_key', '=', section).execute();
  }

  async addAssignment(a: Omit<Assignment, 'status' | 'createdAt' | 'completedAt'>, meta: ChangeMeta): Promise<Assignment> {
    const at = this.#now();
    return this.db.transaction(async (tx) => {
      await tx.lock(`assignment/${a.id}`);
      const existing = await this.#loadAssignment(tx, a.id);
      if (existing) return existing;
      await tx.db
        .insertInto('assignments')
        .values({
          id: a.id,
          plan_id: a.planId,
          section_key: a.section,
          assignee_id: a.assigneeId,
          due_date: a.dueDate,
          note: a.note,
          assigned_by: a.assignedBy,
          review_comment_id: a.reviewCommentId,
          status: 'open',
          created_at: at,
        })
        .execute();
      const stored = (await this.#loadAssignment(tx, a.id))!;
      await this.audit(tx, a.planId, null, at, meta, [{ action: 'create', key: `assignments/${a.id}`, kind: 'assignment', before: null, after: stored }]);
      return stored;
    });
  }

  async listAssignments(query: AssignmentQuery): Promise<Assignment[]> {
    const rows = await this.db.db
      .selectFrom('assignments')
      .selectAll()
      .where('plan_id', '=', query.planId)
      .$if(query.assigneeId !== undefined, (q) => q.where('assignee_id', '=', query.assigneeId!))
      .$if(query.section !== undefined, (q) => q.where('section_key', '=', query.section!))
      .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
      // Undated assignments after the dated ones, on both databases (they order NULL differently).
      .orderBy((eb) => eb('due_date', 'is', null))
      .orderBy('due_date')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toAssignment);
  }

  async completeAssignments(ids: readonly string[], meta: ChangeMeta): Promise<void> {
    const at = this.#now();
    await this.db.transaction(async (tx) => {
      for (const id of ids) {
        const before = await tx.locked(tx.db.selectFrom('assignments').selectAll().where('id', '=', id).where('status', '=', 'open')).executeTakeFirst();
        if (!before) continue;
        await tx.db.updateTable('assignments').set({ status: 'done', completed_at: at }).where('id', '=', id).execute();
        const after = (await this.#loadAssignment(tx, id))!;
        await this.audit(tx, before.plan_id, null, at, meta, [{ action: 'update', key: `assignments/${id}`, kind: 'assignment', before: toAssignment(before), after }]);
      }
    });
  }

  async #loadAssignment(tx: Sql, id: string): Promise<Assignment | null> {
    const row = await tx.db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAssignment(row) : null;
  }
}
