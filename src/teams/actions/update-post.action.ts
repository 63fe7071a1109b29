import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { UpdatePostData } from './progress-data';

export const updatePostAction = defineAction({
  verb: VERBS.updatePost,
  data: UpdatePostData,
  run: async (ctx, d) => {
    const result = await ctx.services.updates.post(ctx.person, d.workstream, d.quarter, ctx.values, ctx.requestId);
    if ('form' in result) return ctx.screens.updateView(ctx.person, result.form);
    const form = await ctx.services.updates.form(ctx.person, d.workstream, d.quarter);
    return ctx.screens.updateView(ctx.person, form, {
      style: 'good',
      text: `Posted: update ${result.stored.sequence} for ${form.quarter.label}. It is in the highlight report now; type "report" to see it.`,
    });
  },
});
