import type { Suggestion, SuggestionTarget } from '../../app/ports';
import type { SqlDb } from './sql-db';

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
export class SqlSuggestions {
  constructor(private readonly db: SqlDb) {}

  async add(s: Omit<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>): Promise<Suggestion> {
    await this.db.run(
      `INSERT INTO ai_suggestions (id, plan_id, person_id, target, text, prompt_name, created_at, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ai_suggestions)) ON CONFLICT (id) DO NOTHING`,
      s.id,
      s.planId,
      s.personId,
      s.target === null ? null : JSON.stringify(s.target),
      s.text,
      s.promptName,
      s.createdAt,
    );
    return (await this.load(s.id))!;
  }

  async load(id: string): Promise<Suggestion | null> {
    const row = await this.db.get<SuggestionRow>('SELECT * FROM ai_suggestions WHERE id = ?', id);
    return row ? toSuggestion(row) : null;
  }

  async list(personId: string, planId: string): Promise<Suggestion[]> {
    return (await this.db.all<SuggestionRow>('SELECT * FROM ai_suggestions WHERE person_id = ? AND plan_id = ? ORDER BY created_at, seq', personId, planId)).map(toSuggestion);
  }

  async mark(id: string, change: Partial<Pick<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>>): Promise<void> {
    const sets = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((k) => change[k] !== undefined);
    if (!sets.length) return;
    await this.db.run(`UPDATE ai_suggestions SET ${sets.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`, ...sets.map((k) => change[k] ?? null), id);
  }
}
