import type Database from 'better-sqlite3';
import type { ChangeMeta, PartChange } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { SpendActual, type StoredSpendActual } from '../../domain/spend-actuals.schema';

type Audit = (planId: string | null, version: number | null, at: string, meta: ChangeMeta, changes: readonly PartChange[]) => void;

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
export class SqliteSpendActuals {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: Audit,
  ) {}

  version(planId: string, quarter: string): number {
    const row = this.db.prepare('SELECT version FROM spend_actual_sets WHERE plan_id = ? AND quarter = ?').get(planId, quarter) as { version: number } | undefined;
    return row?.version ?? 0;
  }

  save(planId: string, quarter: string, expectedVersion: number, actuals: readonly SpendActual[], meta: ChangeMeta, at: string): { version: number; replayed: boolean } {
    const valid = actuals.map((a) => {
      const parsed = SpendActual.safeParse(a);
      if (!parsed.success) throw new DomainError('INPUT.INVALID', `That amount cannot be kept: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return parsed.data;
    });
    if (valid.some((a) => a.quarter !== quarter)) throw new DomainError('INPUT.INVALID', 'Every amount must be for the same quarter');
    return this.db.transaction(() => {
      if (meta.requestId) {
        const seen = this.db.prepare('SELECT * FROM spend_actual_requests WHERE request_id = ?').get(meta.requestId) as
          | { plan_id: string; quarter: string; actor_id: string; version: number }
          | undefined;
        // A retry is the same person's same request; the same id from anyone or anywhere else is refused, never dropped.
        if (seen && seen.plan_id === planId && seen.quarter === quarter && seen.actor_id === meta.actorId) return { version: seen.version, replayed: true };
        if (seen) throw new DomainError('INPUT.INVALID', 'That request was already used for something else, so nothing was saved. Please open the form again.');
      }
      const current = this.version(planId, quarter);
      if (current !== expectedVersion) {
        throw new DomainError('PLAN.STALE_VERSION', `The actual spend for ${quarter} has changed since you opened it`, { expectedVersion, currentVersion: current });
      }
      const version = current + 1;
      const read = this.db.prepare('SELECT * FROM spend_actuals WHERE plan_id = ? AND quarter = ? AND line_id = ? AND source_id = ?');
      const upsert = this.db.prepare(
        `INSERT INTO spend_actuals (plan_id, quarter, line_id, source_id, amount_pence, entered_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (plan_id, quarter, line_id, source_id) DO UPDATE SET amount_pence = excluded.amount_pence, entered_by = excluded.entered_by, at = excluded.at`,
      );
      const changes: PartChange[] = [];
      for (const a of valid) {
        const before = read.get(planId, quarter, a.lineId, a.sourceId) as ActualRow | undefined;
        if (before && before.amount_pence === a.amountPence) continue;
        upsert.run(planId, quarter, a.lineId, a.sourceId, a.amountPence, meta.actorId, at);
        changes.push({
          action: before ? 'update' : 'create',
          key: `spend-actuals/${quarter}/${a.lineId}/${a.sourceId}`,
          kind: 'spend-actual',
          before: before ? toActual(before) : null,
          after: toActual(read.get(planId, quarter, a.lineId, a.sourceId) as ActualRow),
        });
      }
      this.db
        .prepare('INSERT INTO spend_actual_sets (plan_id, quarter, version) VALUES (?, ?, ?) ON CONFLICT (plan_id, quarter) DO UPDATE SET version = excluded.version')
        .run(planId, quarter, version);
      if (meta.requestId) {
        this.db.prepare('INSERT INTO spend_actual_requests (request_id, plan_id, quarter, actor_id, version) VALUES (?, ?, ?, ?, ?)').run(meta.requestId, planId, quarter, meta.actorId, version);
      }
      this.audit(planId, null, at, meta, changes);
      return { version, replayed: false };
    })();
  }

  list(planId: string, quarter?: string): StoredSpendActual[] {
    const rows = (
      quarter === undefined
        ? this.db.prepare('SELECT * FROM spend_actuals WHERE plan_id = ? ORDER BY quarter, line_id, source_id').all(planId)
        : this.db.prepare('SELECT * FROM spend_actuals WHERE plan_id = ? AND quarter = ? ORDER BY line_id, source_id').all(planId, quarter)
    ) as ActualRow[];
    return rows.map(toActual);
  }
}
