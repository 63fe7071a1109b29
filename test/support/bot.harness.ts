import { TestAdapter, type Activity } from 'botbuilder';
import type { Store } from '../../src/app/ports';
import type { DraftingModel } from '../../src/app/drafting.port';
import { bootstrapStore } from '../../src/app/bootstrap.service';
import { demoAssignments, demoPlan } from '../../src/demo/demo-plan';
import { createLogger } from '../../src/logger';
import { readRosterFile } from '../../src/storage/roster-file';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { createBot } from '../../src/teams/bot.app';
import { fromRoot } from '../../src/paths';
import { ManualClock } from './memory.clock';

export const PLAYGROUND_USERS = {
  sro: '00000000-0000-0000-0000-0000000000020',
  lead: '00000000-0000-0000-0000-0000000000021',
  signatory: '00000000-0000-0000-0000-0000000000022',
  pcf: '00000000-0000-0000-0000-0000000000023',
} as const;
export const PLAN_ID = 'shropshire-2026-27';

/** The real bot application over a real (in-memory SQLite) store, driven by botbuilder's TestAdapter. */
export const createBotHarness = async (options: { draftingModel?: DraftingModel; /** What the bot sees of the store (a counting wrapper, say). */ wrapStore?: (store: Store) => Store } = {}) => {
  const clock = new ManualClock();
  const store: Store = await SqliteStore.open(':memory:', clock);
  await bootstrapStore(store, { planId: PLAN_ID, roster: readRosterFile(fromRoot('config', 'roster.demo.json')), seedPlan: demoPlan, seedAssignments: demoAssignments });
  /** Cards the bot sent on its own initiative, to whom. */
  const proactive: { conversationId: string | undefined; activity: Partial<Activity> }[] = [];
  /** How many of the next proactive sends Teams answers with 429. */
  let throttleNext = 0;
  /** Conversations Teams answers with 403 (the person removed the app), and with 502 (n times). */
  const forbidden = new Set<string>();
  const failing = new Map<string, number>();
  const bot = createBot({
    notifyRetry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    draftingModel: options.draftingModel,
    store: options.wrapStore ? options.wrapStore(store) : store,
    planId: PLAN_ID,
    clock,
    logger: createLogger({ logLevel: 'silent' }),
    proactive: async (reference, activity) => {
      if (throttleNext > 0) {
        throttleNext--;
        throw Object.assign(new Error('Too Many Requests'), { statusCode: 429 });
      }
      const conversationId = reference.conversation?.id ?? '';
      if (forbidden.has(conversationId)) throw Object.assign(new Error('Forbidden'), { statusCode: 403 });
      if ((failing.get(conversationId) ?? 0) > 0) {
        failing.set(conversationId, failing.get(conversationId)! - 1);
        throw Object.assign(new Error('Bad Gateway'), { statusCode: 502 });
      }
      proactive.push({ conversationId: reference.conversation?.id, activity });
    },
  });
  const app = bot.app;
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });

  let sequence = 0;
  /** Send one activity as a person; returns what the bot sent back. */
  const send = async (aadObjectId: string | undefined, activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.length = 0;
    await adapter.processActivity({
      from: { id: `user-${aadObjectId ?? 'anon'}`, name: 'Someone', aadObjectId },
      conversation: { id: `chat-${aadObjectId ?? 'anon'}`, conversationType: 'personal' },
      id: `activity-${++sequence}`,
      ...activity,
    } as Activity);
    const replies = [...adapter.activeQueue];
    adapter.activeQueue.length = 0;
    return replies;
  };

  const say = (aadObjectId: string | undefined, text: string) => send(aadObjectId, { type: 'message', text });

  const execute = (aadObjectId: string | undefined, verb: string, data: Record<string, unknown> = {}) =>
    send(aadObjectId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
    });

  /** The card an Action.Execute answered with. */
  const executeCard = async (aadObjectId: string | undefined, verb: string, data: Record<string, unknown> = {}) => {
    const replies = await execute(aadObjectId, verb, data);
    const response = replies.find((r) => r.type === 'invokeResponse');
    return (response?.value as { body: { value: Record<string, unknown> } } | undefined)?.body.value;
  };

  return {
    store,
    clock,
    adapter,
    say,
    execute,
    executeCard,
    send,
    proactive,
    notifier: bot.notifier,
    services: bot.services,
    throttle: (n: number) => {
      throttleNext = n;
    },
    /** Teams answers 403 for this person's chat from now on (they removed the app). */
    removeApp: (aadObjectId: string) => forbidden.add(`chat-${aadObjectId}`),
    /** Teams answers 502 the next `times` sends to this person's chat. */
    failNext: (aadObjectId: string, times: number) => failing.set(`chat-${aadObjectId}`, times),
    close: () => store.close(),
  };
};

/** The Adaptive Card in a reply, if there is one. */
export const cardOf = (activity: Partial<Activity> | undefined): Record<string, unknown> | undefined =>
  activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as Record<string, unknown> | undefined;

/** All the words on a card, for asserting on what a person reads. */
export const cardText = (card: unknown): string => {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value') && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
};
