import type { ChannelPostOutcome } from '../../app/channel-post.service';
import { VERBS } from '../verbs';
import { noticeCard } from '../views/notice.view';
import { defineAction } from './action.types';
import { ChannelReportData } from './people-data';
import { NoData } from './card-data';

const posted = (what: string, outcome: ChannelPostOutcome) =>
  noticeCard({
    style: outcome.status === 'sending' ? 'default' : 'good',
    title: outcome.status === 'sending' ? `Still posting ${what}` : `Posted ${what} to ${outcome.teamName}`,
    message: outcome.status === 'already-sent' ? 'It was already posted from this button, so it was not posted twice.' : outcome.status === 'sending' ? 'This button is posting it already; it is not posted twice.' : 'Everyone in the team’s channel can read it. Nothing personal was included.',
    hint: '',
  });

export const channelPostReportAction = defineAction({
  verb: VERBS.channelPostReport,
  data: ChannelReportData,
  run: async (ctx, d) => posted('the highlight report', await ctx.services.channel.postReport(ctx.person, d.quarter, ctx.requestId)),
});

export const channelPostSignedAction = defineAction({
  verb: VERBS.channelPostSigned,
  data: NoData,
  run: async (ctx) => posted('that the plan is signed', await ctx.services.channel.postSigned(ctx.person, ctx.requestId)),
});
