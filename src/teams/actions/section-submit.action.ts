import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { PositionData } from './card-data';

export const sectionSubmitAction = defineAction({
  verb: VERBS.submit,
  data: PositionData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.submit(ctx.person, d, ctx.values, ctx.requestId)),
});
