import type { GovernanceMechanism } from './plan.schema';

/**
 * Whether a governance mechanism's membership, as written, names health and Parent Carer
 * Forum representation. Membership is free text in Annex A, so this reads it for the words
 * partnerships use; a miss is a prompt to check, not a verdict.
 */
const HEALTH = /\b(ICB|NHS|health|clinical|DCO|nurs\w*|therap\w*|MPFT|STWCH|RJAH|GP)\b/i;
const PARENT_CARER_FORUM = /\b(parent[\s-]+carers?|PACC|PCF|parent and carer)\b/i;

export interface Representation {
  readonly health: boolean;
  readonly parentCarerForum: boolean;
}

export const representationIn = (mechanism: GovernanceMechanism): Representation => ({
  health: HEALTH.test(mechanism.membership ?? ''),
  parentCarerForum: PARENT_CARER_FORUM.test(mechanism.membership ?? ''),
});
