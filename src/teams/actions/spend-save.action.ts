import { isDomainError } from '../../domain/errors';
import { parseQuarter } from '../../domain/quarters';
import { VERBS } from '../verbs';
import { spendFormCard, spendSavedCard, spendStaleCard } from '../views/spend.view';
import { defineAction } from './action.types';
import { SpendSaveData } from './progress-data';

/**
 * Saves the amounts typed on the spend form. Only the fields the plan has are read (the service
 * matches them against the plan); the quarter's version guards against a save made meanwhile.
 */
export const spendSaveAction = defineAction({
  verb: VERBS.spendSave,
  data: SpendSaveData,
  run: async (ctx, d) => {
    const spend = ctx.services.spend;
    let result: Awaited<ReturnType<typeof spend.save>>;
    try {
      result = await spend.save(ctx.person, d.quarter, d.version, ctx.values, ctx.requestId);
    } catch (error) {
      if (!isDomainError(error, 'PLAN.STALE_VERSION')) throw error;
      return spendStaleCard(parseQuarter(d.quarter), await spend.form(ctx.person, d.quarter), ctx.values);
    }
    if ('form' in result) return spendFormCard(result.form, await ctx.screens.names());
    // What is stored now, read back: never the values the card sent.
    return spendSavedCard(await spend.form(ctx.person, d.quarter), result.saved);
  },
});
