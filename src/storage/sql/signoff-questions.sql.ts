import type { ChangeMeta, SignOffAnswer, SignOffQuestion } from '../../app/ports';
import type { Audit } from './audit.sql';
import type { Sql, SqlDb } from './sql-db';

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
export class SqlSignOffQuestions {
  constructor(
    private readonly db: SqlDb,
    private readonly audit: Audit,
  ) {}

  add(question: Omit<SignOffQuestion, 'answer'>, meta: ChangeMeta, at: string): Promise<SignOffQuestion> {
    return this.db.transaction(async (tx) => {
      await tx.lock(`signoff-question/${question.id}`);
      const existing = await this.load(question.id, tx);
      if (existing) return existing;
      await tx.run(
        `INSERT INTO signoff_questions (id, round_id, role, person_id, asker_name, asked_at, question, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM signoff_questions))`,
        question.id,
        question.roundId,
        question.role,
        question.personId,
        question.askerName,
        question.askedAt,
        question.question,
      );
      const stored = (await this.load(question.id, tx))!;
      await this.audit(tx, await this.planOf(tx, question.roundId), null, at, meta, [
        { action: 'create', key: `signoff/${question.roundId}/questions/${question.id}`, kind: 'signoff-question', before: null, after: stored },
      ]);
      return stored;
    });
  }

  answer(id: string, answer: SignOffAnswer, meta: ChangeMeta, at: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const before = await this.load(id, tx, tx.forUpdate);
      if (!before || before.answer) return false;
      const changed = await tx.run(
        'UPDATE signoff_questions SET answered_by = ?, answerer_name = ?, answered_at = ?, answer = ?, answer_request = ? WHERE id = ? AND answered_at IS NULL',
        answer.byId,
        answer.byName,
        answer.at,
        answer.text,
        answer.requestId,
        id,
      );
      if (changed !== 1) return false;
      await this.audit(tx, await this.planOf(tx, before.roundId), null, at, meta, [
        { action: 'update', key: `signoff/${before.roundId}/questions/${id}`, kind: 'signoff-question', before, after: await this.load(id, tx) },
      ]);
      return true;
    });
  }

  async load(id: string, db: Sql = this.db, lock = ''): Promise<SignOffQuestion | null> {
    const row = await db.get<QuestionRow>(`SELECT * FROM signoff_questions WHERE id = ?${lock}`, id);
    return row ? toQuestion(row) : null;
  }

  async list(roundId: string): Promise<SignOffQuestion[]> {
    return (await this.db.all<QuestionRow>('SELECT * FROM signoff_questions WHERE round_id = ? ORDER BY asked_at, seq', roundId)).map(toQuestion);
  }

  private async planOf(tx: Sql, roundId: string): Promise<string | null> {
    return (await tx.get<{ plan_id: string }>('SELECT plan_id FROM signoff_rounds WHERE id = ?', roundId))?.plan_id ?? null;
  }
}
