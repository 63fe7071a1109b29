import type Database from 'better-sqlite3';
import type { ChangeMeta, PartChange, SignOffAnswer, SignOffQuestion } from '../../app/ports';

type Audit = (planId: string | null, version: number | null, at: string, meta: ChangeMeta, changes: readonly PartChange[]) => void;

interface QuestionRow {
  id: string;
  round_id: string;
  role: SignOffQuestion['role'];
  person_id: string;
  asker_name: string;
  asked_at: string;
  question: string;
  answered_by: string | null;
  answerer_name: string | null;
  answered_at: string | null;
  answer: string | null;
  answer_request: string | null;
}

const toQuestion = (r: QuestionRow): SignOffQuestion => ({
  id: r.id,
  roundId: r.round_id,
  role: r.role,
  personId: r.person_id,
  askerName: r.asker_name,
  askedAt: r.asked_at,
  question: r.question,
  answer: r.answered_at === null ? null : { byId: r.answered_by ?? '', byName: r.answerer_name ?? '', at: r.answered_at, text: r.answer ?? '', requestId: r.answer_request },
});

/** Signatories' questions about a round and the SRO's answers; each write audited, with its notifications. */
export class SqliteSignOffQuestions {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: Audit,
  ) {}

  add(question: Omit<SignOffQuestion, 'answer'>, meta: ChangeMeta, at: string): SignOffQuestion {
    return this.db.transaction(() => {
      const existing = this.load(question.id);
      if (existing) return existing;
      this.db
        .prepare('INSERT INTO signoff_questions (id, round_id, role, person_id, asker_name, asked_at, question) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(question.id, question.roundId, question.role, question.personId, question.askerName, question.askedAt, question.question);
      const stored = this.load(question.id)!;
      this.audit(this.planOf(question.roundId), null, at, meta, [{ action: 'create', key: `signoff/${question.roundId}/questions/${question.id}`, kind: 'signoff-question', before: null, after: stored }]);
      return stored;
    })();
  }

  answer(id: string, answer: SignOffAnswer, meta: ChangeMeta, at: string): boolean {
    return this.db.transaction(() => {
      const before = this.load(id);
      if (!before || before.answer) return false;
      this.db
        .prepare('UPDATE signoff_questions SET answered_by = ?, answerer_name = ?, answered_at = ?, answer = ?, answer_request = ? WHERE id = ? AND answered_at IS NULL')
        .run(answer.byId, answer.byName, answer.at, answer.text, answer.requestId, id);
      this.audit(this.planOf(before.roundId), null, at, meta, [{ action: 'update', key: `signoff/${before.roundId}/questions/${id}`, kind: 'signoff-question', before, after: this.load(id) }]);
      return true;
    })();
  }

  load(id: string): SignOffQuestion | null {
    const row = this.db.prepare('SELECT * FROM signoff_questions WHERE id = ?').get(id) as QuestionRow | undefined;
    return row ? toQuestion(row) : null;
  }

  list(roundId: string): SignOffQuestion[] {
    return (this.db.prepare('SELECT * FROM signoff_questions WHERE round_id = ? ORDER BY asked_at, rowid').all(roundId) as QuestionRow[]).map(toQuestion);
  }

  private planOf(roundId: string): string | null {
    return (this.db.prepare('SELECT plan_id FROM signoff_rounds WHERE id = ?').get(roundId) as { plan_id: string } | undefined)?.plan_id ?? null;
  }
}
