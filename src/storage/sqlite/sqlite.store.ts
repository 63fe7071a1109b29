import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  PartChange,
  Reminder,
  RoundWithRequests,
  SignOffRequest,
  SignOffRound,
  UpdateQuery,
  LatestUpdateQuery,
  PlanSnapshot,
  SaveResult,
  Store,
  SignOffAnswer,
  SignOffQuestion,
  Suggestion,
} from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { Person, RoleGrant } from '../../domain/people.schema';
import { Plan, type SectionKey } from '../../domain/plan.schema';
import { WorkstreamUpdate, type StoredUpdate } from '../../domain/workstream-update.schema';
import { FeedbackSubmission, type FeedbackItem } from '../../domain/feedback.schema';
import { fromRoot } from '../../paths';
import { diffParts } from '../plan-diff';
import { composePlan, decomposePlan, type PlanPart } from '../plan-parts';
import { diffRoster } from '../roster-diff';
import type { SpendActual, StoredSpendActual } from '../../domain/spend-actuals.schema';
import { SqliteDocuments } from './documents.sqlite';
import { SqliteSpendActuals } from './spend-actuals.sqlite';
import { SqliteOutbox } from './outbox.sqlite';
import { SqliteSignOffQuestions } from './signoff-questions.sqlite';
import { SqliteSuggestions } from './suggestions.sqlite';

const MIGRATIONS_DIR = fromRoot('src', 'storage', 'migrations', 'sqlite');

interface PartRow {
  part_key: string;
  parent_key: string | null;
  field: string | null;
  position: number;
  kind: string;
  body: string;
}
interface PlanRow {
  id: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}
interface AuditRow {
  id: number;
  plan_id: string | null;
  version: number | null;
  at: string;
  actor_id: string;
  summary: string;
  action: PartChange['action'];
  subject_key: string;
  kind: string;
  before: string | null;
  after: string | null;
}

interface DraftRow {
  person_id: string;
  plan_id: string;
  section_key: SectionKey;
  base_version: number;
  step: number;
  content: string;
  updated_at: string;
}
interface AssignmentRow {
  id: string;
  plan_id: string;
  section_key: SectionKey;
  assignee_id: string;
  due_date: string | null;
  note: string | null;
  assigned_by: string;
  review_comment_id: string | null;
  status: 'open' | 'done';
  created_at: string;
  completed_at: string | null;
}

interface UpdateRow {
  id: string;
  workstream_id: string;
  quarter: string;
  sequence: number;
  author_id: string;
  at: string;
  body: string;
}
interface ReminderRow {
  id: string;
  plan_id: string;
  kind: Reminder['kind'];
  quarter: string;
  person_id: string;
  due_at: string;
  status: Reminder['status'];
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  claimed_at: string | null;
  recovered: number;
}

const toUpdate = (r: UpdateRow): StoredUpdate => ({
  ...WorkstreamUpdate.parse(JSON.parse(r.body)),
  id: r.id,
  sequence: r.sequence,
  authorId: r.author_id,
  at: r.at,
});
const toReminder = (r: ReminderRow): Reminder => ({
  id: r.id,
  planId: r.plan_id,
  kind: r.kind,
  quarter: r.quarter,
  personId: r.person_id,
  dueAt: r.due_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  sentAt: r.sent_at,
  lastError: r.last_error,
  claimedAt: r.claimed_at,
  recovered: r.recovered,
});

interface RoundRow {
  id: string;
  plan_id: string;
  plan_version: number;
  plan_hash: string;
  document: string;
  token: string;
  requested_by: string;
  requested_at: string;
  status: SignOffRound['status'];
  closed_at: string | null;
  close_reason: string | null;
}
interface RequestRow {
  round_id: string;
  role: SignOffRequest['role'];
  person_id: string;
  name: string;
  email: string | null;
  required: number;
  state: SignOffRequest['state'];
  decided_at: string | null;
  reason: string | null;
  reminders_sent: number;
  last_reminded_at: string | null;
  delivered_at: string | null;
}
const toRound = (r: RoundRow): SignOffRound => ({
  id: r.id,
  planId: r.plan_id,
  planVersion: r.plan_version,
  planHash: r.plan_hash,
  token: r.token,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  status: r.status,
  closedAt: r.closed_at,
  closeReason: r.close_reason,
});
const toRequest = (r: RequestRow): SignOffRequest => ({
  roundId: r.round_id,
  role: r.role,
  personId: r.person_id,
  name: r.name,
  email: r.email,
  required: r.required === 1,
  state: r.state,
  decidedAt: r.decided_at,
  reason: r.reason,
  remindersSent: r.reminders_sent,
  lastRemindedAt: r.last_reminded_at,
  deliveredAt: r.delivered_at,
});
/** What the audit log keeps of a round: not the whole document again. */
const roundSummary = (r: SignOffRound) => ({ id: r.id, planVersion: r.planVersion, planHash: r.planHash, status: r.status, closeReason: r.closeReason });

