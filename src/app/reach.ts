import type { OutboxOutcome } from './outbox.service';

/**
 * Why a card did not reach someone, in terms the SRO can act on:
 * - 'no-conversation': not a member of the partnership's team (or the app is in no team) and never opened the bot;
 * - 'blocked': they removed or blocked the app (Teams answered 403, or told us they removed it);
 * - 'wrong-tenant': their Teams account is in an organisation this bot does not serve;
 * - 'unreachable': Teams refused for another reason, or kept failing.
 */
export type NotReachedReason = 'no-conversation' | 'blocked' | 'wrong-tenant' | 'unreachable';

export const NOT_REACHED_REASONS: readonly NotReachedReason[] = ['no-conversation', 'blocked', 'wrong-tenant', 'unreachable'];

export const isNotReachedReason = (value: unknown): value is NotReachedReason => (NOT_REACHED_REASONS as readonly unknown[]).includes(value);

/** What became of one card, as the person who caused it is told. */
export type DeliveryWord = 'sent' | 'sending' | NotReachedReason;

/** An outbox outcome as the actor hears it: sent, still being sent (Teams asked us to wait), or why not. */
export const deliveryWord = (outcome: OutboxOutcome | undefined): DeliveryWord => {
  if (outcome === 'sent') return 'sent';
  if (outcome === 'retrying' || outcome === 'pending' || outcome === 'sending') return 'sending';
  if (isNotReachedReason(outcome)) return outcome;
  return 'unreachable';
};
