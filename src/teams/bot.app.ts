// Before teams-ai: its sign-in support, which this bot does not use, is then loaded only if used.
import './lazy-sign-in';
// From their own modules rather than the package index, which would load every AI model and tokenizer too.
import { Application } from '@microsoft/teams-ai/lib/Application';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { ActivityTypes, CardFactory, TurnContext } from 'botbuilder';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { IdentityService } from '../app/identity.service';
import type { AppInstaller } from '../app/app-installer.port';
import type { TeamDirectory } from '../app/partnership-team.port';
import { ReachService } from '../app/reach.service';
import { systemClock, type Clock, type Notifier, type PlanSnapshot, type Store } from '../app/ports';
import { createServices, type ServicesWithStore } from '../app/services';
import type { DraftingModel } from '../app/drafting.port';
import type { RiskScale } from '../domain/plan.schema';
import type { RiskMatrix } from '../domain/risk-rating';
import type { GapStyle } from '../domain/plan-gaps';
import { DomainError, isDomainError } from '../domain/errors';
import type { Person } from '../domain/people.schema';
import type { Logger } from '../logger';
import { CARD_ACTIONS } from './actions';
import type { AdaptiveCardJson } from './cards';
import { interpret } from './interpret';
import { downloadUploaded, uploadedFile, type UploadedFile } from './file-upload';
import { importCard, safeFileName } from './views/import.view';
import { vocabularyOf } from '../app/understanding/vocabulary';
import type { Decision, Situation } from '../app/understanding/intent-decision';
import { TeamsNotifier, type ProactiveSend, type RetryPolicy } from './notifier';
import { screens as makeScreens } from './screens';
import { noticeCard } from './views/notice.view';
import { noticeForError } from './words';
import type { Understanding } from '../app/understanding.port';
import { sharedUnderstanding } from '../language/nlp.understanding';
import { examplesFor } from './intent.examples';
import { routeIntent } from './intent.router';
import { didYouMeanCard, notRecognisedCard } from './views/intent.view';
import { registerTeamEvents } from './team-events';
import { STORE_CALLS } from './store-calls';
import { isShared, SHARED_INTENTS, SHARED_VERBS } from './shared-conversation';
import { oneToOneCard } from './views/team.view';

export interface BotDependencies {
  readonly store: Store;
  readonly planId: string;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** How to message someone who has not just written to the bot. */
  readonly proactive?: ProactiveSend;
  readonly matrices?: Readonly<Record<RiskScale, RiskMatrix>>;
  /** Where the exported plan says what is still missing (EXPORT_GAPS). */
  readonly gaps?: GapStyle;
  /** This bot's public address, for links in cards (the plan as sent for sign-off). */
  readonly baseUrl?: string;
  /** How many days a document download link works. */
  readonly linkDays?: number;
  /** How a proactive card is retried when Teams answers 429 or 5xx. */
  readonly notifyRetry?: RetryPolicy;
  /** Reads free text; trained once per process when not given. */
  readonly understanding?: Understanding;
  /** The AI model for drafting help; without one, asking for help says it is not switched on. */
  readonly draftingModel?: DraftingModel;
  /** Teams' connector for team rosters, new 1:1 chats and channel posts. */
  readonly directory?: TeamDirectory;
  /** Installs the app for someone outside the partnership's team, where the organisation allows it. */
  readonly installer?: AppInstaller;
  /** Tenants whose teams and people the bot serves; empty: any (local use). */
  readonly allowedTenantIds?: readonly string[];
  /** The roster is kept in a file by an administrator (ROSTER_SYNC=replace). */
  readonly rosterManagedByFile?: boolean;
}

export interface Bot {
  readonly app: Application<TurnState>;
  /** The journeys, and the store they write through (for the command line and tests; cards ask the journeys). */
  readonly services: ServicesWithStore;
  readonly notifier: Notifier;
}

/**
 * The idempotency key of a card action: the same person, in the same conversation, retrying the
 * same activity with the same verb gets the same key (and the stored outcome); anyone else, or
 * any other verb, gets a different one. Hashed to a fixed length so every store can keep it.
 * A write with no activity id cannot be told apart from a retry, so it is refused.
 */
export const requestKey = (personId: string, conversationId: string | undefined, activityId: string | undefined, verb: string): string => {
  if (!activityId || !conversationId) {
    throw new DomainError('INPUT.INVALID', 'That card action arrived without its Teams ids, so I have not changed anything. Please try again.');
  }
  return createHash('sha256').update(JSON.stringify([personId, conversationId, activityId, verb])).digest('hex').slice(0, 40);
};


