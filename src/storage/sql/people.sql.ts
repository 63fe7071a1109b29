import type { ChangeMeta, Clock } from '../../app/ports';
import { Person, RoleGrant } from '../../domain/people.schema';
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
          await tx.run('DELETE FROM people WHERE id = ?', change.key);
          continue;
        }
        const person = change.after as Person;
        await tx.run(
          'INSERT INTO people (id, name, email, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, updated_at = excluded.updated_at',
          person.id,
          person.name,
          person.email,
          at,
        );
        await tx.run('DELETE FROM person_roles WHERE person_id = ?', person.id);
        for (const [i, grant] of person.roles.entries()) {
          const { role, ...details } = grant;
          await tx.run('INSERT INTO person_roles (person_id, position, role, details) VALUES (?, ?, ?, ?)', person.id, i, role, JSON.stringify(details));
        }
      }
      await this.audit(tx, null, null, at, meta, diff.changes);
      return diff.counts;
    });
  }

  /** Everyone (or one person), with their roles: one statement, so a roster being replaced is seen before or after, never half done. */
  async read(db: Sql = this.db, id?: string): Promise<Person[]> {
    const rows = await db.all<{ id: string; name: string; email: string | null; role: string | null; details: string | null }>(
      `SELECT p.id, p.name, p.email, r.role, r.details FROM people p LEFT JOIN person_roles r ON r.person_id = p.id
       ${id ? 'WHERE p.id = ?' : ''} ORDER BY p.name, p.id, r.position`,
      ...(id ? [id] : []),
    );
    const people = new Map<string, { id: string; name: string; email: string | null; roles: unknown[] }>();
    for (const r of rows) {
      const person = people.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [] };
      people.set(r.id, person);
      if (r.role !== null) person.roles.push(RoleGrant.parse({ role: r.role, ...JSON.parse(r.details ?? '{}') }));
    }
    return [...people.values()].map((p) => Person.parse(p));
  }

  /**
   * Every turn passes its conversation here, and it is almost always the one already kept: the
   * database changes the row only when it differs.
   */
  async saveConversation(personId: string, reference: unknown): Promise<void> {
    await this.db.run(
      `INSERT INTO conversations (person_id, reference, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at WHERE conversations.reference <> excluded.reference`,
      personId,
      JSON.stringify(reference),
      this.clock.now().toISOString(),
    );
  }

  async loadConversation(personId: string): Promise<unknown | null> {
    const row = await this.db.get<{ reference: string }>('SELECT reference FROM conversations WHERE person_id = ?', personId);
    return row ? JSON.parse(row.reference) : null;
  }
}
