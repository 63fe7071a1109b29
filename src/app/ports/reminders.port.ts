export type ReminderKind = 'update-nudge' | 'update-overdue' | 'update-summary';

export interface Reminder {
  readonly id: string;
  readonly planId: string;
  readonly kind: ReminderKind;
  readonly quarter: string;
  readonly personId: string;
  readonly dueAt: string;
  /** 'sending': claimed for a send that has not been marked yet (or was cut short by a crash). */
  readonly status: 'pending' | 'sending' | 'sent' | 'skipped';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly sentAt: string | null;
  readonly lastError: string | null;
  /** When the current 'sending' claim was made. */
  readonly claimedAt: string | null;
  /** How many claims cut short by a crash were taken over: at most one, so at most one extra send. */
  readonly recovered: number;
}

export interface ReminderRepository {
  /** Adds the reminders not already there (by id); returns how many were new. */
  scheduleReminders(reminders: readonly Pick<Reminder, 'id' | 'planId' | 'kind' | 'quarter' | 'personId' | 'dueAt'>[]): Promise<number>;
  /**
   * Pending reminders due by `now`, and 'sending' claims made before `staleClaimBefore` (a send
   * cut short by a crash), oldest first.
   */
  dueReminders(now: string, staleClaimBefore?: string): Promise<Reminder[]>;
  listReminders(planId: string): Promise<Reminder[]>;
  /**
   * Claims a reminder for sending ('sending', claimed at `at`) before it is sent: from 'pending', or
   * once only from a 'sending' claim made before `staleClaimBefore`. False when it cannot be claimed.
   */
  claimReminder(id: string, at: string, staleClaimBefore: string): Promise<boolean>;
  markReminder(id: string, change: Partial<Pick<Reminder, 'status' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError' | 'claimedAt'>>): Promise<void>;
}
