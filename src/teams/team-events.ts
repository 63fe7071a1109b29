import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import { ActivityTypes, CardFactory, type ChannelAccount, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Services } from '../app/services';
import { hasRole } from '../domain/people.schema';
import type { Logger } from '../logger';
import { teamWelcomeCard } from './views/team.view';

/** What Teams says about the team an activity comes from; anything else is not a team event. */
const TeamData = z.object({
  team: z.object({ id: z.string().min(1).max(1000), name: z.string().max(300).optional() }).passthrough(),
  eventType: z.string().max(100).optional(),
  tenant: z.object({ id: z.string().max(200).optional() }).passthrough().optional(),
});

const teamOf = (context: TurnContext) => {
  const parsed = TeamData.safeParse(context.activity.channelData);
  return parsed.success ? parsed.data : null;
};

const includesBot = (members: readonly ChannelAccount[] | undefined, botId: string | undefined) => Boolean(botId && members?.some((m) => m.id === botId));

/**
 * The app's own life in Teams: added to or removed from the partnership's team (kept in the
 * database and the audit, one welcome in the channel), a team renamed or deleted, the app removed
 * from someone's 1:1 chat. Members joining a team get no welcome each: the bot reaches them 1:1
 * when something is waiting for them.
 */
export const registerTeamEvents = (app: Application<TurnState>, deps: { services: Services; logger: Logger; personalWelcome: (context: TurnContext, member: ChannelAccount) => Promise<void> }) => {
  const { services, logger } = deps;

  const installed = async (context: TurnContext, team: NonNullable<ReturnType<typeof teamOf>>) => {
    const a = context.activity;
    const tenantId = a.conversation?.tenantId ?? team.tenant?.id ?? '';
    const actor = a.from?.aadObjectId ? await services.roster.find(a.from.aadObjectId) : null;
    const result = await services.teams.installed(
      { id: team.team.id, name: team.team.name?.trim() || 'the partnership’s team', serviceUrl: a.serviceUrl, tenantId, channelId: a.conversation.id, botId: a.recipient.id, installedBy: actor?.id ?? null },
      actor,
    );
    if (!result.kept) {
      logger.warn({ tenantId }, 'app added to a team in a tenant the bot does not serve: not kept');
      return;
    }
    services.reach.forgetRosters();
    if (!result.welcome) return;
    // Names only in a team the SRO has confirmed: any team owner can add the app to their own team.
    const confirmed = result.team.status === 'installed';
    const sros = confirmed ? (await services.roster.everyone()).filter((p) => hasRole(p, 'sro')).map((p) => p.name) : [];
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(teamWelcomeCard({ teamName: result.team.name, botId: a.recipient.id, sroNames: sros, confirmed }))] });
  };

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const a = context.activity;
    const team = teamOf(context);
    if (team) {
      if (a.action === 'add' || a.action === 'add-upgrade') await installed(context, team);
      else if (a.action === 'remove') await services.teams.removed(team.team.id, 'app-removed', a.from?.aadObjectId ?? null);
      return;
    }
    // The app removed from someone's own chat: the bot stops writing to them there until they add it again.
    if (a.conversation?.conversationType === 'personal' && a.action === 'remove' && a.from?.aadObjectId) await services.reach.appRemoved(a.from.aadObjectId);
  });

  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    const a = context.activity;
    const team = teamOf(context);
    if (team) {
      const event = team.eventType ?? '';
      if (event === 'teamDeleted' || event === 'teamHardDeleted') await services.teams.removed(team.team.id, 'team-deleted', a.from?.aadObjectId ?? null);
      else if (event === 'teamRenamed' && team.team.name) await services.teams.renamed(team.team.id, team.team.name.slice(0, 300));
      else if (includesBot(a.membersRemoved, a.recipient?.id)) await services.teams.removed(team.team.id, 'app-removed', a.from?.aadObjectId ?? null);
      else if (includesBot(a.membersAdded, a.recipient?.id)) await installed(context, team);
      // Someone joined or left the team: read its roster afresh next time.
      else services.reach.forgetRosters();
      return;
    }
    if (a.conversation?.conversationType !== 'personal') return;
    for (const member of a.membersAdded ?? []) if (member.id !== a.recipient?.id) await deps.personalWelcome(context, member);
  });
};
