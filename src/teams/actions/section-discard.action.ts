import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SectionData } from './card-data';

export const sectionDiscardAction = defineAction({
  verb: VERBS.discard,
  data: SectionData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.discard(ctx.person, d.section)),
});
