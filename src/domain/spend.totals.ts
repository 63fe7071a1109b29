import { DELIVERY_QUARTERS, type DeliveryPlan, type DeliveryQuarter, type SpendLine } from './plan.schema';

export type SpendTotals = Record<DeliveryQuarter, Record<string, number>>;

/** Totals per quarter and funding source; derived, never stored, so they cannot drift. */
export const spendTotals = (plan: Pick<DeliveryPlan, 'fundingSources' | 'spend'>): SpendTotals => {
  const totals = {} as SpendTotals;
  for (const q of DELIVERY_QUARTERS) {
    totals[q] = {};
    for (const source of plan.fundingSources) {
      totals[q][source.id] = plan.spend.reduce((sum, line) => sum + (line.amounts[q][source.id] ?? 0), 0);
    }
  }
  return totals;
};

/** A spend line's total for the year, every quarter and funding source (a column some partnerships add). */
export const lineTotal = (line: SpendLine): number => DELIVERY_QUARTERS.reduce((sum, q) => sum + Object.values(line.amounts[q]).reduce<number>((a, p) => a + (p ?? 0), 0), 0);
