import { hasRole } from '../../domain/people.schema';
import { VERBS } from '../verbs';
import { checkGroupCard } from '../views/readiness.view';
import { defineAction } from './action.types';
import { GroupData } from './card-data';

export const checkGroupAction = defineAction({
  verb: VERBS.group,
  data: GroupData,
  run: async (ctx, d) => checkGroupCard((await ctx.services.overview.readiness()).report, d.group, hasRole(ctx.person, 'sro')),
});
