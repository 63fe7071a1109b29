import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SpendShowData } from './progress-data';

/** "Record actual spend": the quarter's form, for the SRO and the workstream leads. */
export const spendShowAction = defineAction({
  verb: VERBS.spendShow,
  data: SpendShowData,
  run: (ctx, d) => ctx.screens.spend(ctx.person, d.quarter),
});
