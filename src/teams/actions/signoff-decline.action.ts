import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SignOffDecisionData } from './signoff-data';

export const signOffDeclineAction = defineAction({
  verb: VERBS.signoffDecline,
  data: SignOffDecisionData,
  run: (ctx, d) => ctx.screens.decide(ctx, d, 'decline'),
});
