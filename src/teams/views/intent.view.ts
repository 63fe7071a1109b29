import type { IntentName, UnderstoodEntities } from '../../app/understanding.port';
import type { AdaptiveCardJson } from '../cards';
import type { IntentExample } from '../intent.examples';
import { VERBS } from '../verbs';
import { DID_YOU_MEAN, INTENT_WORDS, TRY_TYPING, UNKNOWN_COMMAND } from '../words';
import { listCard } from './progress.view';

/** Only ids go on the button; what was said stays behind. */
const ids = (entities: UnderstoodEntities = {}) => {
  const { said: _said, ...rest } = entities;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
};

export const intentButton = (title: string, intent: IntentName, entities?: UnderstoodEntities) => ({
  title,
  verb: VERBS.intentChoose,
  data: { verb: VERBS.intentChoose, intent, ...ids(entities) },
});

export const exampleButtons = (examples: readonly IntentExample[]) => examples.map((e) => intentButton(e.text, e.intent, e.entities));

/** "Or try one of these": what this person's roles do most, each a button that runs it. */
export const tryTypingGroup = (examples: readonly IntentExample[]) => ({ heading: TRY_TYPING, rows: examples.map((e) => ({ text: `“${e.text}”`, buttons: [intentButton('Try it', e.intent, e.entities)] })) });

/** The two best guesses as buttons, and what this person's role can do. */
export const didYouMeanCard = (guesses: readonly { intent: IntentName; entities: UnderstoodEntities }[], examples: readonly IntentExample[]): AdaptiveCardJson =>
  listCard({
    title: DID_YOU_MEAN.title,
    subtitle: DID_YOU_MEAN.subtitle,
    groups: [
      { heading: 'My best guesses', rows: guesses.map((g) => ({ text: INTENT_WORDS[g.intent], buttons: [intentButton('This one', g.intent, g.entities)] })) },
      tryTypingGroup(examples),
    ],
  });

export const notRecognisedCard = (examples: readonly IntentExample[]): AdaptiveCardJson =>
  listCard({
    title: UNKNOWN_COMMAND.title,
    subtitle: UNKNOWN_COMMAND.message,
    groups: [tryTypingGroup(examples)],
  });
