import { checkCard } from '../support/adaptive-card.validate';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';
import { VERBS } from '../../src/teams/verbs';

describe('chatting with the bot', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(async () => {
    await bot.close();
  });

  const onlyCard = (replies: Awaited<ReturnType<typeof bot.say>>) => {
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(card).toBeDefined();
    expect(checkCard(card).problems).toEqual([]);
    return card!;
  };

  it.each([
    ['Natasha Moody', PLAYGROUND_USERS.sro, 'Senior Responsible Officer', /you own the plan record/],
    ['Sarah Court', PLAYGROUND_USERS.lead, 'Workstream lead', /Workstream 1a: Experts at Hand Offer \(EAHO\) – Year 1 implementation and Workstream 1: Inclusive Practice/],
    ['Tanya Miles', PLAYGROUND_USERS.signatory, 'Signatory', /sign the plan off as Local Authority Chief Executive \(CEO\)/],
    ['Sam Taylor', PLAYGROUND_USERS.pcf, 'Parent Carer Forum representative', /Parent Carer Forum's voice/],
  ])('help tells %s what the bot does for their roles', async (name, id, role, note) => {
    const text = cardText(onlyCard(await bot.say(id, 'help')));
    expect(text).toContain(`Hello ${name}`);
    expect(text).toContain(role);
    expect(text).toMatch(note);
    expect(text).toContain('status');
  });

  it.each(['Help', '  help!', 'what can you do?'])('understands "%s" as help', async (text) => {
    expect(cardText(onlyCard(await bot.say(PLAYGROUND_USERS.sro, text)))).toContain('What you can type');
  });

  it('answers "Hi" with a greeting and what this person can try', async () => {
    const text = cardText(onlyCard(await bot.say(PLAYGROUND_USERS.sro, 'Hi')));
    expect(text).toMatch(/^Hello Natasha/);
    expect(text).toContain('Or try one of these:');
  });

  it('status shows every section in Annex A order with its state and counts', async () => {
    const text = cardText(onlyCard(await bot.say(PLAYGROUND_USERS.sro, 'status')));
    expect(text).toContain('Local SEND Reform Plan 2026-27: Shropshire');
    expect(text).toContain('Version 1, last changed 27 November 2026 by the assistant');
    const order = ['Partnership and SRO', 'Signatories', 'Executive summary', 'Q1 Vision and goals', 'Q6 First-year delivery plan', 'Q14 Governance', 'Q15 Central government support', 'Supporting documents'];
    const positions = order.map((label) => text.indexOf(label));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/\d+ complete\n\d+ incomplete\n\d+ missing/);
    expect(text).toContain('Q4 Maturity assessment\nMissing\n0 of 1');
    expect(text).toContain('Still needed: Local Authority Chief Executive (CEO): email');
  });

  it('status reflects a change made to the plan', async () => {
    const before = await bot.store.loadPlan(PLAN_ID);
    const plan = structuredClone(before!.plan);
    plan.maturityAssessment.documents[0]!.title = 'Shropshire maturity assessment.xlsx';
    await bot.store.savePlan(PLAN_ID, before!.version, plan, { actorId: PLAYGROUND_USERS.sro, summary: 'Uploaded the maturity assessment' });
    const text = cardText(onlyCard(await bot.say(PLAYGROUND_USERS.sro, 'status')));
    expect(text).toContain('Version 2, last changed 27 November 2026 by Natasha Moody');
    expect(text).toContain('Q4 Maturity assessment\nComplete\n1 of 1');
  });

  it("someone not on the roster is told to ask their council's SEND team, and sees nothing of the plan or who runs it", async () => {
    const text = cardText(onlyCard(await bot.say('11111111-2222-3333-4444-555555555555', 'status')));
    expect(text).toContain("You're not on the roster yet");
    expect(text).toContain("ask your council's SEND team");
    // #8 (issue 10): no SRO's name or contact details for someone outside the roster.
    expect(text).not.toContain('Natasha');
    expect(text).not.toMatch(/@/);
    expect(text).not.toContain('Shropshire, Telford');
    expect(text).not.toMatch(/complete/i);
  });

  it('a message with no Entra identity is treated as unknown', async () => {
    expect(cardText(onlyCard(await bot.say(undefined, 'help')))).toContain("You're not on the roster yet");
  });

  it('an unrecognised message gets a pointer to help, not a guess', async () => {
    expect(cardText(onlyCard(await bot.say(PLAYGROUND_USERS.sro, 'flibble wobble')))).toContain("I didn't recognise that");
  });

  it('the status button answers with the status card through Action.Execute', async () => {
    const replies = await bot.execute(PLAYGROUND_USERS.lead, VERBS.showStatus);
    const response = replies.find((r) => r.type === 'invokeResponse');
    const body = (response?.value as { body: { type: string; value: unknown } }).body;
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(checkCard(body.value).problems).toEqual([]);
    expect(cardText(body.value)).toContain('Q6 First-year delivery plan');
  });

  it('the status button refuses someone not on the roster', async () => {
    const replies = await bot.execute('not-on-roster', VERBS.showStatus);
    const body = (replies.find((r) => r.type === 'invokeResponse')?.value as { body: { value: unknown } }).body;
    expect(cardText(body.value)).toContain("You're not on the roster yet");
  });

  it('welcomes people when the bot is installed, with their own help card', async () => {
    const replies = await bot.send(undefined, {
      type: 'conversationUpdate',
      recipient: { id: 'bot', name: 'bot' },
      membersAdded: [
        { id: 'bot', name: 'bot' },
        { id: 'user-1', name: 'Sarah', aadObjectId: PLAYGROUND_USERS.lead } as never,
      ],
    });
    expect(replies).toHaveLength(1);
    expect(cardText(cardOf(replies[0]))).toContain('Hello Sarah Court');
  });
});