/**
 * One turn: whether a card action has committed a write yet, and the plan as this turn read it,
 * so each turn reads and validates the plan once however many journeys look at it. Per turn,
 * never shared between people or turns.
 */
export interface Turn {
  wrote: boolean;
  readonly plans: Map<string, Promise<PlanSnapshot | null>>;
  /** People looked up this turn (the person acting, mostly, who is looked up more than once). */
  readonly people: Map<string, Promise<Person | null>>;
}
const turns = new AsyncLocalStorage<Turn>();
export const newTurn = (people: Turn['people'] = new Map()): Turn => ({ wrote: false, plans: new Map(), people });

/**
 * The people looked up for one activity, shared by its beforeTurn (where they can be reached) and
 * its handler (who they are): the person acting is read once per activity, not twice.
 */
const PEOPLE_READ = Symbol('people read this activity');
const peopleRead = (context: TurnContext): Turn['people'] => {
  let people = context.turnState.get(PEOPLE_READ) as Turn['people'] | undefined;
  if (!people) {
    people = new Map();
    context.turnState.set(PEOPLE_READ, people);
  }
  return people;
};

/** Answers a read once per turn and key; a failed read is not remembered, so the next one tries again. */
const once = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
  let answer = cache.get(key);
  if (!answer) {
    answer = read();
    cache.set(key, answer);
    answer.catch(() => cache.get(key) === answer && cache.delete(key));
  }
  return answer;
};

/**
 * The store the journeys use: inside a turn, the plan is read once and the same snapshot is
 * answered to every later read (nothing in src/app changes a snapshot in place: a change is made
 * on a clone and saved); a plan write, done or refused, makes the next read go to the store.
 * It also notes in the turn when a write has been committed. Outside a turn (the reminder
 * tick), every call goes straight to the store.
 */
export const turnScoped = (store: Store): Store =>
  new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (prop === 'loadPlan') {
        return (planId: string) => {
          const turn = turns.getStore();
          return turn ? once(turn.plans, planId, () => target.loadPlan(planId)) : target.loadPlan(planId);
        };
      }
      // The turn's own reading of the plan, when it has one: what the rest of the turn is shown.
      if (prop === 'knownPlan') {
        return (planId: string) => turns.getStore()?.plans.get(planId) ?? target.knownPlan(planId);
      }
      if (prop === 'findPerson') {
        return (id: string) => {
          const turn = turns.getStore();
          return turn ? once(turn.people, id, () => target.findPerson(id)) : target.findPerson(id);
        };
      }
      // Who they are is read with their chat: the rest of the activity looks them up no more.
      if (prop === 'rememberConversation') {
        return (id: string, reference: unknown) => {
          const turn = turns.getStore();
          const person = target.rememberConversation(id, reference);
          if (turn) {
            turn.people.set(id, person);
            person.catch(() => turn.people.get(id) === person && turn.people.delete(id));
          }
          return person;
        };
      }
      const kind = typeof prop === 'string' && Object.hasOwn(STORE_CALLS, prop) ? STORE_CALLS[prop as keyof Store] : 'read';
      if (kind === 'read') return method.bind(target);
      return (...args: unknown[]) => {
        const turn = turns.getStore();
        const result = method.apply(target, args);
        const settled = (committed: boolean, error?: unknown) => {
          if (!turn) return;
          if (committed) turn.wrote = true;
          // A write refused because the plan moved on means the turn's reading of it is old too.
          if (kind === 'plan-write' || isDomainError(error, 'PLAN.STALE_VERSION')) turn.plans.clear();
          if (kind === 'roster-write') turn.people.clear();
        };
        if (result instanceof Promise) {
          return result.then(
            (r: unknown) => {
              settled(true);
              return r;
            },
            (error: unknown) => {
              settled(false, error);
              throw error;
            },
          );
        }
        settled(true);
        return result;
      };
    },
  });

/** Answered when a write was committed but its answer could not be shown (a card too large, say). */
export const SAVED_FALLBACK = {
  style: 'good',
  title: 'Saved',
  message: 'Your change is saved. Its answer was too long to show in this card: type "status", "risks" or "history" to see it.',
  hint: '',
} as const;

/** The longest message read as a request: a card's own fields take longer text. */
const MAX_TYPED = 2000;

