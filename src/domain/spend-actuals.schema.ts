import { z } from 'zod';
import { Id } from './plan.schema';
import { QuarterId } from './quarters';

/** The most one cell of actual spend may hold: £1bn, in pence. */
export const MAX_SPEND_PENCE = 100_000_000_000;

/**
 * What was actually spent in a quarter on one category of the plan's projected spend, from one
 * funding source. Projected spend lives in the plan (Q6); actuals arrive quarter by quarter.
 */
export const SpendActual = z.object({
  quarter: QuarterId,
  /** The plan's spend line (category). */
  lineId: Id,
  /** The plan's funding source. */
  sourceId: Id,
  amountPence: z.number().int('Amounts are whole pence').min(0).max(MAX_SPEND_PENCE),
});
export type SpendActual = z.infer<typeof SpendActual>;

export interface StoredSpendActual extends SpendActual {
  readonly enteredBy: string;
  readonly at: string;
}