interface FeedbackRow {
  id: string;
  plan_id: string;
  submitter_id: string;
  submitter_name: string;
  created_at: string;
  body: string;
  status: FeedbackItem['status'];
  owner_id: string | null;
  routed_at: string | null;
  answer: string | null;
  flagged_at: string | null;
}
const toFeedback = (r: FeedbackRow): FeedbackItem => ({
  ...FeedbackSubmission.parse(JSON.parse(r.body)),
  id: r.id,
  planId: r.plan_id,
  submitterId: r.submitter_id,
  submitterName: r.submitter_name,
  createdAt: r.created_at,
  status: r.status,
  ownerId: r.owner_id,
  routedAt: r.routed_at,
  answer: r.answer ? JSON.parse(r.answer) : null,
  flaggedAt: r.flagged_at,
});

const toDraft = (r: DraftRow): Draft => ({
  personId: r.person_id,
  planId: r.plan_id,
  section: r.section_key,
  baseVersion: r.base_version,
  step: r.step,
  content: JSON.parse(r.content),
  updatedAt: r.updated_at,
});
const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  planId: r.plan_id,
  section: r.section_key,
  assigneeId: r.assignee_id,
  dueDate: r.due_date,
  note: r.note,
  assignedBy: r.assigned_by,
  reviewCommentId: r.review_comment_id,
  status: r.status,
  createdAt: r.created_at,
  completedAt: r.completed_at,
});

const toPart = (r: PartRow): PlanPart => ({ key: r.part_key, parentKey: r.parent_key, field: r.field, position: r.position, kind: r.kind, body: r.body });
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Numbered .sql files, applied once each, in order, inside one transaction apiece. */
const migrate = (db: Database.Database, at: string): void => {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+-.+\.sql$/.test(f))
    .sort();
  for (const file of files) {
    const version = Number(file.split('-')[0]);
    if (applied.has(version)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, at);
    })();
  }
};

