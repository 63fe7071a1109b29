import type { Person } from '../../src/domain/people.schema';
import { VERBS } from '../../src/teams/verbs';
import { checkCard } from './adaptive-card.validate';
import { findButton as button } from './card-inspect';
import { cardOf, cardText, type createBotHarness, PLAYGROUND_USERS } from './bot.harness';

export const SIGNATORIES = {
  'la-chief-executive': PLAYGROUND_USERS.signatory, // Tanya Miles
  'icb-chief-executive': 'demo-simon-whitehouse',
  'director-of-childrens-services': 'demo-david-shaw',
  'icb-place-director': 'demo-vanessa-whatley',
  'la-chief-finance-officer': 'demo-duncan-whitfield',
} as const;
export type Role = keyof typeof SIGNATORIES;
export const ROLES = Object.keys(SIGNATORIES) as Role[];

type Bot = Awaited<ReturnType<typeof createBotHarness>>;

/** The sign-off journey as people drive it: the SRO sends, signatories press buttons on their cards. */
export const signOffDriver = (bot: Bot) => {
  const { sro } = PLAYGROUND_USERS;
  /** Cards sent on the bot's own initiative to one person, oldest first. */
  const cardsTo = (id: string) => bot.proactive.filter((p) => p.conversationId === `chat-${id}`).map((p) => cardOf(p.activity)!);
  /** The latest card with buttons each signatory received, by role. */
  const requestCards = () => {
    const byRole = new Map<Role, Record<string, unknown>>();
    for (const p of bot.proactive) {
      const card = cardOf(p.activity);
      const approve = button(card, 'Approve');
      if (approve) byRole.set(approve.role as Role, card!);
    }
    return byRole;
  };
  const start = async () => {
    const form = cardOf((await bot.say(sro, 'sign-off'))[0]);
    expect(checkCard(form).problems).toEqual([]);
    return (await bot.executeCard(sro, VERBS.signoffSend, { ...button(form, 'Send for sign-off') }))!;
  };
  /** Press a button on a card, as its holder, with what they typed in the box. */
  const press = (who: string, card: unknown, title: string | RegExp, typed: Record<string, unknown> = {}) => {
    const data = button(card, title);
    if (!data) throw new Error(`No button "${title}" on the card:\n${cardText(card)}`);
    return bot.executeCard(who, String(data.verb), { ...data, ...typed });
  };
  const decide = (role: Role, title: 'Approve' | 'Decline' | 'Ask a question', text = '', who: string = SIGNATORIES[role]) => press(who, requestCards().get(role), title, { text });
  const status = async (who: string = sro) => cardOf((await bot.say(who, 'sign-off status'))[0])!;
  /** Replace the roster with the demo one changed by `change`. */
  const changeRoster = async (change: (people: Person[]) => Person[]) => {
    await bot.store.replaceRoster(change(await bot.store.listPeople()), { actorId: sro, summary: 'roster changed for a test' });
  };
  /** The row of a list card that names `name`, with its buttons. */
  const rowOf = (card: unknown, name: string) => {
    const rows = ((card as { body: { items?: Record<string, unknown>[] }[] }).body ?? []).flatMap((g) => g.items ?? []);
    const row = rows.find((r) => r.type === 'Container' && cardText(r).includes(name));
    if (!row) throw new Error(`No row for ${name} on the card:\n${cardText(card)}`);
    return row;
  };
  return { rowOf, sro, cardsTo, requestCards, start, press, decide, status, changeRoster };
};
