import { ANSWER_WORDS, STATUS_WORDS, themeTitle, VOICE_WORDS, type FeedbackItem } from '../domain/feedback.schema';
import { toCsv } from './csv.writer';

/** The whole "you said, we did" log, for the partnership's own analysis. */
export const feedbackCsv = (items: readonly FeedbackItem[], names: ReadonlyMap<string, string>): string =>
  toCsv(
    ['Id', 'Submitted', 'Voice', 'Theme', 'About', 'You said', 'Groups reached', 'May publish', 'Anonymous', 'Submitted by', 'Status', 'Routed to', 'Routed', 'We did', 'Answer', 'Planned for', 'Answered', 'Answered by'],
    items.map((i) => [
      i.id,
      i.createdAt,
      VOICE_WORDS[i.voice],
      themeTitle(i.theme),
      i.about ?? null,
      i.said,
      i.groupsReached,
      i.publish ? 'yes' : 'no',
      i.anonymous ? 'yes' : 'no',
      i.submitterName,
      STATUS_WORDS[i.status],
      i.ownerId ? (names.get(i.ownerId) ?? i.ownerId) : null,
      i.routedAt,
      i.answer ? ANSWER_WORDS[i.answer.kind] : null,
      i.answer?.text,
      i.answer?.plannedFor,
      i.answer?.at,
      i.answer?.byName,
    ]),
  );
