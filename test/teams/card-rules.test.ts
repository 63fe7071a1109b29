import { SqliteStore } from '../../src/storage/sql/sql.store';
import { CARD_ACTIONS } from '../../src/teams/actions';
import { STORE_CALLS } from '../../src/teams/store-calls';
import { VERBS } from '../../src/teams/verbs';
import { cardText, createBotHarness, PLAN_ID } from '../support/bot.harness';
import { ManualClock } from '../support/memory.clock';

describe('the rules every card follows', () => {
  it('every verb has exactly one handler, filed under its own verb', () => {
    expect(CARD_ACTIONS.map((a) => a.verb).sort()).toEqual(Object.values(VERBS).sort());
  });

  it('every store method is classified as a read or a kind of write, and nothing else is', async () => {
    const store = await SqliteStore.open(':memory:', new ManualClock());
    const methods = Object.keys(store).filter((m) => typeof (store as unknown as Record<string, unknown>)[m] === 'function');
    expect(Object.keys(STORE_CALLS).sort()).toEqual(methods.sort());
    return store.close();
  });

  describe('a requirement assessment names the version its card showed', () => {
    let bot: Awaited<ReturnType<typeof createBotHarness>>;
    beforeEach(async () => {
      bot = await createBotHarness();
    });
    afterEach(() => bot.close());
    const SRO = '00000000-0000-0000-0000-0000000000020';
    const version = async () => (await bot.store.loadPlan(PLAN_ID))!.version;

    it.each([
      ['with no version at all (an old or forged card)', {}],
      ['with a version that is not a number', { baseVersion: 'latest' }],
    ])('refused %s, and nothing is written', async (_what, data) => {
      const before = await version();
      const card = await bot.executeCard(SRO, VERBS.requirementSave, { verb: VERBS.requirementSave, requirement: 'eah-1', status: 'met', addressedIn: 'visionAndGoals', ...data });
      expect(cardText(card)).toContain('did not recognise');
      expect(await version()).toBe(before);
    });

    it('refused from a card opened before someone else assessed the same requirement', async () => {
      const opened = await version();
      await bot.executeCard(SRO, VERBS.requirementSave, { verb: VERBS.requirementSave, requirement: 'eah-1', baseVersion: opened, status: 'met', addressedIn: 'visionAndGoals', note: 'first' });
      const stale = await bot.executeCard(SRO, VERBS.requirementSave, { verb: VERBS.requirementSave, requirement: 'eah-1', baseVersion: opened, status: 'partly-met', addressedIn: 'visionAndGoals', note: 'stale' });
      expect(cardText(stale)).toContain('Someone else changed');
      expect((await bot.store.loadPlan(PLAN_ID))!.plan.requirements.find((r) => r.id === 'eah-1')?.note).toBe('first');
    });
  });
});
