import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { feedbackItemCard, fieldErrors, FIX_ROUTE, routeFormCard } from '../views/feedback.view';
import { deliverySentence } from '../words';
import { defineAction } from './action.types';
import { FeedbackItemData } from './feedback-data';
import { inputValue } from '../../app/questionnaire/input-name';

export const feedbackRouteAction = defineAction({
  verb: VERBS.feedbackRoute,
  data: FeedbackItemData,
  run: async (ctx, d) => {
    try {
      const { item, owner, delivery } = await ctx.services.feedback.route(ctx.person, d.item, inputValue(ctx.values, 'owner'));
      const reached = delivery === 'sent' || delivery === 'sending' ? deliverySentence(owner.name, delivery, 'has been sent it.') : `${deliverySentence(owner.name, delivery)} Meanwhile they can type "you said we did" to find it.`;
      return feedbackItemCard(item, [], 'staff', `Routed to ${owner.name}. ${reached}`, delivery === 'sent' || delivery === 'sending' ? 'good' : 'warning');
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      const errors = fieldErrors(error.details);
      return routeFormCard(await ctx.services.feedback.load(d.item), await ctx.services.roster.everyone(), Object.keys(errors).length ? FIX_ROUTE : error.message, errors);
    }
  },
});
