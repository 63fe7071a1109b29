import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { feedbackItemCard } from '../views/feedback.view';
import { defineAction } from './action.types';
import { NoData } from './card-data';

const FIELDS = ['voice', 'theme', 'concerns', 'said', 'groupsReached', 'publish', 'anonymous'] as const;

export const feedbackSubmitAction = defineAction({
  verb: VERBS.feedbackSubmit,
  data: NoData,
  run: async (ctx) => {
    const values = Object.fromEntries(FIELDS.map((k) => [k, ctx.values[`f.${k}`]]));
    try {
      const item = await ctx.services.feedback.submit(ctx.person, values, ctx.requestId);
      return feedbackItemCard(item, [], 'Thank you: your feedback has gone to the SRO', 'good');
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      return ctx.screens.feedbackForm(ctx.person, { ...ctx.values }, `Please put right: ${error.message} Nothing has been sent.`);
    }
  },
});
