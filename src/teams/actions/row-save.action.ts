import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SaveRowData } from './card-data';

export const rowSaveAction = defineAction({
  verb: VERBS.rowSave,
  data: SaveRowData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.saveRow(ctx.person, d, d.rowId, d.isNew, ctx.values)),
});
