import type { Selectable } from 'kysely';
import type { ChangeMeta, Clock, PartChange, SpendActualRepository } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { SpendActual, type StoredSpendActual } from '../../domain/spend-actuals.schema';
import type { Audit } from './audit.sql';
import type { SpendActualsTable } from './database';
import type { Sql, SqlDb } from './sql-db';

const toActual = (r: Selectable<SpendActualsTable>): StoredSpendActual => ({ quarter: r.quarter, lineId: r.line_id, sourceId: r.source_id, amountPence: r.amount_pence, enteredBy: r.entered_by, at: r.at });

const versionOf = async (sql: Sql, planId: string, quarter: string): Promise<number> => {
  const row = await sql.db.selectFrom('spend_actual_sets').select('version').where('plan_id', '=', planId).where('quarter', '=', quarter).executeTakeFirst();
  return row?.version ?? 0;
};

/** Actual spend per quarter: one version-checked set per quarter, every change audited. */
export class SqlSpendActuals implements SpendActualRepository {
  constructor(
    private readonly sql: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  async spendActualsVersion(planId: string, quarter: string): Promise<number> {
    return versionOf(this.sql, planId, quarter);
  }

  async saveSpendActuals(planId: string, quarter: string, expectedVersion: number, actuals: readonly SpendActual[], meta: ChangeMeta): Promise<{ version: number; replayed: boolean }> {
    const at = this.clock.now().toISOString();
    const valid = actuals.map((a) => {
      const parsed = SpendActual.safeParse(a);
      if (!parsed.success) throw new DomainError('INPUT.INVALID', `That amount cannot be kept: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return parsed.data;
    });
    if (valid.some((a) => a.quarter !== quarter)) throw new DomainError('INPUT.INVALID', 'Every amount must be for the same quarter');
    return this.sql.transaction(async (tx) => {
      // One writer per quarter's set at a time, across instances: the version check below then holds.
      await tx.lock(`spend-actuals/${planId}/${quarter}`);
      if (meta.requestId) {
        const seen = await tx.db.selectFrom('spend_actual_requests').selectAll().where('request_id', '=', meta.requestId).executeTakeFirst();
        // A retry is the same person's same request; the same id from anyone or anywhere else is refused, never dropped.
        if (seen && seen.plan_id === planId && seen.quarter === quarter && seen.actor_id === meta.actorId) return { version: seen.version, replayed: true };
        if (seen) throw new DomainError('INPUT.INVALID', 'That request was already used for something else, so nothing was saved. Please open the form again.');
      }
      const current = await versionOf(tx, planId, quarter);
      if (current !== expectedVersion) {
        throw new DomainError('PLAN.STALE_VERSION', `The actual spend for ${quarter} has changed since you opened it`, { expectedVersion, currentVersion: current });
      }
      const version = current + 1;
      const read = (a: SpendActual) =>
        tx.db
          .selectFrom('spend_actuals')
          .selectAll()
          .where('plan_id', '=', planId)
          .where('quarter', '=', quarter)
          .where('line_id', '=', a.lineId)
          .where('source_id', '=', a.sourceId)
          .executeTakeFirst();
      const changes: PartChange[] = [];
      for (const a of valid) {
        const before = await read(a);
        if (before && before.amount_pence === a.amountPence) continue;
        await tx.db
          .insertInto('spend_actuals')
          .values({ plan_id: planId, quarter, line_id: a.lineId, source_id: a.sourceId, amount_pence: a.amountPence, entered_by: meta.actorId, at })
          .onConflict((c) =>
            c.columns(['plan_id', 'quarter', 'line_id', 'source_id']).doUpdateSet((eb) => ({
              amount_pence: eb.ref('excluded.amount_pence'),
              entered_by: eb.ref('excluded.entered_by'),
              at: eb.ref('excluded.at'),
            })),
          )
          .execute();
        changes.push({
          action: before ? 'update' : 'create',
          key: `spend-actuals/${quarter}/${a.lineId}/${a.sourceId}`,
          kind: 'spend-actual',
          before: before ? toActual(before) : null,
          after: toActual((await read(a))!),
        });
      }
      await tx.db
        .insertInto('spend_actual_sets')
        .values({ plan_id: planId, quarter, version })
        .onConflict((c) => c.columns(['plan_id', 'quarter']).doUpdateSet((eb) => ({ version: eb.ref('excluded.version') })))
        .execute();
      if (meta.requestId) {
        await tx.db.insertInto('spend_actual_requests').values({ request_id: meta.requestId, plan_id: planId, quarter, actor_id: meta.actorId, version }).execute();
      }
      await this.audit(tx, planId, null, at, meta, changes);
      return { version, replayed: false };
    });
  }

  async listSpendActuals(planId: string, quarter?: string): Promise<StoredSpendActual[]> {
    const all = this.sql.db.selectFrom('spend_actuals').selectAll().where('plan_id', '=', planId);
    const query = quarter === undefined ? all.orderBy('quarter') : all.where('quarter', '=', quarter);
    const rows = await query.orderBy('line_id').orderBy('source_id').execute();
    return rows.map(toActual);
  }
}
