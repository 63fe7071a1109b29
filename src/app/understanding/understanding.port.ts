import type { FeedbackTheme } from '../../domain/feedback.schema';
import type { RagRating, SectionKey, SignatoryRole } from '../../domain/plan.schema';
import type { Quarter, QuarterId } from '../../domain/quarters';

/** What a typed message can ask for. Every one is a read or a card with its own button: none writes. */
export const INTENTS = [
  'help',
  'status',
  'sections',
  'tasks',
  'check',
  'update',
  'risks',
  'report',
  'history',
  'signoff.start',
  'signoff.status',
  'signoff.approve',
  'signoff.decline',
  'feedback.give',
  'feedback.list',
  'export',
  'spend',
  'section.open',
  'assist.draft',
  'assist.summarise',
  'assist.mitigation',
  'assist.plain',
  'dependencies',
  'assign',
  'people',
  'smalltalk',
  'outofscope',
] as const;
export type IntentName = (typeof INTENTS)[number];

/** Small talk, told apart so each gets its own kind answer. */
export const CHAT_KINDS = ['greeting', 'thanks', 'bye', 'howAreYou', 'sorry', 'praise', 'frustrated', 'laugh', 'ack'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];
/** What someone asked for that the bot cannot do, so the answer can say so plainly. */
export const ERRANDS = ['meeting', 'email', 'child', 'it', 'other'] as const;
export type Errand = (typeof ERRANDS)[number];

/** The values a message named, as ids the plan knows. */
export interface UnderstoodEntities {
  readonly workstreamId?: string;
  readonly quarter?: QuarterId;
  readonly section?: SectionKey;
  /** The step of the section's questionnaire ("the first goal" is step 1 of Q1). */
  readonly step?: number;
  readonly signatoryRole?: SignatoryRole;
  readonly riskId?: string;
  readonly theme?: FeedbackTheme;
  readonly rag?: RagRating;
  /** The words someone passed on, for a feedback form: never trusted, only ever prefilled. */
  readonly said?: string;
  /** A person on the roster the message names, by name or by role ("the DCS"). */
  readonly personId?: string;
  /** A date the message names in words ("by next Friday"), as YYYY-MM-DD. */
  readonly dueDate?: string;
  readonly chat?: ChatKind;
  readonly errand?: Errand;
}

export interface Understood {
  /** 'none' when nothing fits. */
  readonly intent: IntentName | 'none';
  /** 0 to 1. */
  readonly score: number;
  readonly entities: UnderstoodEntities;
  /** Every other reading, best first (scores with the top one's sum to about 1). */
  readonly alternatives: readonly { readonly intent: IntentName; readonly score: number }[];
  /** Asked about how things stand ("has the DCS signed?"), not asked to be done. */
  readonly question: boolean;
  /** Asked to be shown something ("can I see the answers to our feedback"). */
  readonly toSee: boolean;
  /** Asked the bot to run an errand ("book a call with the DCS"), rather than told it about one. */
  readonly asksErrand?: boolean;
}

/** The parts of the current plan a message may name. */
export interface PlanVocabulary {
  readonly workstreams: readonly { readonly id: string; readonly code: string; readonly name: string }[];
  readonly risks: readonly { readonly id: string; readonly description: string }[];
  /** "this quarter" and "Q3" are read against it. */
  readonly currentQuarter: Quarter;
  /** The roster, so "ask Jordan" or "the DCS" names someone. */
  readonly people?: readonly VocabularyPerson[];
  /** "next Friday" is read against it (YYYY-MM-DD). */
  readonly today?: string;
}

export interface VocabularyPerson {
  readonly id: string;
  readonly name: string;
  readonly signatoryRole?: SignatoryRole;
  readonly sro?: boolean;
}

export interface Understanding {
  understand(text: string, vocabulary?: PlanVocabulary): Promise<Understood>;
}
