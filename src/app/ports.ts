import type { Person } from '../domain/people.schema';
import type { Plan, SectionKey } from '../domain/plan.schema';
import type { StoredUpdate, WorkstreamUpdate } from '../domain/workstream-update.schema';
import type { RequestState, RoundState } from '../domain/sign-off.machine';
import type { SignatoryRole } from '../domain/plan.schema';
import type { FeedbackItem, FeedbackStatus } from '../domain/feedback.schema';
import type { DocumentModel } from '../domain/document.model';
import type { SpendActual, StoredSpendActual } from '../domain/spend-actuals.schema';
import type { RoundContext } from './sign-off-changes';
import type { ChannelPostRepository, ConversationStateRepository, TeamRepository } from './partnership-team.port';
import type { NotReachedReason } from './reach';

/** The plan as stored, at one version. */
export interface PlanSnapshot {
  readonly planId: string;
  readonly version: number;
  readonly plan: Plan;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

/** Who made a change and why; `requestId` makes a retried request a no-op. */
export interface ChangeMeta {
  readonly actorId: string;
  readonly summary: string;
  readonly requestId?: string;
  /**
   * Notifications that belong to this change: written to the outbox in the same transaction, and
   * sent after commit. An id already in the outbox is ignored, so a retried request queues nothing.
   */
  readonly notify?: readonly OutboxMessage[];
}

/** One notification to one person, queued with a change. */
export interface OutboxMessage {
  readonly id: string;
  readonly personId: string;
  readonly notification: Notification;
}

export type ChangeAction = 'create' | 'update' | 'delete';

export interface PartChange {
  readonly action: ChangeAction;
  readonly key: string;
  readonly kind: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface SaveResult {
  readonly snapshot: PlanSnapshot;
  readonly changes: readonly PartChange[];
  /** True when the request id had already been applied and nothing was written again. */
  readonly replayed: boolean;
}

export interface AuditEntry extends PartChange {
  readonly id: number;
  readonly planId: string | null;
  readonly version: number | null;
  readonly at: string;
  readonly actorId: string;
  readonly summary: string;
}

export interface AuditQuery {
  /** Only entries for this part and the parts inside it. */
  readonly keyPrefix?: string;
  /** Only entries written after this plan version. */
  readonly sinceVersion?: number;
  readonly limit?: number;
}

/**
 * Plans, kept as parts. Every write names the version it was based on; a write based on an
 * older version fails with PLAN.STALE_VERSION and changes nothing.
 */
export interface PlanRepository {
  createPlan(planId: string, plan: Plan, meta: ChangeMeta): Promise<PlanSnapshot>;
  loadPlan(planId: string): Promise<PlanSnapshot | null>;
  savePlan(planId: string, expectedVersion: number, plan: Plan, meta: ChangeMeta): Promise<SaveResult>;
  listPlanIds(): Promise<string[]>;
  /** The plan version a request id wrote, if it has been applied: a retry is answered from it. */
  appliedRequest(requestId: string): Promise<{ planId: string; version: number } | null>;
  /** A plan's history; `null` gives the changes that belong to no plan (the roster). */
  listAudit(planId: string | null, query?: AuditQuery): Promise<AuditEntry[]>;
}

/** The people who may use the bot and their roles. */
export interface RosterRepository {
  /** Make the stored roster equal `people`; returns how many people were added, changed or removed. */
  replaceRoster(people: readonly Person[], meta: ChangeMeta): Promise<{ added: number; changed: number; removed: number }>;
  findPerson(id: string): Promise<Person | null>;
  listPeople(): Promise<Person[]>;
  /** Everyone, with the version each card about them was made from. */
  listPersonRecords(): Promise<PersonRecord[]>;
  loadPersonRecord(id: string): Promise<PersonRecord | null>;
  /**
   * Adds (`expectedVersion` 0) or changes one person if they are still at `expectedVersion`
   * (ROSTER.STALE_VERSION otherwise). Refused with ROSTER.LAST_SRO when it would leave nobody as
   * SRO. A request id seen before changes nothing and answers the record as it now is (null if
   * they have since been removed).
   */
  savePerson(person: Person, expectedVersion: number, meta: ChangeMeta, options?: RosterChangeOptions): Promise<{ record: PersonRecord | null; replayed: boolean }>;
  /**
   * Removes one person at `expectedVersion`; the same refusals as savePerson. Their record stays,
   * removed, so their version never goes back and the roster file does not add them again.
   */
  removePerson(id: string, expectedVersion: number, meta: ChangeMeta, options?: RosterChangeOptions): Promise<{ replayed: boolean }>;
  /** Ids of people who were on the roster and were removed. */
  removedPersonIds(): Promise<string[]>;
}

export interface RosterChangeOptions {
  /** The actor (meta.actorId) must be an SRO on the roster as it stands inside the change (AUTH.FORBIDDEN otherwise). */
  readonly actorMustBeSro?: boolean;
}

export interface PersonRecord {
  readonly person: Person;
  /** Goes up by one with every change to the person, whoever makes it (Teams or the roster file). */
  readonly version: number;
}

/** A person's unsubmitted answers for one section. */
export interface Draft {
  readonly personId: string;
  readonly planId: string;
  readonly section: SectionKey;
  /** The plan version the person started from. */
  readonly baseVersion: number;
  readonly step: number;
  /** The whole section as the person has it so far. */
  readonly content: unknown;
  readonly updatedAt: string;
}

export interface DraftRepository {
  loadDraft(personId: string, planId: string, section: SectionKey): Promise<Draft | null>;
  listDrafts(personId: string, planId: string): Promise<Draft[]>;
  saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<Draft>;
  deleteDraft(personId: string, planId: string, section: SectionKey): Promise<void>;
}

export interface Assignment {
  readonly id: string;
  readonly planId: string;
  readonly section: SectionKey;
  readonly assigneeId: string;
  readonly dueDate: string | null;
  readonly note: string | null;
  readonly assignedBy: string;
  readonly reviewCommentId: string | null;
  readonly status: 'open' | 'done';
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export interface AssignmentQuery {
  readonly planId: string;
  readonly assigneeId?: string;
  readonly section?: SectionKey;
  readonly status?: Assignment['status'];
}

export interface AssignmentRepository {
  /** Adding an id that exists already returns the stored one unchanged, so a retry adds nothing. */
  addAssignment(assignment: Omit<Assignment, 'status' | 'createdAt' | 'completedAt'>, meta: ChangeMeta): Promise<Assignment>;
  listAssignments(query: AssignmentQuery): Promise<Assignment[]>;
  completeAssignments(ids: readonly string[], meta: ChangeMeta): Promise<void>;
}

/** Where the bot can reach a person without them writing first. */
export interface ConversationRepository {
  saveConversation(personId: string, reference: unknown): Promise<void>;
  loadConversation(personId: string): Promise<unknown | null>;
}

export interface UpdateQuery {
  readonly planId: string;
  readonly workstreamId?: string;
  readonly quarter?: string;
}

/** One workstream's latest post, optionally only for a quarter and only among posts reporting on a milestone. */
export interface LatestUpdateQuery {
  readonly planId: string;
  readonly workstreamId: string;
  readonly quarter?: string;
  /** Only posts for this quarter or an earlier one. */
  readonly throughQuarter?: string;
  /** Only posts whose milestones include this one. */
  readonly milestoneId?: string;
}

export interface UpdateRepository {
  /** Appends the next post for its workstream and quarter; an id seen before returns the stored post. */
  addUpdate(planId: string, update: WorkstreamUpdate, post: { id: string; authorId: string }, meta: ChangeMeta): Promise<StoredUpdate>;
  /** Every post, oldest first. */
  listUpdates(query: UpdateQuery): Promise<StoredUpdate[]>;
  /**
   * The last of the posts `listUpdates` would list for the query (latest quarter, then highest
   * sequence), or null: read without reading the history before it, so its cost does not grow
   * with the number of posts.
   */
  latestUpdate(query: LatestUpdateQuery): Promise<StoredUpdate | null>;
  addDelegate(planId: string, workstreamId: string, personId: string, meta: ChangeMeta): Promise<void>;
  listDelegates(planId: string): Promise<{ workstreamId: string; personId: string }[]>;
}

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

export interface SignOffRound {
  readonly id: string;
  readonly planId: string;
  readonly planVersion: number;
  /** SHA-256 of the compiled plan that was sent: what every signature refers to. The text itself is the issued document with this hash. */
  readonly planHash: string;
  /** Unguessable part of the link to the compiled plan as sent. */
  readonly token: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly status: RoundState;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
}

export interface SignOffRequest {
  readonly roundId: string;
  readonly role: SignatoryRole;
  readonly personId: string;
  readonly name: string;
  readonly email: string | null;
  /** One of the five statutory roles, rather than an optional co-signer. */
  readonly required: boolean;
  readonly state: RequestState;
  readonly decidedAt: string | null;
  readonly reason: string | null;
  readonly remindersSent: number;
  readonly lastRemindedAt: string | null;
  /** When a card for this request first reached them: null while it never has. */
  readonly deliveredAt?: string | null;
}

export interface RoundWithRequests {
  readonly round: SignOffRound;
  readonly requests: readonly SignOffRequest[];
}

/** A signatory's question to the SRO about a round, with the SRO's answer once given. */
export interface SignOffQuestion {
  readonly id: string;
  readonly roundId: string;
  readonly role: SignatoryRole;
  readonly personId: string;
  readonly askerName: string;
  readonly askedAt: string;
  readonly question: string;
  readonly answer: SignOffAnswer | null;
}

export interface SignOffAnswer {
  readonly byId: string;
  readonly byName: string;
  readonly at: string;
  readonly text: string;
  /** The request that answered: the same request again is a retry, not a second answer. */
  readonly requestId: string | null;
}

export interface SignOffRepository {
  createRound(round: SignOffRound, requests: readonly SignOffRequest[], meta: ChangeMeta): Promise<void>;
  loadRound(id: string): Promise<RoundWithRequests | null>;
  findRoundByToken(token: string): Promise<SignOffRound | null>;
  listRounds(planId: string): Promise<SignOffRound[]>;
  /** Moves a request on only if it is still in `from`; false when someone got there first. */
  updateRequest(roundId: string, role: string, personId: string, from: RequestState, change: Partial<Pick<SignOffRequest, 'state' | 'decidedAt' | 'reason'>>, meta: ChangeMeta): Promise<boolean>;
  noteReminder(roundId: string, role: string, personId: string, at: string): Promise<void>;
  /** Records the first time a card for the request reached them; later calls change nothing. */
  noteDelivery(roundId: string, role: string, personId: string, at: string): Promise<void>;
  /** Keeps a question; an id seen before returns the stored one, so a retried question adds nothing. */
  addQuestion(question: Omit<SignOffQuestion, 'answer'>, meta: ChangeMeta): Promise<SignOffQuestion>;
  loadQuestion(id: string): Promise<SignOffQuestion | null>;
  /** A round's questions, oldest first. */
  listQuestions(roundId: string): Promise<SignOffQuestion[]>;
  /** Answers a question only if it has no answer yet; false when it had one. */
  answerQuestion(id: string, answer: SignOffAnswer, meta: ChangeMeta): Promise<boolean>;
  /** Moves a round on only if it is still in `from`. */
  updateRound(id: string, from: RoundState, change: Pick<SignOffRound, 'status' | 'closedAt' | 'closeReason'>, meta: ChangeMeta): Promise<boolean>;
}

export interface FeedbackRepository {
  /** An id seen before returns the stored item, so a retried submission adds nothing. */
  addFeedback(item: FeedbackItem, meta: ChangeMeta): Promise<FeedbackItem>;
  loadFeedback(id: string): Promise<FeedbackItem | null>;
  listFeedback(planId: string): Promise<FeedbackItem[]>;
  /** Changes an item only if it is still in `from` (and, when flagging, not flagged yet); false when someone got there first. */
  updateFeedback(id: string, from: FeedbackStatus, change: Partial<Pick<FeedbackItem, 'status' | 'ownerId' | 'routedAt' | 'answer' | 'flaggedAt'>>, meta: ChangeMeta): Promise<boolean>;
}

/** A compiled document that left the bot, kept exactly as fingerprinted. */
export interface IssuedDocument {
  readonly hash: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly kind: 'plan' | 'report';
  readonly title: string;
  readonly model: DocumentModel;
  readonly issuedAt: string;
  readonly issuedBy: string;
}

export type DownloadFormat = 'docx' | 'md';

/** A personal, expiring link to one issued document. */
export interface DownloadLink {
  readonly token: string;
  readonly planId: string;
  readonly documentHash: string;
  readonly planVersion: number;
  readonly format: DownloadFormat;
  readonly personId: string;
  /** The file carries the signatures of a completed sign-off. */
  readonly signed: boolean;
  /** A link sent with a sign-off round stops working when the round is voided. */
  readonly roundId: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** One file made from an issued document, known by the SHA-256 of its bytes. */
export interface IssuedFile {
  readonly sha256: string;
  readonly planId: string;
  readonly documentHash: string;
  readonly planVersion: number;
  readonly format: DownloadFormat;
  readonly signed: boolean;
}

export interface DocumentRepository {
  /** Keeps a document; issuing the same text for the same version again returns the first. */
  saveIssuedDocument(document: Omit<IssuedDocument, 'issuedAt'>): Promise<IssuedDocument>;
  loadIssuedDocument(hash: string, planVersion?: number): Promise<IssuedDocument | null>;
  addDownloadLink(link: Omit<DownloadLink, 'createdAt'>): Promise<DownloadLink>;
  findDownloadLink(token: string): Promise<DownloadLink | null>;
  /** Remembers a file's bytes by their SHA-256; recording the same file again changes nothing. */
  recordIssuedFile(file: IssuedFile): Promise<void>;
  findIssuedFile(sha256: string): Promise<IssuedFile | null>;
}

export interface SpendActualRepository {
  /** The version of a quarter's actuals: 0 before any were recorded. */
  spendActualsVersion(planId: string, quarter: string): Promise<number>;
  /**
   * Replaces the given cells of a quarter's actuals if the quarter is still at `expectedVersion`
   * (PLAN.STALE_VERSION otherwise); a request id seen before changes nothing.
   */
  saveSpendActuals(planId: string, quarter: string, expectedVersion: number, actuals: readonly SpendActual[], meta: ChangeMeta): Promise<{ version: number; replayed: boolean }>;
  listSpendActuals(planId: string, quarter?: string): Promise<StoredSpendActual[]>;
}

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

/**
 * Background work that must run on one instance at a time (reminder ticks): whoever holds the
 * named lease does it. A lease ends when it expires, so a crashed holder does not keep it.
 */
export interface LeaseRepository {
  /** True when `holder` now holds `name` until `until` (it was free, had expired by `now`, or was already `holder`'s). */
  acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}

export interface Store
  extends PlanRepository,
    LeaseRepository,
    OutboxRepository,
    DocumentRepository,
    SpendActualRepository,
    FeedbackRepository,
    SignOffRepository,
    RosterRepository,
    DraftRepository,
    AssignmentRepository,
    ConversationRepository,
    UpdateRepository,
    ReminderRepository,
    SuggestionRepository,
    TeamRepository,
    ConversationStateRepository,
    ChannelPostRepository {
  close(): Promise<void>;
}

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

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Where a drafting suggestion would go: one field of a section, a risk's mitigation, or a feedback answer. */
export type SuggestionTarget =
  | { readonly kind: 'section'; readonly section: SectionKey; readonly path: string }
  | { readonly kind: 'risk'; readonly riskId: string; readonly field: 'mitigation' }
  | { readonly kind: 'feedback'; readonly feedbackId: string; readonly field: 'answer' };

/** Text the AI model suggested for one person; nothing in the plan changes until they submit it themselves. */
export interface Suggestion {
  readonly id: string;
  readonly planId: string;
  readonly personId: string;
  /** Null for a suggestion with nowhere to go (a summary to read). */
  readonly target: SuggestionTarget | null;
  readonly text: string;
  readonly promptName: string;
  readonly createdAt: string;
  /** Put into the person's draft (or answer form). */
  readonly usedAt: string | null;
  readonly discardedAt: string | null;
  /** A used suggestion whose draft was submitted or thrown away: it no longer marks a submit. */
  readonly settledAt: string | null;
}

export interface SuggestionRepository {
  /** An id seen before returns the stored suggestion unchanged. */
  addSuggestion(suggestion: Omit<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>): Promise<Suggestion>;
  loadSuggestion(id: string): Promise<Suggestion | null>;
  /** One person's suggestions for a plan, oldest first. */
  listSuggestions(personId: string, planId: string): Promise<Suggestion[]>;
  markSuggestion(id: string, change: Partial<Pick<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>>): Promise<void>;
}
