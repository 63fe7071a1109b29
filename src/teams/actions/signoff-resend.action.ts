import { VERBS } from '../verbs';
import { signOffStatusCard } from '../views/sign-off.view';
import { deliverySentence } from '../words';
import { defineAction } from './action.types';
import { SignOffResendData } from './signoff-data';

export const signOffResendAction = defineAction({
  verb: VERBS.signoffResend,
  data: SignOffResendData,
  run: async (ctx, d) => {
    const result = await ctx.services.signOff.remind({ days: 0, sro: ctx.person, personId: d.person });
    const again = result.sent.filter((name) => !result.firstTime.includes(name));
    const notice = result.sent.length
      ? { style: 'good', text: [result.firstTime.length ? `Sent ${result.firstTime.join(', ')} their request to sign.` : '', again.length ? `Sent again to ${again.join(', ')}.` : ''].filter(Boolean).join(' ') }
      : result.sending.length
        ? { style: 'default', text: `${result.sending.join(', ')}: their card is still being delivered (Teams asked us to wait), so it was not sent twice.` }
        : result.unreachable.length
        ? { style: 'warning', text: result.unreachable.map((name) => deliverySentence(name, result.reasons[name] ?? 'unreachable')).join(' ') }
        : { style: 'warning', text: 'Nothing was sent: they have already answered, or this round is over.' };
    return signOffStatusCard(await ctx.services.signOff.overview(), true, notice);
  },
});
