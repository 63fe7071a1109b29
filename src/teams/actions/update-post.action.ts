import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { UpdatePostData } from './progress-data';

export const updatePostAction = defineAction({
  verb: VERBS.updatePost,
  data: UpdatePostData,
  run: async (ctx, d) => {
    const result = await ctx.services.updates.post(ctx.person, d.workstream, d.quarter, ctx.values, ctx.requestId);
    if (!('stored' in result)) return ctx.screens.updateView(ctx.person, result.form);
    return ctx.screens.updateView(ctx.person, result.form, {
      style: 'good',
      text: `Posted: update ${result.stored.sequence} for ${result.form.quarter.label}. It is in the highlight report now; type "report" to see it.`,
    });
  },
});
