import type { SpendActual, StoredSpendActual } from '../../domain/spend-actuals.schema';
import type { ChangeMeta } from './plan.port';

export interface SpendActualRepository {
  /** The version of a quarter's actuals: 0 before any were recorded. */
  spendActualsVersion(planId: string, quarter: string): Promise<number>;
  /**
   * Replaces the given cells of a quarter's actuals if the quarter is still at `expectedVersion`
   * (PLAN.STALE_VERSION otherwise); a request id seen before changes nothing.
   */
  saveSpendActuals(planId: string, quarter: string, expectedVersion: number, actuals: readonly SpendActual[], meta: ChangeMeta): Promise<{ version: number; replayed: boolean }>;
  listSpendActuals(planId: string, quarter?: string): Promise<StoredSpendActual[]>;
}
