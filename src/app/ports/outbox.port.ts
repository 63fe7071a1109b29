import type { OutboxMessage } from './plan.port';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'unreachable' | 'failed';

export interface OutboxRow extends OutboxMessage {
  readonly planId: string | null;
  /** 'sending': claimed for a send that has not been marked yet (or was cut short by a crash). */
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly claimedAt: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export type OutboxChange = Partial<Pick<OutboxRow, 'status' | 'attempts' | 'nextAttemptAt' | 'claimedAt' | 'lastError' | 'sentAt'>>;

/** Notifications queued with the changes they belong to (see ChangeMeta.notify). */
export interface OutboxRepository {
  /**
   * In one transaction: claims ('sending', claimed at `now`) the pending rows due by `now` and the
   * 'sending' claims made before `staleClaimBefore` (a send cut short by a crash), oldest first.
   * With `ids`, only those rows.
   */
  claimNotifications(now: string, staleClaimBefore: string, limit: number, ids?: readonly string[]): Promise<OutboxRow[]>;
  markNotification(id: string, change: OutboxChange): Promise<void>;
  /** Queued notifications, oldest first: for one plan when given, and only the given ids when given. */
  listNotifications(planId?: string, ids?: readonly string[]): Promise<OutboxRow[]>;
}
