import * as AC from 'adaptivecards';

export interface CardCheck {
  readonly problems: string[];
  readonly bytes: number;
  readonly text: string;
}

/**
 * Parse a card with the real adaptivecards library, as a Teams client would, and collect
 * every parse and validation event as a problem.
 */
export const checkCard = (json: unknown): CardCheck => {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json as AC.PropertyBag, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const text = JSON.stringify(json);
  if (text.includes('${')) problems.push('card has unexpanded template expressions');
  if ((json as { version?: string }).version !== '1.5') problems.push('card is not schema version 1.5');
  return { problems, bytes: Buffer.byteLength(text, 'utf8'), text };
};
