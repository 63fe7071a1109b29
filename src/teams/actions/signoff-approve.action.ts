import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SignOffDecisionData } from './signoff-data';

export const signOffApproveAction = defineAction({
  verb: VERBS.signoffApprove,
  data: SignOffDecisionData,
  run: (ctx, d) => ctx.screens.decide(ctx, d, 'approve'),
});
