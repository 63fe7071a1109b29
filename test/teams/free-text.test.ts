import { cardText, createBotHarness, PLAYGROUND_USERS } from '../support/bot.harness';
import { findButton, inputs, onlyCard } from '../support/card-inspect';
import { signOffDriver } from '../support/sign-off.driver';
import { VERBS } from '../../src/teams/verbs';

/** The seven messages new users got "not recognised" for (issue 12), and what they now see. */
describe('free text: what people type in their own words', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
  });
  afterEach(() => bot.close());
  const { sro, lead, signatory, pcf } = PLAYGROUND_USERS;
  const jess = '00000000-0000-0000-0000-0000000000024';

  it('"change the first goal" opens Q1 at its goals step', async () => {
    const text = cardText(await onlyCard(bot, lead, 'change the first goal'));
    expect(text).toContain('Q1 Vision and goals');
    expect(text).toContain('Step 2 of 2: Goals');
    expect(text).not.toContain("I didn't recognise that");
  });

  it('"update workstream 2" opens workstream 2\'s update form for its lead', async () => {
    const card = await onlyCard(bot, jess, 'update workstream 2');
    expect(cardText(card)).toContain('Commissioning');
    expect(findButton(card, /post|submit/i)?.verb).toBe(VERBS.updatePost);
  });

  it('"who hasn\'t signed?" shows the SRO the sign-off status', async () => {
    expect(cardText(await onlyCard(bot, sro, "who hasn't signed?"))).toContain('Sign-off status');
  });

  it('"has the ICB CEO signed yet" says where that role stands, above the status', async () => {
    await signOffDriver(bot).start();
    const text = cardText(await onlyCard(bot, sro, 'has the ICB CEO signed yet'));
    expect(text).toContain('Simon Whitehouse (Integrated Care Board (ICB) Chief Executive) has not signed yet.');
    expect(text).toContain('Sign-off status');
  });

  it('"send the plan to the signatories" shows the sign-off card with its Send button, and sends nothing', async () => {
    const before = (await bot.store.loadPlan('shropshire-2026-27'))!.version;
    const card = await onlyCard(bot, sro, 'send the plan to the signatories');
    expect(findButton(card, 'Send for sign-off')?.verb).toBe(VERBS.signoffSend);
    expect(bot.proactive).toHaveLength(0);
    expect(await bot.store.listRounds('shropshire-2026-27')).toHaveLength(0);
    expect((await bot.store.loadPlan('shropshire-2026-27'))!.version).toBe(before);
  });

  it('"approve" tells a signatory nothing is waiting, then shows their request card once one is', async () => {
    expect(cardText(await onlyCard(bot, signatory, 'approve'))).toContain('Nothing is waiting for you');
    await signOffDriver(bot).start();
    const card = await onlyCard(bot, signatory, 'approve');
    expect(findButton(card, 'Approve')?.verb).toBe(VERBS.signoffApprove);
    expect((await bot.store.listRounds('shropshire-2026-27'))[0]?.status).toBe('open');
  });

  it('"approve" from someone who is not a signatory says who approves', async () => {
    expect(cardText(await onlyCard(bot, lead, 'approve'))).toContain('Approving the plan is for the signatories');
  });

  it('"I want to give feedback about EHCP delays" opens the feedback form with the theme and words filled in', async () => {
    const card = await onlyCard(bot, pcf, 'I want to give feedback about EHCP delays');
    expect(cardText(card)).toContain('You said: give feedback');
    expect(inputs(card)).toMatchObject({ 'f.theme': 'ehcp-timeliness', 'f.said': 'EHCP delays' });
  });

  it('"parents say EHCPs take too long" opens the feedback form with what they said', async () => {
    const card = await onlyCard(bot, pcf, 'parents say EHCPs take too long');
    expect(inputs(card)).toMatchObject({ 'f.theme': 'ehcp-timeliness', 'f.said': 'parents say EHCPs take too long' });
  });

  it('feedback in free text from someone who is not a forum rep gets the answer the command gives them', async () => {
    const typed = cardText(await onlyCard(bot, lead, 'parents say EHCPs take too long'));
    const command = cardText(await onlyCard(bot, lead, 'feedback'));
    expect(typed).toBe(command);
  });

  it('"which risks are red" shows the register with only the red risks, saying so', async () => {
    const all = cardText(await onlyCard(bot, sro, 'risks'));
    const red = cardText(await onlyCard(bot, sro, 'which risks are red'));
    expect(red).toContain('Showing the open risks rated red only');
    const badges = (text: string) => text.split('\n').filter((l) => ['Red', 'Amber', 'Green'].includes(l));
    expect(new Set(badges(red))).toEqual(new Set(['Red']));
    expect(badges(all).length).toBeGreaterThan(badges(red).length);
    expect(all.length).toBeGreaterThan(red.length);
  });

  it('a drafting request says drafting help is not switched on, and changes nothing', async () => {
    const text = cardText(await onlyCard(bot, sro, 'draft the executive summary from the plan'));
    expect(text).toContain('This bot has no AI model set up, so it cannot suggest drafts.');
  });

  it.each([
    [sro, "Who hasn't signed?", 'Sign-off status'],
    [lead, 'Post my update', 'Your workstreams'],
    [signatory, 'Approve', 'Nothing is waiting for you'],
    [pcf, 'Give feedback', 'You said: give feedback'],
  ])('the help card offers %s tappable examples for their role; "%s" opens %s', async (who, example, opens) => {
    const help = await onlyCard(bot, who, 'help');
    const data = findButton(help, example);
    expect(data?.verb).toBe(VERBS.intentChoose);
    expect(cardText(await bot.executeCard(who, VERBS.intentChoose, data!))).toContain(opens);
  });

  it('the help card offers a pcf rep no sign-off examples, and an SRO no feedback form', async () => {
    expect(findButton(await onlyCard(bot, pcf, 'help'), 'Approve')).toBeUndefined();
    expect(findButton(await onlyCard(bot, sro, 'help'), 'Give feedback')).toBeUndefined();
  });

  it('an unrecognised message suggests three to five things this person can do, as buttons', async () => {
    const card = await onlyCard(bot, pcf, 'flibble wobble');
    expect(cardText(card)).toContain("I didn't recognise that");
    expect(findButton(card, 'Try it')?.intent).toBe('feedback.give');
    const tries = cardText(card).split('\n').filter((l) => l === 'Try it');
    expect(tries.length).toBeGreaterThanOrEqual(3);
    expect(tries.length).toBeLessThanOrEqual(5);
  });

  it('an unsure reading offers the two best guesses as buttons that open them', async () => {
    const card = await onlyCard(bot, sro, 'plan people');
    expect(cardText(card)).toContain('Did you mean one of these?');
    const guess = findButton(card, 'This one');
    expect(guess).toMatchObject({ verb: VERBS.intentChoose });
    expect(cardText(card).split('\n').filter((l) => l === 'This one')).toHaveLength(2);
    expect(cardText(await bot.executeCard(sro, VERBS.intentChoose, guess!))).not.toContain('Did you mean');
  });

  it.each([
    ['an unknown intent', { intent: 'plan.delete' }],
    ['a made-up section', { intent: 'section.open', section: 'nonsense' }],
    ['free text riding on the button', { intent: 'feedback.give', said: 'x', extra: 1, quarter: 'next year' }],
  ])('a guess button with %s is refused without changing anything', async (_what, data) => {
    expect(cardText(await bot.executeCard(sro, VERBS.intentChoose, data))).toContain('That card sent something I did not recognise');
  });
});
