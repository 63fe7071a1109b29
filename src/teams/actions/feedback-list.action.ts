import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { FeedbackListData } from './feedback-data';

export const feedbackListAction = defineAction({
  verb: VERBS.feedbackList,
  data: FeedbackListData,
  run: (ctx, d) => ctx.screens.feedbackList(ctx.person, { theme: d.theme || undefined, voice: d.voice || undefined, status: d.status || undefined }, d.page),
});
