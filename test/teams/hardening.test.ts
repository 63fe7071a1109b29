import type { Activity } from 'botbuilder';
import { requestKey } from '../../src/teams/bot.app';
import { VERBS } from '../../src/teams/verbs';
import { button, inputs } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

const { sro, lead } = PLAYGROUND_USERS;

describe('security review, medium and low findings (issue 10)', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  /** An Action.Execute with a chosen activity id (and conversation), as a retry or a collision would carry. */
  const executeAs = async (who: string, activityId: string | undefined, verb: string, data: Record<string, unknown>) => {
    const replies = await bot.send(who, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: activityId,
      value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
    } as Partial<Activity>);
    const response = replies.find((r) => r.type === 'invokeResponse');
    return (response?.value as { body: { value: Record<string, unknown> } } | undefined)?.body.value;
  };
  const riskAdd = (description: string) => ({ mode: 'add', 'f.description': description, 'f.scale': 'high-medium-low', 'f.impact': 'High', 'f.likelihood': 'Low' });

  describe('#6 idempotency keys are scoped to the person, conversation, activity and verb', () => {
    it('two people whose writes carry the same activity id both have them saved', async () => {
      await executeAs(sro, 'same-activity', VERBS.riskSave, riskAdd('Risk typed by the SRO'));
      const second = await executeAs(lead, 'same-activity', VERBS.riskSave, riskAdd('Risk typed by the lead'));
      expect(cardText(second)).toContain('Saved.');
      const risks = (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks.map((r) => r.description);
      expect(risks).toEqual(expect.arrayContaining(['Risk typed by the SRO', 'Risk typed by the lead']));
    });

    it('the same person retrying the same activity writes once and is told it is saved', async () => {
      await executeAs(sro, 'retried', VERBS.riskSave, riskAdd('Retried risk'));
      const before = (await bot.store.loadPlan(PLAN_ID))!.version;
      const again = await executeAs(sro, 'retried', VERBS.riskSave, riskAdd('Retried risk'));
      expect(cardText(again)).toContain('Saved.');
      const after = await bot.store.loadPlan(PLAN_ID);
      expect(after!.version).toBe(before);
      expect(after!.plan.risks.risks.filter((r) => r.description === 'Retried risk')).toHaveLength(1);
    });

    it('a retried section submit answers "already saved", not "someone else changed it"', async () => {
      const form = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'executiveSummary' });
      const submit = { ...inputs(form), 'f.changeStory': 'Our change story, submitted once.', ...button(form, 'Submit') };
      const first = await executeAs(sro, 'submit-once', VERBS.submit, submit);
      expect(cardText(first)).not.toMatch(/changed it first|someone else/i);
      const again = await executeAs(sro, 'submit-once', VERBS.submit, submit);
      expect(cardText(again)).not.toMatch(/changed it first|someone else|Someone else/);
      expect(cardText(again)).toMatch(/already saved/i);
    });

    it.each([
      ['no activity id', 'conv-1', undefined],
      ['an empty activity id', 'conv-1', ''],
      ['no conversation id', undefined, 'act-1'],
    ])('a write with %s is refused before anything is changed', (_what, conversation, activity) => {
      expect(() => requestKey(sro, conversation, activity, VERBS.riskSave)).toThrow(/I have not changed anything/);
    });

    it.each([
      ['another person', lead, 'chat-1', 'act-1', VERBS.riskSave],
      ['another conversation', sro, 'chat-2', 'act-1', VERBS.riskSave],
      ['another activity', sro, 'chat-1', 'act-2', VERBS.riskSave],
      ['another verb', sro, 'chat-1', 'act-1', VERBS.dependencySave],
    ])('%s gives another request key, of a fixed length', (_what, person, conversation, activity, verb) => {
      const mine = requestKey(sro, 'chat-1', 'act-1', VERBS.riskSave);
      expect(requestKey(sro, 'chat-1', 'act-1', VERBS.riskSave)).toBe(mine);
      expect(requestKey(person, conversation, activity, verb)).not.toBe(mine);
      expect(requestKey(person, conversation, activity, verb)).toHaveLength(mine.length);
    });
  });

  describe('#7 stale risk, dependency and requirement cards are refused, not written', () => {
    /** Open a form, returning a function that presses its save button with typed values. */
    const openForm = async (verb: string, data: Record<string, unknown>, saveTitle: string | RegExp) => {
      const form = await bot.executeCard(sro, verb, { verb, ...data });
      return (typed: Record<string, unknown>) => bot.executeCard(sro, String(button(form, saveTitle).verb), { ...inputs(form), ...typed, ...button(form, saveTitle) });
    };
    const CASES: [string, string, Record<string, unknown>, string | RegExp, Record<string, unknown>, Record<string, unknown>, () => Promise<unknown>][] = [
      ['re-scoring a risk', VERBS.riskForm, { mode: 'rescore', risk: 'risk-oaip' }, /Re-score/, { 'f.impact': 'Medium', 'f.likelihood': 'Medium' }, { 'f.impact': 'Low', 'f.likelihood': 'Low' }, async () => (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks.find((r) => r.id === 'risk-oaip')],
      ['changing a risk’s mitigation', VERBS.riskForm, { mode: 'change', risk: 'risk-oaip' }, /Change the mitigation/, { 'f.mitigation': 'First' }, { 'f.mitigation': 'Stale' }, async () => (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks.find((r) => r.id === 'risk-oaip')],
      ['closing a risk', VERBS.riskForm, { mode: 'close', risk: 'risk-oaip' }, /Close the risk/, { 'f.reason': 'First reason' }, { 'f.reason': 'Stale reason' }, async () => (await bot.store.loadPlan(PLAN_ID))!.plan.risks.risks.find((r) => r.id === 'risk-oaip')],
      ['changing a dependency', VERBS.dependencyForm, { mode: 'change', dependency: 'dep-nhs-reforms' }, /Change how it is managed/, { 'f.management': 'First' }, { 'f.management': 'Stale' }, async () => (await bot.store.loadPlan(PLAN_ID))!.plan.dependencies.items.find((d) => d.id === 'dep-nhs-reforms')],
      ['closing a dependency', VERBS.dependencyForm, { mode: 'close', dependency: 'dep-nhs-reforms' }, /Close the dependency/, { 'f.reason': 'First reason' }, { 'f.reason': 'Stale reason' }, async () => (await bot.store.loadPlan(PLAN_ID))!.plan.dependencies.items.find((d) => d.id === 'dep-nhs-reforms')],
      ['assessing a requirement', VERBS.requirementForm, { requirement: 'eah-1' }, 'Save', { status: 'met', note: 'First' }, { status: 'not-met', note: 'Stale' }, async () => (await bot.store.loadPlan(PLAN_ID))!.plan.requirements.find((r) => r.id === 'eah-1')],
    ];

    it.each(CASES)('%s from a card opened before someone else changed it answers with the conflict notice and keeps their change', async (_what, verb, data, title, first, stale, read) => {
      const staleSave = await openForm(verb, data, title);
      const freshSave = await openForm(verb, data, title);
      await freshSave(first);
      const kept = await read();
      const versionBefore = (await bot.store.loadPlan(PLAN_ID))!.version;
      const answer = await staleSave(stale);
      expect(cardText(answer)).toContain('Someone else changed');
      expect(await read()).toEqual(kept);
      expect((await bot.store.loadPlan(PLAN_ID))!.version).toBe(versionBefore);
    });

    it.each(CASES)('%s from a card opened before an unrelated change is saved', async (_what, verb, data, title, first, _stale, read) => {
      const save = await openForm(verb, data, title);
      await bot.executeCard(sro, VERBS.riskSave, { verb: VERBS.riskSave, ...riskAdd('An unrelated new risk') });
      const before = await read();
      await save(first);
      expect(await read()).not.toEqual(before);
    });
  });

  describe('#14 impossible dates are refused beside the field', () => {
    /** The error sits between the date input and the next input. */
    const besideField = (card: unknown, field: string, next: string, error: RegExp) => {
      const json = JSON.stringify(card);
      const at = json.indexOf(`"id":"${field}"`);
      const found = json.slice(at).search(error);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(found).toBeGreaterThan(0);
      expect(at + found).toBeLessThan(json.indexOf(`"id":"${next}"`));
    };

    it.each(['2027-02-30', '2026-04-31', '2026-13-01'])('an assignment due on %s is refused, kept as typed, with the error beside "Due by"', async (dueDate) => {
      const card = await bot.executeCard(sro, VERBS.assign, { verb: VERBS.assign, section: 'monitoring', assignee: lead, dueDate, note: 'Please' });
      expect(cardText(card)).toContain('is not a date');
      expect(inputs(card).dueDate).toBe(dueDate);
      besideField(card, 'dueDate', 'note', /There is no such date/);
      expect(await bot.store.listAssignments({ planId: PLAN_ID, section: 'monitoring', status: 'open' })).toEqual([]);
    });

    it.each(['2027-02-30', '2027-02-29'])('feedback answered as planned for %s is refused with the error beside "Planned for"', async (plannedFor) => {
      await bot.executeCard(PLAYGROUND_USERS.pcf, VERBS.feedbackSubmit, { verb: VERBS.feedbackSubmit, 'f.theme': 'other', 'f.said': 'Hello', 'f.publish': 'no', 'f.anonymous': 'no' });
      const item = (await bot.store.listFeedback(PLAN_ID))[0]!;
      const card = await bot.executeCard(sro, VERBS.feedbackAnswer, { verb: VERBS.feedbackAnswer, item: item.id, 'f.kind': 'planned', 'f.text': 'Soon', 'f.plannedFor': plannedFor });
      besideField(card, 'f.plannedFor', 'f.close', /There is no such date/);
      expect((await bot.store.loadFeedback(item.id))?.status).toBe('new');
    });
  });

  describe('#15 one open sign-off round per plan version', () => {
    it('double-clicking "Send for sign-off" (two activity ids) leaves one open round, and the second click shows it', async () => {
      const form = cardOf((await bot.say(sro, 'sign-off'))[0]);
      const first = await bot.executeCard(sro, VERBS.signoffSend, { ...button(form, 'Send for sign-off') });
      const second = await bot.executeCard(sro, VERBS.signoffSend, { ...button(form, 'Send for sign-off') });
      const rounds = await bot.store.listRounds(PLAN_ID);
      expect(rounds.filter((r) => r.status === 'open')).toHaveLength(1);
      expect(rounds).toHaveLength(1);
      expect(cardText(second)).toContain(`version ${rounds[0]!.planVersion}`);
      expect(first).toBeDefined();
    });
  });
});
