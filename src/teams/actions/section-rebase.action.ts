import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SectionData } from './card-data';

export const sectionRebaseAction = defineAction({
  verb: VERBS.rebase,
  data: SectionData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.rebase(ctx.person, d.section)),
});
