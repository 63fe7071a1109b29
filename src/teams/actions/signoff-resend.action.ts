import { VERBS } from '../verbs';
import { signOffStatusCard } from '../views/sign-off.view';
import { defineAction } from './action.types';
import { SignOffResendData } from './signoff-data';

export const signOffResendAction = defineAction({
  verb: VERBS.signoffResend,
  data: SignOffResendData,
  run: async (ctx, d) => {
    const result = await ctx.services.signOff.remind({ days: 0, sro: ctx.person, personId: d.person });
    const notice = result.sent.length
      ? { style: 'good', text: `Sent again to ${result.sent.join(', ')}.` }
      : { style: 'warning', text: `Could not reach ${result.unreachable.join(', ') || 'them'}: they have not talked to the bot yet, or they have already answered.` };
    return signOffStatusCard(await ctx.services.signOff.overview(), true, notice);
  },
});
