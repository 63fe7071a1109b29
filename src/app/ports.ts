import type { Person } from '../domain/people.schema';
import type { Plan } from '../domain/plan.schema';

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
  readonly limit?: number;
}

/**
 * Plans, kept as parts. Every write names the version it was based on; a write based on an
 * older version fails with PLAN.STALE_VERSION and changes nothing.
 */
export interface PlanRepository {
  createPlan(planId: string, plan: Plan, meta: ChangeMeta): Promise<PlanSnapshot>;
  loadPlan(planId: string): Promise<PlanSnapshot | null>;
  savePlan(planId: string, expectedVersion: number, plan: Plan, meta: ChangeMeta): Promise<SaveResult>;
  listPlanIds(): Promise<string[]>;
  /** A plan's history; `null` gives the changes that belong to no plan (the roster). */
  listAudit(planId: string | null, query?: AuditQuery): Promise<AuditEntry[]>;
}

/** The people who may use the bot and their roles. */
export interface RosterRepository {
  /** Make the stored roster equal `people`; returns how many people were added, changed or removed. */
  replaceRoster(people: readonly Person[], meta: ChangeMeta): Promise<{ added: number; changed: number; removed: number }>;
  findPerson(id: string): Promise<Person | null>;
  listPeople(): Promise<Person[]>;
}

export interface Store extends PlanRepository, RosterRepository {
  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
