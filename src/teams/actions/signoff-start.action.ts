import { VERBS } from '../verbs';
import { signOffStartCard } from '../views/sign-off.view';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const signOffStartAction = defineAction({
  verb: VERBS.signoffStart,
  data: NoData,
  run: async (ctx) => signOffStartCard(await ctx.services.signOff.prepare(ctx.person)),
});
