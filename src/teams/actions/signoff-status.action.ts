import { hasRole } from '../../domain/people.schema';
import { VERBS } from '../verbs';
import { signOffStatusCard } from '../views/sign-off.view';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const signOffStatusAction = defineAction({
  verb: VERBS.signoffStatus,
  data: NoData,
  run: async (ctx) => signOffStatusCard(await ctx.services.signOff.status(ctx.person), hasRole(ctx.person, 'sro')),
});