/** Nobody's situation: in a shared chat the bot weighs words by no one's pending work. */
const NOBODY_WAITING: Situation = { roles: [], signOffWaiting: false, updateDue: false, tasksWaiting: false };

const sendCard = (context: TurnContext, card: AdaptiveCardJson) => context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });

/**
 * The Teams application: routes messages and card actions to the journeys in src/app.
 * Plan data never goes into turn state; every turn reads the store afresh.
 */
export const createBot = (deps: BotDependencies, adapter?: TeamsAdapter): Bot => {
  const clock = deps.clock ?? systemClock;
  const store = turnScoped(deps.store);
  const identity = new IdentityService(store);
  const proactive: ProactiveSend =
    deps.proactive ??
    (async () => {
      throw new Error('No proactive sender configured');
    });
  const allowedTenantIds = deps.allowedTenantIds ?? [];
  const reach = new ReachService(store, deps.directory ?? null, clock, { allowedTenantIds, installer: deps.installer ?? null });
  const notifier = new TeamsNotifier(reach, proactive, clock, deps.baseUrl ?? 'http://localhost:3978', deps.notifyRetry, (event) => deps.logger.warn(event, 'proactive message'));
  const services = createServices({
    store,
    planId: deps.planId,
    clock,
    notifier,
    matrices: deps.matrices,
    gaps: deps.gaps,
    linkDays: deps.linkDays,
    draftingModel: deps.draftingModel,
    reach,
    directory: deps.directory ?? null,
    allowedTenantIds,
    rosterManagedByFile: deps.rosterManagedByFile,
    log: (event) => deps.logger.warn(event, 'background hook failed'),
  });
  const screens = makeScreens(services, { baseUrl: deps.baseUrl ?? 'http://localhost:3978' });
  const app = new Application<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });

  // Trained now, at start-up, so no message waits for it (and no message trains it again).
  const understanding = deps.understanding ? Promise.resolve(deps.understanding) : sharedUnderstanding();
  /** What a typed message asks for, read against today's plan and roster, weighed by what waits for the person. */
  const read = async (person: Person | null, text: string): Promise<{ decision: Decision; situation: () => Promise<Situation | null> }> => {
    if (text.length > MAX_TYPED) throw new DomainError('INPUT.INVALID', `That message is too long for me to read (${text.length.toLocaleString('en-GB')} characters; I read up to ${MAX_TYPED.toLocaleString('en-GB')}). Tell me in a sentence or two what you need, and paste long text into the card that asks for it.`);
    const [{ plan }, people] = await Promise.all([services.overview.current(), services.roster.everyone()]);
    const vocabulary = vocabularyOf(plan, people, services.updates.currentQuarter(), clock.now());
    let situation: Promise<Situation> | undefined;
    const situationOf = () => (situation ??= person ? services.situation.of(person) : Promise.resolve(NOBODY_WAITING));
    const decision = await interpret(await understanding, text, vocabulary, situationOf);
    return { decision, situation: person ? situationOf : async () => null };
  };
  /** Free text: the screen it asks for when I am sure, the two best guesses when I am not, else what this person can do. */
  const fromWords = async (person: Person, text: string, teamsUserId: string | undefined): Promise<AdaptiveCardJson> => {
    const { decision, situation } = await read(person, text);
    if (decision.kind === 'open') return routeIntent({ person, services, screens, teamsUserId, situation }, decision.intent, decision.entities);
    const examples = examplesFor(person);
    return decision.kind === 'guess' ? didYouMeanCard(decision.guesses.map((intent) => ({ intent, entities: decision.entities })), examples) : notRecognisedCard(examples);
  };

  /** A Word plan sent in the 1:1 chat: what it would change, each section a draft to review, nothing written to the plan. */
  const fromFile = async (person: Person, file: UploadedFile): Promise<AdaptiveCardJson> => {
    services.wordImport.mayImport(person);
    if (!/\.(docx|docm)$/i.test(file.name)) throw new DomainError('IMPORT.UNREADABLE', `${file.name} is not a Word file. Send the plan as a Word document (.docx) to see what it would change.`);
    const result = await services.wordImport.stage(person, await downloadUploaded(file), file.name);
    return importCard(safeFileName(file.name), result);
  };

  /** Every failure a person can cause ends as a notice card; nothing is written on the way. */
  const answer = async (context: TurnContext, work: () => Promise<AdaptiveCardJson>, turn?: { wrote: boolean }): Promise<AdaptiveCardJson> => {
    try {
      return await work();
    } catch (error) {
      deps.logger.warn({ err: error, from: context.activity.from?.aadObjectId, committed: turn?.wrote ?? false }, 'turn failed');
      return noticeCard(turn?.wrote ? SAVED_FALLBACK : noticeForError(error));
    }
  };

  // Remember where each person can be reached, only from their own 1:1 chat with the bot: cards
  // sent on the bot's own initiative (feedback answers, an Approve card) are personal, and must
  // never land in a channel or group chat. Someone who never opened the bot 1:1 is unreachable.
  app.turn('beforeTurn', async (context) => {
    const id = context.activity.from?.aadObjectId;
    const personal = context.activity.conversation?.conversationType === 'personal';
    if (id && personal && context.activity.conversation?.id) {
      // Where to reach them later, not which message they last sent: without the activity id the
      // reference stays the same from turn to turn, and the store need not write it again.
      const { activityId: _lastActivity, ...reference } = TurnContext.getConversationReference(context.activity);
      // A turn of its own, so this bookkeeping write never reads as the person's change being saved.
      await turns.run(newTurn(peopleRead(context)), () => services.reach.remember(id, reference));
    }
    return true;
  });

  /** In a channel or group chat: only what the whole partnership may read, and nothing of what waits for one person; anything else in a 1:1 chat. */
  const inSharedConversation = async (context: TurnContext, person: Person): Promise<AdaptiveCardJson> => {
    const { decision } = await read(null, context.activity.text ?? '');
    if (decision.kind === 'open' && SHARED_INTENTS.has(decision.intent)) {
      return routeIntent({ person, services, screens, teamsUserId: context.activity.from?.id, situation: async () => null }, decision.intent, decision.entities);
    }
    return oneToOneCard(context.activity.recipient?.id ?? '');
  };

  app.activity(ActivityTypes.Message, async (context) => {
    const card = await turns.run(newTurn(peopleRead(context)), () =>
      answer(context, async () => {
        const person = await identity.identify(context.activity.from?.aadObjectId);
        if (isShared(context)) return inSharedConversation(context, person);
        const file = uploadedFile(context.activity);
        if (file) return fromFile(person, file);
        return fromWords(person, context.activity.text ?? '', context.activity.from?.id);
      }),
    );
    await sendCard(context, card);
  });

  registerTeamEvents(app, {
    services,
    logger: deps.logger,
    personalWelcome: async (context, member) => {
      const card = await turns.run(newTurn(peopleRead(context)), () => answer(context, async () => screens.help(await identity.identify(member.aadObjectId))));
      await sendCard(context, card);
    },
  });

  // One route for every card action, which finds the action by its verb: teams-ai tries its routes
  // one after another, each with an await, and a route per verb made a late verb wait for seventy.
  const actions = new Map(CARD_ACTIONS.map((action) => [action.verb as string, action]));
  const actionOf = (context: TurnContext) => {
    const { type, name, value } = context.activity;
    const action = (value as { action?: { type?: unknown; verb?: unknown } } | undefined)?.action;
    return type === ActivityTypes.Invoke && name === 'adaptiveCard/action' && action?.type === 'Action.Execute' && typeof action.verb === 'string' ? actions.get(action.verb) : undefined;
  };
  app.adaptiveCards.actionExecute(
    async (context) => actionOf(context) !== undefined,
    async (context, _state, data) => {
      const action = actionOf(context)!;
      // Once a write has committed, no later failure (rendering its answer, say) reads "not completed".
      const turn = newTurn(peopleRead(context));
      const card = await turns.run(turn, () => answer(context, async () => {
        const person = await identity.identify(context.activity.from?.aadObjectId);
        if (isShared(context) && !SHARED_VERBS.has(action.verb)) return oneToOneCard(context.activity.recipient?.id ?? '');
        const values = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
        const parsed = action.data.safeParse(values);
        if (!parsed.success) throw new DomainError('INPUT.INVALID', 'That card sent something I did not recognise, so I have not changed anything. Please open it again.');
        const requestId = requestKey(person.id, context.activity.conversation?.id, context.activity.id, action.verb);
        // parsed.data is what this action's own schema made of the card: its run's data type.
        return action.run({ person, values, requestId, teamsUserId: context.activity.from?.id, services, screens }, parsed.data as never);
      }, turn));
      return card;
    },
  );

  app.error(async (context, error) => {
    deps.logger.error({ err: error }, 'unhandled error in turn');
    await sendCard(context, noticeCard(noticeForError(error)));
  });

  return { app, services, notifier };
};
