import type {
  Assignment,
  AssignmentQuery,
  AuditEntry,
  AuditQuery,
  ChangeMeta,
  Clock,
  Draft,
  DownloadLink,
  IssuedDocument,
  IssuedFile,
  OutboxChange,
  OutboxRow,
  PlanSnapshot,
  Reminder,
  RoundWithRequests,
  SaveResult,
  SignOffAnswer,
  SignOffQuestion,
  SignOffRequest,
  SignOffRound,
  Store,
  Suggestion,
  UpdateQuery,
  LatestUpdateQuery,
} from '../../app/ports';
import type { FeedbackItem } from '../../domain/feedback.schema';
import type { Person } from '../../domain/people.schema';
import type { Plan, SectionKey } from '../../domain/plan.schema';
import type { SpendActual, StoredSpendActual } from '../../domain/spend-actuals.schema';
import type { StoredUpdate, WorkstreamUpdate } from '../../domain/workstream-update.schema';
import { listAudit, writeAudit } from './audit.sql';
import { SqlDocuments } from './documents.sql';
import { SqlFeedback } from './feedback.sql';
import { SqlLeases } from './leases.sql';
import { migrate } from './migrate';
import { SqlOutbox } from './outbox.sql';
import { SqlPeople } from './people.sql';
import { SqlPlans } from './plans.sql';
import { SqlSignOff } from './sign-off.sql';
import { SqlSignOffQuestions } from './signoff-questions.sql';
import { SqlSpendActuals } from './spend-actuals.sql';
import { openPostgres, openSqlite, type SqlDb } from './sql-db';
import { SqlSuggestions } from './suggestions.sql';
import { SqlTeams } from './teams.sql';
import type { ChannelPostKind, ConversationRecord, PartnershipTeam, TeamInstall, TeamStatus } from '../../app/partnership-team.port';
import type { PersonRecord, RosterChangeOptions } from '../../app/ports';
import { SqlUpdates } from './updates.sql';
import { SqlWork } from './work.sql';

/**
 * The store, once, for both databases: each repository's queries are written once against the
 * shared query layer (sql-db.ts). Made only by `open`, once the schema is up to date.
 */
export class SqlStore implements Store {
  private readonly plans: SqlPlans;
  private readonly people: SqlPeople;
  private readonly work: SqlWork;
  private readonly updates: SqlUpdates;
  private readonly signOff: SqlSignOff;
  private readonly feedback: SqlFeedback;
  private readonly documents: SqlDocuments;
  private readonly spend: SqlSpendActuals;
  private readonly outbox: SqlOutbox;
  private readonly questions: SqlSignOffQuestions;
  private readonly suggestions: SqlSuggestions;
  private readonly leases: SqlLeases;
  private readonly teams: SqlTeams;

