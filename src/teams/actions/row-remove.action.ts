import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { RowData } from './card-data';

export const rowRemoveAction = defineAction({
  verb: VERBS.rowRemove,
  data: RowData,
  run: async (ctx, d) => ctx.screens.edit(await ctx.services.editing.removeRow(ctx.person, d, d.rowId)),
});
