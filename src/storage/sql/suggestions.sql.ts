import type { Selectable } from 'kysely';
import type { Suggestion, SuggestionRepository, SuggestionTarget } from '../../app/ports';
import type { AiSuggestionsTable } from './database';
import { nextSeq } from './next-seq';
import type { SqlDb } from './sql-db';

const toSuggestion = (r: Selectable<AiSuggestionsTable>): Suggestion => ({
  id: r.id,
  planId: r.plan_id,
  personId: r.person_id,
  target: r.target === null ? null : (JSON.parse(r.target) as SuggestionTarget),
  text: r.text,
  promptName: r.prompt_name,
  createdAt: r.created_at,
  usedAt: r.used_at,
  discardedAt: r.discarded_at,
  settledAt: r.settled_at,
});

/** AI drafting suggestions: private to the person they were made for, never part of the plan. */
export class SqlSuggestions implements SuggestionRepository {
  constructor(private readonly sql: SqlDb) {}

  async addSuggestion(s: Omit<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>): Promise<Suggestion> {
    await this.sql.db
      .insertInto('ai_suggestions')
      .values({
        id: s.id,
        plan_id: s.planId,
        person_id: s.personId,
        target: s.target === null ? null : JSON.stringify(s.target),
        text: s.text,
        prompt_name: s.promptName,
        created_at: s.createdAt,
        seq: nextSeq('ai_suggestions'),
      })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
    return (await this.loadSuggestion(s.id))!;
  }

  async loadSuggestion(id: string): Promise<Suggestion | null> {
    const row = await this.sql.db.selectFrom('ai_suggestions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSuggestion(row) : null;
  }

  async listSuggestions(personId: string, planId: string): Promise<Suggestion[]> {
    const rows = await this.sql.db.selectFrom('ai_suggestions').selectAll().where('person_id', '=', personId).where('plan_id', '=', planId).orderBy('created_at').orderBy('seq').execute();
    return rows.map(toSuggestion);
  }

  async markSuggestion(id: string, change: Partial<Pick<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>>): Promise<void> {
    const set = { used_at: change.usedAt, discarded_at: change.discardedAt, settled_at: change.settledAt };
    // Only what the change names is written; a field it leaves out keeps its value.
    const named = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    if (!Object.keys(named).length) return;
    await this.sql.db.updateTable('ai_suggestions').set(named).where('id', '=', id).execute();
  }
}
