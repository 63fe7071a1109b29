import type { Selectable } from 'kysely';
import type { AuditEntry, AuditQuery, ChangeMeta, Clock, PartChange, PlanRepository, PlanSnapshot, SaveResult } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { Plan } from '../../domain/plan.schema';
import { diffParts } from '../plan-diff';
import { composePlan, decomposePlan, type PlanPart } from '../plan-parts';
import { readAudit, type Audit } from './audit.sql';
import type { PlanPartsTable } from './database';
import { deepFreeze } from './deep-freeze';
import { prepared, type Sql, type SqlDb } from './sql-db';

const toPart = (r: Selectable<PlanPartsTable>): PlanPart => ({ key: r.part_key, parentKey: r.parent_key, field: r.field, position: r.position, kind: r.kind, body: r.body });

/** The plan row's columns a snapshot carries: read by every turn that looks at the plan. */
const PLAN_ROW = prepared((db, v: { planId: string }) => db.selectFrom('plans').select(['id', 'version', 'updated_at', 'updated_by']).where('id', '=', v.planId));
export const planRow = async (sql: Sql, planId: string) => (await sql.run(PLAN_ROW, { planId })).rows[0];
const partsOf = async (sql: Sql, planId: string): Promise<PlanPart[]> => (await sql.db.selectFrom('plan_parts').selectAll().where('plan_id', '=', planId).execute()).map(toPart);

/**
 * Plans, kept as parts. Reading a plan costs one small query while its version is unchanged:
 * the parsed snapshot is kept per plan and version, so a turn never re-reads or re-validates an
 * unchanged plan, and a change made by another instance shows as a new version.
 */
export class SqlPlans implements PlanRepository {
  private readonly cache = new Map<string, PlanSnapshot>();

  constructor(
    private readonly sql: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  #now(): string {
    return this.clock.now().toISOString();
  }

  async createPlan(planId: string, plan: Plan, meta: ChangeMeta): Promise<PlanSnapshot> {
    const valid = Plan.parse(plan);
    const at = this.#now();
    const created = await this.sql.transaction(async (tx) => {
      await tx.lock(`plan/${planId}`);
      if (await tx.db.selectFrom('plans').select('id').where('id', '=', planId).executeTakeFirst()) throw new DomainError('PLAN.INVALID', `A plan with id ${planId} already exists`, { planId });
      await tx.db.insertInto('plans').values({ id: planId, version: 1, created_at: at, updated_at: at, updated_by: meta.actorId }).execute();
      const { upserts, changes } = diffParts([], decomposePlan(valid));
      await this.#writeParts(tx, planId, 1, upserts, []);
      await this.audit(tx, planId, 1, at, meta, changes);
      await this.#rememberRequest(tx, planId, 1, at, meta);
      return this.#snapshotIn(tx, planId);
    });
    return this.#remember(created);
  }

  async loadPlan(planId: string): Promise<PlanSnapshot | null> {
    for (;;) {
      const row = await planRow(this.sql, planId);
      if (!row) {
        this.cache.delete(planId);
        return null;
      }
      const cached = this.cache.get(planId);
      if (cached && cached.version === row.version) return cached;
      const parts = await partsOf(this.sql, planId);
      // A write that landed between the two reads (another turn, another instance) means the parts may be newer
      // than the version read: read again rather than label them wrongly.
      const after = await this.sql.db.selectFrom('plans').select('version').where('id', '=', planId).executeTakeFirst();
      if (after?.version !== row.version) continue;
      // Kept unless a newer reading landed meanwhile (a slower read never steps the process back).
      return this.#remember(deepFreeze({ planId: row.id, version: row.version, plan: Plan.parse(composePlan(parts)), updatedAt: row.updated_at, updatedBy: row.updated_by }));
    }
  }

  async knownPlan(planId: string): Promise<PlanSnapshot | null> {
    return this.cache.get(planId) ?? this.loadPlan(planId);
  }

