import { hasRole, type Person, type RoleName } from '../../domain/people.schema';
import type { Plan } from '../../domain/plan.schema';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { roleNote, rolesText } from '../words';
import { examplesFor } from '../intent.examples';
import { exampleButtons } from './intent.view';

export interface CommandSummary {
  readonly name: string;
  readonly description: string;
  /** Offered only to people with one of these roles; to everyone when absent. */
  readonly roles?: readonly RoleName[];
}

export const helpCard = (person: Person, plan: Plan | null, commands: readonly CommandSummary[]): AdaptiveCardJson =>
  renderCard('help', {
    name: person.name,
    rolesText: rolesText(person),
    intro: `I keep ${plan?.header.localAuthority ?? 'the partnership'}'s Local SEND Reform Plan as one shared, versioned record, so partners fill it in here instead of chasing a Word file.`,
    roleNotes: person.roles.map((grant) => ({ text: roleNote(grant, plan) })),
    commands: commands.filter((c) => !c.roles || c.roles.some((role) => hasRole(person, role))).map((c) => ({ name: c.name, description: c.description })),
    statusVerb: VERBS.showStatus,
    // Buttons that run what this person's roles do most, as if they had typed it.
    examples: exampleButtons(examplesFor(person)),
  });
