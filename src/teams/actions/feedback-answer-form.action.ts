import { VERBS } from '../verbs';
import { answerFormCard } from '../views/feedback.view';
import { defineAction } from './action.types';
import { FeedbackItemData } from './feedback-data';

export const feedbackAnswerFormAction = defineAction({
  verb: VERBS.feedbackAnswerForm,
  data: FeedbackItemData,
  run: async (ctx, d) => answerFormCard(await ctx.services.feedback.load(d.item)),
});
