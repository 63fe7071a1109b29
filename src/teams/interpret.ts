import { decide, READ_FOR_QUESTION, type Decision, type Situation } from '../app/understanding/intent-decision';
import type { PlanVocabulary, Understanding } from '../app/understanding.port';
import { matchCommand } from './commands';

/**
 * The first answer to a typed message: a command's name or phrase opens its screen, anything else
 * is read in the person's own words and weighed by what waits for them. The values it names
 * (a quarter, a person, a date) are read either way, so "post my q3 update" knows its quarter.
 */
export const interpret = async (understanding: Understanding, text: string, vocabulary: PlanVocabulary, situation: () => Promise<Situation>): Promise<Decision> => {
  const understood = await understanding.understand(text, vocabulary);
  const command = matchCommand(text);
  // A command's words are never what someone said for a form ("feedback" is not feedback).
  // "sign off?" asks how sign-off stands, as any question does.
  const intent = command && ((understood.question && READ_FOR_QUESTION[command.intent]) || command.intent);
  if (intent) return { kind: 'open', intent, entities: { ...understood.entities, said: undefined } };
  return decide(understood, await situation());
};
