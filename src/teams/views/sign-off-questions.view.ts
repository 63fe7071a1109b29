import type { SignOffQuestion, SignOffRound } from '../../app/ports';
import { roleTitle } from '../../app/sign-off.service';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords } from '../words';
import { fieldData } from './section.view';

const quoted = (text: string) => `“${text}”`;

/** The SRO's reply box for one question, with the question in full above it. */
export const answerQuestionCard = (question: SignOffQuestion, round: SignOffRound, typed = '', error = ''): AdaptiveCardJson =>
  renderCard('form', {
    title: `Answer ${question.askerName}'s question`,
    subtitle: `${question.askerName} (${roleTitle(question.role)}) asked about version ${round.planVersion} on ${dateWords(question.askedAt)}: ${quoted(question.question)}`,
    noticeText: '',
    noticeStyle: 'attention',
    fields: [
      fieldData(
        { spec: { path: 'answer', label: 'Your answer (it goes to their chat with the bot, and is kept with this round of sign-off)', kind: 'multiline', max: 2000 }, value: typed, error: error || null },
        false,
      ),
    ],
    submit: { title: 'Send the answer', verb: VERBS.signoffAnswer, data: { verb: VERBS.signoffAnswer, question: question.id } },
    cancel: { verb: VERBS.signoffStatus, data: { verb: VERBS.signoffStatus } },
  });

/** A question and its answer as lines, for the signatory's own card ("You asked…"). */
export const threadLines = (questions: readonly SignOffQuestion[]): string[] =>
  questions.flatMap((q) => [
    `You asked on ${dateWords(q.askedAt)}: ${quoted(q.question)}`,
    q.answer ? `${q.answer.byName} answered on ${dateWords(q.answer.at)}: ${quoted(q.answer.text)}` : 'Not answered yet.',
  ]);

/** The same thread as rows of the sign-off status, with Answer for the SRO while the round is open. */
export const threadRows = (questions: readonly SignOffQuestion[], canAnswer: boolean) =>
  questions.map((q) => ({
    text: `${q.askerName} (${roleTitle(q.role)}) asked on ${dateWords(q.askedAt)}: ${quoted(q.question)}`,
    badge: q.answer ? 'Answered' : 'Not answered',
    colour: q.answer ? 'Good' : 'Warning',
    detail: q.answer ? `${q.answer.byName} answered on ${dateWords(q.answer.at)}: ${quoted(q.answer.text)}` : 'Not answered yet.',
    buttons: canAnswer && !q.answer ? [{ title: 'Answer', verb: VERBS.signoffAnswerForm, data: { verb: VERBS.signoffAnswerForm, question: q.id } }] : [],
  }));
