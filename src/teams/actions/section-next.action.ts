import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { PositionData } from './card-data';

export const sectionNextAction = defineAction({
  verb: VERBS.next,
  data: PositionData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.move(ctx.person, d, ctx.values, 'next')),
});