/**
 * The embedded store. better-sqlite3 is synchronous; the async interface is the contract a
 * PostgreSQL store shares, and each method runs as one transaction.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly documents: SqliteDocuments;
  private readonly spend: SqliteSpendActuals;
  private readonly outbox: SqliteOutbox;
  private readonly questions: SqliteSignOffQuestions;
  private readonly suggestions: SqliteSuggestions;

  constructor(
    file: string,
    private readonly clock: Clock,
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, this.now());
    this.documents = new SqliteDocuments(this.db);
    this.spend = new SqliteSpendActuals(this.db, (...args) => this.writeAudit(...args));
    this.outbox = new SqliteOutbox(this.db);
    this.questions = new SqliteSignOffQuestions(this.db, (...args) => this.writeAudit(...args));
    this.suggestions = new SqliteSuggestions(this.db);
  }

  async claimNotifications(now: string, staleClaimBefore: string, limit: number, ids?: readonly string[]): Promise<OutboxRow[]> {
    return this.outbox.claim(now, staleClaimBefore, limit, ids);
  }

  async markNotification(id: string, change: OutboxChange): Promise<void> {
    this.outbox.mark(id, change);
  }

  async listNotifications(planId?: string, ids?: readonly string[]): Promise<OutboxRow[]> {
    return this.outbox.list(planId, ids);
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
    this.documents.recordFile(file, this.now());
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

  private now(): string {
    return this.clock.now().toISOString();
  }

  async createPlan(planId: string, plan: Plan, meta: ChangeMeta): Promise<PlanSnapshot> {
    const valid = Plan.parse(plan);
    const at = this.now();
    this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM plans WHERE id = ?').get(planId);
      if (exists) throw new DomainError('PLAN.INVALID', `A plan with id ${planId} already exists`, { planId });
      this.db.prepare('INSERT INTO plans (id, version, created_at, updated_at, updated_by) VALUES (?, 1, ?, ?, ?)').run(planId, at, at, meta.actorId);
      const { upserts, changes } = diffParts([], decomposePlan(valid));
      this.writeParts(planId, 1, upserts, []);
      this.writeAudit(planId, 1, at, meta, changes);
      this.rememberRequest(planId, 1, at, meta);
    })();
    return this.snapshotOrThrow(planId);
  }

  async loadPlan(planId: string): Promise<PlanSnapshot | null> {
    return this.snapshot(planId);
  }

  async savePlan(planId: string, expectedVersion: number, plan: Plan, meta: ChangeMeta): Promise<SaveResult> {
    const valid = Plan.parse(plan);
    const at = this.now();
    const outcome = this.db.transaction((): { replayed: boolean; changes: PartChange[] } => {
      if (meta.requestId && this.db.prepare('SELECT 1 FROM applied_requests WHERE request_id = ?').get(meta.requestId)) {
        return { replayed: true, changes: [] };
      }
      const current = this.db.prepare('SELECT version FROM plans WHERE id = ?').get(planId) as { version: number } | undefined;
      if (!current) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${planId}`, { planId });
      if (current.version !== expectedVersion) {
        throw new DomainError('PLAN.STALE_VERSION', `The plan is at version ${current.version}, not ${expectedVersion}`, {
          planId,
          expectedVersion,
          currentVersion: current.version,
        });
      }
      const before = (this.db.prepare('SELECT * FROM plan_parts WHERE plan_id = ?').all(planId) as PartRow[]).map(toPart);
      const diff = diffParts(before, decomposePlan(valid));
      if (diff.upserts.length === 0 && diff.deletes.length === 0) return { replayed: false, changes: [] };
      const version = expectedVersion + 1;
      this.db
        .prepare('UPDATE plans SET version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?')
        .run(version, at, meta.actorId, planId, expectedVersion);
      this.writeParts(planId, version, diff.upserts, diff.deletes);
      this.writeAudit(planId, version, at, meta, diff.changes);
      this.rememberRequest(planId, version, at, meta);
      return { replayed: false, changes: [...diff.changes] };
    })();
    return { snapshot: this.snapshotOrThrow(planId), ...outcome };
  }

  async appliedRequest(requestId: string): Promise<{ planId: string; version: number } | null> {
    const row = this.db.prepare('SELECT plan_id, version FROM applied_requests WHERE request_id = ?').get(requestId) as { plan_id: string; version: number } | undefined;
    return row ? { planId: row.plan_id, version: row.version } : null;
  }

  async listPlanIds(): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM plans ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  }

  async listAudit(planId: string | null, query: AuditQuery = {}): Promise<AuditEntry[]> {
    const prefix = query.keyPrefix;
    const where = ['plan_id IS ?'];
    const params: unknown[] = [planId];
    if (prefix) {
      where.push("(subject_key = ? OR subject_key LIKE ? ESCAPE '\\')");
      params.push(prefix, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`);
    }
    if (query.sinceVersion !== undefined) {
      where.push('version > ?');
      params.push(query.sinceVersion);
    }
    const rows = this.db
      .prepare(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`)
      .all(...params, query.limit ?? 1000) as AuditRow[];
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      version: r.version,
      at: r.at,
      actorId: r.actor_id,
      summary: r.summary,
      action: r.action,
      key: r.subject_key,
      kind: r.kind,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    }));
  }

  async replaceRoster(people: readonly Person[], meta: ChangeMeta) {
    const at = this.now();
    return this.db.transaction(() => {
      const current = this.readPeople();
      const diff = diffRoster(current, people);
      const deletePerson = this.db.prepare('DELETE FROM people WHERE id = ?');
      const upsertPerson = this.db.prepare(
        'INSERT INTO people (id, name, email, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, updated_at = excluded.updated_at',
      );
      const clearRoles = this.db.prepare('DELETE FROM person_roles WHERE person_id = ?');
      const addRole = this.db.prepare('INSERT INTO person_roles (person_id, position, role, details) VALUES (?, ?, ?, ?)');
      for (const change of diff.changes) {
        if (change.action === 'delete') {
          deletePerson.run(change.key);
          continue;
        }
        const person = change.after as Person;
        upsertPerson.run(person.id, person.name, person.email, at);
        clearRoles.run(person.id);
        person.roles.forEach((grant, i) => {
          const { role, ...details } = grant;
          addRole.run(person.id, i, role, JSON.stringify(details));
        });
      }
      this.writeAudit(null, null, at, meta, diff.changes);
      return diff.counts;
    })();
  }

  async findPerson(id: string): Promise<Person | null> {
    return this.readPeople(id)[0] ?? null;
  }

  async listPeople(): Promise<Person[]> {
    return this.readPeople();
  }

  async loadDraft(personId: string, planId: string, section: SectionKey): Promise<Draft | null> {
    const row = this.db.prepare('SELECT * FROM drafts WHERE person_id = ? AND plan_id = ? AND section_key = ?').get(personId, planId, section) as DraftRow | undefined;
    return row ? toDraft(row) : null;
  }

  async listDrafts(personId: string, planId: string): Promise<Draft[]> {
    const rows = this.db.prepare('SELECT * FROM drafts WHERE person_id = ? AND plan_id = ? ORDER BY updated_at DESC').all(personId, planId) as DraftRow[];
    return rows.map(toDraft);
  }

  async saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<Draft> {
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO drafts (person_id, plan_id, section_key, base_version, step, content, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (person_id, plan_id, section_key) DO UPDATE SET base_version = excluded.base_version, step = excluded.step,
           content = excluded.content, updated_at = excluded.updated_at`,
      )
      .run(draft.personId, draft.planId, draft.section, draft.baseVersion, draft.step, JSON.stringify(draft.content), at);
    return { ...draft, updatedAt: at };
  }

  async deleteDraft(personId: string, planId: string, section: SectionKey): Promise<void> {
    this.db.prepare('DELETE FROM drafts WHERE person_id = ? AND plan_id = ? AND section_key = ?').run(personId, planId, section);
  }

  async addAssignment(a: Omit<Assignment, 'status' | 'createdAt' | 'completedAt'>, meta: ChangeMeta): Promise<Assignment> {
    const at = this.now();
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT * FROM assignments WHERE id = ?').get(a.id) as AssignmentRow | undefined;
      if (existing) return toAssignment(existing);
      this.db
        .prepare(
          `INSERT INTO assignments (id, plan_id, section_key, assignee_id, due_date, note, assigned_by, review_comment_id, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
        )
        .run(a.id, a.planId, a.section, a.assigneeId, a.dueDate, a.note, a.assignedBy, a.reviewCommentId, at);
      const stored = toAssignment(this.db.prepare('SELECT * FROM assignments WHERE id = ?').get(a.id) as AssignmentRow);
      this.writeAudit(a.planId, null, at, meta, [{ action: 'create', key: `assignments/${a.id}`, kind: 'assignment', before: null, after: stored }]);
      return stored;
    })();
  }

  async listAssignments(query: AssignmentQuery): Promise<Assignment[]> {
    const where = ['plan_id = ?'];
    const params: unknown[] = [query.planId];
    const filters: [string, unknown][] = [
      ['assignee_id', query.assigneeId],
      ['section_key', query.section],
      ['status', query.status],
    ];
    for (const [column, value] of filters) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = this.db
      .prepare(`SELECT * FROM assignments WHERE ${where.join(' AND ')} ORDER BY due_date IS NULL, due_date, created_at, id`)
      .all(...params) as AssignmentRow[];
    return rows.map(toAssignment);
  }

  async completeAssignments(ids: readonly string[], meta: ChangeMeta): Promise<void> {
    const at = this.now();
    this.db.transaction(() => {
      for (const id of ids) {
        const before = this.db.prepare("SELECT * FROM assignments WHERE id = ? AND status = 'open'").get(id) as AssignmentRow | undefined;
        if (!before) continue;
        this.db.prepare("UPDATE assignments SET status = 'done', completed_at = ? WHERE id = ?").run(at, id);
        const after = toAssignment(this.db.prepare('SELECT * FROM assignments WHERE id = ?').get(id) as AssignmentRow);
        this.writeAudit(before.plan_id, null, at, meta, [{ action: 'update', key: `assignments/${id}`, kind: 'assignment', before: toAssignment(before), after }]);
      }
    })();
  }

  async saveConversation(personId: string, reference: unknown): Promise<void> {
    this.db
      .prepare('INSERT INTO conversations (person_id, reference, updated_at) VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at')
      .run(personId, JSON.stringify(reference), this.now());
  }

  async loadConversation(personId: string): Promise<unknown | null> {
    const row = this.db.prepare('SELECT reference FROM conversations WHERE person_id = ?').get(personId) as { reference: string } | undefined;
    return row ? JSON.parse(row.reference) : null;
  }

  async addUpdate(planId: string, update: WorkstreamUpdate, post: { id: string; authorId: string }, meta: ChangeMeta): Promise<StoredUpdate> {
    const valid = WorkstreamUpdate.parse(update);
    const at = this.now();
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT * FROM workstream_updates WHERE id = ?').get(post.id) as UpdateRow | undefined;
      if (existing) return toUpdate(existing);
      const { next } = this.db
        .prepare('SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM workstream_updates WHERE plan_id = ? AND workstream_id = ? AND quarter = ?')
        .get(planId, valid.workstreamId, valid.quarter) as { next: number };
      this.db
        .prepare('INSERT INTO workstream_updates (id, plan_id, workstream_id, quarter, sequence, author_id, at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(post.id, planId, valid.workstreamId, valid.quarter, next, post.authorId, at, JSON.stringify(valid));
      const stored = toUpdate(this.db.prepare('SELECT * FROM workstream_updates WHERE id = ?').get(post.id) as UpdateRow);
      this.writeAudit(planId, null, at, meta, [
        { action: 'create', key: `updates/${valid.workstreamId}/${valid.quarter}/${next}`, kind: 'workstream-update', before: null, after: stored },
      ]);
      return stored;
    })();
  }

  async listUpdates(query: UpdateQuery): Promise<StoredUpdate[]> {
    const where = ['plan_id = ?'];
    const params: unknown[] = [query.planId];
    for (const [column, value] of [
      ['workstream_id', query.workstreamId],
      ['quarter', query.quarter],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = this.db.prepare(`SELECT * FROM workstream_updates WHERE ${where.join(' AND ')} ORDER BY quarter, workstream_id, sequence`).all(...params) as UpdateRow[];
    return rows.map(toUpdate);
  }

  async latestUpdate(query: LatestUpdateQuery): Promise<StoredUpdate | null> {
    // Walks the (plan, workstream, quarter, sequence) index from its newest end and stops at the
    // first match: the newest post unless a milestone is named that it does not report on.
    const where = ['plan_id = ?', 'workstream_id = ?'];
    const params: unknown[] = [query.planId, query.workstreamId];
    if (query.quarter !== undefined) {
      where.push('quarter = ?');
      params.push(query.quarter);
    }
    if (query.throughQuarter !== undefined) {
      where.push('quarter <= ?');
      params.push(query.throughQuarter);
    }
    if (query.milestoneId !== undefined) {
      // The text test passes over most posts without parsing them; json_each then makes sure.
      where.push("instr(body, ?) > 0 AND EXISTS (SELECT 1 FROM json_each(body, '$.milestones') WHERE json_extract(value, '$.milestoneId') = ?)");
      params.push(`"milestoneId":${JSON.stringify(query.milestoneId)}`, query.milestoneId);
    }
    const row = this.db.prepare(`SELECT * FROM workstream_updates WHERE ${where.join(' AND ')} ORDER BY quarter DESC, sequence DESC LIMIT 1`).get(...params) as UpdateRow | undefined;
    return row ? toUpdate(row) : null;
  }

  async addDelegate(planId: string, workstreamId: string, personId: string, meta: ChangeMeta): Promise<void> {
    const at = this.now();
    this.db.transaction(() => {
      const result = this.db
        .prepare('INSERT OR IGNORE INTO workstream_delegates (plan_id, workstream_id, person_id, named_by, at) VALUES (?, ?, ?, ?, ?)')
        .run(planId, workstreamId, personId, meta.actorId, at);
      if (result.changes) {
        this.writeAudit(planId, null, at, meta, [
          { action: 'create', key: `delegates/${workstreamId}/${personId}`, kind: 'delegate', before: null, after: { workstreamId, personId } },
        ]);
      }
    })();
  }

  async listDelegates(planId: string): Promise<{ workstreamId: string; personId: string }[]> {
    return (this.db.prepare('SELECT workstream_id, person_id FROM workstream_delegates WHERE plan_id = ? ORDER BY workstream_id, person_id').all(planId) as {
      workstream_id: string;
      person_id: string;
    }[]).map((r) => ({ workstreamId: r.workstream_id, personId: r.person_id }));
  }

  async scheduleReminders(reminders: readonly Pick<Reminder, 'id' | 'planId' | 'kind' | 'quarter' | 'personId' | 'dueAt'>[]): Promise<number> {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO reminders (id, plan_id, kind, quarter, person_id, due_at, status, attempts, next_attempt_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, '{}')`,
    );
    return this.db.transaction(() => reminders.reduce((n, r) => n + insert.run(r.id, r.planId, r.kind, r.quarter, r.personId, r.dueAt, r.dueAt).changes, 0))();
  }

  async dueReminders(now: string, staleClaimBefore?: string): Promise<Reminder[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM reminders WHERE (status = 'pending' AND due_at <= ? AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_at <= ?)
         ORDER BY due_at, id`,
      )
      .all(now, now, staleClaimBefore ?? '') as ReminderRow[];
    return rows.map(toReminder);
  }

  async claimReminder(id: string, at: string, staleClaimBefore: string): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE reminders SET recovered = recovered + (CASE WHEN status = 'sending' THEN 1 ELSE 0 END), status = 'sending', claimed_at = ?
         WHERE id = ? AND (status = 'pending' OR (status = 'sending' AND claimed_at <= ? AND recovered = 0))`,
      )
      .run(at, id, staleClaimBefore);
    return result.changes === 1;
  }

  async listReminders(planId: string): Promise<Reminder[]> {
    return (this.db.prepare('SELECT * FROM reminders WHERE plan_id = ? ORDER BY due_at, id').all(planId) as ReminderRow[]).map(toReminder);
  }

  async markReminder(id: string, change: Partial<Pick<Reminder, 'status' | 'attempts' | 'nextAttemptAt' | 'sentAt' | 'lastError'>>): Promise<void> {
    const columns: Record<string, string> = { status: 'status', attempts: 'attempts', nextAttemptAt: 'next_attempt_at', sentAt: 'sent_at', lastError: 'last_error', claimedAt: 'claimed_at' };
    const entries = Object.entries(change).filter(([k]) => k in columns);
    if (!entries.length) return;
    this.db.prepare(`UPDATE reminders SET ${entries.map(([k]) => `${columns[k]} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
  }

  async createRound(round: SignOffRound, requests: readonly SignOffRequest[], meta: ChangeMeta): Promise<void> {
    const at = this.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO signoff_rounds (id, plan_id, plan_version, plan_hash, document, token, requested_by, requested_at, status, closed_at, close_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(round.id, round.planId, round.planVersion, round.planHash, round.planHash, round.token, round.requestedBy, round.requestedAt, round.status, round.closedAt, round.closeReason);
      const insert = this.db.prepare(
        `INSERT INTO signoff_requests (round_id, role, person_id, name, email, required, state, decided_at, reason, reminders_sent, last_reminded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of requests) insert.run(r.roundId, r.role, r.personId, r.name, r.email, r.required ? 1 : 0, r.state, r.decidedAt, r.reason, r.remindersSent, r.lastRemindedAt);
      this.writeAudit(round.planId, round.planVersion, at, meta, [
        { action: 'create', key: `signoff/${round.id}`, kind: 'signoff-round', before: null, after: { ...roundSummary(round), requests: requests.map((r) => ({ role: r.role, personId: r.personId })) } },
      ]);
    })();
  }

  async loadRound(id: string): Promise<RoundWithRequests | null> {
    const row = this.db.prepare('SELECT * FROM signoff_rounds WHERE id = ?').get(id) as RoundRow | undefined;
    if (!row) return null;
    const requests = (this.db.prepare('SELECT * FROM signoff_requests WHERE round_id = ? ORDER BY required DESC, rowid').all(id) as RequestRow[]).map(toRequest);
    return { round: toRound(row), requests };
  }

  async findRoundByToken(token: string): Promise<SignOffRound | null> {
    const row = this.db.prepare('SELECT * FROM signoff_rounds WHERE token = ?').get(token) as RoundRow | undefined;
    return row ? toRound(row) : null;
  }

  async listRounds(planId: string): Promise<SignOffRound[]> {
    return (this.db.prepare('SELECT * FROM signoff_rounds WHERE plan_id = ? ORDER BY requested_at, rowid').all(planId) as RoundRow[]).map(toRound);
  }

  async updateRequest(
    roundId: string,
    role: string,
    personId: string,
    from: SignOffRequest['state'],
    change: Partial<Pick<SignOffRequest, 'state' | 'decidedAt' | 'reason'>>,
    meta: ChangeMeta,
  ): Promise<boolean> {
    const at = this.now();
    return this.db.transaction(() => {
      const before = this.db.prepare('SELECT * FROM signoff_requests WHERE round_id = ? AND role = ? AND person_id = ?').get(roundId, role, personId) as RequestRow | undefined;
      if (!before || before.state !== from) return false;
      this.db
        .prepare('UPDATE signoff_requests SET state = COALESCE(?, state), decided_at = COALESCE(?, decided_at), reason = COALESCE(?, reason) WHERE round_id = ? AND role = ? AND person_id = ?')
        .run(change.state ?? null, change.decidedAt ?? null, change.reason ?? null, roundId, role, personId);
      const after = this.db.prepare('SELECT * FROM signoff_requests WHERE round_id = ? AND role = ? AND person_id = ?').get(roundId, role, personId) as RequestRow;
      const planId = (this.db.prepare('SELECT plan_id FROM signoff_rounds WHERE id = ?').get(roundId) as { plan_id: string }).plan_id;
      this.writeAudit(planId, null, at, meta, [{ action: 'update', key: `signoff/${roundId}/${role}/${personId}`, kind: 'signoff-request', before: toRequest(before), after: toRequest(after) }]);
      return true;
    })();
  }

  async noteReminder(roundId: string, role: string, personId: string, at: string): Promise<void> {
    this.db
      .prepare('UPDATE signoff_requests SET reminders_sent = reminders_sent + 1, last_reminded_at = ? WHERE round_id = ? AND role = ? AND person_id = ?')
      .run(at, roundId, role, personId);
  }

  async noteDelivery(roundId: string, role: string, personId: string, at: string): Promise<void> {
    this.db.prepare('UPDATE signoff_requests SET delivered_at = COALESCE(delivered_at, ?) WHERE round_id = ? AND role = ? AND person_id = ?').run(at, roundId, role, personId);
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
    this.suggestions.mark(id, change);
  }

  async updateRound(id: string, from: SignOffRound['status'], change: Pick<SignOffRound, 'status' | 'closedAt' | 'closeReason'>, meta: ChangeMeta): Promise<boolean> {
    const at = this.now();
    return this.db.transaction(() => {
      const before = this.db.prepare('SELECT * FROM signoff_rounds WHERE id = ?').get(id) as RoundRow | undefined;
      if (!before || before.status !== from) return false;
      this.db.prepare('UPDATE signoff_rounds SET status = ?, closed_at = ?, close_reason = ? WHERE id = ?').run(change.status, change.closedAt, change.closeReason, id);
      if (change.status === 'voided') this.db.prepare("UPDATE signoff_requests SET state = 'voided' WHERE round_id = ?").run(id);
      const after = toRound(this.db.prepare('SELECT * FROM signoff_rounds WHERE id = ?').get(id) as RoundRow);
      this.writeAudit(before.plan_id, before.plan_version, at, meta, [{ action: 'update', key: `signoff/${id}`, kind: 'signoff-round', before: roundSummary(toRound(before)), after: roundSummary(after) }]);
      return true;
    })();
  }

  async addFeedback(item: FeedbackItem, meta: ChangeMeta): Promise<FeedbackItem> {
    const at = this.now();
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT * FROM feedback_items WHERE id = ?').get(item.id) as FeedbackRow | undefined;
      if (existing) return toFeedback(existing);
      const body: FeedbackSubmission = FeedbackSubmission.parse(item);
      this.db
        .prepare(
          `INSERT INTO feedback_items (id, plan_id, submitter_id, submitter_name, created_at, body, status, owner_id, routed_at, answer, flagged_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(item.id, item.planId, item.submitterId, item.submitterName, item.createdAt, JSON.stringify(body), item.status, item.ownerId, item.routedAt, item.answer ? JSON.stringify(item.answer) : null, item.flaggedAt);
      const stored = toFeedback(this.db.prepare('SELECT * FROM feedback_items WHERE id = ?').get(item.id) as FeedbackRow);
      this.writeAudit(item.planId, null, at, meta, [{ action: 'create', key: `feedback/${item.id}`, kind: 'feedback', before: null, after: stored }]);
      return stored;
    })();
  }

  async loadFeedback(id: string): Promise<FeedbackItem | null> {
    const row = this.db.prepare('SELECT * FROM feedback_items WHERE id = ?').get(id) as FeedbackRow | undefined;
    return row ? toFeedback(row) : null;
  }

  async listFeedback(planId: string): Promise<FeedbackItem[]> {
    return (this.db.prepare('SELECT * FROM feedback_items WHERE plan_id = ? ORDER BY created_at, rowid').all(planId) as FeedbackRow[]).map(toFeedback);
  }

  async updateFeedback(
    id: string,
    from: FeedbackItem['status'],
    change: Partial<Pick<FeedbackItem, 'status' | 'ownerId' | 'routedAt' | 'answer' | 'flaggedAt'>>,
    meta: ChangeMeta,
  ): Promise<boolean> {
    const at = this.now();
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM feedback_items WHERE id = ?').get(id) as FeedbackRow | undefined;
      if (!row || row.status !== from) return false;
      const before = toFeedback(row);
      const next = { ...before, ...change };
      this.db
        .prepare('UPDATE feedback_items SET status = ?, owner_id = ?, routed_at = ?, answer = ?, flagged_at = ? WHERE id = ?')
        .run(next.status, next.ownerId, next.routedAt, next.answer ? JSON.stringify(next.answer) : null, next.flaggedAt, id);
      const after = toFeedback(this.db.prepare('SELECT * FROM feedback_items WHERE id = ?').get(id) as FeedbackRow);
      this.writeAudit(row.plan_id, null, at, meta, [{ action: 'update', key: `feedback/${id}`, kind: 'feedback', before, after }]);
      return true;
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private readPeople(id?: string): Person[] {
    const people = this.db.prepare(`SELECT id, name, email FROM people ${id ? 'WHERE id = ?' : ''} ORDER BY name, id`).all(...(id ? [id] : [])) as {
      id: string;
      name: string;
      email: string | null;
    }[];
    const roles = this.db.prepare('SELECT role, details FROM person_roles WHERE person_id = ? ORDER BY position');
    return people.map((p) =>
      Person.parse({
        ...p,
        roles: (roles.all(p.id) as { role: string; details: string }[]).map((r) => RoleGrant.parse({ role: r.role, ...JSON.parse(r.details) })),
      }),
    );
  }

  private writeParts(planId: string, version: number, upserts: readonly PlanPart[], deletes: readonly PlanPart[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO plan_parts (plan_id, part_key, parent_key, field, position, kind, body, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (plan_id, part_key) DO UPDATE SET parent_key = excluded.parent_key, field = excluded.field, position = excluded.position,
         kind = excluded.kind, body = excluded.body, version = excluded.version`,
    );
    const remove = this.db.prepare('DELETE FROM plan_parts WHERE plan_id = ? AND part_key = ?');
    for (const p of upserts) upsert.run(planId, p.key, p.parentKey, p.field, p.position, p.kind, p.body, version);
    for (const p of deletes) remove.run(planId, p.key);
  }

  private writeAudit(planId: string | null, version: number | null, at: string, meta: ChangeMeta, changes: readonly PartChange[]): void {
    const insert = this.db.prepare(
      'INSERT INTO audit_log (plan_id, version, at, actor_id, summary, action, subject_key, kind, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const c of changes) insert.run(planId, version, at, meta.actorId, meta.summary, c.action, c.key, c.kind, json(c.before), json(c.after));
    // Every write runs this inside its own transaction: the change and its notifications commit together.
    if (meta.notify?.length) this.outbox.enqueue(planId, meta.notify, at);
  }

  private rememberRequest(planId: string, version: number, at: string, meta: ChangeMeta): void {
    if (meta.requestId) this.db.prepare('INSERT INTO applied_requests (request_id, plan_id, version, at) VALUES (?, ?, ?, ?)').run(meta.requestId, planId, version, at);
  }

  private snapshot(planId: string): PlanSnapshot | null {
    const row = this.db.prepare('SELECT id, version, updated_at, updated_by FROM plans WHERE id = ?').get(planId) as PlanRow | undefined;
    if (!row) return null;
    const parts = (this.db.prepare('SELECT * FROM plan_parts WHERE plan_id = ?').all(planId) as PartRow[]).map(toPart);
    return { planId: row.id, version: row.version, plan: Plan.parse(composePlan(parts)), updatedAt: row.updated_at, updatedBy: row.updated_by };
  }

  private snapshotOrThrow(planId: string): PlanSnapshot {
    const s = this.snapshot(planId);
    if (!s) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${planId}`, { planId });
    return s;
  }
}
