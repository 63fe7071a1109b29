import { DomainError } from './errors';

/**
 * Sign-off as a transition table: a signature request and a round each move only along
 * these edges. Anything else is refused with a code, so a stale or forged card changes nothing.
 */
export type RequestState = 'pending' | 'signed' | 'declined' | 'voided';
export type RequestEvent = 'approve' | 'decline' | 'void';

export type RoundState = 'open' | 'signed' | 'voided';
export type RoundEvent = 'all-required-signed' | 'plan-changed' | 'new-round';

const REQUEST_TRANSITIONS: Record<RequestState, Partial<Record<RequestEvent, RequestState>>> = {
  pending: { approve: 'signed', decline: 'declined', void: 'voided' },
  signed: { void: 'voided' },
  declined: { void: 'voided' },
  voided: {},
};

const ROUND_TRANSITIONS: Record<RoundState, Partial<Record<RoundEvent, RoundState>>> = {
  open: { 'all-required-signed': 'signed', 'plan-changed': 'voided', 'new-round': 'voided' },
  signed: { 'plan-changed': 'signed' },
  voided: {},
};

const WORDS: Record<RequestState, string> = {
  pending: 'waiting for a decision',
  signed: 'already signed',
  declined: 'already declined',
  voided: 'no longer valid because the plan changed',
};

export const nextRequestState = (state: RequestState, event: RequestEvent): RequestState => {
  const next = REQUEST_TRANSITIONS[state][event];
  if (!next) throw new DomainError('SIGNOFF.INVALID_TRANSITION', `This signature request is ${WORDS[state]}, so it cannot be ${event === 'approve' ? 'approved' : event === 'decline' ? 'declined' : 'voided'}.`, { state, event });
  return next;
};

export const nextRoundState = (state: RoundState, event: RoundEvent): RoundState => {
  const next = ROUND_TRANSITIONS[state][event];
  if (!next) throw new DomainError('SIGNOFF.INVALID_TRANSITION', `This sign-off round is ${state}.`, { state, event });
  return next;
};
