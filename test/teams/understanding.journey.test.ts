import { cardOf, cardText, createBotHarness, PLAN_ID } from '../support/bot.harness';
import { button, inputs, onlyCard } from '../support/card-inspect';

/** The demo roster's people, by the names the examples use. */
const NATASHA = '00000000-0000-0000-0000-0000000000020';
const TANYA = '00000000-0000-0000-0000-0000000000022';
const SAM = '00000000-0000-0000-0000-0000000000023';
const JESS = '00000000-0000-0000-0000-0000000000024';
const JORDAN = 'demo-jordan-lee';

describe('understanding people the first time, as the people named', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  const written = async () => ({
    version: (await bot.store.loadPlan(PLAN_ID))!.version,
    rounds: (await bot.store.listRounds(PLAN_ID)).length,
    assignments: (await bot.store.listAssignments({ planId: PLAN_ID })).length,
    proactive: bot.proactive.length,
  });
  let before: Awaited<ReturnType<typeof written>>;
  beforeAll(async () => {
    bot = await createBotHarness();
    before = await written();
  });
  afterAll(() => bot.close());

  it.each([
    // Questions are reads, never the form that writes.
    [NATASHA, 'has the chief exec put her name to it yet?', /^Sign-off status/],
    [NATASHA, 'who is late with their quarterly return?', /^Highlight report/],
    [TANYA, 'is this plan compliant with what the DfE asked for?', /^Is the plan ready for sign-off\?/],
    // Small talk gets a kind answer, never a form.
    [NATASHA, 'ta very much', /^You’re welcome, Natasha/],
    [JESS, 'great', /^Thank you, Jess/],
    [JESS, 'morning!', /^Hello Jess/],
    // What the bot cannot do, said plainly.
    [NATASHA, 'set up a call with the DCS', /^I can’t book meetings/],
    [JESS, 'sing me a song', /^That’s not something I can do/],
    [SAM, "fill in my daughter's needs assessment form", /^I can’t help with a child’s own paperwork/],
    [NATASHA, 'email the head teachers about the plan', /^I can’t send e-mails/],
  ])('%s: "%s"', async (who, text, top) => {
    expect(cardText(await onlyCard(bot, who, text))).toMatch(top);
  });

  it('"ask Jordan to fill in the engagement section by next Friday" is the assign card with Q9, Jordan and the date filled in, and sends nothing', async () => {
    const card = await onlyCard(bot, NATASHA, 'ask Jordan to fill in the engagement section by next Friday');
    expect(cardText(card)).toMatch(/^Assign Q9/);
    // The harness's clock is Friday 27 November 2026: next Friday is 4 December.
    expect(inputs(card)).toMatchObject({ assignee: JORDAN, dueDate: '2026-12-04' });
    expect(button(card, 'Assign')).toMatchObject({ section: 'engagement' });
    expect(await written()).toEqual(before);
  });

  it('"Duncan says the sign-off card never came" is the sign-off status, saying where Duncan stands', async () => {
    const text = cardText(await onlyCard(bot, NATASHA, 'Duncan says the sign-off card never came'));
    expect(text).toMatch(/^Sign-off status/);
    expect(text).toMatch(/Nobody has been asked to sign as Local Authority Chief Financial Officer/);
  });

  it('the assign card is for the SRO: a lead asking the same is told so, and nothing changes', async () => {
    const text = cardText(await onlyCard(bot, JESS, 'ask Jordan to fill in the engagement section by next Friday'));
    expect(text).toMatch(/Senior Responsible Officer|Assign Q9|Engagement/);
    expect(await written()).toEqual(before);
  });

  it('a "thanks" says what waits for the person: the lead with an update due sees it', async () => {
    const card = await onlyCard(bot, JESS, 'cheers');
    expect(cardText(card)).toMatch(/Waiting for you/);
    expect(button(card, 'Open')).toMatchObject({ intent: 'update' });
  });

  it('"why can\'t I edit anything? am I just a viewer?" shows a viewer their roles and what they can do', async () => {
    expect(cardText(await onlyCard(bot, 'demo-pat-viewer', "Why can't I edit anything? Am I just a viewer?"))).toMatch(/You can read the plan and see where it stands; you can't change it/);
  });

  it.each([
    ['sign off?', /^Sign-off status/],
    ['feedback?', /^You said, we did/],
  ])('a command asked as a question, "%s", is a read', async (text, top) => {
    expect(cardText(await onlyCard(bot, NATASHA, text))).toMatch(top);
  });

  it('a message too long to be a request is refused plainly, and nothing changes', async () => {
    const text = cardText(await onlyCard(bot, NATASHA, `please show me the risks ${'and more '.repeat(400)}`));
    expect(text).toMatch(/That message is too long for me to read/);
    expect(await written()).toEqual(before);
  });

  it('small talk in a channel names nothing personal', async () => {
    const replies = await bot.send(JESS, { type: 'message', text: 'cheers', conversation: { id: 'channel-1', conversationType: 'channel', isGroup: true } as never });
    const text = cardText(cardOf(replies[0]));
    expect(text).toMatch(/^You’re welcome, Jess/);
    expect(text).not.toMatch(/Waiting for you|update|Try it/);
  });

  it('gibberish is not forced onto a screen', async () => {
    expect(cardText(await onlyCard(bot, JESS, 'flibble wobble'))).toMatch(/I didn't recognise that|Did you mean/);
  });

  it('nothing in this file wrote anything', async () => {
    expect(await written()).toEqual(before);
  });
});
