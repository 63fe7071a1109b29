import { ReachService } from '../../src/app/reach.service';
import type { Activity, ConversationReference } from 'botbuilder';
import type { Notification, Store } from '../../src/app/ports';
import { SectionEditingService } from '../../src/app/section-editing.service';
import { SECTION_FORMS } from '../../src/app/questionnaire/section-forms';
import { isDomainError } from '../../src/domain/errors';
import type { Person } from '../../src/domain/people.schema';
import type { Plan, SectionKey } from '../../src/domain/plan.schema';
import { CardTooLargeError, MAX_CARD_BYTES } from '../../src/teams/cards';
import { TeamsNotifier } from '../../src/teams/notifier';
import { VERBS } from '../../src/teams/verbs';
import * as progressView from '../../src/teams/views/progress.view';
import { checkCard } from '../support/adaptive-card.validate';
import { findButton } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';
import { ManualClock } from '../support/memory.clock';

const { sro, lead: SARAH, pcf: SAM } = PLAYGROUND_USERS;
const JESS = '00000000-0000-0000-0000-0000000000024'; // leads ws-2
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
const longText = (n: number, word = 'planning') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

describe('security review, high findings (issue 10)', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await bot.close();
  });

  // A change names the version its card was opened at, as the register's own forms do.
  const version = async () => (await bot.store.loadPlan(PLAN_ID))!.version;
  const riskSave = async (who: string, mode: string, risk: string | undefined, fields: Record<string, string>) =>
    bot.executeCard(who, VERBS.riskSave, { verb: VERBS.riskSave, mode, ...(risk ? { risk, baseVersion: await version() } : {}), ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`f.${k}`, v])) });
  const latest = async () => (await bot.store.loadPlan(PLAN_ID))!;
  const person = async (id: string): Promise<Person> => (await bot.store.findPerson(id))!;

  describe('#1 cards stay under the Teams size limit, and a saved write is never reported as failed', () => {
    it('150 risks added through risk.save each answer a real card under 28 KB, and the register pages', async () => {
      for (let i = 0; i < 150; i++) {
        const card = await riskSave(sro, 'add', undefined, { description: `Risk ${i}: ${longText(40)}`, scale: 'high-medium-low', impact: 'High', likelihood: 'Low', mitigation: longText(200), headline: 'no' });
        expect(cardText(card)).toContain('Saved.');
        expect(cardText(card)).toContain('Risk register and dependencies');
        expect(bytes(card)).toBeLessThan(MAX_CARD_BYTES);
      }
      expect((await latest()).plan.risks.risks).toHaveLength(155);
      const first = cardOf((await bot.say(sro, 'risks'))[0])!;
      expect(checkCard(first).problems).toEqual([]);
      const more = findButton(first, 'More (2 of 11)');
      expect(more).toBeDefined();
      const second = await bot.executeCard(sro, VERBS.risks, { ...more });
      expect(cardText(second)).toContain('Previous');
      expect(bytes(second)).toBeLessThan(MAX_CARD_BYTES);
    }, 120_000);

    it('a section holding 10,000 emoji opens, read-only and shortened, under 28 KB', async () => {
      const snapshot = await latest();
      const plan: Plan = structuredClone(snapshot.plan);
      plan.executiveSummary.changeStory = '😀'.repeat(10_000);
      await bot.store.savePlan(PLAN_ID, snapshot.version, plan, { actorId: sro, summary: 'a very long change story', requestId: 'emoji' });
      const card = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'executiveSummary' });
      expect(cardText(card)).not.toMatch(/not completed/);
      expect(cardText(card)).toContain('more text than a Teams card can carry');
      expect(JSON.stringify(card)).toContain('😀…');
      expect(bytes(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(checkCard(card).problems).toEqual([]);
      // Nothing was cut in the plan itself.
      expect((await latest()).plan.executiveSummary.changeStory).toBe('😀'.repeat(10_000));
    });

    it('a risk with 30 long versions shows its history a page at a time', async () => {
      for (let i = 0; i < 30; i++) await riskSave(sro, 'change', 'risk-oaip', { mitigation: `Version ${i}. ${longText(250)}`, residualRag: i % 2 ? 'Green' : 'Amber' });
      const history = await bot.executeCard(sro, VERBS.changeHistory, { verb: VERBS.changeHistory, kind: 'risk', id: 'risk-oaip' });
      expect(cardText(history)).not.toMatch(/not completed/);
      expect(bytes(history)).toBeLessThan(MAX_CARD_BYTES);
      const more = findButton(history, 'More (2 of 4)');
      expect(more).toBeDefined();
      const next = await bot.executeCard(sro, VERBS.changeHistory, { ...more });
      expect(cardText(next)).toMatch(/9–16 of 31/);
      expect(bytes(next)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('"you said we did" with 30 long items pages', async () => {
      for (let i = 0; i < 30; i++) {
        const done = await bot.executeCard(SAM, VERBS.feedbackSubmit, { verb: VERBS.feedbackSubmit, 'f.theme': 'ehcp-timeliness', 'f.publish': 'yes', 'f.said': `Item ${i}. ${'Families told us 👨‍👩‍👧 '.repeat(80)}`.slice(0, 1990) });
        expect(cardText(done)).toContain('Thank you');
      }
      const list = cardOf((await bot.say(sro, 'you said we did'))[0])!;
      expect(bytes(list)).toBeLessThan(MAX_CARD_BYTES);
      expect(checkCard(list).problems).toEqual([]);
      const more = findButton(list, 'More (2 of 3)');
      expect(more).toBeDefined();
      const next = await bot.executeCard(sro, VERBS.feedbackList, { ...more });
      expect(cardText(next)).toContain('Item 19.');
      expect(bytes(next)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('a write that committed but whose answer cannot be rendered answers "Saved", not "not completed"', async () => {
      jest.spyOn(progressView, 'riskRegisterCard').mockImplementation(() => {
        throw new CardTooLargeError('list', 41_000);
      });
      const card = await riskSave(sro, 'add', undefined, { description: 'Saved despite the card', scale: 'high-medium-low', impact: 'Low', likelihood: 'Low', headline: 'no' });
      expect(cardText(card)).toMatch(/^Saved/);
      expect(cardText(card)).not.toMatch(/not completed/);
      expect((await latest()).plan.risks.risks.some((r) => r.description === 'Saved despite the card')).toBe(true);
    });

    it('a read whose card cannot be rendered still says so, and never claims a save', async () => {
      jest.spyOn(progressView, 'riskRegisterCard').mockImplementation(() => {
        throw new CardTooLargeError('list', 41_000);
      });
      const card = await bot.executeCard(sro, VERBS.risks, { verb: VERBS.risks });
      expect(cardText(card)).not.toMatch(/^Saved/);
    });
  });

  describe('#3 one unreachable recipient does not break the request', () => {
    const SIGNATORIES = [PLAYGROUND_USERS.signatory, 'demo-simon-whitehouse', 'demo-david-shaw', 'demo-vanessa-whatley', 'demo-duncan-whitfield'];

    it('send-for-sign-off with one signatory who removed the app: the others are sent, the SRO is told who was not', async () => {
      for (const id of SIGNATORIES) await bot.say(id, 'hello');
      bot.removeApp('demo-simon-whitehouse');
      bot.failNext('demo-david-shaw', 2); // Teams answers 502 twice, then delivers
      const form = cardOf((await bot.say(sro, 'sign-off'))[0]);
      const sent = await bot.executeCard(sro, VERBS.signoffSend, { ...findButton(form, 'Send for sign-off') });
      const words = cardText(sent);
      expect(words).not.toMatch(/not completed/);
      expect(words).toContain('Simon Whitehouse');
      const reached = bot.proactive.map((p) => p.conversationId);
      expect(reached).toEqual(expect.arrayContaining(['chat-demo-david-shaw', 'chat-demo-vanessa-whatley', 'chat-demo-duncan-whitfield', `chat-${PLAYGROUND_USERS.signatory}`]));
      expect(reached).not.toContain('chat-demo-simon-whitehouse');
    });

    it('assigning a section to someone who removed the app is saved and says they could not be reached', async () => {
      await bot.say('demo-louisa-jones', 'hello');
      bot.removeApp('demo-louisa-jones');
      const done = await bot.executeCard(sro, VERBS.assign, { verb: VERBS.assign, section: 'risks', assignee: 'demo-louisa-jones', dueDate: '2026-12-18' });
      expect(cardText(done)).toContain('is assigned to Louisa Jones');
      expect(cardText(done)).toMatch(/would not deliver my message to Louisa Jones/);
      expect(await bot.store.listAssignments({ planId: PLAN_ID, assigneeId: 'demo-louisa-jones', status: 'open' })).not.toHaveLength(0);
    });

    it.each([
      ['403 (the app was removed)', [403], 'blocked', 1],
      ['404 (no such conversation)', [404], 'unreachable', 1],
      ['429 then success', [429], 'sent', 2],
      ['502, 503 then success', [502, 503], 'sent', 3],
      ['500 on every attempt', [500, 500, 500, 500, 500], 'unreachable', 4],
      ['a network failure then success', [0], 'sent', 2],
    ])('the notifier, when Teams answers %s, never throws, retries only 429 / 5xx with backoff, and reports the outcome', async (_what, failures, outcome, attempts) => {
      const queue = [...failures];
      let tries = 0;
      const waits: number[] = [];
      const store = { loadConversationRecord: async () => ({ reference: { conversation: { id: 'chat-x' }, user: { id: 'user-x' } }, removedAt: null }) } as unknown as Store;
      const send = async (_ref: Partial<ConversationReference>, _activity: Partial<Activity>) => {
        tries++;
        const status = queue.shift();
        if (status === undefined) return;
        throw status ? Object.assign(new Error(`HTTP ${status}`), { statusCode: status }) : new Error('socket hang up');
      };
      const notifier = new TeamsNotifier(new ReachService(store, null, new ManualClock()), send, new ManualClock(), 'http://localhost', { attempts: 4, baseDelayMs: 10, maxDelayMs: 40, sleep: async (ms) => void waits.push(ms) });
      const notification = { kind: 'signoff-complete', round: { planVersion: 1, planHash: 'a'.repeat(64) } } as unknown as Notification;
      await expect(notifier.notify('someone', notification)).resolves.toBe(outcome);
      expect(tries).toBe(attempts);
      expect(waits).toEqual([10, 20, 40].slice(0, Math.max(0, attempts - 1)));
    });
  });

  describe('#4 proactive cards go only to a personal conversation', () => {
    it.each([['channel'], ['groupChat']])('writing in a %s saves no conversation reference', async (conversationType) => {
      await bot.send(SARAH, { type: 'message', text: 'help', conversation: { id: `shared-${conversationType}`, conversationType } as never });
      expect(await bot.store.loadConversation(SARAH)).toBeNull();
    });

    it('a feedback answer goes to the 1:1 chat, not the channel the person last wrote in', async () => {
      await bot.say(SAM, 'hello');
      await bot.send(SAM, { type: 'message', text: 'help', conversation: { id: 'team-channel', conversationType: 'channel' } as never });
      await bot.notifier.notify(SAM, { kind: 'signoff-complete', round: { planVersion: 1, planHash: 'a'.repeat(64) } } as unknown as Notification);
      expect(bot.proactive.map((p) => p.conversationId)).toEqual([`chat-${SAM}`]);
    });

    it('someone who has only written in a channel is reported unreachable when a section is assigned to them', async () => {
      await bot.send('demo-louisa-jones', { type: 'message', text: 'help', conversation: { id: 'team-channel', conversationType: 'channel' } as never });
      const done = await bot.executeCard(sro, VERBS.assign, { verb: VERBS.assign, section: 'risks', assignee: 'demo-louisa-jones', dueDate: '2026-12-18' });
      expect(cardText(done)).toContain('Teams would not deliver my message to Louisa Jones: they are not a member of the partnership’s team in Teams and have never opened the bot');
      expect(bot.proactive).toHaveLength(0);
    });
  });

  describe('#5 leads change only their own workstreams, risks and dependencies', () => {
    const editing = () => new SectionEditingService(bot.store, PLAN_ID);
    const stepOf = (section: SectionKey, path: string) => SECTION_FORMS[section].steps.findIndex((s) => s.table?.path === path);
    const forbidden = async (work: Promise<unknown>) => {
      try {
        await work;
        return false;
      } catch (error) {
        return isDomainError(error, 'AUTH.FORBIDDEN');
      }
    };
    const rowValues = (row: Record<string, unknown>) => ({ 'f.code': row.code, 'f.name': row.name, 'f.outcome': 'Changed outcome.' });

    it.each([
      ['the lead of ws-1 removes ws-2 is refused', SARAH, 'remove', 'ws-2', {}, true],
      ['the lead of ws-1 removes their own ws-1 is refused', SARAH, 'remove', 'ws-1', {}, true],
      ['the lead of ws-1 changes ws-2 is refused', SARAH, 'save', 'ws-2', {}, true],
      ['the lead of ws-1 renames ws-1 is refused', SARAH, 'save', 'ws-1', { 'f.name': 'A new name' }, true],
      ['the lead of ws-1 changes ws-1 is allowed', SARAH, 'save', 'ws-1', {}, false],
      ['the lead of ws-2 changes ws-2 is allowed', JESS, 'save', 'ws-2', {}, false],
      ['the SRO removes ws-2 is allowed', sro, 'remove', 'ws-2', {}, false],
      ['the SRO renames ws-1 is allowed', sro, 'save', 'ws-1', { 'f.name': 'A new name' }, false],
    ])('Q6 rule: %s', async (_what, who, op, rowId, extra, refused) => {
      const p = await person(who);
      const at = { section: 'deliveryPlan' as const, step: stepOf('deliveryPlan', 'workstreams'), baseVersion: (await latest()).version };
      const row = (await latest()).plan.deliveryPlan.workstreams.find((w) => w.id === rowId)! as unknown as Record<string, unknown>;
      const opened = await editing().openRow(p, at, rowId);
      const values = { ...Object.fromEntries(((opened as { fields?: { spec: { path: string }; value: string }[] }).fields ?? []).map((f) => [`f.${f.spec.path}`, f.value])), ...rowValues(row), ...extra };
      const work = op === 'remove' ? editing().removeRow(p, at, rowId) : editing().saveRow(p, at, rowId, false, values);
      expect(await forbidden(work)).toBe(refused);
    });

    it('a draft that removes another lead\'s workstream cannot be submitted either', async () => {
      const p = await person(SARAH);
      const snapshot = await latest();
      await bot.store.saveDraft({
        personId: SARAH,
        planId: PLAN_ID,
        section: 'deliveryPlan',
        baseVersion: snapshot.version,
        step: 0,
        content: { ...snapshot.plan.deliveryPlan, workstreams: snapshot.plan.deliveryPlan.workstreams.filter((w) => w.id !== 'ws-2') },
      });
      expect(await forbidden(editing().submit(p, { section: 'deliveryPlan', step: 0, baseVersion: snapshot.version }, {}, 'submit-without-ws-2'))).toBe(true);
      expect((await latest()).plan.deliveryPlan.workstreams.some((w) => w.id === 'ws-2')).toBe(true);
    });

    it.each([
      ['a lead closes a risk with no owner (the SRO’s) is refused', SARAH, 'close', 'risk-engagement-reach', true],
      ['a lead re-scores a risk with no owner (the SRO’s) is refused', SARAH, 'rescore', 'risk-engagement-reach', true],
      ['a lead closes a risk of a workstream they do not lead is refused', SARAH, 'close', 'risk-ehcp-timeliness', true],
      ['a lead re-scores a risk of a workstream they lead is allowed', SARAH, 'rescore', 'risk-oaip', false],
      ['the SRO closes a risk with no owner is allowed', sro, 'close', 'risk-engagement-reach', false],
      ['a lead closes a risk they added is allowed', SARAH, 'close', 'own', false],
      ['another lead closes it is refused', JESS, 'close', 'own', true],
      ['another lead re-scores it is refused', JESS, 'rescore', 'own', true],
      ['the SRO re-scores it is allowed', sro, 'rescore', 'own', false],
    ])('risk rule: %s', async (_what, who, mode, target, refused) => {
      let riskId = target;
      if (target === 'own') {
        await riskSave(SARAH, 'add', undefined, { description: 'Sarah’s workstream risk', scale: 'high-medium-low', impact: 'Low', likelihood: 'Low', headline: 'no' });
        const risk = (await latest()).plan.risks.risks.find((r) => r.description === 'Sarah’s workstream risk')!;
        // Sarah leads two workstreams, so a risk she adds is hers by name.
        expect(risk.owner).toEqual({ kind: 'person', id: SARAH });
        riskId = risk.id;
      }
      const before = (await latest()).plan.risks.risks.find((r) => r.id === riskId)!;
      const card = await riskSave(who, mode, riskId, { reason: 'Done.', impact: 'Medium', likelihood: 'Medium' });
      const after = (await latest()).plan.risks.risks.find((r) => r.id === riskId)!;
      expect(after === undefined || JSON.stringify(after) === JSON.stringify(before)).toBe(refused);
      if (refused) expect(cardText(card)).toContain("Only the risk's owner or the SRO");
    });

    it.each([
      ['a lead closing one with no owner is refused', SARAH, true],
      ['the SRO closing one with no owner is allowed', sro, false],
    ])('dependency rule: %s', async (_what, who, refused) => {
      await bot.executeCard(who, VERBS.dependencySave, { verb: VERBS.dependencySave, mode: 'close', dependency: 'dep-best-start', baseVersion: await version(), 'f.reason': 'Family Hubs routes live.' });
      const dep = (await latest()).plan.dependencies.items.find((d) => d.id === 'dep-best-start')!;
      expect(dep.status === 'open').toBe(refused);
    });
  });
});
