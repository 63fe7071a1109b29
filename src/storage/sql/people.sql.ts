import type { ChangeMeta, Clock } from '../../app/ports';
import { Person, RoleGrant } from '../../domain/people.schema';
import { diffRoster } from '../roster-diff';
import type { Audit } from './audit.sql';
import type { Sql, SqlDb } from './sql-db';

/** The roster (people and their roles) and where each person can be reached. */
export class SqlPeople {
  /** The conversation this instance last kept for each person. */
  private readonly conversations = new Map<string, string>();

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

  /** Everyone (or one person), with their roles, in two queries however many people there are. */
  async read(db: Sql = this.db, id?: string): Promise<Person[]> {
    const people = await db.all<{ id: string; name: string; email: string | null }>(`SELECT id, name, email FROM people ${id ? 'WHERE id = ?' : ''} ORDER BY name, id`, ...(id ? [id] : []));
    const roles = await db.all<{ person_id: string; role: string; details: string }>(
      `SELECT person_id, role, details FROM person_roles ${id ? 'WHERE person_id = ?' : ''} ORDER BY person_id, position`,
      ...(id ? [id] : []),
    );
    const byPerson = new Map<string, { role: string; details: string }[]>();
    for (const r of roles) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
    return people.map((p) => Person.parse({ ...p, roles: (byPerson.get(p.id) ?? []).map((r) => RoleGrant.parse({ role: r.role, ...JSON.parse(r.details) })) }));
  }

  /**
   * Every turn passes its conversation here, and it is almost always the one already kept: that
   * is written only when it changed (another instance may have kept a newer one, so the check is
   * made by the database, after a cheap one here).
   */
  async saveConversation(personId: string, reference: unknown): Promise<void> {
    const json = JSON.stringify(reference);
    if (this.conversations.get(personId) === json) return;
    await this.db.run(
      `INSERT INTO conversations (person_id, reference, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at WHERE conversations.reference <> excluded.reference`,
      personId,
      json,
      this.clock.now().toISOString(),
    );
    if (this.conversations.size >= 10_000) this.conversations.clear();
    this.conversations.set(personId, json);
  }

  async loadConversation(personId: string): Promise<unknown | null> {
    const row = await this.db.get<{ reference: string }>('SELECT reference FROM conversations WHERE person_id = ?', personId);
    if (row) this.conversations.set(personId, row.reference);
    return row ? JSON.parse(row.reference) : null;
  }
}
