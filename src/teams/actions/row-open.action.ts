import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { NewRowData } from './card-data';

export const rowOpenAction = defineAction({
  verb: VERBS.rowOpen,
  data: NewRowData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.openRow(ctx.person, d, d.rowId ?? null)),
});
