import type { CloudAdapterBase } from 'botbuilder';
import { CardFactory, TeamsInfo, type ConversationReference } from 'botbuilder';
import type { ChannelPost, PartnershipTeam, TeamDirectory, TeamMember } from '../app/partnership-team.port';
import { channelPostCard } from './views/team.view';
import { continueConversation } from './proactive';
import { refuseServiceUrl } from './service-url';

/** The audience of Bot Framework's public cloud, where Teams' connector lives. */
const TO_CHANNEL_AUDIENCE = 'https://api.botframework.com';

/** Teams' own roster page limit: a partnership's team is one or two pages. */
const PAGE_SIZE = 500;

/** A continuation into the team's channel: where roster reads and channel posts are made from. */
const channelReference = (team: PartnershipTeam): Partial<ConversationReference> => ({
  channelId: 'msteams',
  serviceUrl: team.serviceUrl,
  bot: { id: team.botId, name: '' },
  conversation: { id: team.channelId, isGroup: true, conversationType: 'channel', tenantId: team.tenantId, name: team.name },
});

/**
 * Teams' connector through botbuilder, as Microsoft's proactive-messaging samples use it: the
 * team's roster (TeamsInfo.getPagedTeamMembers), a 1:1 chat created with a member
 * (createConversationAsync, personal, with the tenant), a card posted to the team's channel.
 */
export class BotFrameworkTeamDirectory implements TeamDirectory {
  constructor(
    private readonly adapter: CloudAdapterBase,
    private readonly appId: string,
    /** Whether the bot may send to a service URL (its token goes with every request). */
    private readonly serviceUrlAllowed: (url: unknown) => boolean = () => true,
  ) {}

  private checked(team: PartnershipTeam): PartnershipTeam {
    if (!this.serviceUrlAllowed(team.serviceUrl)) refuseServiceUrl(team.serviceUrl);
    return team;
  }

  async listMembers(team: PartnershipTeam): Promise<TeamMember[]> {
    const members: TeamMember[] = [];
    await continueConversation(this.adapter, this.appId, channelReference(this.checked(team)), async (context) => {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, team.id, PAGE_SIZE, token);
        for (const m of page.members ?? []) {
          if (!m.id || !m.aadObjectId) continue;
          members.push({ teamsId: m.id, aadObjectId: m.aadObjectId, name: m.name || m.givenName || m.email || m.aadObjectId, email: m.email ?? null, tenantId: m.tenantId ?? null });
        }
        token = page.continuationToken || undefined;
      } while (token);
    });
    return members;
  }

  /** A chat Microsoft Graph opened when installing the app for someone: reached through the same connector as the team. */
  referenceForChat(conversationId: string, aadObjectId: string, team?: PartnershipTeam): Partial<ConversationReference> | null {
    if (!team) return null;
    return {
      channelId: 'msteams',
      serviceUrl: team.serviceUrl,
      bot: { id: team.botId, name: '' },
      user: { id: aadObjectId, name: '', aadObjectId },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', tenantId: team.tenantId, name: '' },
    };
  }

  async openPersonalChat(team: PartnershipTeam, member: TeamMember): Promise<Partial<ConversationReference>> {
    let conversationId: string | undefined;
    await this.adapter.createConversationAsync(
      this.appId,
      'msteams',
      this.checked(team).serviceUrl,
      TO_CHANNEL_AUDIENCE,
      // One-to-one, never a group: the same member and bot always give the same chat.
      { isGroup: false, bot: { id: team.botId, name: '' }, members: [{ id: member.teamsId, name: member.name }], tenantId: team.tenantId, channelData: { tenant: { id: team.tenantId } } } as never,
      async (context) => {
        conversationId = context.activity.conversation?.id;
      },
    );
    if (!conversationId) throw Object.assign(new Error('Teams did not say which chat it opened'), { statusCode: 502 });
    return {
      channelId: 'msteams',
      serviceUrl: team.serviceUrl,
      bot: { id: team.botId, name: '' },
      user: { id: member.teamsId, name: member.name, aadObjectId: member.aadObjectId },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', tenantId: team.tenantId, name: '' },
    };
  }

  async postToChannel(team: PartnershipTeam, post: ChannelPost): Promise<void> {
    const card = channelPostCard(post);
    await continueConversation(this.adapter, this.appId, channelReference(this.checked(team)), async (context) => {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
    });
  }
}
