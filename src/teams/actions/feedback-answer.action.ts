import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { answerFormCard, feedbackItemCard } from '../views/feedback.view';
import { defineAction } from './action.types';
import { FeedbackItemData } from './feedback-data';

export const feedbackAnswerAction = defineAction({
  verb: VERBS.feedbackAnswer,
  data: FeedbackItemData,
  run: async (ctx, d) => {
    const values = Object.fromEntries(['kind', 'text', 'plannedFor', 'close'].map((k) => [k, ctx.values[`f.${k}`]]));
    try {
      const item = await ctx.services.feedback.answer(ctx.person, d.item, values);
      return feedbackItemCard(item, [], 'Answered: the person who passed it on has been told', 'good');
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const fields = (error.details.fields ?? {}) as Record<string, unknown>;
      const errors = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return answerFormCard(await ctx.services.feedback.load(d.item), { ...ctx.values }, error.message, errors);
    }
  },
});
