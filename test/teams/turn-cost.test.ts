import type { Store } from '../../src/app/ports';
import { VERBS } from '../../src/teams/verbs';
import { cardOf, cardText, createBotHarness } from '../support/bot.harness';
import { callsTold } from '../support/store-calls';

const ANNIE = '00000000-0000-0000-0000-0000000000025'; // leads workstream 3

/** Every store call the bot makes, by method name. Counted, never timed. */
const counting = () => {
  const calls = new Map<string, number>();
  const wrap = (store: Store): Store => callsTold(store, (method) => calls.set(method, (calls.get(method) ?? 0) + 1));
  const take = () => {
    const out = Object.fromEntries([...calls].sort(([a], [b]) => a.localeCompare(b)));
    calls.clear();
    return out;
  };
  return { wrap, take };
};

const submission = (i: number) => ({ verb: VERBS.updatePost, workstream: 'ws-3', quarter: '2026-Q3', 'status.ws-3-q3-m1': i % 2 ? 'on-track' : 'at-risk', narrative: `Update ${i}` });

describe('the cost of a turn does not grow with history', () => {
  it('a submission reads the plan once, and makes no more store calls with 300 updates stored than with none', async () => {
    const count = counting();
    const bot = await createBotHarness({ wrapStore: count.wrap });
    try {
      const submit = async (i: number) => {
        count.take();
        const text = cardText(await bot.executeCard(ANNIE, VERBS.updatePost, submission(i)));
        return { text, calls: count.take() };
      };
      const first = await submit(1);
      expect(first.text).toContain('Posted: update 1 for Q3');
      const planVersion = (await bot.store.loadPlan('shropshire-2026-27'))!.version;
      for (let i = 0; i < 300; i++) {
        await bot.store.addUpdate('shropshire-2026-27', { workstreamId: 'ws-3', quarter: i % 2 ? '2026-Q3' : '2026-Q4', milestones: [], actual: null, narrative: `Stored ${i}`, blockers: null, supportNeeded: null }, { id: `stored-${i}`, authorId: ANNIE, planVersion }, { actorId: ANNIE, summary: 'stored' });
      }
      const later = await submit(2);
      expect(later.text).toContain('Posted: update 152 for Q3');
      // The first post of a quarter reads the most (the latest post of any quarter, and each
      // milestone's last report); later ones read the same kinds of thing, never more of them.
      expect(Object.keys(later.calls)).toEqual(Object.keys(first.calls));
      for (const [call, n] of Object.entries(later.calls)) expect({ call, atMostFirst: n <= first.calls[call]! }).toEqual({ call, atMostFirst: true });
      expect(later.calls.knownPlan).toBe(1);
      expect(later.calls.loadPlan).toBeUndefined();
      expect(later.calls.listUpdates).toBeUndefined();
      // What the form shows is still the latest post that reported on the milestone.
      expect(later.text).toContain('Update 2');
    } finally {
      await bot.close();
    }
  });

  it('a submission reads no earlier post unless it carries a milestone’s last report forward', async () => {
    const count = counting();
    const bot = await createBotHarness({ wrapStore: count.wrap });
    try {
      count.take();
      expect(cardText(await bot.executeCard(ANNIE, VERBS.updatePost, submission(1)))).toContain('Posted: update 1 for Q3');
      expect(count.take()).toEqual({ addUpdate: 1, knownPlan: 1, rememberConversation: 1 });
      const carried = cardText(await bot.executeCard(ANNIE, VERBS.updatePost, { ...submission(2), 'same.ws-3-q3-m1': 'true' }));
      expect(carried).toContain('Posted: update 2 for Q3');
      expect(count.take().latestUpdate).toBeGreaterThan(0);
      // What was carried forward is the first post's report.
      expect(carried).toContain('Last reported: On track (Green)');
    } finally {
      await bot.close();
    }
  });

  it('a turn reads who is writing once, with their chat, and keeps the chat again only when it changed', async () => {
    const count = counting();
    const bot = await createBotHarness({ wrapStore: count.wrap });
    try {
      await bot.say(ANNIE, 'help');
      const kept = await bot.store.loadConversation(ANNIE);
      expect(kept).toMatchObject({ conversation: { id: `chat-${ANNIE}` } });
      count.take();
      await bot.say(ANNIE, 'help');
      const calls = count.take();
      expect({ rememberConversation: calls.rememberConversation, findPerson: calls.findPerson, saveConversation: calls.saveConversation }).toEqual({ rememberConversation: 1, findPerson: undefined, saveConversation: undefined });
      // Not which message they last sent: the same chat is the same reference, and is not written again (test/storage/conversations.test.ts).
      expect(await bot.store.loadConversation(ANNIE)).toEqual(kept);
      await bot.send(ANNIE, { type: 'message', text: 'help', serviceUrl: 'https://smba.example/emea/' });
      expect(await bot.store.loadConversation(ANNIE)).toEqual({ ...(kept as object), serviceUrl: 'https://smba.example/emea/' });
    } finally {
      await bot.close();
    }
  });

  it('help, and a form opened by typing, read the plan once a turn', async () => {
    const count = counting();
    const bot = await createBotHarness({ wrapStore: count.wrap });
    try {
      count.take();
      expect(cardOf((await bot.say(ANNIE, 'help'))[0])).toBeDefined();
      expect(count.take().loadPlan).toBe(1);
      expect(cardText(cardOf((await bot.say(ANNIE, 'update'))[0]))).toContain('Q3 (Oct–Dec 2026) update: Workstream 3');
      expect(count.take().loadPlan).toBe(1);
    } finally {
      await bot.close();
    }
  });

  it('a plan change in a turn is read back from the store, not from what the turn read before it', async () => {
    const count = counting();
    const bot = await createBotHarness({ wrapStore: count.wrap });
    const SRO = '00000000-0000-0000-0000-0000000000020';
    try {
      const before = (await bot.store.loadPlan('shropshire-2026-27'))!;
      const risk = before.plan.risks.risks[0]!;
      count.take();
      expect(cardText(await bot.executeCard(SRO, VERBS.risks, { verb: VERBS.risks }))).toContain('Nothing closed yet.');
      count.take();
      const card = cardText(await bot.executeCard(SRO, VERBS.riskSave, { verb: VERBS.riskSave, mode: 'close', risk: risk.id, baseVersion: before.version, 'f.reason': 'Mitigated in full.' }));
      expect((await bot.store.loadPlan('shropshire-2026-27'))!.version).toBe(before.version + 1);
      // The register after the change shows it closed: read after the write, not from the turn's first read.
      expect(card).toContain('Saved.');
      expect(card).not.toContain('Nothing closed yet.');
      expect(count.take().loadPlan).toBe(2);
    } finally {
      await bot.close();
    }
  });
});
