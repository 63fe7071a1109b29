import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import type { RosterRepository } from './ports';

/** Who is talking to the bot. Someone not on the roster is told whom to ask, and can change nothing. */
export class IdentityService {
  constructor(private readonly roster: RosterRepository) {}

  async identify(personId: string | undefined): Promise<Person> {
    const person = personId ? await this.roster.findPerson(personId) : null;
    if (person) return person;
    const contacts = (await this.roster.listPeople()).filter((p) => hasRole(p, 'sro')).map((p) => ({ name: p.name, email: p.email }));
    throw new DomainError('ROSTER.UNKNOWN_PERSON', 'This person is not on the roster', { personId: personId ?? null, contacts });
  }
}
