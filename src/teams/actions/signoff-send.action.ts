import { DomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { requestSentNotice, signOffStatusCard } from '../views/sign-off.view';
import { defineAction } from './action.types';
import { SignOffSendData } from './signoff-data';

export const signOffSendAction = defineAction({
  verb: VERBS.signoffSend,
  data: SignOffSendData,
  run: async (ctx, d) => {
    const current = await ctx.services.overview.current();
    if (current.version !== d.version) {
      throw new DomainError('PLAN.STALE_VERSION', `The plan changed to version ${current.version} after this card was made. Type "sign-off" again to send the latest.`);
    }
    const chosen = typeof ctx.values.coSigners === 'string' && ctx.values.coSigners ? ctx.values.coSigners.split(',') : [];
    const result = await ctx.services.signOff.request(ctx.person, chosen, ctx.requestId);
    return signOffStatusCard(await ctx.services.signOff.overview(), true, requestSentNotice(result));
  },
});
