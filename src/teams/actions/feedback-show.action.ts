import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { FeedbackItemData } from './feedback-data';

export const feedbackShowAction = defineAction({ verb: VERBS.feedbackShow, data: FeedbackItemData, run: (ctx, d) => ctx.screens.feedbackItem(ctx.person, d.item) });
