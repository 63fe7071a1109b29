import type { SectionKey } from '../../domain/plan.schema';
import type { ChangeMeta } from './plan.port';

export interface Assignment {
  readonly id: string;
  readonly planId: string;
  readonly section: SectionKey;
  readonly assigneeId: string;
  readonly dueDate: string | null;
  readonly note: string | null;
  readonly assignedBy: string;
  readonly reviewCommentId: string | null;
  readonly status: 'open' | 'done';
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export interface AssignmentQuery {
  readonly planId: string;
  readonly assigneeId?: string;
  readonly section?: SectionKey;
  readonly status?: Assignment['status'];
}

export interface AssignmentRepository {
  /** Adding an id that exists already returns the stored one unchanged, so a retry adds nothing. */
  addAssignment(assignment: Omit<Assignment, 'status' | 'createdAt' | 'completedAt'>, meta: ChangeMeta): Promise<Assignment>;
  listAssignments(query: AssignmentQuery): Promise<Assignment[]>;
  completeAssignments(ids: readonly string[], meta: ChangeMeta): Promise<void>;
}
