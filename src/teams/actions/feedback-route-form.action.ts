import { DomainError } from '../../domain/errors';
import { hasRole } from '../../domain/people.schema';
import { VERBS } from '../verbs';
import { routeFormCard } from '../views/feedback.view';
import { defineAction } from './action.types';
import { FeedbackItemData } from './feedback-data';

export const feedbackRouteFormAction = defineAction({
  verb: VERBS.feedbackRouteForm,
  data: FeedbackItemData,
  run: async (ctx, d) => {
    if (!hasRole(ctx.person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer routes feedback.");
    return routeFormCard(await ctx.services.feedback.load(d.item), await ctx.services.roster.everyone());
  },
});
