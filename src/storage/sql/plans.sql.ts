import type { ChangeMeta, Clock, PartChange, PlanSnapshot, SaveResult } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { Plan } from '../../domain/plan.schema';
import { diffParts } from '../plan-diff';
import { composePlan, decomposePlan, type PlanPart } from '../plan-parts';
import type { Audit } from './audit.sql';
import { deepFreeze } from './deep-freeze';
import type { Sql, SqlDb } from './sql-db';

interface PartRow {
  part_key: string;
  parent_key: string | null;
  field: string | null;
  position: number;
  kind: string;
  body: string;
}
interface PlanRow {
  id: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

const toPart = (r: PartRow): PlanPart => ({ key: r.part_key, parentKey: r.parent_key, field: r.field, position: r.position, kind: r.kind, body: r.body });


/**
 * Plans, kept as parts. Reading a plan costs one small query while its version is unchanged:
 * the parsed snapshot is kept per plan and version, so a turn never re-reads or re-validates an
 * unchanged plan, and a change made by another instance shows as a new version.
 */
export class SqlPlans {
  private readonly cache = new Map<string, PlanSnapshot>();

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  async create(planId: string, plan: Plan, meta: ChangeMeta): Promise<PlanSnapshot> {
    const valid = Plan.parse(plan);
    const at = this.now();
    const created = await this.db.transaction(async (tx) => {
      await tx.lock(`plan/${planId}`);
      if (await tx.get('SELECT 1 AS found FROM plans WHERE id = ?', planId)) throw new DomainError('PLAN.INVALID', `A plan with id ${planId} already exists`, { planId });
      await tx.run('INSERT INTO plans (id, version, created_at, updated_at, updated_by) VALUES (?, 1, ?, ?, ?)', planId, at, at, meta.actorId);
      const { upserts, changes } = diffParts([], decomposePlan(valid));
      await this.writeParts(tx, planId, 1, upserts, []);
      await this.audit(tx, planId, 1, at, meta, changes);
      await this.rememberRequest(tx, planId, 1, at, meta);
      return this.snapshotIn(tx, planId);
    });
    return this.remember(created);
  }

  async load(planId: string): Promise<PlanSnapshot | null> {
    for (;;) {
      const row = await this.db.get<PlanRow>('SELECT id, version, updated_at, updated_by FROM plans WHERE id = ?', planId);
      if (!row) {
        this.cache.delete(planId);
        return null;
      }
      const cached = this.cache.get(planId);
      if (cached && cached.version === row.version) return cached;
      const parts = (await this.db.all<PartRow>('SELECT * FROM plan_parts WHERE plan_id = ?', planId)).map(toPart);
      // A write that landed between the two reads (another turn, another instance) means the parts may be newer
      // than the version read: read again rather than label them wrongly.
      const after = await this.db.get<{ version: number }>('SELECT version FROM plans WHERE id = ?', planId);
      if (after?.version !== row.version) continue;
      const snapshot = deepFreeze({ planId: row.id, version: row.version, plan: Plan.parse(composePlan(parts)), updatedAt: row.updated_at, updatedBy: row.updated_by });
      this.cache.set(planId, snapshot);
      return snapshot;
    }
  }

