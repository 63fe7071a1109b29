import { MAX_CARD_BYTES } from '../../src/teams/cards';
import { checkCard } from './adaptive-card.validate';
import { cardOf, cardText } from './bot.harness';

/** The inputs on a card and their values, as Teams would send them back. */
export const inputs = (card: unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') out[n.id] = n.value;
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
};

/** The data of the first Action.Execute whose title matches, or undefined. */
export const findButton = (card: unknown, title: string | RegExp): Record<string, unknown> | undefined => {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && (typeof title === 'string' ? n.title === title : title.test(String(n.title)))) found = n.data as Record<string, unknown>;
      else Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
};

/** The same, for a button the test needs: a missing one fails with the card's words. */
export const button = (card: unknown, title: string | RegExp): Record<string, unknown> => {
  const found = findButton(card, title);
  if (!found) throw new Error(`No button "${title}" on the card:\n${cardText(card)}`);
  return found;
};

/** A card Teams would accept: valid Adaptive Card 1.5 JSON, under the size limit. */
export const validCard = (card: unknown): Record<string, unknown> => {
  const check = checkCard(card);
  expect(check.problems).toEqual([]);
  expect(check.bytes).toBeLessThan(MAX_CARD_BYTES);
  return card as Record<string, unknown>;
};

/** The one card a message is answered with. */
export const onlyCard = async (bot: { say(who: string, text: string): Promise<unknown[]> }, who: string, text: string): Promise<Record<string, unknown>> => {
  const replies = await bot.say(who, text);
  expect(replies).toHaveLength(1);
  return validCard(cardOf(replies[0] as never));
};
