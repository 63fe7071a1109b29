/**
 * Expected failures carry a stable code so adapters can word them for the person in front
 * of them, and tests can assert on the code rather than on prose.
 */
export const ERROR_CODES = [
  'PLAN.NOT_FOUND',
  'PLAN.STALE_VERSION',
  'PLAN.INVALID',
  'PLAN.DUPLICATE_ID',
  'RISK.HEADLINE_LIMIT',
  'SIGNOFF.INVALID_TRANSITION',
  'SIGNOFF.STALE_ROUND',
  'SIGNOFF.NO_ROUND',
  'ROSTER.INVALID',
  'ROSTER.UNKNOWN_PERSON',
  'ROSTER.STALE_VERSION',
  'ROSTER.LAST_SRO',
  'ROSTER.MANAGED_BY_FILE',
  'TEAM.NOT_INSTALLED',
  'AUTH.FORBIDDEN',
  'INPUT.INVALID',
  'DOCUMENT.NOT_FOUND',
  'DOCUMENT.TOO_LARGE',
  'IMPORT.UNREADABLE',
  'IMPORT.MACROS',
  'IMPORT.STALE',
  'UPDATE.QUARTER_NOT_IN_PLAN',
  'AI.NOT_CONFIGURED',
  'AI.TIMEOUT',
  'AI.RATE_LIMITED',
  'AI.CONTENT_FILTERED',
  'AI.FAILED',
  'STORE.UNAVAILABLE',
  'STORE.MIGRATION_CHANGED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown, code?: ErrorCode): error is DomainError =>
  error instanceof DomainError && (code === undefined || error.code === code);