  async savePlan(planId: string, expectedVersion: number, plan: Plan, meta: ChangeMeta): Promise<SaveResult> {
    const valid = Plan.parse(plan);
    const at = this.#now();
    const outcome = await this.sql.transaction(async (tx): Promise<{ replayed: boolean; changes: PartChange[]; snapshot?: PlanSnapshot }> => {
      // The plan row is this writer's until commit: a second instance saving the same plan waits, then finds the version moved on.
      const current = await tx.locked(tx.db.selectFrom('plans').select('version').where('id', '=', planId)).executeTakeFirst();
      if (meta.requestId && (await tx.db.selectFrom('applied_requests').select('request_id').where('request_id', '=', meta.requestId).executeTakeFirst())) return { replayed: true, changes: [] };
      if (!current) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${planId}`, { planId });
      if (current.version !== expectedVersion) {
        throw new DomainError('PLAN.STALE_VERSION', `The plan is at version ${current.version}, not ${expectedVersion}`, {
          planId,
          expectedVersion,
          currentVersion: current.version,
        });
      }
      const before = await partsOf(tx, planId);
      const diff = diffParts(before, decomposePlan(valid));
      if (diff.upserts.length === 0 && diff.deletes.length === 0) return { replayed: false, changes: [] };
      const version = expectedVersion + 1;
      await tx.db.updateTable('plans').set({ version, updated_at: at, updated_by: meta.actorId }).where('id', '=', planId).where('version', '=', expectedVersion).execute();
      await this.#writeParts(tx, planId, version, diff.upserts, diff.deletes);
      await this.audit(tx, planId, version, at, meta, diff.changes);
      await this.#rememberRequest(tx, planId, version, at, meta);
      // The version this save made, read in its own transaction: not a later one another writer made since.
      return { replayed: false, changes: [...diff.changes], snapshot: await this.#snapshotIn(tx, planId) };
    });
    return { ...outcome, snapshot: outcome.snapshot ? this.#remember(outcome.snapshot) : await this.#loadOrThrow(planId) };
  }

  async appliedRequest(requestId: string): Promise<{ planId: string; version: number } | null> {
    const row = await this.sql.db.selectFrom('applied_requests').select(['plan_id', 'version']).where('request_id', '=', requestId).executeTakeFirst();
    return row ? { planId: row.plan_id, version: row.version } : null;
  }

  async listPlanIds(): Promise<string[]> {
    return (await this.sql.db.selectFrom('plans').select('id').orderBy('id').execute()).map((r) => r.id);
  }

  async listAudit(planId: string | null, query: AuditQuery = {}): Promise<AuditEntry[]> {
    return readAudit(this.sql, planId, query);
  }

  async #writeParts(tx: Sql, planId: string, version: number, upserts: readonly PlanPart[], deletes: readonly PlanPart[]): Promise<void> {
    for (const p of upserts) {
      await tx.db
        .insertInto('plan_parts')
        .values({ plan_id: planId, part_key: p.key, parent_key: p.parentKey, field: p.field, position: p.position, kind: p.kind, body: p.body, version })
        .onConflict((c) =>
          c.columns(['plan_id', 'part_key']).doUpdateSet((eb) => ({
            parent_key: eb.ref('excluded.parent_key'),
            field: eb.ref('excluded.field'),
            position: eb.ref('excluded.position'),
            kind: eb.ref('excluded.kind'),
            body: eb.ref('excluded.body'),
            version: eb.ref('excluded.version'),
          })),
        )
        .execute();
    }
    for (const p of deletes) await tx.db.deleteFrom('plan_parts').where('plan_id', '=', planId).where('part_key', '=', p.key).execute();
  }

  async #rememberRequest(tx: Sql, planId: string, version: number, at: string, meta: ChangeMeta): Promise<void> {
    if (meta.requestId) await tx.db.insertInto('applied_requests').values({ request_id: meta.requestId, plan_id: planId, version, at }).execute();
  }

  /** The plan as this transaction sees it. */
  async #snapshotIn(tx: Sql, planId: string): Promise<PlanSnapshot> {
    const row = (await planRow(tx, planId))!;
    const parts = await partsOf(tx, planId);
    return deepFreeze({ planId: row.id, version: row.version, plan: Plan.parse(composePlan(parts)), updatedAt: row.updated_at, updatedBy: row.updated_by });
  }

  /** Kept once committed (a version from a transaction that failed to commit is never cached), unless a newer one is already. */
  #remember(snapshot: PlanSnapshot): PlanSnapshot {
    const cached = this.cache.get(snapshot.planId);
    if (!cached || cached.version < snapshot.version) this.cache.set(snapshot.planId, snapshot);
    return snapshot;
  }

  async #loadOrThrow(planId: string): Promise<PlanSnapshot> {
    const s = await this.loadPlan(planId);
    if (!s) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${planId}`, { planId });
    return s;
  }
}
