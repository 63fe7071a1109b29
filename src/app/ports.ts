/**
 * The ports the app layer depends on, one file per concern under ./ports/. This barrel keeps
 * `import ... from '.../app/ports'` working; `systemClock` is the only value, the rest are types.
 */
export type * from './ports/plan.port';
export type * from './ports/roster.port';
export type * from './ports/drafts.port';
export type * from './ports/assignments.port';
export type * from './ports/conversations.port';
export type * from './ports/updates.port';
export type * from './ports/reminders.port';
export type * from './ports/sign-off.port';
export type * from './ports/feedback.port';
export type * from './ports/documents.port';
export type * from './ports/spend.port';
export type * from './ports/outbox.port';
export type * from './ports/leases.port';
export type * from './ports/suggestions.port';
export type * from './ports/notifier.port';
export type * from './ports/store.port';
export * from './ports/clock.port';
