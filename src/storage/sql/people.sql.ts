import type { ChangeMeta, Clock, ConversationRepository, PersonRecord, RosterChangeOptions, RosterRepository } from '../../app/ports';
import type { ConversationRecord, ConversationStateRepository } from '../../app/partnership-team.port';
import { DomainError } from '../../domain/errors';
import { hasRole, Person, RoleGrant } from '../../domain/people.schema';
import { diffRoster } from '../roster-diff';
import { deepFreeze } from './deep-freeze';
import type { Audit } from './audit.sql';
import type { QueryCreator } from 'kysely';
import type { Database } from './database';
import { prepared, type Sql, type SqlDb } from './sql-db';

/** People still on the roster, a row per role they hold (or one without a role). */
const personRows = (db: QueryCreator<Database>) =>
  db
    .selectFrom('people as p')
    .leftJoin('person_roles as r', 'r.person_id', 'p.id')
    .select(['p.id', 'p.name', 'p.email', 'p.version', 'r.role', 'r.details'])
    .where('p.removed_at', 'is', null);
type PersonRow = { id: string; name: string; email: string | null; version: number | string; role: string | null; details: string | null };
const RECORDS = prepared((db) => personRows(db).orderBy('p.name').orderBy('p.id').orderBy('r.position'));
/** One person: read on every turn, for who is talking to the bot. */
const RECORD = prepared((db, v: { id: string }) => personRows(db).where('p.id', '=', v.id).orderBy('r.position'));
/** What saving where someone can be reached is told: the reference as stored (its JSON). */
type ConversationValues = { personId: string; reference: string; at: string };

/**
 * Where someone can be reached, kept only when it differs from what is kept (or that chat was
 * marked removed): a turn from a chat already kept proposes no row, so it writes nothing, and on
 * PostgreSQL locks no row either (ON CONFLICT DO UPDATE locks the row it meets even when its WHERE
 * then changes nothing; every turn of one person waited on that lock). The ON CONFLICT's own test
 * covers a row another instance wrote in between. `onRoster`: only for someone on the roster.
 */
const saveConversation = (db: QueryCreator<Database>, v: ConversationValues, onRoster: boolean) =>
  db
    .insertInto('conversations')
    .columns(['person_id', 'reference', 'updated_at'])
    .expression(
      db
        .selectNoFrom((eb) => [eb.val(v.personId).as('person_id'), eb.val(v.reference).as('reference'), eb.val(v.at).as('updated_at')])
        .where((eb) =>
          eb.and([
            eb.not(eb.exists(eb.selectFrom('conversations as kept').select('kept.person_id').where('kept.person_id', '=', v.personId).where('kept.reference', '=', v.reference).where('kept.removed_at', 'is', null))),
            ...(onRoster ? [eb.exists(eb.selectFrom('people as known').select('known.id').where('known.id', '=', v.personId).where('known.removed_at', 'is', null))] : []),
          ]),
        ),
    )
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet((eb) => ({ reference: eb.ref('excluded.reference'), updated_at: eb.ref('excluded.updated_at'), removed_at: null }))
        .where((eb) => eb.or([eb('conversations.reference', '<>', eb.ref('excluded.reference')), eb('conversations.removed_at', 'is not', null)])),
    );
const SAVE_CONVERSATION = prepared((db, v: ConversationValues) => saveConversation(db, v, false));
/**
 * SQLite: someone's rows (RECORD's) with the chat kept for them, read together; the chat is then
 * written only when it differs (an INSERT that inserts nothing still takes SQLite's write lock).
 * A chat found as it should be is left as found: should it change just after (its removal marked
 * by another turn), that change simply came after this turn's, as it can on PostgreSQL too.
 */
const RECORD_WITH_CHAT = prepared((db, v: { id: string }) =>
  personRows(db)
    .leftJoin('conversations as c', 'c.person_id', 'p.id')
    .select(['c.reference as chat', 'c.removed_at as chatRemovedAt'])
    .where('p.id', '=', v.id)
    .orderBy('r.position'),
);
/**
 * PostgreSQL: someone's rows (RECORD's), and where they can be reached kept if they are on the
 * roster and it changed, in one statement (one round trip instead of two on every turn). SQLite
 * cannot write inside a WITH: it reads RECORD_WITH_CHAT, then runs SAVE_CONVERSATION if need be.
 */
const RECORD_AND_REMEMBER = prepared((db, v: ConversationValues) =>
  // The select reads none of the WITH's rows, only the tables it has beside it: typed as they are.
  personRows(db.with('remembered', (qc) => saveConversation(qc, v, true).returning('person_id')) as unknown as QueryCreator<Database>)
    .where('p.id', '=', v.personId)
    .orderBy('r.position'),
);

