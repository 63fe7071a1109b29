import type { FeedbackTheme } from '../domain/feedback.schema';
import type { RagRating, SectionKey, SignatoryRole } from '../domain/plan.schema';
import type { Quarter, QuarterId } from '../domain/quarters';

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
] as const;
export type IntentName = (typeof INTENTS)[number];

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
}

export interface Understood {
  /** 'none' when nothing fits. */
  readonly intent: IntentName | 'none';
  /** 0 to 1. */
  readonly score: number;
  readonly entities: UnderstoodEntities;
  /** The next best guesses, best first. */
  readonly alternatives: readonly { readonly intent: IntentName; readonly score: number }[];
}

/** The parts of the current plan a message may name. */
export interface PlanVocabulary {
  readonly workstreams: readonly { readonly id: string; readonly code: string; readonly name: string }[];
  readonly risks: readonly { readonly id: string; readonly description: string }[];
  /** "this quarter" and "Q3" are read against it. */
  readonly currentQuarter: Quarter;
}

export interface Understanding {
  understand(text: string, vocabulary?: PlanVocabulary): Promise<Understood>;
}
