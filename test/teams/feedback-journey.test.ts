import { feedbackCsv } from '../../src/export/feedback.csv';
import { VERBS } from '../../src/teams/verbs';
import { button, inputs, validCard } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAYGROUND_USERS } from '../support/bot.harness';

const PCF = PLAYGROUND_USERS.pcf; // Sam Taylor
const ANNIE = '00000000-0000-0000-0000-0000000000025';
const { sro } = PLAYGROUND_USERS;
/** Internal ids that must never reach a person. */
const INTERNAL_ID = /\bws-\d|\bfb-|\bq\d+-doc|demo-/;

/** The words just after an input with this id: where its error belongs. */
const besideInput = (card: unknown, id: string): string => {
  let found = '';
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      const at = node.findIndex((n) => n && typeof n === 'object' && (n as { id?: string }).id === id);
      if (at >= 0) found = node.slice(at + 1, at + 3).map((n) => cardText(n)).join('\n');
      node.forEach(walk);
    } else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
};

describe('feedback as the forum, the SRO and owners read it', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
    for (const id of [PCF, ANNIE, sro]) await bot.say(id, 'hello');
  });
  afterEach(async () => {
    await bot.close();
  });

  const submit = (fields: Record<string, string>) =>
    bot.executeCard(PCF, VERBS.feedbackSubmit, { verb: VERBS.feedbackSubmit, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`f.${k}`, v])) });
  const sentTo = (id: string) => bot.proactive.filter((p) => p.conversationId === `chat-${id}`).map((p) => cardOf(p.activity)!);
  const route = async () => {
    const toSro = sentTo(sro).find((c) => cardText(c).includes('New feedback from the forum'))!;
    const form = await bot.executeCard(sro, VERBS.feedbackRouteForm, { ...button(toSro, 'Route it') });
    return bot.executeCard(sro, VERBS.feedbackRoute, { ...button(form!, 'Route it'), 'f.owner': ANNIE });
  };

  it('no card and no CSV column shows an internal id: what it is about is named', async () => {
    const thanks = validCard(await submit({ theme: 'ehcp-timeliness', said: 'Nobody tells us where the EHCP is up to.', concerns: 'ws-3', publish: 'no', anonymous: 'no' }));
    const routed = validCard(await route());
    const toSro = sentTo(sro).find((c) => cardText(c).includes('New feedback'))!;
    const toAnnie = sentTo(ANNIE).find((c) => cardText(c).includes('asks you to answer'))!;
    const form = await bot.executeCard(ANNIE, VERBS.feedbackAnswerForm, { ...button(toAnnie, 'Answer: we did') });
    await bot.executeCard(ANNIE, VERBS.feedbackAnswer, { ...button(form!, 'Send the answer'), 'f.kind': 'done', 'f.text': 'A tracker is live.' });
    const toSam = sentTo(PCF).find((c) => cardText(c).includes('Your feedback has an answer'))!;
    const list = cardOf((await bot.say(sro, 'you said we did'))[0]);
    for (const card of [thanks, routed, toSro, toAnnie, toSam, list]) {
      expect(cardText(card)).not.toMatch(INTERNAL_ID);
    }
    expect(cardText(toSro)).toMatch(/about Workstream 3: /);
    const csv = feedbackCsv(await bot.services.feedback.all(), new Map());
    const about = csv.split('\n')[1]!;
    expect(about).not.toContain(',ws-3,');
    expect(about).toMatch(/Workstream 3: /);
  });

  it.each([
    ['theme', { said: 'Something was said.', publish: 'no' }, 'f.theme', /Choose what it is about/],
    ['what was said', { theme: 'communication', said: '   ', publish: 'no' }, 'f.said', /Say what was said/],
    ['what was said, too long', { theme: 'communication', said: 'x'.repeat(2001), publish: 'no' }, 'f.said', /the most is 2,000 characters/],
  ])('sending without a valid %s names the field, beside it, keeps what was typed and sends nothing', async (_what, fields, id, message) => {
    const card = validCard(await submit(fields as Record<string, string>));
    const words = cardText(card);
    expect(words).not.toContain('Required');
    expect(words).toContain('Nothing has been sent.');
    expect(besideInput(card, id)).toMatch(message);
    if (fields.said.trim()) expect(inputs(card)['f.said']).toBe(fields.said);
    expect(await bot.services.feedback.all()).toEqual([]);
  });

  it('routing without choosing someone says so beside the choice', async () => {
    await submit({ theme: 'communication', said: 'Letters are hard to read.', publish: 'no' });
    const toSro = sentTo(sro).find((c) => cardText(c).includes('New feedback'))!;
    const form = await bot.executeCard(sro, VERBS.feedbackRouteForm, { ...button(toSro, 'Route it') });
    const again = validCard(await bot.executeCard(sro, VERBS.feedbackRoute, { ...button(form!, 'Route it') }));
    expect(besideInput(again, 'f.owner')).toMatch(/Choose who should answer it/);
  });

  it('answering without saying what happened says so beside the choice', async () => {
    await submit({ theme: 'communication', said: 'Letters are hard to read.', publish: 'no' });
    await route();
    const toAnnie = sentTo(ANNIE).find((c) => cardText(c).includes('asks you to answer'))!;
    const form = await bot.executeCard(ANNIE, VERBS.feedbackAnswerForm, { ...button(toAnnie, 'Answer: we did') });
    const again = validCard(await bot.executeCard(ANNIE, VERBS.feedbackAnswer, { ...button(form!, 'Send the answer'), 'f.text': 'We rewrote them.' }));
    expect(besideInput(again, 'f.kind')).toMatch(/Choose what happened/);
    expect(cardText(again)).not.toContain('Required');
  });

  it.each([
    ['not for publication', { publish: 'no', anonymous: 'yes' }],
    ['published without a name', { publish: 'yes', anonymous: 'yes' }],
  ])('an item %s tells the SRO and the owner who sent it, so they can reply', async (_what, flags) => {
    await submit({ theme: 'communication', said: 'Letters are hard to read.', ...flags });
    await route();
    const toSro = sentTo(sro).find((c) => cardText(c).includes('New feedback'))!;
    const toAnnie = sentTo(ANNIE).find((c) => cardText(c).includes('asks you to answer'))!;
    for (const card of [toSro, toAnnie]) {
      expect(cardText(card)).toContain('From Sam Taylor');
      expect(cardText(card)).not.toContain('a forum representative');
    }
    if (flags.publish === 'yes') expect(cardText(toSro)).toContain('name left off if published');
  });
});
