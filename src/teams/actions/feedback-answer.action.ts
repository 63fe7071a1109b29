import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { answerFormCard, feedbackItemCard, fieldErrors, FIX_FIELDS } from '../views/feedback.view';
import { defineAction } from './action.types';
import { FeedbackItemData } from './feedback-data';
import { inputValue } from '../../app/questionnaire/input-name';

export const feedbackAnswerAction = defineAction({
  verb: VERBS.feedbackAnswer,
  data: FeedbackItemData,
  run: async (ctx, d) => {
    const values = Object.fromEntries(['kind', 'text', 'plannedFor', 'close'].map((k) => [k, inputValue(ctx.values, k)]));
    try {
      const item = await ctx.services.feedback.answer(ctx.person, d.item, values);
      return feedbackItemCard(item, [], 'staff', 'Answered: the person who passed it on has been told', 'good');
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const errors = fieldErrors(error.details);
      return answerFormCard(await ctx.services.feedback.load(d.item), { ...ctx.values }, Object.keys(errors).length ? FIX_FIELDS : error.message, errors);
    }
  },
});
