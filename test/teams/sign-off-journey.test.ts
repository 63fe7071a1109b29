import { checkCard } from '../support/adaptive-card.validate';
import { findButton as button } from '../support/card-inspect';
import { cardText, createBotHarness, PLAN_ID } from '../support/bot.harness';
import { ROLES, SIGNATORIES, signOffDriver } from '../support/sign-off.driver';

/** What users found when they used sign-off in a real client, one describe per finding. */
describe('sign-off journey', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let so: ReturnType<typeof signOffDriver>;
  beforeEach(async () => {
    bot = await createBotHarness();
    so = signOffDriver(bot);
    for (const id of Object.values(SIGNATORIES)) await bot.say(id, 'hello');
  });
  afterEach(async () => {
    await bot.close();
  });

  describe('status before any round', () => {
    it('lists the five statutory roles with who holds each, then the co-signers', async () => {
      const card = await so.status(SIGNATORIES['la-chief-executive']);
      expect(checkCard(card).problems).toEqual([]);
      const words = cardText(card);
      expect(words).toContain('No sign-off has been requested yet.');
      expect(words).toContain('Local Authority Chief Executive (CEO): Tanya Miles');
      expect(words).toContain('Integrated Care Board (ICB) Chief Executive: Simon Whitehouse');
      expect(words).toContain('Local Authority Chief Financial Officer (CFO/Section 151 Officer): Duncan Whitfield');
      expect(words).toMatch(/Co-signers\nNobody on the roster is a co-signer/);
      // A signatory cannot start a round.
      expect(button(card, 'Request sign-off')).toBeUndefined();
    });

    it('says which role no one holds, so the SRO fixes the roster before sending', async () => {
      await so.changeRoster((people) => [
        ...people.filter((p) => p.name !== 'Duncan Whitfield'),
        { id: 'demo-priya-patel', name: 'Priya Patel', email: 'priya.patel@shropshire.example', roles: [{ role: 'signatory', signatoryRole: 'co-signer' }] },
      ]);
      const card = await so.status();
      const words = cardText(card);
      expect(words).toMatch(/Local Authority Chief Financial Officer \(CFO\/Section 151 Officer\): no one on the roster\nMissing\n[^\n]*add them to the roster before sending/);
      expect(words).toMatch(/Co-signers\nPriya Patel/);
      expect(button(card, 'Request sign-off')).toBeDefined();
      // Sent anyway: the round still shows the role nobody could sign.
      await so.start();
      expect(cardText(await so.status())).toMatch(/Officer\): no one on the roster\nMissing\nNobody held this role when version 1 was sent/);
    });
  });

  describe('declining without a reason', () => {
    it('keeps the request card and its buttons, with the error beside the reason box, and Approve still works', async () => {
      await so.start();
      const refused = await so.decide('icb-place-director', 'Decline', '  ');
      expect(checkCard(refused).problems).toEqual([]);
      expect(cardText(refused)).toContain('Please sign off the Local SEND Reform Plan, version 1');
      for (const title of ['Approve', 'Decline', 'Ask a question']) expect(button(refused, title)).toBeDefined();
      const body = refused!.body as Record<string, unknown>[];
      const box = body.findIndex((b) => b.type === 'Input.Text' && b.id === 'text');
      expect(body[box + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention', text: expect.stringContaining('Please give a reason for declining') });
      const approved = await so.press(SIGNATORIES['icb-place-director'], refused, 'Approve');
      expect(cardText(approved)).toContain('You approved version 1');
    });

    it('refuses a reason over 2,000 characters on the same card, keeping nothing', async () => {
      await so.start();
      const long = 'x'.repeat(2001);
      const refused = await so.decide('icb-place-director', 'Decline', long);
      expect(cardText(refused)).toContain('That is too long: the most is 2,000 characters.');
      expect(button(refused, 'Decline')).toBeDefined();
      expect((await bot.services.signOff.latest())!.requests.find((r) => r.role === 'icb-place-director')!.state).toBe('pending');
    });
  });

  describe('the last signature', () => {
    it('announces completion to the SRO instead of asking who is still to sign', async () => {
      await so.start();
      for (const role of ROLES) await so.decide(role, 'Approve');
      const toSro = so.cardsTo(so.sro).map(cardText);
      const last = toSro[toSro.length - 1]!;
      expect(last).toContain('All five statutory signatories have signed version 1; the plan is signed off.');
      expect(last).toContain('Duncan Whitfield signed last');
      expect(last).not.toContain('still to sign');
      // Each earlier decision says who is still to sign; the last decision sends one card, not two.
      expect(toSro.filter((t) => t.includes('Duncan Whitfield has signed'))).toEqual([]);
      expect(toSro.filter((t) => t.includes('signed off by all five'))).toHaveLength(1);
      expect(toSro[toSro.length - 2]).toContain('Still to sign: Duncan Whitfield (Local Authority Chief Financial Officer');
    });
  });

  describe('reminders after a late first card, while Teams asks us to wait, and after a refusal (review)', () => {
    const DAY = 86_400_000;
    it('a first card that reached someone late is not followed by a reminder at the next tick', async () => {
      const fresh = await createBotHarness();
      try {
        const f = signOffDriver(fresh);
        await f.start();
        fresh.clock.advance(5 * DAY);
        await fresh.say(SIGNATORIES['icb-place-director'], 'hello');
        expect((await fresh.services.signOff.remind({ days: 3 })).sent).toEqual(['Vanessa Whatley']);
        fresh.clock.advance(60_000);
        expect((await fresh.services.signOff.remind({ days: 3 })).sent).toEqual([]);
        expect(f.cardsTo(SIGNATORIES['icb-place-director'])).toHaveLength(1);
        // Three days after that first card, the reminder is due.
        fresh.clock.advance(3 * DAY);
        expect((await fresh.services.signOff.remind({ days: 3 })).sent).toEqual(['Vanessa Whatley']);
        expect(cardText(f.cardsTo(SIGNATORIES['icb-place-director'])[1])).toContain('Reminder');
      } finally {
        await fresh.close();
      }
    });

    it('no one gets a second copy of a request the outbox is still delivering', async () => {
      bot.throttle(100);
      await so.start();
      const result = await bot.services.signOff.remind({ days: 3 });
      expect(result.sent).toEqual([]);
      expect(result.sending).toHaveLength(5);
      bot.throttle(0);
      await bot.services.outbox.dispatch();
      bot.clock.advance(10 * 60_000);
      await bot.services.outbox.dispatch();
      for (const role of ROLES) expect(so.cardsTo(SIGNATORIES[role]).filter((c) => cardText(c).includes('Please sign off'))).toHaveLength(1);
    });

    it('someone Teams refused is not tried again at every tick', async () => {
      bot.removeApp(SIGNATORIES['director-of-childrens-services']);
      await so.start();
      const tries = () => bot.services.signOff.remind({ days: 3 });
      expect((await tries()).unreachable).toEqual([]);
      bot.clock.advance(5 * 60_000);
      expect((await tries()).unreachable).toEqual([]);
      bot.clock.advance(3 * DAY);
      expect((await tries()).unreachable).toEqual(['David Shaw']);
    });
  });

  describe('a signatory the bot could never reach', () => {
    it('shows as not reachable, and their first card after Resend is a request, not a reminder', async () => {
      const fresh = await createBotHarness();
      try {
        const f = signOffDriver(fresh);
        await fresh.say(SIGNATORIES['la-chief-executive'], 'hello');
        await f.start();
        const status = await f.status();
        expect(cardText(status)).toMatch(/Integrated Care Board \(ICB\) Chief Executive: Simon Whitehouse\nNot reachable\n[^\n]*not reached: they are not a member of the partnership’s team in Teams and have never opened the bot/);
        expect(cardText(status)).not.toMatch(/Simon Whitehouse\nWaiting/);
        // Simon opens the bot; the SRO resends.
        await fresh.say(SIGNATORIES['icb-chief-executive'], 'hello');
        const resent = await f.press(f.sro, f.rowOf(status, 'Simon Whitehouse'), 'Resend');
        expect(cardText(resent)).toContain('Sent Simon Whitehouse their request to sign.');
        const first = f.cardsTo(SIGNATORIES['icb-chief-executive']).map(cardText);
        expect(first).toHaveLength(1);
        expect(first[0]).toContain('Please sign off the Local SEND Reform Plan, version 1');
        expect(first[0]).not.toContain('Reminder');
        expect(cardText(resent)).toMatch(/Simon Whitehouse\nWaiting\n[^\n]*reminders sent: 0/);
        // From then on, another card is a reminder.
        await f.press(f.sro, f.rowOf(resent, 'Simon Whitehouse'), 'Resend');
        const again = f.cardsTo(SIGNATORIES['icb-chief-executive']).map(cardText);
        expect(again[1]).toContain('Reminder: please sign off the Local SEND Reform Plan, version 1');
      } finally {
        await fresh.close();
      }
    });

    it('the periodic reminder delivers a first card as soon as they have opened the bot, as a request', async () => {
      const fresh = await createBotHarness();
      try {
        const f = signOffDriver(fresh);
        await f.start();
        await fresh.say(SIGNATORIES['icb-place-director'], 'hello');
        // Not three days yet: a reminder would wait, but a first delivery does not.
        const result = await fresh.services.signOff.remind({ days: 3 });
        expect(result.sent).toEqual(['Vanessa Whatley']);
        const cards = f.cardsTo(SIGNATORIES['icb-place-director']).map(cardText);
        expect(cards).toHaveLength(1);
        expect(cards[0]).toContain('Please sign off the Local SEND Reform Plan, version 1');
        expect(cardText(await f.status())).toMatch(/Vanessa Whatley\nWaiting\n[^\n]*reminders sent: 0/);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('a second round', () => {
    it('says which round it is and what changed since the last one: before and after for short fields, long ones named', async () => {
      await so.start();
      expect(cardText(so.requestCards().get('la-chief-executive'))).toContain('Round 1 for sign-off. This is the first version sent for sign-off.');
      await so.decide('icb-place-director', 'Decline', 'The SRO name is wrong, and the change story needs the ICB view.');
      const snapshot = (await bot.store.loadPlan(PLAN_ID))!;
      const longStory = `${'The partnership has changed how it works with families. '.repeat(8)}Now with the ICB view.`;
      await bot.services.store.savePlan(
        PLAN_ID,
        snapshot.version,
        { ...snapshot.plan, header: { ...snapshot.plan.header, sroName: 'Natasha Moody-Hale' }, executiveSummary: { changeStory: longStory } },
        { actorId: so.sro, summary: 'answering the decline' },
      );
      await so.start();
      const card = so.requestCards().get('la-chief-executive')!;
      expect(checkCard(card).problems).toEqual([]);
      const words = cardText(card);
      expect(words).toContain('Please sign off the Local SEND Reform Plan, version 2');
      expect(words).not.toContain('first version sent');
      expect(words).toContain('Round 2 for sign-off. Version 1 was sent in round 1 on 27 November 2026 and declined by Vanessa Whatley.');
      expect(words).toContain('Changed since round 1:');
      expect(words).toContain('Partnership and SRO: SRO name changed from “Natasha Moody” to “Natasha Moody-Hale”');
      expect(words).toContain('Executive summary: Change story changed (too long to show here: read the plan as sent)');
      expect(words).not.toContain('Now with the ICB view.');
      // The same words when the card refreshes for the signatory.
      const refresh = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
      const refreshed = await bot.executeCard(SIGNATORIES['la-chief-executive'], String(refresh.verb), refresh);
      expect(cardText(refreshed)).toContain('Round 2 for sign-off.');
      expect(cardText(refreshed)).toContain('Partnership and SRO: SRO name changed from “Natasha Moody” to “Natasha Moody-Hale”');
    });
  });
});
