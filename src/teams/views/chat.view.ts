import type { Situation } from '../../app/understanding/intent-decision';
import type { ChatKind, Errand } from '../../app/understanding.port';
import type { Person } from '../../domain/people.schema';
import type { AdaptiveCardJson } from '../cards';
import { CHAT_WORDS, ERRAND_WORDS } from '../chat.words';
import { examplesFor, type IntentExample } from '../intent.examples';
import { intentButton, tryTypingGroup } from './intent.view';
import { listCard } from './progress.view';

/** What waits for this person, as buttons: the answer to "thanks" may as well say what is next. */
const waiting = (s: Situation | null): IntentExample[] => [
  ...(s?.signOffWaiting ? [{ text: 'Your sign-off request is waiting for your answer', intent: 'signoff.approve' as const }] : []),
  ...(s?.updateDue ? [{ text: 'Your workstream update for this quarter is due', intent: 'update' as const }] : []),
  ...(s?.tasksWaiting ? [{ text: 'You have sections assigned to you', intent: 'tasks' as const }] : []),
];

/**
 * In a 1:1 chat, what waits for the person and what their roles do most; in a channel or group chat
 * (`situation` null) the words alone: what someone's roles are is not the whole team's business.
 */
const card = (person: Person, words: { title: string; message: string }, situation: Situation | null): AdaptiveCardJson => {
  const first = person.name.split(' ')[0] ?? person.name;
  const next = waiting(situation);
  return listCard({
    title: words.title.replace('{name}', first),
    subtitle: words.message.replace('{name}', first),
    groups: situation
      ? [
          ...(next.length ? [{ heading: 'Waiting for you', rows: next.map((e) => ({ text: e.text, buttons: [intentButton('Open', e.intent, e.entities)] })) }] : []),
          tryTypingGroup(examplesFor(person)),
        ]
      : [],
  });
};

/** A kind answer to small talk; in a shared chat without anything personal (`situation` null). */
export const smallTalkCard = (person: Person, kind: ChatKind, situation: Situation | null): AdaptiveCardJson => card(person, CHAT_WORDS[kind], situation);

/** What the bot cannot do, said plainly, and what it can. */
export const outOfScopeCard = (person: Person, errand: Errand | undefined, situation: Situation | null): AdaptiveCardJson => card(person, ERRAND_WORDS[errand ?? 'other'], situation);
