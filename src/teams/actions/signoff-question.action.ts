import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SignOffDecisionData } from './signoff-data';

export const signOffQuestionAction = defineAction({
  verb: VERBS.signoffQuestion,
  data: SignOffDecisionData,
  run: (ctx, d) => ctx.screens.decide(ctx, d, 'question'),
});
