import type { Selectable } from 'kysely';
import type { ChangeMeta, Clock, SignOffAnswer, SignOffQuestion, SignOffRepository } from '../../app/ports';
import type { Audit } from './audit.sql';
import type { SignoffQuestionsTable } from './database';
import { nextSeq } from './next-seq';
import type { Sql, SqlDb } from './sql-db';

type QuestionRow = Selectable<SignoffQuestionsTable>;

const toQuestion = (r: QuestionRow): SignOffQuestion => ({
  id: r.id,
  roundId: r.round_id,
  role: r.role as SignOffQuestion['role'],
  personId: r.person_id,
  askerName: r.asker_name,
  askedAt: r.asked_at,
  question: r.question,
  answer: r.answered_at === null ? null : { byId: r.answered_by ?? '', byName: r.answerer_name ?? '', at: r.answered_at, text: r.answer ?? '', requestId: r.answer_request },
});

/** The part of SignOffRepository about questions: the rest is SqlSignOff's. */
export type SignOffQuestionMethods = 'addQuestion' | 'loadQuestion' | 'listQuestions' | 'answerQuestion';

/** Signatories' questions about a round and the SRO's answers; each write audited, with its notifications. */
export class SqlSignOffQuestions implements Pick<SignOffRepository, SignOffQuestionMethods> {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  async addQuestion(question: Omit<SignOffQuestion, 'answer'>, meta: ChangeMeta): Promise<SignOffQuestion> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`signoff-question/${question.id}`);
      const existing = await this.#load(question.id, tx);
      if (existing) return existing;
      await tx.db
        .insertInto('signoff_questions')
        .values({
          id: question.id,
          round_id: question.roundId,
          role: question.role,
          person_id: question.personId,
          asker_name: question.askerName,
          asked_at: question.askedAt,
          question: question.question,
          seq: nextSeq('signoff_questions'),
        })
        .execute();
      const stored = (await this.#load(question.id, tx))!;
      await this.audit(tx, await this.#planOf(tx, question.roundId), null, at, meta, [
        { action: 'create', key: `signoff/${question.roundId}/questions/${question.id}`, kind: 'signoff-question', before: null, after: stored },
      ]);
      return stored;
    });
  }

  async answerQuestion(id: string, answer: SignOffAnswer, meta: ChangeMeta): Promise<boolean> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      const before = await this.#load(id, tx, true);
      if (!before || before.answer) return false;
      const result = await tx.db
        .updateTable('signoff_questions')
        .set({ answered_by: answer.byId, answerer_name: answer.byName, answered_at: answer.at, answer: answer.text, answer_request: answer.requestId })
        .where('id', '=', id)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await this.audit(tx, await this.#planOf(tx, before.roundId), null, at, meta, [
        { action: 'update', key: `signoff/${before.roundId}/questions/${id}`, kind: 'signoff-question', before, after: await this.#load(id, tx) },
      ]);
      return true;
    });
  }

  async loadQuestion(id: string): Promise<SignOffQuestion | null> {
    return this.#load(id);
  }

  async listQuestions(roundId: string): Promise<SignOffQuestion[]> {
    const rows = await this.db.db.selectFrom('signoff_questions').selectAll().where('round_id', '=', roundId).orderBy('asked_at').orderBy('seq').execute();
    return rows.map(toQuestion);
  }

  /** The question; `lock`ed, it is the transaction's to change until it ends. */
  async #load(id: string, db: Sql = this.db, lock = false): Promise<SignOffQuestion | null> {
    const query = db.db.selectFrom('signoff_questions').selectAll().where('id', '=', id);
    const row = await (lock ? db.locked(query) : query).executeTakeFirst();
    return row ? toQuestion(row) : null;
  }

  async #planOf(tx: Sql, roundId: string): Promise<string | null> {
    return (await tx.db.selectFrom('signoff_rounds').select('plan_id').where('id', '=', roundId).executeTakeFirst())?.plan_id ?? null;
  }
}
