import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { OpenData } from './card-data';

export const sectionOpenAction = defineAction({
  verb: VERBS.open,
  data: OpenData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.open(ctx.person, d.section, d.step)),
});
