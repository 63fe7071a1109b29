import { z } from 'zod';
import { isCalendarDate, LIMITS, NO_SUCH_DATE } from './plan.schema';

/** Whose voice it is: recorded apart, because the guidance asks for CYP voice distinct from parents'. */
export const Voice = z.enum(['parent-carer', 'child-young-person']);
export type Voice = z.infer<typeof Voice>;

export const FEEDBACK_THEMES = [
  { id: 'experts-at-hand', title: 'Experts at Hand' },
  { id: 'inclusion-in-schools', title: 'Inclusion in schools' },
  { id: 'ehcp-timeliness', title: 'EHCP timeliness' },
  { id: 'specialist-places-and-travel', title: 'Specialist places and travel' },
  { id: 'communication', title: 'Communication' },
  { id: 'other', title: 'Other' },
] as const;
export const FeedbackTheme = z.enum(['experts-at-hand', 'inclusion-in-schools', 'ehcp-timeliness', 'specialist-places-and-travel', 'communication', 'other']);
export type FeedbackTheme = z.infer<typeof FeedbackTheme>;

export const FeedbackStatus = z.enum(['new', 'routed', 'answered', 'closed']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const AnswerKind = z.enum(['done', 'planned', 'not-possible']);
export type AnswerKind = z.infer<typeof AnswerKind>;

export const VOICE_WORDS: Record<Voice, string> = { 'parent-carer': 'Parent or carer', 'child-young-person': 'Child or young person' };
export const STATUS_WORDS: Record<FeedbackStatus, string> = { new: 'Waiting for the SRO', routed: 'With the person answering', answered: 'Answered', closed: 'Closed' };
export const ANSWER_WORDS: Record<AnswerKind, string> = { done: 'Done', planned: 'Planned', 'not-possible': 'Not possible' };

const text = (max: number, needed: string) => z.string().trim().min(1, needed).max(max, `Too long: the most is ${max.toLocaleString('en-GB')} characters.`);
/** A choice the card must have made: any complaint about it is this one sentence. */
const chosen = <T extends [string, ...string[]]>(values: T, message: string) => z.enum(values, { errorMap: () => ({ message }) });
const optional = (max: number) =>
  z
    .string()
    .max(max, `Too long: the most is ${max.toLocaleString('en-GB')} characters.`)
    .nullable()
    .transform((v) => (v && v.trim() ? v.trim() : null));

/** What a forum representative submits. Text is kept exactly as typed and never treated as markup. */
export const FeedbackSubmission = z.object({
  voice: chosen(Voice.options, 'Choose whose voice it is.'),
  theme: chosen(FeedbackTheme.options, 'Choose what it is about.'),
  /** A section key or workstream id the feedback is about, if any. */
  concerns: z.string().max(64).regex(/^[A-Za-z0-9-]+$/, 'Choose the part of the plan from the list').nullable(),
  said: text(2000, 'Say what was said.'),
  groupsReached: optional(LIMITS.short),
  publish: z.boolean(),
  anonymous: z.boolean(),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

export const FeedbackAnswer = z
  .object({
    kind: chosen(AnswerKind.options, 'Choose what happened.'),
    text: text(2000, 'Say what was done, what will be done, or why it is not possible.'),
    plannedFor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date').refine(isCalendarDate, NO_SUCH_DATE).nullable(),
    close: z.boolean(),
  })
  .refine((a) => a.kind !== 'planned' || a.plannedFor !== null, { message: 'Say when it is planned for.', path: ['plannedFor'] });
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>;

export interface FeedbackItem extends FeedbackSubmission {
  /** What it is about in words (see feedback-about.ts), filled in when it is read; never stored. */
  readonly about?: string | null;
  readonly id: string;
  readonly planId: string;
  readonly submitterId: string;
  readonly submitterName: string;
  readonly createdAt: string;
  readonly status: FeedbackStatus;
  readonly ownerId: string | null;
  readonly routedAt: string | null;
  readonly answer: (FeedbackAnswer & { readonly at: string; readonly byId: string; readonly byName: string }) | null;
  readonly flaggedAt: string | null;
}

export interface FeedbackCounts {
  readonly total: number;
  readonly byVoice: Readonly<Record<Voice, number>>;
  readonly byTheme: Readonly<Record<FeedbackTheme, number>>;
  readonly byStatus: Readonly<Record<FeedbackStatus, number>>;
  /** Median days from submission to answer, over answered items; null when none is answered. */
  readonly medianDaysToAnswer: number | null;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const countFeedback = (items: readonly FeedbackItem[]): FeedbackCounts => {
  const byVoice = zeroes(Voice.options);
  const byTheme = zeroes(FeedbackTheme.options);
  const byStatus = zeroes(FeedbackStatus.options);
  const days: number[] = [];
  for (const item of items) {
    byVoice[item.voice] += 1;
    byTheme[item.theme] += 1;
    byStatus[item.status] += 1;
    if (item.answer) days.push((Date.parse(item.answer.at) - Date.parse(item.createdAt)) / 86_400_000);
  }
  days.sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median = days.length === 0 ? null : days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
  return { total: items.length, byVoice, byTheme, byStatus, medianDaysToAnswer: median === null ? null : Math.round(median * 10) / 10 };
};

export const themeTitle = (id: FeedbackTheme) => FEEDBACK_THEMES.find((t) => t.id === id)?.title ?? id;