  /** Over a database whose schema is up to date: see `SqlStore.open`. */
  private constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
  ) {
    this.plans = new SqlPlans(db, clock, writeAudit);
    this.people = new SqlPeople(db, clock, writeAudit);
    this.work = new SqlWork(db, clock, writeAudit);
    this.updates = new SqlUpdates(db, clock, writeAudit);
    this.signOff = new SqlSignOff(db, clock, writeAudit);
    this.feedback = new SqlFeedback(db, clock, writeAudit);
    this.documents = new SqlDocuments(db);
    this.spend = new SqlSpendActuals(db, writeAudit);
    this.outbox = new SqlOutbox(db);
    this.questions = new SqlSignOffQuestions(db, writeAudit);
    this.suggestions = new SqlSuggestions(db);
    this.leases = new SqlLeases(db);
    this.teams = new SqlTeams(db, clock, writeAudit);
  }

  /**
   * Migrates first, then builds the repositories: every query after that meets today's schema.
   * Rejects with why the schema could not be brought up to date, the database closed again.
   */
  static async open(db: SqlDb, clock: Clock): Promise<SqlStore> {
    try {
      await migrate(db, clock.now().toISOString());
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return new SqlStore(db, clock);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  async createPlan(planId: string, plan: Plan, meta: ChangeMeta): Promise<PlanSnapshot> {
    return this.plans.create(planId, plan, meta);
  }
  async loadPlan(planId: string): Promise<PlanSnapshot | null> {
    return this.plans.load(planId);
  }
  async savePlan(planId: string, expectedVersion: number, plan: Plan, meta: ChangeMeta): Promise<SaveResult> {
    return this.plans.save(planId, expectedVersion, plan, meta);
  }
  async appliedRequest(requestId: string): Promise<{ planId: string; version: number } | null> {
    return this.plans.appliedRequest(requestId);
  }
  async listPlanIds(): Promise<string[]> {
    return this.plans.listIds();
  }
  async listAudit(planId: string | null, query: AuditQuery = {}): Promise<AuditEntry[]> {
    return listAudit(this.db, planId, query);
  }

  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    return this.leases.acquire(name, holder, now, until);
  }
  async releaseLease(name: string, holder: string): Promise<void> {
    return this.leases.release(name, holder);
  }

  async replaceRoster(people: readonly Person[], meta: ChangeMeta) {
    return this.people.replaceRoster(people, meta);
  }
  async findPerson(id: string): Promise<Person | null> {
    return (await this.people.read(undefined, id))[0] ?? null;
  }
  async listPeople(): Promise<Person[]> {
    return this.people.read();
  }
  async saveConversation(personId: string, reference: unknown): Promise<void> {
    return this.people.saveConversation(personId, reference);
  }
  async loadConversation(personId: string): Promise<unknown | null> {
    return this.people.loadConversation(personId);
  }

  async listPersonRecords(): Promise<PersonRecord[]> {
    return this.people.records();
  }
  async loadPersonRecord(id: string): Promise<PersonRecord | null> {
    return (await this.people.records(undefined, id))[0] ?? null;
  }
  async savePerson(person: Person, expectedVersion: number, meta: ChangeMeta, options?: RosterChangeOptions) {
    return this.people.savePerson(person, expectedVersion, meta, options);
  }
  async removePerson(id: string, expectedVersion: number, meta: ChangeMeta, options?: RosterChangeOptions) {
    return this.people.removePerson(id, expectedVersion, meta, options);
  }
  async removedPersonIds(): Promise<string[]> {
    return this.people.removedIds();
  }
  async loadConversationRecord(personId: string): Promise<ConversationRecord | null> {
    return this.people.loadConversationRecord(personId);
  }
  async markConversationRemoved(personId: string): Promise<void> {
    return this.people.markConversationRemoved(personId);
  }
  async recordTeamInstalled(team: TeamInstall, meta: ChangeMeta, options: { confirmed: boolean }) {
    return this.teams.recordTeamInstalled(team, meta, options);
  }
  async confirmTeam(teamId: string, meta: ChangeMeta): Promise<PartnershipTeam | null> {
    return this.teams.confirmTeam(teamId, meta);
  }
  async recordTeamRemoved(teamId: string, meta: ChangeMeta): Promise<boolean> {
    return this.teams.recordTeamRemoved(teamId, meta);
  }
  async renameTeam(teamId: string, name: string): Promise<void> {
    return this.teams.renameTeam(teamId, name);
  }
  async listTeams(options?: { include?: readonly TeamStatus[] }): Promise<PartnershipTeam[]> {
    return this.teams.listTeams(options);
  }
  async claimChannelPost(post: { id: string; teamId: string; kind: ChannelPostKind; postedBy: string }) {
    return this.teams.claimChannelPost(post);
  }
  async markChannelPost(id: string, outcome: { status: 'sent' | 'failed'; error?: string }): Promise<void> {
    return this.teams.markChannelPost(id, outcome);
  }

  async loadDraft(personId: string, planId: string, section: SectionKey): Promise<Draft | null> {
    return this.work.loadDraft(personId, planId, section);
  }
  async listDrafts(personId: string, planId: string): Promise<Draft[]> {
    return this.work.listDrafts(personId, planId);
  }
  async saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<Draft> {
    return this.work.saveDraft(draft);
  }
  async deleteDraft(personId: string, planId: string, section: SectionKey): Promise<void> {
    return this.work.deleteDraft(personId, planId, section);
  }
  async addAssignment(a: Omit<Assignment, 'status' | 'createdAt' | 'completedAt'>, meta: ChangeMeta): Promise<Assignment> {
    return this.work.addAssignment(a, meta);
  }
  async listAssignments(query: AssignmentQuery): Promise<Assignment[]> {
    return this.work.listAssignments(query);
  }
  async completeAssignments(ids: readonly string[], meta: ChangeMeta): Promise<void> {
    return this.work.completeAssignments(ids, meta);
  }

  async addUpdate(planId: string, update: WorkstreamUpdate, post: { id: string; authorId: string }, meta: ChangeMeta): Promise<StoredUpdate> {
    return this.updates.addUpdate(planId, update, post, meta);
  }
  async listUpdates(query: UpdateQuery): Promise<StoredUpdate[]> {
    return this.updates.listUpdates(query);
  }
  async latestUpdate(query: LatestUpdateQuery): Promise<StoredUpdate | null> {
    return this.updates.latestUpdate(query);
  }
  async addDelegate(planId: string, workstreamId: string, personId: string, meta: ChangeMeta): Promise<void> {
    return this.updates.addDelegate(planId, workstreamId, personId, meta);
  }
  async listDelegates(planId: string): Promise<{ workstreamId: string; personId: string }[]> {
    return this.updates.listDelegates(planId);
  }
  async scheduleReminders(reminders: readonly Pick<Reminder, 'id' | 'planId' | 'kind' | 'quarter' | 'personId' | 'dueAt'>[]): Promise<number> {
    return this.updates.scheduleReminders(reminders);
  }
  async dueReminders(now: string, staleClaimBefore?: string): Promise<Reminder[]> {
    return this.updates.dueReminders(now, staleClaimBefore);
  }
  async claimReminder(id: string, at: string, staleClaimBefore: string): Promise<boolean> {
    return this.updates.claimReminder(id, at, staleClaimBefore);
  }
  async listReminders(planId: string): Promise<Reminder[]> {
    return this.updates.listReminders(planId);
  }
  async markReminder(id: string, change: Partial<Pick<Reminder, 'status' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError'>>): Promise<void> {
    return this.updates.markReminder(id, change);
  }

  async createRound(round: SignOffRound, requests: readonly SignOffRequest[], meta: ChangeMeta): Promise<void> {
    return this.signOff.createRound(round, requests, meta);
  }
  async loadRound(id: string): Promise<RoundWithRequests | null> {
    return this.signOff.loadRound(id);
  }
  async findRoundByToken(token: string): Promise<SignOffRound | null> {
    return this.signOff.findRoundByToken(token);
  }
  async listRounds(planId: string): Promise<SignOffRound[]> {
    return this.signOff.listRounds(planId);
  }
  async updateRequest(
    roundId: string,
    role: string,
    personId: string,
    from: SignOffRequest['state'],
    change: Partial<Pick<SignOffRequest, 'state' | 'decidedAt' | 'reason'>>,
    meta: ChangeMeta,
  ): Promise<boolean> {
    return this.signOff.updateRequest(roundId, role, personId, from, change, meta);
  }
  async noteReminder(roundId: string, role: string, personId: string, at: string): Promise<void> {
    return this.signOff.noteReminder(roundId, role, personId, at);
  }
  async noteDelivery(roundId: string, role: string, personId: string, at: string): Promise<void> {
    return this.signOff.noteDelivery(roundId, role, personId, at);
  }
  async updateRound(id: string, from: SignOffRound['status'], change: Pick<SignOffRound, 'status' | 'closedAt' | 'closeReason'>, meta: ChangeMeta): Promise<boolean> {
    return this.signOff.updateRound(id, from, change, meta);
  }
  async addQuestion(question: Omit<SignOffQuestion, 'answer'>, meta: ChangeMeta): Promise<SignOffQuestion> {
    return this.questions.add(question, meta, this.now());
  }
  async loadQuestion(id: string): Promise<SignOffQuestion | null> {
    return this.questions.load(id);
  }
  async listQuestions(roundId: string): Promise<SignOffQuestion[]> {
    return this.questions.list(roundId);
  }
  async answerQuestion(id: string, answer: SignOffAnswer, meta: ChangeMeta): Promise<boolean> {
    return this.questions.answer(id, answer, meta, this.now());
  }

  async addFeedback(item: FeedbackItem, meta: ChangeMeta): Promise<FeedbackItem> {
    return this.feedback.add(item, meta);
  }
  async loadFeedback(id: string): Promise<FeedbackItem | null> {
    return this.feedback.load(id);
  }
  async listFeedback(planId: string): Promise<FeedbackItem[]> {
    return this.feedback.list(planId);
  }
  async updateFeedback(
    id: string,
    from: FeedbackItem['status'],
    change: Partial<Pick<FeedbackItem, 'status' | 'ownerId' | 'routedAt' | 'answer' | 'flaggedAt'>>,
    meta: ChangeMeta,
  ): Promise<boolean> {
    return this.feedback.update(id, from, change, meta);
  }

  async saveIssuedDocument(document: Omit<IssuedDocument, 'issuedAt'>): Promise<IssuedDocument> {
    return this.documents.save(document, this.now());
  }
  async loadIssuedDocument(hash: string, planVersion?: number): Promise<IssuedDocument | null> {
    return this.documents.load(hash, planVersion);
  }
  async addDownloadLink(link: Omit<DownloadLink, 'createdAt'>): Promise<DownloadLink> {
    return this.documents.addLink(link, this.now());
  }
  async findDownloadLink(token: string): Promise<DownloadLink | null> {
    return this.documents.findLink(token);
  }
  async recordIssuedFile(file: IssuedFile): Promise<void> {
    return this.documents.recordFile(file, this.now());
  }
  async findIssuedFile(sha256: string): Promise<IssuedFile | null> {
    return this.documents.findFile(sha256);
  }

  async spendActualsVersion(planId: string, quarter: string): Promise<number> {
    return this.spend.version(planId, quarter);
  }
  async saveSpendActuals(planId: string, quarter: string, expectedVersion: number, actuals: readonly SpendActual[], meta: ChangeMeta): Promise<{ version: number; replayed: boolean }> {
    return this.spend.save(planId, quarter, expectedVersion, actuals, meta, this.now());
  }
  async listSpendActuals(planId: string, quarter?: string): Promise<StoredSpendActual[]> {
    return this.spend.list(planId, quarter);
  }

  async claimNotifications(now: string, staleClaimBefore: string, limit: number, ids?: readonly string[]): Promise<OutboxRow[]> {
    return this.outbox.claim(now, staleClaimBefore, limit, ids);
  }
  async markNotification(id: string, change: OutboxChange): Promise<void> {
    return this.outbox.mark(id, change);
  }
  async listNotifications(planId?: string, ids?: readonly string[]): Promise<OutboxRow[]> {
    return this.outbox.list(planId, ids);
  }

  async addSuggestion(suggestion: Omit<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>): Promise<Suggestion> {
    return this.suggestions.add(suggestion);
  }
  async loadSuggestion(id: string): Promise<Suggestion | null> {
    return this.suggestions.load(id);
  }
  async listSuggestions(personId: string, planId: string): Promise<Suggestion[]> {
    return this.suggestions.list(personId, planId);
  }
  async markSuggestion(id: string, change: Partial<Pick<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>>): Promise<void> {
    return this.suggestions.mark(id, change);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** The embedded default: one file, one writer. */
export const SqliteStore = { open: (file: string, clock: Clock): Promise<SqlStore> => SqlStore.open(openSqlite(file), clock) };

/** Production: any number of instances on one PostgreSQL database. */
export const PostgresStore = { open: (url: string, clock: Clock, poolSize?: number): Promise<SqlStore> => SqlStore.open(openPostgres(url, poolSize), clock) };
