import type { PlanSnapshot, Store } from '../../src/app/ports';
import type { Plan } from '../../src/domain/plan.schema';
import { VERBS } from '../../src/teams/verbs';
import { cardText, createBotHarness } from '../support/bot.harness';

const ANNIE = '00000000-0000-0000-0000-0000000000025'; // leads workstream 3
const PLAN = 'shropshire-2026-27';
const submission = { verb: VERBS.updatePost, workstream: 'ws-3', quarter: '2026-Q3', 'status.ws-3-q3-m1': 'on-track', narrative: 'Recruitment on plan.' };

/**
 * The SRO editing the plan while a lead posts: the process's reading of the plan is older than the
 * plan (another instance saved it), and the plan is saved again each time the post is tried, until
 * `savesLeft` runs out. The lead never hears of it unless the plan keeps moving for every try.
 */
const editedMeanwhile = (savesLeft: number) => {
  let old: PlanSnapshot | null = null;
  const calls: string[] = [];
  const saveAgain = async (store: Store) => {
    const current = (await store.loadPlan(PLAN))!;
    const plan = structuredClone(current.plan) as Plan;
    plan.engagement.narrative = `Edited by the SRO, version ${current.version + 1}`;
    await store.savePlan(PLAN, current.version, plan, { actorId: 'sro', summary: 'Edited' });
  };
  const wrap = (store: Store): Store =>
    new Proxy(store, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        return async (...args: unknown[]) => {
          calls.push(prop);
          if (prop === 'knownPlan' && old) return old;
          if (prop === 'addUpdate' && savesLeft > 0) {
            savesLeft--;
            await saveAgain(target);
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return { wrap, calls, remember: async (store: Store) => void (old = await store.loadPlan(PLAN)) };
};

describe('a quarterly post while the plan is being edited elsewhere', () => {
  it.each([
    ['once, before the post', 1, ['knownPlan', 'addUpdate', 'loadPlan', 'addUpdate']],
    ['again after the plan was read afresh', 2, ['knownPlan', 'addUpdate', 'loadPlan', 'addUpdate', 'loadPlan', 'addUpdate']],
  ])('is posted when the plan moved on %s, each try reading the plan afresh', async (_when, saves, calls) => {
    const edits = editedMeanwhile(saves);
    const bot = await createBotHarness({ wrapStore: edits.wrap });
    try {
      await edits.remember(bot.store);
      edits.calls.length = 0;
      const card = cardText(await bot.executeCard(ANNIE, VERBS.updatePost, submission));
      expect(card).toContain('Posted: update 1 for Q3');
      expect(edits.calls.filter((c) => ['knownPlan', 'loadPlan', 'addUpdate'].includes(c))).toEqual(calls);
      expect((await bot.store.listUpdates({ planId: PLAN })).map((u) => u.narrative)).toEqual(['Recruitment on plan.']);
    } finally {
      await bot.close();
    }
  });

  it('says the plan changed, and keeps nothing, only when it moved on for every try', async () => {
    const edits = editedMeanwhile(10);
    const bot = await createBotHarness({ wrapStore: edits.wrap });
    try {
      await edits.remember(bot.store);
      const card = cardText(await bot.executeCard(ANNIE, VERBS.updatePost, submission));
      expect(card).not.toContain('Posted');
      expect(card).toMatch(/changed/i);
      expect(edits.calls.filter((c) => c === 'addUpdate')).toHaveLength(4);
      expect(await bot.store.listUpdates({ planId: PLAN })).toEqual([]);
    } finally {
      await bot.close();
    }
  });
});
