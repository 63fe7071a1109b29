import type { ChangeMeta, Clock, PersonRecord, RosterChangeOptions } from '../../app/ports';
import type { ConversationRecord } from '../../app/partnership-team.port';
import { DomainError } from '../../domain/errors';
import { hasRole, Person, RoleGrant } from '../../domain/people.schema';
import { diffRoster } from '../roster-diff';
import type { Audit } from './audit.sql';
import type { Sql, SqlDb } from './sql-db';

/** The roster (people and their roles) and where each person can be reached. */
export class SqlPeople {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  replaceRoster(people: readonly Person[], meta: ChangeMeta) {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock('roster');
      const diff = diffRoster(await this.read(tx), people);
      for (const change of diff.changes) {
        if (change.action === 'delete') {
          await this.markRemoved(tx, change.key, at);
          continue;
        }
        const person = change.after as Person;
        await tx.run(
          'INSERT INTO people (id, name, email, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, updated_at = excluded.updated_at, version = people.version + 1, removed_at = NULL',
          person.id,
          person.name,
          person.email,
          at,
        );
        await this.writeRoles(tx, person);
      }
      await this.audit(tx, null, null, at, meta, diff.changes);
      return diff.counts;
    });
  }

  /** Removed, not deleted: the row keeps the person's version and says they were once on the roster. */
  private async markRemoved(tx: Sql, id: string, at: string): Promise<void> {
    await tx.run('DELETE FROM person_roles WHERE person_id = ?', id);
    await tx.run('UPDATE people SET removed_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND removed_at IS NULL', at, at, id);
  }

  /** People who were on the roster and were removed: the roster file does not add them again. */
  async removedIds(): Promise<string[]> {
    return (await this.db.all<{ id: string }>('SELECT id FROM people WHERE removed_at IS NOT NULL ORDER BY id')).map((r) => r.id);
  }

  private async writeRoles(tx: Sql, person: Person): Promise<void> {
    await tx.run('DELETE FROM person_roles WHERE person_id = ?', person.id);
    for (const [i, grant] of person.roles.entries()) {
      const { role, ...details } = grant;
      await tx.run('INSERT INTO person_roles (person_id, position, role, details) VALUES (?, ?, ?, ?)', person.id, i, role, JSON.stringify(details));
    }
  }

  /** Everyone (or one person), with their roles: one statement, so a roster being replaced is seen before or after, never half done. */
  async read(db: Sql = this.db, id?: string): Promise<Person[]> {
    return (await this.records(db, id)).map((r) => r.person);
  }

  async records(db: Sql = this.db, id?: string): Promise<PersonRecord[]> {
    const rows = await db.all<{ id: string; name: string; email: string | null; version: number; role: string | null; details: string | null }>(
      `SELECT p.id, p.name, p.email, p.version, r.role, r.details FROM people p LEFT JOIN person_roles r ON r.person_id = p.id
       WHERE p.removed_at IS NULL ${id ? 'AND p.id = ?' : ''} ORDER BY p.name, p.id, r.position`,
      ...(id ? [id] : []),
    );
    const people = new Map<string, { person: { id: string; name: string; email: string | null; roles: unknown[] }; version: number }>();
    for (const r of rows) {
      const record = people.get(r.id) ?? { person: { id: r.id, name: r.name, email: r.email, roles: [] }, version: Number(r.version) };
      people.set(r.id, record);
      if (r.role !== null) record.person.roles.push(RoleGrant.parse({ role: r.role, ...JSON.parse(r.details ?? '{}') }));
    }
    return [...people.values()].map((r) => ({ person: Person.parse(r.person), version: r.version }));
  }

  savePerson(person: Person, expectedVersion: number, meta: ChangeMeta, options: RosterChangeOptions = {}): Promise<{ record: PersonRecord | null; replayed: boolean }> {
    const valid = Person.parse(person);
    return this.changeOne(valid.id, expectedVersion, meta, valid, options);
  }

  async removePerson(id: string, expectedVersion: number, meta: ChangeMeta, options: RosterChangeOptions = {}): Promise<{ replayed: boolean }> {
    return { replayed: (await this.changeOne(id, expectedVersion, meta, null, options)).replayed };
  }

  /** One person added, changed (`next`) or removed (null), under the roster lock, version-checked, audited. */
  private changeOne(id: string, expectedVersion: number, meta: ChangeMeta, next: Person | null, options: RosterChangeOptions): Promise<{ record: PersonRecord | null; replayed: boolean }> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock('roster');
      const everyone = await this.records(tx);
      // Checked again under the lock: an SRO whose role was taken a moment ago cannot still hand it on.
      if (options.actorMustBeSro && !everyone.some((r) => r.person.id === meta.actorId && hasRole(r.person, 'sro'))) {
        throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can change who may use the bot.");
      }
      const current = everyone.find((r) => r.person.id === id) ?? null;
      if (meta.requestId && (await tx.get('SELECT 1 AS found FROM roster_requests WHERE request_id = ?', meta.requestId))) return { record: current, replayed: true };
      if ((current?.version ?? 0) !== expectedVersion) {
        throw new DomainError('ROSTER.STALE_VERSION', 'This person was changed after the card was sent', { personId: id, expectedVersion, actualVersion: current?.version ?? 0 });
      }
      if (!current && !next) throw new DomainError('ROSTER.STALE_VERSION', 'This person is no longer on the roster', { personId: id });
      const srosBefore = everyone.filter((r) => hasRole(r.person, 'sro')).length;
      const srosAfter = srosBefore - (current && hasRole(current.person, 'sro') ? 1 : 0) + (next && hasRole(next, 'sro') ? 1 : 0);
      if (srosBefore > 0 && srosAfter === 0) throw new DomainError('ROSTER.LAST_SRO', 'The roster must keep at least one SRO', { personId: id });
      // A person added again goes on from the version their removal left, never back to 1.
      const row = await tx.get<{ version: number }>('SELECT version FROM people WHERE id = ?', id);
      const version = Number(row?.version ?? 0) + 1;
      if (next) {
        await tx.run(
          'INSERT INTO people (id, name, email, updated_at, version) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, updated_at = excluded.updated_at, version = excluded.version, removed_at = NULL',
          next.id,
          next.name,
          next.email,
          at,
          version,
        );
        await this.writeRoles(tx, next);
      } else {
        await this.markRemoved(tx, id, at);
      }
      if (meta.requestId) await tx.run('INSERT INTO roster_requests (request_id, person_id, version, at) VALUES (?, ?, ?, ?)', meta.requestId, id, version, at);
      await this.audit(tx, null, null, at, meta, [{ action: !current ? 'create' : next ? 'update' : 'delete', key: id, kind: 'person', before: current?.person ?? null, after: next }]);
      return { record: next ? { person: next, version } : null, replayed: false };
    });
  }

  /**
   * Every turn passes its conversation here, and it is almost always the one already kept: the
   * database changes the row only when it differs.
   */
  async saveConversation(personId: string, reference: unknown): Promise<void> {
    // Writing to the bot again (or adding the app again) ends an earlier removal.
    await this.db.run(
      `INSERT INTO conversations (person_id, reference, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at, removed_at = NULL
       WHERE conversations.reference <> excluded.reference OR conversations.removed_at IS NOT NULL`,
      personId,
      JSON.stringify(reference),
      this.clock.now().toISOString(),
    );
  }

  /** Where they can be reached; null once they removed the app, until they add it again. */
  async loadConversation(personId: string): Promise<unknown | null> {
    const record = await this.loadConversationRecord(personId);
    return record && !record.removedAt ? record.reference : null;
  }

  async loadConversationRecord(personId: string): Promise<ConversationRecord | null> {
    const row = await this.db.get<{ reference: string; removed_at: string | null }>('SELECT reference, removed_at FROM conversations WHERE person_id = ?', personId);
    return row ? { reference: JSON.parse(row.reference), removedAt: row.removed_at } : null;
  }

  async markConversationRemoved(personId: string): Promise<void> {
    await this.db.run('UPDATE conversations SET removed_at = ? WHERE person_id = ? AND removed_at IS NULL', this.clock.now().toISOString(), personId);
  }
}
