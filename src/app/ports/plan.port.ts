import type { Plan } from '../../domain/plan.schema';
import type { Notification } from './notifier.port';

/** The plan as stored, at one version. */
export interface PlanSnapshot {
  readonly planId: string;
  readonly version: number;
  readonly plan: Plan;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

/** Who made a change and why; `requestId` makes a retried request a no-op. */
export interface ChangeMeta {
  readonly actorId: string;
  readonly summary: string;
  readonly requestId?: string;
  /**
   * Notifications that belong to this change: written to the outbox in the same transaction, and
   * sent after commit. An id already in the outbox is ignored, so a retried request queues nothing.
   */
  readonly notify?: readonly OutboxMessage[];
}

/** One notification to one person, queued with a change. */
export interface OutboxMessage {
  readonly id: string;
  readonly personId: string;
  readonly notification: Notification;
}

export type ChangeAction = 'create' | 'update' | 'delete';

export interface PartChange {
  readonly action: ChangeAction;
  readonly key: string;
  readonly kind: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface SaveResult {
  readonly snapshot: PlanSnapshot;
  readonly changes: readonly PartChange[];
  /** True when the request id had already been applied and nothing was written again. */
  readonly replayed: boolean;
}

export interface AuditEntry extends PartChange {
  readonly id: number;
  readonly planId: string | null;
  readonly version: number | null;
  readonly at: string;
  readonly actorId: string;
  readonly summary: string;
}

export interface AuditQuery {
  /** Only entries for this part and the parts inside it. */
  readonly keyPrefix?: string;
  /** Only entries written after this plan version. */
  readonly sinceVersion?: number;
  readonly limit?: number;
}

/**
 * Plans, kept as parts. Every write names the version it was based on; a write based on an
 * older version fails with PLAN.STALE_VERSION and changes nothing.
 */
export interface PlanRepository {
  createPlan(planId: string, plan: Plan, meta: ChangeMeta): Promise<PlanSnapshot>;
  loadPlan(planId: string): Promise<PlanSnapshot | null>;
  /**
   * The plan as this process last read it, without asking the database whether it is still the
   * latest (read, as loadPlan reads it, when it never was): one round trip fewer on a busy path. Only
   * for a use case whose write names this snapshot's version, so that a snapshot another instance
   * has since moved on from is refused (PLAN.STALE_VERSION) and the plan read again.
   */
  knownPlan(planId: string): Promise<PlanSnapshot | null>;
  savePlan(planId: string, expectedVersion: number, plan: Plan, meta: ChangeMeta): Promise<SaveResult>;
  listPlanIds(): Promise<string[]>;
  /** The plan version a request id wrote, if it has been applied: a retry is answered from it. */
  appliedRequest(requestId: string): Promise<{ planId: string; version: number } | null>;
  /** A plan's history; `null` gives the changes that belong to no plan (the roster). */
  listAudit(planId: string | null, query?: AuditQuery): Promise<AuditEntry[]>;
}
