import type { Person } from '../domain/people.schema';
import type { Store } from './ports';

/** Who is on the roster, for the cards that name or offer people: reads only. */
export class RosterQueries {
  constructor(private readonly store: Store) {}

  everyone(): Promise<Person[]> {
    return this.store.listPeople();
  }

  find(id: string): Promise<Person | null> {
    return this.store.findPerson(id);
  }

  async names(): Promise<Map<string, string>> {
    return new Map((await this.store.listPeople()).map((p) => [p.id, p.name]));
  }
}
