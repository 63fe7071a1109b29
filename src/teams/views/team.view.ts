import type { ChannelPost } from '../../app/partnership-team.port';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { dateWords } from '../words';

/** Teams' link that opens a 1:1 chat with a bot, by its id (28:<app id>). */
export const chatWithBotUrl = (botId: string): string => `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId.startsWith('28:') ? botId : `28:${botId}`)}`;

/** Said once, in the channel, when the app is added to the partnership's team. */
export const teamWelcomeCard = (input: { teamName: string; botId: string; sroNames: readonly string[]; confirmed: boolean }): AdaptiveCardJson =>
  renderCard('team-welcome', {
    title: 'Hello, I’m the SEND Reform Plan assistant',
    message:
      `I help ${input.teamName} draft, keep and sign off its Local SEND Reform Plan: the plan’s sections, quarterly workstream updates and risks, ` +
      'sign-off by the five statutory signatories, and “you said, we did” answers to the Parent Carer Forum.',
    roles: input.confirmed
      ? `${input.sroNames.length ? input.sroNames.join(' and ') : 'The plan’s Senior Responsible Officer (SRO)'} decides who does what. When something is waiting for you (a section to fill in, an update, a plan to sign) I will message you in a 1:1 chat, even if you have never opened me.`
      : 'The plan’s Senior Responsible Officer (SRO) decides who does what, and first confirms that this is the partnership’s team (they type “people” in a 1:1 chat with me). Until then I message no one here.',
    privacy: 'Nothing personal is posted in this channel: family feedback, tasks and sign-off decisions stay in 1:1 chats.',
    chatTitle: 'Open a 1:1 chat with me',
    chatUrl: chatWithBotUrl(input.botId),
  });

/** Answered in a channel or group chat to anything that belongs in a 1:1 chat. */
export const oneToOneCard = (botId: string): AdaptiveCardJson =>
  renderCard('team-welcome', {
    title: 'Let’s do that in a 1:1 chat',
    message: 'This conversation is read by everyone in it, so here I only show the plan, its readiness, risks, the report and history. Your tasks, feedback from families, sign-off and changes to the plan belong in a 1:1 chat with me.',
    roles: '',
    privacy: 'Nothing has been changed.',
    chatTitle: 'Open a 1:1 chat with me',
    chatUrl: chatWithBotUrl(botId),
  });

const rag = (w: Extract<ChannelPost, { kind: 'highlight-report' }>['workstreams'][number]): string =>
  w.posted ? [w.green && `${w.green} green`, w.amber && `${w.amber} amber`, w.red && `${w.red} red`, w.unrated && `${w.unrated} not rated`].filter(Boolean).join(', ') || 'update posted' : 'no update yet';

/** A post to the team channel: counts and titles only, made from a ChannelPost and nothing else. */
export const channelPostCard = (post: ChannelPost): AdaptiveCardJson => {
  if (post.kind === 'highlight-report') {
    const posted = post.workstreams.filter((w) => w.posted).length;
    return renderCard('channel-post', {
      style: 'default',
      title: `Highlight report: ${post.quarterLabel}`,
      message: `${posted} of ${post.workstreams.length} workstreams have posted their update. Milestones by RAG rating:`,
      facts: post.workstreams.map((w) => ({ title: w.label, value: rag(w) })),
      footer: `Risks this quarter: ${post.risks.opened} opened, ${post.risks.rescored} re-scored, ${post.risks.closed} closed. Open a 1:1 chat with me and type "report" for the full report.`,
    });
  }
  return renderCard('channel-post', {
    style: 'good',
    title: `The Local SEND Reform Plan is signed off (version ${post.version})`,
    message: `All five statutory signatories signed version ${post.version}; the last signature was given on ${dateWords(post.signedOn)}.`,
    facts: post.signatories.map((s) => ({ title: s.roleTitle, value: s.name })),
    footer: `SHA-256 of the signed text: ${post.hashPrefix}…. Open a 1:1 chat with me and type "export" for the signed plan.`,
  });
};
