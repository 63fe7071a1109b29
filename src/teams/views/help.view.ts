import type { Person } from '../../domain/people.schema';
import type { Plan } from '../../domain/plan.schema';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { roleNote, rolesText } from '../words';

export interface CommandSummary {
  readonly name: string;
  readonly description: string;
}

export const helpCard = (person: Person, plan: Plan | null, commands: readonly CommandSummary[]): AdaptiveCardJson =>
  renderCard('help', {
    name: person.name,
    rolesText: rolesText(person),
    intro: `I keep ${plan?.header.localAuthority ?? 'the partnership'}'s Local SEND Reform Plan as one shared, versioned record, so partners fill it in here instead of chasing a Word file.`,
    roleNotes: person.roles.map((grant) => ({ text: roleNote(grant, plan) })),
    commands,
    statusVerb: VERBS.showStatus,
  });
