import { createHash } from 'node:crypto';
import type { Clock, Notification, Notifier, OutboxMessage, OutboxRow, Store } from './ports';
import { isNotReachedReason, type NotReachedReason } from './reach';

/**
 * What became of one queued notification:
 * - 'sent', or why it did not reach them (a NotReachedReason: not in the team and never talked to
 *   the bot, removed or blocked the app, another organisation, or Teams refused otherwise);
 * - 'retrying': Teams kept answering 429 / 5xx (or the send failed): it is tried again later;
 * - 'failed': it kept failing and was given up;
 * - 'pending' / 'sending': not sent by this call (another dispatch has it, or it is not due yet).
 */
export type OutboxOutcome = OutboxRow['status'] | NotReachedReason | 'retrying';

export interface OutboxPolicy {
  /** The first wait after a transient failure; it doubles with each attempt, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** After this many failed attempts the notification is given up ('failed'). */
  readonly maxAttempts: number;
  /** A 'sending' claim older than this was cut short by a crash and is taken over. */
  readonly claimLeaseMs: number;
  /** How many rows one periodic dispatch claims. */
  readonly batch: number;
}

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000, maxAttempts: 8, claimLeaseMs: 10 * 60_000, batch: 50 };

/** The outbox id of one notification: the same request, person and kind always give the same id, so a retry queues nothing. */
export const outboxId = (requestKey: string, personId: string, kind: Notification['kind']): string =>
  `ob-${createHash('sha256').update(`${requestKey}:${personId}:${kind}`).digest('hex').slice(0, 40)}`;

export const outboxMessage = (requestKey: string, personId: string, notification: Notification): OutboxMessage => ({
  id: outboxId(requestKey, personId, notification.kind),
  personId,
  notification,
});

/** Whether an outcome means the person has not been reached (and the actor should be told). */
export const notReached = (outcome: OutboxOutcome | undefined): boolean =>
  isNotReachedReason(outcome) || outcome === 'retrying' || outcome === 'failed';

/**
 * Sends what the outbox holds, one recipient at a time, after the change that queued it has
 * committed. Never throws: a recipient that fails never stops the others.
 */
export class OutboxDispatcher {
  constructor(
    private readonly store: Store,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly policy: OutboxPolicy = DEFAULT_OUTBOX_POLICY,
    private readonly log: (event: Record<string, unknown>) => void = () => undefined,
  ) {}

  /**
   * With `ids` (right after a write): sends those, retrying 429 / 5xx briefly in the request, and
   * answers what became of each. Without (the periodic tick): sends whatever is due.
   */
  async dispatch(ids?: readonly string[]): Promise<Map<string, OutboxOutcome>> {
    const outcomes = new Map<string, OutboxOutcome>();
    const now = this.clock.now();
    let claimed: OutboxRow[];
    try {
      claimed = await this.store.claimNotifications(now.toISOString(), new Date(now.getTime() - this.policy.claimLeaseMs).toISOString(), ids ? ids.length : this.policy.batch, ids);
    } catch (error) {
      this.log({ event: 'outbox not claimed', error: (error as Error).message });
      for (const id of ids ?? []) outcomes.set(id, 'retrying');
      return outcomes;
    }
    for (const row of claimed) outcomes.set(row.id, await this.send(row, ids ? 'retry-then-throw' : 'throw'));
    const rest = (ids ?? []).filter((id) => !outcomes.has(id));
    if (rest.length) {
      // Already handled by an earlier request (a retry) or by another dispatch: say what became of it.
      const rows = await this.store.listNotifications(undefined, rest).catch(() => [] as OutboxRow[]);
      for (const row of rows) outcomes.set(row.id, row.status === 'unreachable' && isNotReachedReason(row.lastError) ? row.lastError : row.status === 'pending' && row.attempts > 0 ? 'retrying' : row.status);
    }
    return outcomes;
  }

  private async send(row: OutboxRow, onTransient: 'throw' | 'retry-then-throw'): Promise<OutboxOutcome> {
    const attempts = row.attempts + 1;
    try {
      const delivery = await this.notifier.notify(row.personId, row.notification, { onTransient });
      const at = this.clock.now().toISOString();
      if (delivery === 'sent') {
        await this.store.markNotification(row.id, { status: 'sent', attempts, sentAt: at, claimedAt: null, lastError: null });
        return 'sent';
      }
      await this.store.markNotification(row.id, { status: 'unreachable', attempts, claimedAt: null, lastError: delivery });
      return delivery;
    } catch (error) {
      const message = ((error as Error)?.message ?? String(error)).slice(0, 500);
      try {
        if (attempts >= this.policy.maxAttempts) {
          this.log({ event: 'notification given up', id: row.id, personId: row.personId, kind: row.notification.kind, attempts });
          await this.store.markNotification(row.id, { status: 'failed', attempts, claimedAt: null, lastError: message });
          return 'failed';
        }
        const wait = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempts - 1));
        const next = new Date(this.clock.now().getTime() + wait).toISOString();
        await this.store.markNotification(row.id, { status: 'pending', attempts, nextAttemptAt: next, claimedAt: null, lastError: message });
      } catch (markError) {
        // Left 'sending': the claim goes stale and a later dispatch takes it over.
        this.log({ event: 'outbox not marked', id: row.id, error: (markError as Error).message });
      }
      return 'retrying';
    }
  }
}
