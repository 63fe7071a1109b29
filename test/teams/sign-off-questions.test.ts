import { checkCard } from '../support/adaptive-card.validate';
import { findButton as button, inputs } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID } from '../support/bot.harness';
import { VERBS } from '../../src/teams/verbs';
import { SIGNATORIES, signOffDriver } from '../support/sign-off.driver';

const DAVID = SIGNATORIES['director-of-childrens-services'];
const QUESTION = 'Is the EAH workforce plan costed?';
const ANSWER = 'Yes: £1.2m across Q6, in the spend profile.';

describe('sign-off questions and answers', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let so: ReturnType<typeof signOffDriver>;
  beforeEach(async () => {
    bot = await createBotHarness();
    so = signOffDriver(bot);
    for (const id of Object.values(SIGNATORIES)) await bot.say(id, 'hello');
    await so.start();
  });
  afterEach(async () => {
    await bot.close();
  });

  const ask = () => so.decide('director-of-childrens-services', 'Ask a question', QUESTION);
  /** The SRO's card about the question, with its Answer button. */
  const questionCard = () => so.cardsTo(so.sro).find((c) => cardText(c).includes(QUESTION))!;
  /** The answer as Teams would send it, as one activity: the same id again is a retry. */
  const answerData = () => button(questionCard(), 'Answer')!.question;
  const sendAnswer = async (who: string, text: string, activityId?: string) => {
    const data = { verb: VERBS.signoffAnswer, question: answerData(), 'f.answer': text };
    const replies = await bot.send(who, { type: 'invoke', name: 'adaptiveCard/action', ...(activityId ? { id: activityId } : {}), value: { action: { type: 'Action.Execute', verb: VERBS.signoffAnswer, data }, trigger: 'manual' } });
    return (replies.find((r) => r.type === 'invokeResponse')?.value as { body: { value: Record<string, unknown> } }).body.value;
  };
  const answersToDavid = () => so.cardsTo(DAVID).filter((c) => cardText(c).includes('answered your question'));
  const stored = async () => bot.store.listQuestions((await bot.services.signOff.latest())!.round.id);

  it('the asker is told where their question went, and keeps the request card with every button', async () => {
    const asked = await ask();
    expect(checkCard(asked).problems).toEqual([]);
    const words = cardText(asked);
    expect(words).toContain('Your question was sent to Natasha Moody on 27 November 2026. You can still approve or decline.');
    expect(words).toContain(`You asked on 27 November 2026: “${QUESTION}”\nNot answered yet.`);
    for (const title of ['Approve', 'Decline', 'Ask a question']) expect(button(asked, title)).toBeDefined();
    expect(inputs(asked).text).toBe('');
    expect(button(questionCard(), 'Answer')).toBeDefined();
  });

  it("the SRO answers in the bot; the answer reaches the signatory's chat and is kept with the round", async () => {
    await ask();
    const form = await so.press(so.sro, questionCard(), 'Answer');
    expect(checkCard(form).problems).toEqual([]);
    expect(cardText(form)).toContain(`David Shaw (Local Authority Director of Children's Service (DCS)) asked about version 1 on 27 November 2026: “${QUESTION}”`);
    expect(button(form, 'Send the answer')).toEqual({ verb: VERBS.signoffAnswer, question: answerData() });
    const done = await sendAnswer(so.sro, ANSWER);
    expect(cardText(done)).toContain('Your answer was sent to David Shaw.');
    expect(cardText(done)).toContain(`Questions and answers\nDavid Shaw (Local Authority Director of Children's Service (DCS)) asked on 27 November 2026: “${QUESTION}”\nAnswered\nNatasha Moody answered on 27 November 2026: “${ANSWER}”`);
    expect(button(done, 'Answer')).toBeUndefined();

    const [toDavid] = answersToDavid();
    expect(cardText(toDavid)).toContain('Natasha Moody answered your question about version 1');
    expect(cardText(toDavid)).toContain(ANSWER);
    // Their request card, reopened from the answer, shows the thread and still has its buttons.
    const request = await so.press(DAVID, toDavid, 'Open your sign-off request');
    expect(cardText(request)).toContain(`Natasha Moody answered on 27 November 2026: “${ANSWER}”`);
    expect(button(request, 'Approve')).toBeDefined();

    expect((await stored()).map((q) => [q.askerName, q.question, q.answer?.byName, q.answer?.text])).toEqual([['David Shaw', QUESTION, 'Natasha Moody', ANSWER]]);
    const audit = await bot.store.listAudit(PLAN_ID, { keyPrefix: `signoff/${(await bot.services.signOff.latest())!.round.id}/questions` });
    expect(audit.map((e) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('the same answer sent twice (a retry) is answered once; another answer later is refused', async () => {
    await ask();
    const first = await sendAnswer(so.sro, ANSWER, 'retry-1');
    const again = await sendAnswer(so.sro, ANSWER, 'retry-1');
    expect(cardText(first)).toContain('Your answer was sent to David Shaw.');
    expect(cardText(again)).toContain('Your answer was sent to David Shaw.');
    expect(answersToDavid()).toHaveLength(1);
    const later = await sendAnswer(so.sro, 'Something else.');
    expect(cardText(later)).toContain('This has already been answered');
    expect(cardText(later)).toContain("David Shaw's question was already answered by Natasha Moody");
    expect(answersToDavid()).toHaveLength(1);
    expect((await stored())[0]!.answer?.text).toBe(ANSWER);
  });

  it('only the SRO may answer', async () => {
    await ask();
    const data = button(questionCard(), 'Answer')!;
    const form = await bot.executeCard(DAVID, VERBS.signoffAnswerForm, data);
    expect(cardText(form)).toContain("Your role doesn't allow that");
    const forged = await bot.executeCard(SIGNATORIES['la-chief-executive'], VERBS.signoffAnswer, { question: data.question, 'f.answer': 'I answer for the SRO.' });
    expect(cardText(forged)).toContain("Only the plan's Senior Responsible Officer can answer");
    expect((await stored())[0]!.answer).toBeNull();
    expect(answersToDavid()).toEqual([]);
  });

  it.each([
    ['empty', '   ', 'Type your answer first.'],
    ['too long', 'x'.repeat(2001), 'That is too long: the most is 2,000 characters.'],
  ])('an answer that is %s comes back on the form with the error, and nothing is sent', async (_name, text, error) => {
    await ask();
    const back = await sendAnswer(so.sro, text);
    expect(checkCard(back).problems).toEqual([]);
    expect(cardText(back)).toContain(error);
    expect(button(back, 'Send the answer')).toBeDefined();
    expect((await stored())[0]!.answer).toBeNull();
    expect(answersToDavid()).toEqual([]);
  });

  it('an answer to a question about a round that no longer counts says so, and is not sent', async () => {
    await ask();
    const snapshot = (await bot.store.loadPlan(PLAN_ID))!;
    await bot.services.store.savePlan(PLAN_ID, snapshot.version, { ...snapshot.plan, executiveSummary: { changeStory: 'Changed after sending.' } }, { actorId: so.sro, summary: 'edit' });
    const form = await so.press(so.sro, questionCard(), 'Answer');
    expect(cardText(form)).toContain('This sign-off request no longer counts');
    expect(cardText(form)).toContain('David Shaw asked about version 1, and that round no longer counts (the plan changed to version 2). Your answer has not been sent');
    const late = await bot.executeCard(so.sro, VERBS.signoffAnswer, { question: button(questionCard(), 'Answer')!.question, 'f.answer': ANSWER });
    expect(cardText(late)).toContain('that round no longer counts');
    expect((await stored())[0]!.answer).toBeNull();
    expect(answersToDavid()).toEqual([]);
  });

  it.each([
    ['an unknown question', { question: `q-${'0'.repeat(32)}` }, "I don't recognise that sign-off request"],
    ['a malformed id', { question: 'q-../../x' }, 'That card sent something I did not recognise'],
  ])('tampered card data (%s) is refused and changes nothing', async (_name, data, words) => {
    await ask();
    const refused = await bot.executeCard(so.sro, VERBS.signoffAnswer, { ...data, 'f.answer': ANSWER });
    expect(cardText(refused)).toContain(words);
    expect((await stored())[0]!.answer).toBeNull();
  });

  it('a question over 2,000 characters is refused on the request card', async () => {
    const refused = await so.decide('director-of-childrens-services', 'Ask a question', 'x'.repeat(2001));
    expect(cardText(refused)).toContain('That is too long');
    expect(button(refused, 'Ask a question')).toBeDefined();
    expect(await stored()).toEqual([]);
  });

  it("the SRO's status shows an unanswered question with an Answer button", async () => {
    await ask();
    const status = await so.status();
    expect(cardText(status)).toContain(`asked on 27 November 2026: “${QUESTION}”\nNot answered\nNot answered yet.`);
    expect(button(so.rowOf(status, QUESTION), 'Answer')).toBeDefined();
    // A signatory sees the thread, not the button.
    expect(button(await so.status(DAVID), 'Answer')).toBeUndefined();
    expect(cardOf((await bot.say(DAVID, 'sign-off status'))[0])).toBeDefined();
  });
});
