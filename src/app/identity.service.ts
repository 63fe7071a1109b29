import { DomainError } from '../domain/errors';
import type { Person } from '../domain/people.schema';
import type { RosterRepository } from './ports';

/** Who is talking to the bot. Someone not on the roster is told to ask their council's SEND team, and can change nothing. */
export class IdentityService {
  constructor(private readonly roster: RosterRepository) {}

  async identify(personId: string | undefined): Promise<Person> {
    const person = personId ? await this.roster.findPerson(personId) : null;
    if (person) return person;
    // Nothing about the roster (no SRO's name or email) is told to, or logged for, someone outside it.
    throw new DomainError('ROSTER.UNKNOWN_PERSON', 'This person is not on the roster', { personId: personId ?? null });
  }
}
