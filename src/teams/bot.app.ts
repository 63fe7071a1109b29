import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import { IdentityService } from '../app/identity.service';
import { PlanOverviewService } from '../app/plan-overview.service';
import type { Store } from '../app/ports';
import { SYSTEM_ACTOR } from '../app/bootstrap.service';
import type { Person } from '../domain/people.schema';
import type { Logger } from '../logger';
import type { AdaptiveCardJson } from './cards';
import { COMMANDS, matchCommand, type CommandName } from './commands';
import { helpCard } from './views/help.view';
import { noticeCard } from './views/notice.view';
import { statusCard } from './views/status.view';
import { VERBS } from './verbs';
import { noticeForError, UNKNOWN_COMMAND } from './words';

export interface BotDependencies {
  readonly store: Store;
  readonly planId: string;
  readonly logger: Logger;
}

const sendCard = (context: TurnContext, card: AdaptiveCardJson) => context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });

/**
 * The Teams application: routes messages and card actions to the journeys in src/app.
 * Plan data never goes into turn state; every turn reads the store afresh.
 */
export const createBotApplication = (deps: BotDependencies, adapter?: TeamsAdapter): Application<TurnState> => {
  const identity = new IdentityService(deps.store);
  const overview = new PlanOverviewService(deps.store, deps.planId);
  const app = new Application<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });

  const displayName = async (actorId: string | null): Promise<string> => {
    if (!actorId || actorId === SYSTEM_ACTOR) return 'the assistant';
    return (await deps.store.findPerson(actorId))?.name ?? 'a former roster member';
  };

  const cards: Record<CommandName, (person: Person) => Promise<AdaptiveCardJson>> = {
    help: async (person) => helpCard(person, (await deps.store.loadPlan(deps.planId))?.plan ?? null, COMMANDS),
    status: async () => {
      const { snapshot, sections } = await overview.status();
      return statusCard(snapshot, sections, await displayName(snapshot.updatedBy));
    },
  };

  /** Every failure a person can cause ends as a notice card; the store is never touched on the way. */
  const answer = async (context: TurnContext, work: () => Promise<AdaptiveCardJson>): Promise<AdaptiveCardJson> => {
    try {
      return await work();
    } catch (error) {
      deps.logger.warn({ err: error, from: context.activity.from?.aadObjectId }, 'turn failed');
      return noticeCard(noticeForError(error));
    }
  };

  app.activity(ActivityTypes.Message, async (context) => {
    const card = await answer(context, async () => {
      const person = await identity.identify(context.activity.from?.aadObjectId);
      const command = matchCommand(context.activity.text ?? '');
      return command ? cards[command](person) : noticeCard(UNKNOWN_COMMAND);
    });
    await sendCard(context, card);
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    for (const member of context.activity.membersAdded ?? []) {
      if (member.id === botId) continue;
      const card = await answer(context, async () => cards.help(await identity.identify(member.aadObjectId)));
      await sendCard(context, card);
    }
  });

  app.adaptiveCards.actionExecute(VERBS.showStatus, async (context) =>
    answer(context, async () => {
      const person = await identity.identify(context.activity.from?.aadObjectId);
      return cards.status(person);
    }),
  );

  app.error(async (context, error) => {
    deps.logger.error({ err: error }, 'unhandled error in turn');
    await sendCard(context, noticeCard(noticeForError(error)));
  });

  return app;
};
