import type { NotReachedReason } from '../reach';
import type { RoundContext } from '../sign-off-changes';
import type { FeedbackItem } from '../../domain/feedback.schema';
import type { Assignment } from './assignments.port';
import type { SignOffQuestion, SignOffRequest, SignOffRound } from './sign-off.port';

/** Something the bot tells a person without them asking: sent to their last conversation. */
export type Notification =
  | { readonly kind: 'assignment'; readonly assignment: Assignment; readonly assignedByName: string }
  | {
      readonly kind: 'update-reminder';
      readonly stage: 'nudge' | 'overdue';
      readonly quarterLabel: string;
      readonly quarterId: string;
      readonly deadline: string;
      readonly workstreams: readonly { readonly id: string; readonly name: string }[];
    }
  | {
      readonly kind: 'signoff-request';
      readonly round: SignOffRound;
      readonly request: SignOffRequest;
      readonly requestedByName: string;
      /** Sections changed since the last signed version; null when nothing was signed before. */
      readonly changedSince: readonly string[] | null;
      readonly reminder: boolean;
      /** Which round this is, and what changed since the round before. */
      readonly context?: RoundContext;
    }
  | { readonly kind: 'signoff-voided'; readonly round: SignOffRound; readonly newVersion: number }
  | { readonly kind: 'signoff-question'; readonly round: SignOffRound; readonly fromName: string; readonly roleTitle: string; readonly text: string; readonly questionId?: string }
  | {
      readonly kind: 'signoff-decided';
      readonly round: SignOffRound;
      readonly name: string;
      readonly roleTitle: string;
      readonly decision: 'signed' | 'declined';
      readonly reason: string | null;
      /** The statutory signatories still to sign after this decision, as "Name (role)". */
      readonly stillToSign?: readonly string[];
    }
  | { readonly kind: 'signoff-answer'; readonly round: SignOffRound; readonly question: SignOffQuestion }
  | { readonly kind: 'signoff-complete'; readonly round: SignOffRound; readonly lastSigner?: { readonly name: string; readonly roleTitle: string } }
  | { readonly kind: 'feedback-new'; readonly item: FeedbackItem }
  | { readonly kind: 'feedback-routed'; readonly item: FeedbackItem; readonly routedByName: string }
  | { readonly kind: 'feedback-answered'; readonly item: FeedbackItem }
  | { readonly kind: 'feedback-overdue'; readonly items: readonly FeedbackItem[] }
  | {
      readonly kind: 'update-summary';
      readonly quarterLabel: string;
      readonly quarterId: string;
      readonly missing: readonly { readonly workstream: string; readonly lead: string }[];
    };

export type Delivery = 'sent' | NotReachedReason;

export interface NotifyOptions {
  /**
   * 'retry' (the default): 429 and 5xx are retried with backoff, then reported 'unreachable'.
   * 'throw': a transient failure is thrown at once, for a caller with its own durable queue (reminders).
   * 'retry-then-throw': retried with backoff like 'retry', then the last transient failure is thrown
   * rather than reported, so a caller with a durable queue (the outbox) can try again later.
   */
  readonly onTransient?: 'retry' | 'throw' | 'retry-then-throw';
}

export interface Notifier {
  /**
   * Never throws: 'sent', or why not (see NotReachedReason): 'no-conversation' when the person is
   * not in the partnership's team and never opened the bot, 'blocked' when they removed or blocked
   * the app, 'wrong-tenant', or 'unreachable' when Teams refused otherwise or kept failing. A failed recipient
   * never stops the others, nor turns a saved change into an error.
   */
  notify(personId: string, notification: Notification, options?: NotifyOptions): Promise<Delivery>;
}
