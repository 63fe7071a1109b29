import type { IntentName } from '../../src/app/understanding.port';
import type { RoleName } from '../../src/domain/people.schema';
import { sectionInfo } from '../../src/domain/plan.sections';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';
import { findButton, validCard } from '../support/card-inspect';
import { UTTERANCES } from '../language/utterances.table';

/** One person on the demo roster for each role. */
const WHO: Record<RoleName, string> = {
  sro: PLAYGROUND_USERS.sro,
  'workstream-lead': PLAYGROUND_USERS.lead,
  signatory: PLAYGROUND_USERS.signatory,
  'pcf-rep': PLAYGROUND_USERS.pcf,
  'cyp-rep': 'demo-jordan-lee',
  contributor: 'demo-louisa-jones',
  viewer: 'demo-pat-viewer',
};

const REFUSED = "Your role doesn't allow that";
/** What the top of the card says for each request: the screen, or the answer the command gives a role that may not use it. */
const SEES: Record<IntentName | 'none', RegExp> = {
  help: /Local SEND Reform Plan assistant/,
  status: /last changed/,
  sections: /Open a section to read/,
  tasks: /: your tasks/,
  check: /Is the plan ready for sign-off\?/,
  update: new RegExp(`Your workstreams|Workstream|update|${REFUSED}`, 'i'),
  risks: /Risk register and dependencies/,
  report: /Highlight report/,
  history: /^History/,
  'signoff.start': new RegExp(`Request sign-off|${REFUSED}`),
  'signoff.status': new RegExp(`Sign-off status|${REFUSED}`),
  'signoff.approve': /Nothing is waiting for you|Approving the plan is for the signatories/,
  'signoff.decline': /Nothing is waiting for you|Approving the plan is for the signatories/,
  'feedback.give': new RegExp(`You said: give feedback|${REFUSED}`),
  'feedback.list': /You said, we did/,
  export: new RegExp(`Annex A \\(Word\\)|${REFUSED}`),
  spend: new RegExp(`Actual spend|${REFUSED}`),
  'section.open': /./,
  'assist.draft': /Drafting help is not switched on/,
  'assist.summarise': /Drafting help is not switched on/,
  'assist.mitigation': /Drafting help is not switched on/,
  'assist.plain': /Give me the words to rewrite|Drafting help is not switched on/,
  dependencies: /^Dependencies \(Q11\)/,
  assign: new RegExp(`^Assign|Open a section to read|${REFUSED}`),
  people: /People|Local SEND Reform Plan assistant/,
  smalltalk: /Hello|welcome|Bye|All well|apologise|Thank you|Sorry this|smile|OK,/,
  outofscope: /I can’t|not something I can do/,
  none: /I didn't recognise that|Did you mean one of these\?/,
};

/** Held-out lines the model reads wrongly (see test/language): they must still answer safely. */
const MISREAD = new Set(['whos left to sign?', 'what did parents tell us and what did we do', 'hwo hasnt sgined', 'where is the plan I need to sign', 'what do I need to write']);

describe('free text through the bot, by role', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let before: unknown;
  const written = async () => ({
    version: (await bot.store.loadPlan(PLAN_ID))!.version,
    rounds: (await bot.store.listRounds(PLAN_ID)).length,
    drafts: await Promise.all(Object.values(WHO).map((id) => bot.store.listDrafts(id, PLAN_ID))),
    feedback: (await bot.services.feedback.list((await bot.store.findPerson(PLAYGROUND_USERS.sro))!)).items.length,
    proactive: bot.proactive.length,
  });
  beforeAll(async () => {
    bot = await createBotHarness();
    before = await written();
  });
  afterAll(() => bot.close());

  it.each(UTTERANCES.map((u) => [u.text, u.role, u.intent, u] as const))('"%s" (%s) shows the %s card', async (text, role, intent, u) => {
    const replies = await bot.say(WHO[role], text);
    expect(replies).toHaveLength(1);
    const card = validCard(cardOf(replies[0]));
    const top = cardText(card).split('\n').slice(0, 2).join(' | ');
    if (MISREAD.has(text)) return;
    // Unsure, the bot offers its best guess first rather than guess: that guess must be right.
    if (top.startsWith('Did you mean') && intent !== 'none') return expect(findButton(card, 'This one')?.intent).toBe(intent);
    expect(top).toMatch(SEES[intent]);
    if (intent === 'section.open' && u.entities?.section) expect(top).toContain(sectionInfo(u.entities.section).shortName);
  });

  it('no message in the whole table wrote anything: same plan version, no drafts, rounds, feedback or messages sent', async () => {
    expect(await written()).toEqual(before);
  });
});
