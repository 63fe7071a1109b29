import type { ChangeMeta, PartChange } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { SpendActual, type StoredSpendActual } from '../../domain/spend-actuals.schema';
import type { Audit } from './audit.sql';
import type { SqlDb } from './sql-db';

interface ActualRow {
  quarter: string;
  line_id: string;
  source_id: string;
  amount_pence: number;
  entered_by: string;
  at: string;
}
const toActual = (r: ActualRow): StoredSpendActual => ({ quarter: r.quarter, lineId: r.line_id, sourceId: r.source_id, amountPence: r.amount_pence, enteredBy: r.entered_by, at: r.at });

/** Actual spend per quarter: one version-checked set per quarter, every change audited. */
export class SqlSpendActuals {
  constructor(
    private readonly db: SqlDb,
    private readonly audit: Audit,
  ) {}

  async version(planId: string, quarter: string): Promise<number> {
    const row = await this.db.get<{ version: number }>('SELECT version FROM spend_actual_sets WHERE plan_id = ? AND quarter = ?', planId, quarter);
    return row?.version ?? 0;
  }

  async save(planId: string, quarter: string, expectedVersion: number, actuals: readonly SpendActual[], meta: ChangeMeta, at: string): Promise<{ version: number; replayed: boolean }> {
    const valid = actuals.map((a) => {
      const parsed = SpendActual.safeParse(a);
      if (!parsed.success) throw new DomainError('INPUT.INVALID', `That amount cannot be kept: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return parsed.data;
    });
    if (valid.some((a) => a.quarter !== quarter)) throw new DomainError('INPUT.INVALID', 'Every amount must be for the same quarter');
    return this.db.transaction(async (tx) => {
      // One writer per quarter's set at a time, across instances: the version check below then holds.
      await tx.lock(`spend-actuals/${planId}/${quarter}`);
      if (meta.requestId) {
        const seen = await tx.get<{ plan_id: string; quarter: string; actor_id: string; version: number }>('SELECT * FROM spend_actual_requests WHERE request_id = ?', meta.requestId);
        // A retry is the same person's same request; the same id from anyone or anywhere else is refused, never dropped.
        if (seen && seen.plan_id === planId && seen.quarter === quarter && seen.actor_id === meta.actorId) return { version: seen.version, replayed: true };
        if (seen) throw new DomainError('INPUT.INVALID', 'That request was already used for something else, so nothing was saved. Please open the form again.');
      }
      const current = (await tx.get<{ version: number }>('SELECT version FROM spend_actual_sets WHERE plan_id = ? AND quarter = ?', planId, quarter))?.version ?? 0;
      if (current !== expectedVersion) {
        throw new DomainError('PLAN.STALE_VERSION', `The actual spend for ${quarter} has changed since you opened it`, { expectedVersion, currentVersion: current });
      }
      const version = current + 1;
      const read = (a: SpendActual) => tx.get<ActualRow>('SELECT * FROM spend_actuals WHERE plan_id = ? AND quarter = ? AND line_id = ? AND source_id = ?', planId, quarter, a.lineId, a.sourceId);
      const changes: PartChange[] = [];
      for (const a of valid) {
        const before = await read(a);
        if (before && before.amount_pence === a.amountPence) continue;
        await tx.run(
          `INSERT INTO spend_actuals (plan_id, quarter, line_id, source_id, amount_pence, entered_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (plan_id, quarter, line_id, source_id) DO UPDATE SET amount_pence = excluded.amount_pence, entered_by = excluded.entered_by, at = excluded.at`,
          planId,
          quarter,
          a.lineId,
          a.sourceId,
          a.amountPence,
          meta.actorId,
          at,
        );
        changes.push({
          action: before ? 'update' : 'create',
          key: `spend-actuals/${quarter}/${a.lineId}/${a.sourceId}`,
          kind: 'spend-actual',
          before: before ? toActual(before) : null,
          after: toActual((await read(a))!),
        });
      }
      await tx.run(
        'INSERT INTO spend_actual_sets (plan_id, quarter, version) VALUES (?, ?, ?) ON CONFLICT (plan_id, quarter) DO UPDATE SET version = excluded.version',
        planId,
        quarter,
        version,
      );
      if (meta.requestId) {
        await tx.run('INSERT INTO spend_actual_requests (request_id, plan_id, quarter, actor_id, version) VALUES (?, ?, ?, ?, ?)', meta.requestId, planId, quarter, meta.actorId, version);
      }
      await this.audit(tx, planId, null, at, meta, changes);
      return { version, replayed: false };
    });
  }

  async list(planId: string, quarter?: string): Promise<StoredSpendActual[]> {
    const rows =
      quarter === undefined
        ? await this.db.all<ActualRow>('SELECT * FROM spend_actuals WHERE plan_id = ? ORDER BY quarter, line_id, source_id', planId)
        : await this.db.all<ActualRow>('SELECT * FROM spend_actuals WHERE plan_id = ? AND quarter = ? ORDER BY line_id, source_id', planId, quarter);
    return rows.map(toActual);
  }
}
