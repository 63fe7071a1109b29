import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { UpdateShowData } from './progress-data';

export const updateShowAction = defineAction({
  verb: VERBS.updateShow,
  data: UpdateShowData,
  run: async (ctx, d) => ctx.screens.update(ctx.person, d.workstream, d.quarter),
});
