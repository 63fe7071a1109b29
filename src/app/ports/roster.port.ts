import type { Person } from '../../domain/people.schema';
import type { ChangeMeta } from './plan.port';

/** The people who may use the bot and their roles. */
export interface RosterRepository {
  /** Make the stored roster equal `people`; returns how many people were added, changed or removed. */
  replaceRoster(people: readonly Person[], meta: ChangeMeta): Promise<{ added: number; changed: number; removed: number }>;
  findPerson(id: string): Promise<Person | null>;
  listPeople(): Promise<Person[]>;
  /** Everyone, with the version each card about them was made from. */
  listPersonRecords(): Promise<PersonRecord[]>;
  loadPersonRecord(id: string): Promise<PersonRecord | null>;
  /**
   * Adds (`expectedVersion` 0) or changes one person if they are still at `expectedVersion`
   * (ROSTER.STALE_VERSION otherwise). Refused with ROSTER.LAST_SRO when it would leave nobody as
   * SRO. A request id seen before changes nothing and answers the record as it now is (null if
   * they have since been removed).
   */
  savePerson(person: Person, expectedVersion: number, meta: ChangeMeta, options?: RosterChangeOptions): Promise<{ record: PersonRecord | null; replayed: boolean }>;
  /**
   * Removes one person at `expectedVersion`; the same refusals as savePerson. Their record stays,
   * removed, so their version never goes back and the roster file does not add them again.
   */
  removePerson(id: string, expectedVersion: number, meta: ChangeMeta, options?: RosterChangeOptions): Promise<{ replayed: boolean }>;
  /** Ids of people who were on the roster and were removed. */
  removedPersonIds(): Promise<string[]>;
}

export interface RosterChangeOptions {
  /** The actor (meta.actorId) must be an SRO on the roster as it stands inside the change (AUTH.FORBIDDEN otherwise). */
  readonly actorMustBeSro?: boolean;
}

export interface PersonRecord {
  readonly person: Person;
  /** Goes up by one with every change to the person, whoever makes it (Teams or the roster file). */
  readonly version: number;
}
