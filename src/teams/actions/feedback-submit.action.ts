import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { feedbackItemCard, fieldErrors, FIX_FIELDS } from '../views/feedback.view';
import { defineAction } from './action.types';
import { NoData } from './card-data';
import { inputValue } from '../../app/questionnaire/input-name';

const FIELDS = ['voice', 'theme', 'concerns', 'said', 'groupsReached', 'publish', 'anonymous'] as const;

export const feedbackSubmitAction = defineAction({
  verb: VERBS.feedbackSubmit,
  data: NoData,
  run: async (ctx) => {
    const values = Object.fromEntries(FIELDS.map((k) => [k, inputValue(ctx.values, k)]));
    try {
      const item = await ctx.services.feedback.submit(ctx.person, values, ctx.requestId);
      return feedbackItemCard(item, [], 'submitter', 'Thank you: your feedback has gone to the SRO', 'good');
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const errors = fieldErrors(error.details);
      const marked = Object.keys(errors).some((k) => FIELDS.includes(k as never));
      return ctx.screens.feedbackForm(ctx.person, { ...ctx.values }, marked ? FIX_FIELDS : `${error.message} Nothing has been sent.`, errors);
    }
  },
});