  async save(planId: string, expectedVersion: number, plan: Plan, meta: ChangeMeta): Promise<SaveResult> {
    const valid = Plan.parse(plan);
    const at = this.now();
    const outcome = await this.db.transaction(async (tx): Promise<{ replayed: boolean; changes: PartChange[]; snapshot?: PlanSnapshot }> => {
      // The plan row is this writer's until commit: a second instance saving the same plan waits, then finds the version moved on.
      const current = await tx.get<{ version: number }>(`SELECT version FROM plans WHERE id = ?${tx.forUpdate}`, planId);
      if (meta.requestId && (await tx.get('SELECT 1 AS found FROM applied_requests WHERE request_id = ?', meta.requestId))) return { replayed: true, changes: [] };
      if (!current) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${planId}`, { planId });
      if (current.version !== expectedVersion) {
        throw new DomainError('PLAN.STALE_VERSION', `The plan is at version ${current.version}, not ${expectedVersion}`, {
          planId,
          expectedVersion,
          currentVersion: current.version,
        });
      }
      const before = (await tx.all<PartRow>('SELECT * FROM plan_parts WHERE plan_id = ?', planId)).map(toPart);
      const diff = diffParts(before, decomposePlan(valid));
      if (diff.upserts.length === 0 && diff.deletes.length === 0) return { replayed: false, changes: [] };
      const version = expectedVersion + 1;
      await tx.run('UPDATE plans SET version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?', version, at, meta.actorId, planId, expectedVersion);
      await this.writeParts(tx, planId, version, diff.upserts, diff.deletes);
      await this.audit(tx, planId, version, at, meta, diff.changes);
      await this.rememberRequest(tx, planId, version, at, meta);
      // The version this save made, read in its own transaction: not a later one another writer made since.
      return { replayed: false, changes: [...diff.changes], snapshot: await this.snapshotIn(tx, planId) };
    });
    return { ...outcome, snapshot: outcome.snapshot ? this.remember(outcome.snapshot) : await this.loadOrThrow(planId) };
  }

  async appliedRequest(requestId: string): Promise<{ planId: string; version: number } | null> {
    const row = await this.db.get<{ plan_id: string; version: number }>('SELECT plan_id, version FROM applied_requests WHERE request_id = ?', requestId);
    return row ? { planId: row.plan_id, version: row.version } : null;
  }

  async listIds(): Promise<string[]> {
    return (await this.db.all<{ id: string }>('SELECT id FROM plans ORDER BY id')).map((r) => r.id);
  }

  private async writeParts(tx: Sql, planId: string, version: number, upserts: readonly PlanPart[], deletes: readonly PlanPart[]): Promise<void> {
    for (const p of upserts) {
      await tx.run(
        `INSERT INTO plan_parts (plan_id, part_key, parent_key, field, position, kind, body, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (plan_id, part_key) DO UPDATE SET parent_key = excluded.parent_key, field = excluded.field, position = excluded.position,
           kind = excluded.kind, body = excluded.body, version = excluded.version`,
        planId,
        p.key,
        p.parentKey,
        p.field,
        p.position,
        p.kind,
        p.body,
        version,
      );
    }
    for (const p of deletes) await tx.run('DELETE FROM plan_parts WHERE plan_id = ? AND part_key = ?', planId, p.key);
  }

  private async rememberRequest(tx: Sql, planId: string, version: number, at: string, meta: ChangeMeta): Promise<void> {
    if (meta.requestId) await tx.run('INSERT INTO applied_requests (request_id, plan_id, version, at) VALUES (?, ?, ?, ?)', meta.requestId, planId, version, at);
  }

  /** The plan as this transaction sees it. */
  private async snapshotIn(tx: Sql, planId: string): Promise<PlanSnapshot> {
    const row = (await tx.get<PlanRow>('SELECT id, version, updated_at, updated_by FROM plans WHERE id = ?', planId))!;
    const parts = (await tx.all<PartRow>('SELECT * FROM plan_parts WHERE plan_id = ?', planId)).map(toPart);
    return deepFreeze({ planId: row.id, version: row.version, plan: Plan.parse(composePlan(parts)), updatedAt: row.updated_at, updatedBy: row.updated_by });
  }

  /** Kept once committed (a version from a transaction that failed to commit is never cached), unless a newer one is already. */
  private remember(snapshot: PlanSnapshot): PlanSnapshot {
    const cached = this.cache.get(snapshot.planId);
    if (!cached || cached.version < snapshot.version) this.cache.set(snapshot.planId, snapshot);
    return snapshot;
  }

  private async loadOrThrow(planId: string): Promise<PlanSnapshot> {
    const s = await this.load(planId);
    if (!s) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${planId}`, { planId });
    return s;
  }
}
