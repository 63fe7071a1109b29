import { compileAnnexA } from '../../src/domain/plan.compile';
import { renderMarkdown } from '../../src/export/markdown.renderer';
import { unescapeMarkdown } from '../support/markdown';
import { feedbackCsv } from '../../src/export/feedback.csv';
import { VERBS } from '../../src/teams/verbs';
import { checkCard } from '../support/adaptive-card.validate';
import { findButton as button } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

const PCF = PLAYGROUND_USERS.pcf; // Sam Taylor
const CYP = 'demo-jordan-lee';
const ANNIE = '00000000-0000-0000-0000-0000000000025'; // lead of workstream 3
const { sro } = PLAYGROUND_USERS;
const DAY = 86_400_000;

describe('co-production feedback: you said, we did', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
    for (const id of [PCF, CYP, ANNIE, sro]) await bot.say(id, 'hello');
  });
  afterEach(async () => {
    await bot.close();
  });

  const submit = (who: string, fields: Record<string, string>) =>
    bot.executeCard(who, VERBS.feedbackSubmit, { verb: VERBS.feedbackSubmit, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`f.${k}`, v])) });
  const sentTo = (id: string) => bot.proactive.filter((p) => p.conversationId === `chat-${id}`).map((p) => cardOf(p.activity));
  const plan = async () => (await bot.store.loadPlan(PLAN_ID))!.plan;
  const rawExport = async () => renderMarkdown(compileAnnexA(await plan(), { coProduction: await bot.services.feedback.published() }));
  const exported = async () => unescapeMarkdown(await rawExport());

  it('a PCF rep submits, the SRO routes, the lead answers, the rep is told, and it appears in the annex', async () => {
    const form = cardOf((await bot.say(PCF, 'feedback'))[0]);
    expect(checkCard(form).problems).toEqual([]);
    expect(cardText(form)).toContain('Sam Taylor, for parent or carer voice');
    const thanks = await submit(PCF, {
      theme: 'ehcp-timeliness',
      said: 'Parents do not know where their child’s EHCP is up to without chasing the team.',
      concerns: 'ws-3',
      groupsReached: 'Parents at the Oswestry drop-in, including two Polish-speaking families',
      publish: 'yes',
      anonymous: 'yes',
    });
    expect(cardText(thanks)).toContain('Thank you: your feedback has gone to the SRO');

    const toSro = sentTo(sro).find((c) => cardText(c).includes('New feedback from the forum'));
    expect(checkCard(toSro).problems).toEqual([]);
    const routeForm = await bot.executeCard(sro, VERBS.feedbackRouteForm, { ...button(toSro, 'Route it') });
    const routed = await bot.executeCard(sro, VERBS.feedbackRoute, { ...button(routeForm, 'Route it'), 'f.owner': ANNIE });
    expect(cardText(routed)).toContain('Routed to Annie Williams. Annie Williams has been sent it.');

    const toAnnie = sentTo(ANNIE).find((c) => cardText(c).includes('asks you to answer this feedback'));
    const answerForm = await bot.executeCard(ANNIE, VERBS.feedbackAnswerForm, { ...button(toAnnie, 'Answer: we did') });
    bot.clock.advance(3 * DAY);
    const answered = await bot.executeCard(ANNIE, VERBS.feedbackAnswer, {
      ...button(answerForm, 'Send the answer'),
      'f.kind': 'planned',
      'f.text': 'A tracker showing each stage will go live on the Local Offer.',
      'f.plannedFor': '2027-02-01',
    });
    expect(cardText(answered)).toContain('Answered: the person who passed it on has been told');

    const toSam = sentTo(PCF).find((c) => cardText(c).includes('Your feedback has an answer'));
    expect(checkCard(toSam).problems).toEqual([]);
    expect(cardText(toSam)).toContain('Planned, by 1 February 2027 – answered 30 November 2026 by Annie Williams');
    expect(cardText(toSam)).toContain('A tracker showing each stage will go live on the Local Offer.');

    const md = await exported();
    expect(md).toContain('## Co-production annex: you said, we did');
    expect(md).toContain('Parents do not know where their child’s EHCP is up to without chasing the team.');
    expect(md).toContain('| Parent or carer | EHCP timeliness |');
    expect(md).not.toContain('Sam Taylor'); // published anonymously
    expect(md).toContain('Median time to answer: 3 days.');
    expect(md).toMatch(/Co-production feedback so far: 1 item, 1 from parents and carers and 0 from children and young people/);

    const audit = await bot.store.listAudit(PLAN_ID, { keyPrefix: 'feedback' });
    expect(audit.map((e) => e.summary).reverse()).toEqual(['Sam Taylor submitted feedback', 'Natasha Moody routed feedback to Annie Williams', 'Annie Williams answered feedback']);
  });

  it('someone who is not a forum rep cannot submit as the forum', async () => {
    expect(cardText(cardOf((await bot.say(ANNIE, 'feedback'))[0]))).toContain("Your role doesn't allow that");
    const forged = await submit(ANNIE, { theme: 'other', said: 'Pretending to be the forum.', publish: 'yes', anonymous: 'no' });
    expect(cardText(forged)).toContain("Your role doesn't allow that");
    const pcfAsCyp = await submit(PCF, { voice: 'child-young-person', theme: 'other', said: 'A parent pretending to be a young person.', publish: 'no', anonymous: 'no' });
    expect(cardText(pcfAsCyp)).toContain("Your role doesn't allow that");
    expect(await bot.store.listFeedback(PLAN_ID)).toEqual([]);
  });

  it('an unpublished item never appears in the export, but stays in the log', async () => {
    await submit(PCF, { theme: 'communication', said: 'Private: a family told us about a safeguarding worry.', publish: 'no', anonymous: 'no' });
    const md = await exported();
    expect(md).not.toContain('safeguarding worry');
    expect(md).toContain('No feedback has been published yet.');
    expect(md).toMatch(/Co-production feedback so far: 1 item,/);
    const csv = feedbackCsv(await bot.store.listFeedback(PLAN_ID), new Map());
    expect(csv).toContain('safeguarding worry');
  });

  it("counts children and young people's voice apart from parents'", async () => {
    await submit(PCF, { theme: 'inclusion-in-schools', said: 'Parents: break times are hard.', publish: 'yes', anonymous: 'yes' });
    await submit(CYP, { theme: 'inclusion-in-schools', said: 'We want a quiet room at lunch.', publish: 'yes', anonymous: 'yes' });
    await submit(CYP, { theme: 'specialist-places-and-travel', said: 'The taxi takes an hour each way.', publish: 'yes', anonymous: 'no' });
    const list = cardOf((await bot.say(sro, 'you said we did'))[0]);
    expect(checkCard(list).problems).toEqual([]);
    expect(cardText(list)).toContain('3 item(s): 1 from parents and carers, 2 from children and young people.');
    expect(cardText(list)).toContain('Inclusion in schools 2 · EHCP timeliness 0 · Specialist places and travel 1');
    const onlyCyp = await bot.executeCard(sro, VERBS.feedbackList, { verb: VERBS.feedbackList, voice: 'child-young-person' });
    expect(cardText(onlyCyp)).toContain('We want a quiet room at lunch.');
    expect(cardText(onlyCyp)).not.toContain('break times are hard');
    const md = await exported();
    expect(md).toContain('| Child or young person (Jordan Lee) | Specialist places and travel | The taxi takes an hour each way. |');
  });

  it('a rep sees their own items and published answers, not other people’s private ones', async () => {
    await submit(CYP, { theme: 'other', said: 'Private from the CYP forum.', publish: 'no', anonymous: 'no' });
    await submit(PCF, { theme: 'other', said: 'Sam’s own item.', publish: 'no', anonymous: 'no' });
    const list = cardText(cardOf((await bot.say(PCF, 'you said we did'))[0]));
    expect(list).toContain('Your feedback and published answers: 1 item(s)');
    expect(list).toContain('Sam’s own item.');
    expect(list).not.toContain('Private from the CYP forum.');
  });

  it('keeps text exactly as typed: never markup in cards, escaped in the export, no formulas in CSV', async () => {
    const typed = '**Urgent** [click](https://evil.example) =HYPERLINK("x") <b>bold</b> # heading';
    await submit(PCF, { theme: 'other', said: typed, publish: 'yes', anonymous: 'yes' });
    const item = (await bot.store.listFeedback(PLAN_ID))[0]!;
    expect(item.said).toBe(typed);
    const card = await bot.executeCard(sro, VERBS.feedbackShow, { verb: VERBS.feedbackShow, item: item.id });
    const runs = JSON.stringify(card);
    expect(runs).toContain('"type":"TextRun"');
    expect(runs).not.toMatch(/"type":"TextBlock","text":"\*\*Urgent/);
    const md = await rawExport();
    expect(md).toContain('\\*\\*Urgent\\*\\* \\[click\\](https\\:\\/\\/evil\\.example)');
    expect(md).toContain('\\<b\\>bold\\</b\\>');
    expect(md).not.toContain('<b>');
    const csv = feedbackCsv([{ ...item, said: '=SUM(A1:A9)' }], new Map());
    expect(csv).toContain(`"'=SUM(A1:A9)"`);
  });

  it.each([
    ['no words', { theme: 'other', said: '   ', publish: 'no', anonymous: 'no' }, /Say what was said/],
    ['too many words', { theme: 'other', said: 'x'.repeat(2001), publish: 'no', anonymous: 'no' }, /the most is 2,000 characters/],
    ['an unknown theme', { theme: 'weather', said: 'Hello', publish: 'no', anonymous: 'no' }, /Choose what it is about/],
    ['a part of the plan that is not in it', { theme: 'other', said: 'Hello', concerns: 'ws-99', publish: 'no', anonymous: 'no' }, /Choose the part of the plan/],
  ])('refuses feedback with %s on the same form, keeping what was typed', async (_what, fields, message) => {
    const card = await submit(PCF, fields);
    expect(cardText(card)).toMatch(message);
    expect(cardText(card)).toContain('Nothing has been sent.');
    expect(await bot.store.listFeedback(PLAN_ID)).toEqual([]);
  });

  it('an answer needs words, and a planned answer needs a date', async () => {
    await submit(PCF, { theme: 'other', said: 'Hello', publish: 'no', anonymous: 'no' });
    const item = (await bot.store.listFeedback(PLAN_ID))[0]!;
    const noDate = await bot.executeCard(sro, VERBS.feedbackAnswer, { verb: VERBS.feedbackAnswer, item: item.id, 'f.kind': 'planned', 'f.text': 'Soon' });
    expect(cardText(noDate)).toContain('Say when it is planned for.');
    const other = await bot.executeCard(PLAYGROUND_USERS.lead, VERBS.feedbackAnswer, { verb: VERBS.feedbackAnswer, item: item.id, 'f.kind': 'done', 'f.text': 'Done' });
    expect(cardText(other)).toContain("Your role doesn't allow that");
    expect((await bot.store.loadFeedback(item.id))?.status).toBe('new');
  });

  it('flags feedback nobody has answered to the SRO, once', async () => {
    await submit(PCF, { theme: 'communication', said: 'No reply to our emails.', publish: 'no', anonymous: 'no' });
    expect(await bot.services.feedback.flagUnanswered(14)).toBe(0);
    bot.clock.advance(15 * DAY);
    expect(await bot.services.feedback.flagUnanswered(14)).toBe(1);
    expect(await bot.services.feedback.flagUnanswered(14)).toBe(0);
    const flag = sentTo(sro).find((c) => cardText(c).includes('not answered yet'));
    expect(cardText(flag)).toContain('1 feedback item(s) not answered yet');
  });

  it('a retried submission is stored once', async () => {
    const activity = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'retried-feedback',
      value: { action: { type: 'Action.Execute', verb: VERBS.feedbackSubmit, data: { verb: VERBS.feedbackSubmit, 'f.theme': 'other', 'f.said': 'Once only', 'f.publish': 'no', 'f.anonymous': 'no' } } },
    };
    await bot.send(PCF, activity);
    await bot.send(PCF, activity);
    expect(await bot.store.listFeedback(PLAN_ID)).toHaveLength(1);
  });
});
