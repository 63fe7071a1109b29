import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import type { SignatoryRole } from '../domain/plan.schema';
import { notReached, outboxMessage, type OutboxDispatcher } from './outbox.service';
import type { Clock, SignOffQuestion, SignOffRound, Store } from './ports';
import { roleTitle, type SignOffService } from './sign-off.service';

export const MAX_QA_CHARS = 2000;

/** The id a question gets from the request that asked it: a retried request asks nothing more. */
export const questionId = (requestId: string) => `q-${createHash('sha256').update(requestId).digest('hex').slice(0, 32)}`;

/**
 * A signatory's questions about what they are asked to sign, and the SRO's answers. The thread
 * belongs to the round: it is kept with it, and closes when the round does.
 */
export class SignOffQuestionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly outbox: OutboxDispatcher,
    private readonly signOff: SignOffService,
  ) {}

  /** A question from the signatory's own request card; it leaves the request open. */
  async ask(person: Person, input: { roundId: string; role: SignatoryRole; cardVersion: number; text: unknown }, requestId: string): Promise<{ question: SignOffQuestion; sroName: string | null }> {
    const { found, text } = await this.signOff.checked(person, input);
    if (!text) throw new DomainError('INPUT.INVALID', 'Type your question first.');
    const { round } = found;
    const role = input.role;
    const sro = await this.store.findPerson(round.requestedBy);
    const id = questionId(requestId);
    const cards = sro ? [outboxMessage(`question:${requestId}`, sro.id, { kind: 'signoff-question', round, fromName: person.name, roleTitle: roleTitle(role), text, questionId: id })] : [];
    const question = await this.store.addQuestion(
      { id, roundId: round.id, role, personId: person.id, askerName: person.name, askedAt: this.clock.now().toISOString(), question: text },
      { actorId: person.id, summary: `${person.name} (${roleTitle(role)}) asked: ${text}`, requestId, notify: cards },
    );
    await this.outbox.dispatch(cards.map((c) => c.id));
    return { question, sroName: sro?.name ?? null };
  }

  /** The question to answer, checked: asked by the SRO, about a round still open, not answered yet. */
  async toAnswer(sro: Person, id: string): Promise<{ question: SignOffQuestion; round: SignOffRound }> {
    this.mustBeSro(sro);
    const question = await this.mustFind(id);
    if (question.answer) throw this.alreadyAnswered(question);
    return { question, round: await this.openRound(question) };
  }

  /** Answers once; the same request again is answered from what it did the first time. */
  async answer(sro: Person, id: string, text: unknown, requestId: string): Promise<{ question: SignOffQuestion; reached: boolean }> {
    this.mustBeSro(sro);
    const question = await this.mustFind(id);
    if (question.answer) {
      if (question.answer.requestId === requestId) return { question, reached: true };
      throw this.alreadyAnswered(question);
    }
    const round = await this.openRound(question);
    const reply = typeof text === 'string' ? text.trim() : '';
    if (!reply) throw new DomainError('INPUT.INVALID', 'Type your answer first.');
    if (reply.length > MAX_QA_CHARS) throw new DomainError('INPUT.INVALID', 'That is too long: the most is 2,000 characters.');
    const answered: SignOffQuestion = { ...question, answer: { byId: sro.id, byName: sro.name, at: this.clock.now().toISOString(), text: reply, requestId } };
    const card = outboxMessage(`answer:${question.id}`, question.personId, { kind: 'signoff-answer', round, question: answered });
    const saved = await this.store.answerQuestion(question.id, answered.answer!, {
      actorId: sro.id,
      summary: `${sro.name} answered ${question.askerName}: ${reply}`,
      requestId,
      notify: [card],
    });
    if (!saved) {
      // Answered in between: by this same request (a retry racing itself), or by another.
      const now = await this.mustFind(id);
      if (now.answer?.requestId === requestId) return { question: now, reached: true };
      throw this.alreadyAnswered(now);
    }
    const outcome = (await this.outbox.dispatch([card.id])).get(card.id);
    return { question: answered, reached: !notReached(outcome) };
  }

  async thread(roundId: string, personId?: string): Promise<SignOffQuestion[]> {
    const all = await this.store.listQuestions(roundId);
    return personId ? all.filter((q) => q.personId === personId) : all;
  }

  private async openRound(question: SignOffQuestion): Promise<SignOffRound> {
    // A change to the plan since the question voids the round first, so the answer is refused rather than sent.
    const snapshot = await this.store.loadPlan((await this.store.loadRound(question.roundId))?.round.planId ?? '');
    if (snapshot) await this.signOff.voidIfChanged(snapshot);
    const found = await this.store.loadRound(question.roundId);
    if (!found) throw new DomainError('SIGNOFF.NO_ROUND', 'That question is not one I know.');
    const { round } = found;
    if (round.status === 'open') return round;
    throw new DomainError(
      'SIGNOFF.STALE_ROUND',
      round.status === 'signed'
        ? `Version ${round.planVersion} is already signed off, so ${question.askerName}'s question about it is closed. Your answer has not been sent.`
        : `${question.askerName} asked about version ${round.planVersion}, and that round no longer counts (${(round.closeReason ?? 'it was closed').replace(/^./, (c) => c.toLowerCase())}). Your answer has not been sent: when you send the new version for sign-off, they can ask again on the new request.`,
    );
  }

  private alreadyAnswered(question: SignOffQuestion): DomainError {
    return new DomainError('SIGNOFF.INVALID_TRANSITION', `${question.askerName}'s question was already answered by ${question.answer!.byName}, so nothing more was sent. Type "sign-off status" to see the answer.`);
  }

  private async mustFind(id: string): Promise<SignOffQuestion> {
    const question = await this.store.loadQuestion(id);
    if (!question) throw new DomainError('SIGNOFF.NO_ROUND', 'That question is not one I know.');
    return question;
  }

  private mustBeSro(person: Person): void {
    if (!hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can answer signatories' questions.");
  }
}