/** The roster (people and their roles) and where each person can be reached. */
export class SqlPeople implements RosterRepository, ConversationRepository, ConversationStateRepository {
  /**
   * Each person as last read and validated, with the stored text it came from: the person acting is
   * read on every turn, and is validated again only when what is stored for them has changed.
   */
  readonly #parsed = new Map<string, { stored: string; record: PersonRecord }>();

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  async replaceRoster(people: readonly Person[], meta: ChangeMeta): Promise<{ added: number; changed: number; removed: number }> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock('roster');
      const diff = diffRoster(await this.#read(tx), people);
      for (const change of diff.changes) {
        if (change.action === 'delete') {
          await this.#markRemoved(tx, change.key, at);
          continue;
        }
        const person = change.after as Person;
        await tx.db
          .insertInto('people')
          .values({ id: person.id, name: person.name, email: person.email, updated_at: at })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              email: eb.ref('excluded.email'),
              updated_at: eb.ref('excluded.updated_at'),
              version: eb('people.version', '+', 1),
              removed_at: null,
            })),
          )
          .execute();
        await this.#writeRoles(tx, person);
      }
      await this.audit(tx, null, null, at, meta, diff.changes);
      return diff.counts;
    });
  }

  /** Removed, not deleted: the row keeps the person's version and says they were once on the roster. */
  async #markRemoved(tx: Sql, id: string, at: string): Promise<void> {
    await tx.db.deleteFrom('person_roles').where('person_id', '=', id).execute();
    await tx.db
      .updateTable('people')
      .set((eb) => ({ removed_at: at, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .execute();
  }

  /** People who were on the roster and were removed: the roster file does not add them again. */
  async removedPersonIds(): Promise<string[]> {
    return (await this.db.db.selectFrom('people').select('id').where('removed_at', 'is not', null).orderBy('id').execute()).map((r) => r.id);
  }

  async #writeRoles(tx: Sql, person: Person): Promise<void> {
    await tx.db.deleteFrom('person_roles').where('person_id', '=', person.id).execute();
    for (const [i, grant] of person.roles.entries()) {
      const { role, ...details } = grant;
      await tx.db.insertInto('person_roles').values({ person_id: person.id, position: i, role, details: JSON.stringify(details) }).execute();
    }
  }

  async findPerson(id: string): Promise<Person | null> {
    return (await this.#read(this.db, id))[0] ?? null;
  }

  async listPeople(): Promise<Person[]> {
    return this.#read();
  }

  async listPersonRecords(): Promise<PersonRecord[]> {
    return this.#records();
  }

  async loadPersonRecord(id: string): Promise<PersonRecord | null> {
    return (await this.#records(this.db, id))[0] ?? null;
  }

  /** Everyone (or one person), with their roles: one statement, so a roster being replaced is seen before or after, never half done. */
  async #read(db: Sql = this.db, id?: string): Promise<Person[]> {
    return (await this.#records(db, id)).map((r) => r.person);
  }

  async #records(db: Sql = this.db, id?: string): Promise<PersonRecord[]> {
    return this.#recordsOf((id ? await db.run(RECORD, { id }) : await db.run(RECORDS, {})).rows);
  }

  #recordsOf(rows: readonly PersonRow[]): PersonRecord[] {
    const people = new Map<string, { rows: PersonRow[]; stored: string }>();
    for (const r of rows) {
      const person = people.get(r.id) ?? { rows: [], stored: JSON.stringify([r.name, r.email, r.version]) };
      people.set(r.id, person);
      person.rows.push(r);
      if (r.role !== null) person.stored += JSON.stringify([r.role, r.details]);
    }
    return [...people].map(([personId, { rows: own, stored }]) => {
      const known = this.#parsed.get(personId);
      if (known?.stored === stored) return known.record;
      const [first] = own;
      const roles = own.filter((r) => r.role !== null).map((r) => RoleGrant.parse({ role: r.role, ...JSON.parse(r.details ?? '{}') }));
      const record = deepFreeze({ person: Person.parse({ id: personId, name: first!.name, email: first!.email, roles }), version: Number(first!.version) });
      if (this.#parsed.size >= 10_000) this.#parsed.clear();
      this.#parsed.set(personId, { stored, record });
      return record;
    });
  }

  async savePerson(person: Person, expectedVersion: number, meta: ChangeMeta, options: RosterChangeOptions = {}): Promise<{ record: PersonRecord | null; replayed: boolean }> {
    const valid = Person.parse(person);
    return this.#changeOne(valid.id, expectedVersion, meta, valid, options);
  }

  async removePerson(id: string, expectedVersion: number, meta: ChangeMeta, options: RosterChangeOptions = {}): Promise<{ replayed: boolean }> {
    return { replayed: (await this.#changeOne(id, expectedVersion, meta, null, options)).replayed };
  }

  /** One person added, changed (`next`) or removed (null), under the roster lock, version-checked, audited. */
  async #changeOne(id: string, expectedVersion: number, meta: ChangeMeta, next: Person | null, options: RosterChangeOptions): Promise<{ record: PersonRecord | null; replayed: boolean }> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock('roster');
      const everyone = await this.#records(tx);
      // Checked again under the lock: an SRO whose role was taken a moment ago cannot still hand it on.
      if (options.actorMustBeSro && !everyone.some((r) => r.person.id === meta.actorId && hasRole(r.person, 'sro'))) {
        throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can change who may use the bot.");
      }
      const current = everyone.find((r) => r.person.id === id) ?? null;
      if (meta.requestId && (await tx.db.selectFrom('roster_requests').select('request_id').where('request_id', '=', meta.requestId).executeTakeFirst())) {
        return { record: current, replayed: true };
      }
      if ((current?.version ?? 0) !== expectedVersion) {
        throw new DomainError('ROSTER.STALE_VERSION', 'This person was changed after the card was sent', { personId: id, expectedVersion, actualVersion: current?.version ?? 0 });
      }
      if (!current && !next) throw new DomainError('ROSTER.STALE_VERSION', 'This person is no longer on the roster', { personId: id });
      const srosBefore = everyone.filter((r) => hasRole(r.person, 'sro')).length;
      const srosAfter = srosBefore - (current && hasRole(current.person, 'sro') ? 1 : 0) + (next && hasRole(next, 'sro') ? 1 : 0);
      if (srosBefore > 0 && srosAfter === 0) throw new DomainError('ROSTER.LAST_SRO', 'The roster must keep at least one SRO', { personId: id });
      // A person added again goes on from the version their removal left, never back to 1.
      const row = await tx.db.selectFrom('people').select('version').where('id', '=', id).executeTakeFirst();
      const version = Number(row?.version ?? 0) + 1;
      if (next) {
        await tx.db
          .insertInto('people')
          .values({ id: next.id, name: next.name, email: next.email, updated_at: at, version })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              email: eb.ref('excluded.email'),
              updated_at: eb.ref('excluded.updated_at'),
              version: eb.ref('excluded.version'),
              removed_at: null,
            })),
          )
          .execute();
        await this.#writeRoles(tx, next);
      } else {
        await this.#markRemoved(tx, id, at);
      }
      if (meta.requestId) await tx.db.insertInto('roster_requests').values({ request_id: meta.requestId, person_id: id, version, at }).execute();
      await this.audit(tx, null, null, at, meta, [{ action: !current ? 'create' : next ? 'update' : 'delete', key: id, kind: 'person', before: current?.person ?? null, after: next }]);
      return { record: next ? { person: next, version } : null, replayed: false };
    });
  }

  /** Writing to the bot again (or adding the app again) ends an earlier removal; an unchanged chat is not written. */
  async saveConversation(personId: string, reference: unknown): Promise<void> {
    await this.db.run(SAVE_CONVERSATION, this.#conversation(personId, reference));
  }

  /**
   * Every turn from someone's own 1:1 chat: who they are, and their chat kept if they are on the
   * roster. It is almost always the one already kept, and then nothing is written.
   */
  async rememberConversation(personId: string, reference: unknown): Promise<Person | null> {
    const values = this.#conversation(personId, reference);
    if (this.db.dialect === 'postgres') return this.#recordsOf((await this.db.run(RECORD_AND_REMEMBER, values)).rows)[0]?.person ?? null;
    const { rows } = await this.db.run(RECORD_WITH_CHAT, { id: personId });
    const person = this.#recordsOf(rows)[0]?.person ?? null;
    const [kept] = rows;
    if (person && (kept?.chat !== values.reference || kept.chatRemovedAt !== null)) await this.db.run(SAVE_CONVERSATION, values);
    return person;
  }

  #conversation(personId: string, reference: unknown): ConversationValues {
    return { personId, reference: JSON.stringify(reference), at: this.clock.now().toISOString() };
  }

  /** Where they can be reached; null once they removed the app, until they add it again. */
  async loadConversation(personId: string): Promise<unknown | null> {
    const record = await this.loadConversationRecord(personId);
    return record && !record.removedAt ? record.reference : null;
  }

  async loadConversationRecord(personId: string): Promise<ConversationRecord | null> {
    const row = await this.db.db.selectFrom('conversations').select(['reference', 'removed_at']).where('person_id', '=', personId).executeTakeFirst();
    return row ? { reference: JSON.parse(row.reference), removedAt: row.removed_at } : null;
  }

  async markConversationRemoved(personId: string): Promise<void> {
    await this.db.db.updateTable('conversations').set({ removed_at: this.clock.now().toISOString() }).where('person_id', '=', personId).where('removed_at', 'is', null).execute();
  }
}
