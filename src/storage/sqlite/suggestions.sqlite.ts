import type Database from 'better-sqlite3';
import type { Suggestion, SuggestionTarget } from '../../app/ports';

interface SuggestionRow {
  id: string;
  plan_id: string;
  person_id: string;
  target: string | null;
  text: string;
  prompt_name: string;
  created_at: string;
  used_at: string | null;
  discarded_at: string | null;
  settled_at: string | null;
}

const toSuggestion = (r: SuggestionRow): Suggestion => ({
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

const COLUMNS = { usedAt: 'used_at', discardedAt: 'discarded_at', settledAt: 'settled_at' } as const;

/** AI drafting suggestions: private to the person they were made for, never part of the plan. */
export class SqliteSuggestions {
  constructor(private readonly db: Database.Database) {}

  add(s: Omit<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>): Suggestion {
    this.db
      .prepare('INSERT INTO ai_suggestions (id, plan_id, person_id, target, text, prompt_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(s.id, s.planId, s.personId, s.target === null ? null : JSON.stringify(s.target), s.text, s.promptName, s.createdAt);
    return this.load(s.id)!;
  }

  load(id: string): Suggestion | null {
    const row = this.db.prepare('SELECT * FROM ai_suggestions WHERE id = ?').get(id) as SuggestionRow | undefined;
    return row ? toSuggestion(row) : null;
  }

  list(personId: string, planId: string): Suggestion[] {
    return (this.db.prepare('SELECT * FROM ai_suggestions WHERE person_id = ? AND plan_id = ? ORDER BY created_at, rowid').all(personId, planId) as SuggestionRow[]).map(toSuggestion);
  }

  mark(id: string, change: Partial<Pick<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>>): void {
    const sets = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((k) => change[k] !== undefined);
    if (!sets.length) return;
    this.db.prepare(`UPDATE ai_suggestions SET ${sets.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...sets.map((k) => change[k] ?? null), id);
  }
}
