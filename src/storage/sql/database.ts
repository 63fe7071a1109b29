import type { Generated } from 'kysely';

/**
 * Every table, as both databases keep it (the migrations under ../migrations make the same
 * columns on SQLite and PostgreSQL; test/storage/database.types.test.ts holds this file to them).
 * Times are ISO-8601 text; booleans are 0/1 integers on both; pence are 64-bit, read as numbers.
 */
export interface AiSuggestionsTable {
  id: string;
  plan_id: string;
  person_id: string;
  target: string | null;
  text: string;
  prompt_name: string;
  created_at: string;
  used_at: string | null;
  discarded_at: string | null;
  settled_at: string | null;
  seq: Generated<number>;
}

export interface AppliedRequestsTable {
  request_id: string;
  plan_id: string;
  version: number;
  at: string;
}

export interface AssignmentsTable {
  id: string;
  plan_id: string;
  section_key: string;
  assignee_id: string;
  due_date: string | null;
  note: string | null;
  assigned_by: string;
  review_comment_id: string | null;
  status: string;
  created_at: string;
  completed_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  plan_id: string | null;
  version: number | null;
  at: string;
  actor_id: string;
  summary: string;
  action: string;
  subject_key: string;
  kind: string;
  before: string | null;
  after: string | null;
}

export interface ChannelPostsTable {
  id: string;
  team_id: string;
  kind: string;
  status: string;
  posted_by: string;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
}

export interface ConversationsTable {
  person_id: string;
  reference: string;
  updated_at: string;
  removed_at: string | null;
}

export interface DownloadLinksTable {
  token: string;
  plan_id: string;
  document_hash: string;
  plan_version: number;
  format: string;
  person_id: string;
  signed: Generated<number>;
  round_id: string | null;
  created_at: string;
  expires_at: string;
}

export interface DraftsTable {
  person_id: string;
  plan_id: string;
  section_key: string;
  base_version: number;
  step: number;
  content: string;
  updated_at: string;
}

export interface FeedbackItemsTable {
  id: string;
  plan_id: string;
  submitter_id: string;
  submitter_name: string;
  created_at: string;
  body: string;
  status: string;
  owner_id: string | null;
  routed_at: string | null;
  answer: string | null;
  flagged_at: string | null;
  seq: Generated<number>;
}

export interface IssuedDocumentsTable {
  hash: string;
  plan_id: string;
  plan_version: number;
  kind: string;
  title: string;
  model: string;
  issued_at: string;
  issued_by: string;
}

export interface IssuedFilesTable {
  sha256: string;
  plan_id: string;
  document_hash: string;
  plan_version: number;
  format: string;
  signed: number;
  issued_at: string;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface NotificationOutboxTable {
  id: string;
  plan_id: string | null;
  person_id: string;
  payload: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  seq: Generated<number>;
}

export interface PartnershipTeamsTable {
  id: string;
  name: string;
  service_url: string;
  tenant_id: string;
  channel_id: string;
  bot_id: string;
  status: string;
  installed_at: string;
  installed_by: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  removed_at: string | null;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  name: string;
  email: string | null;
  updated_at: string;
  version: Generated<number>;
  removed_at: string | null;
}

export interface PersonRolesTable {
  person_id: string;
  position: number;
  role: string;
  details: string;
}

export interface PlanPartsTable {
  plan_id: string;
  part_key: string;
  parent_key: string | null;
  field: string | null;
  position: number;
  kind: string;
  body: string;
  version: number;
}

export interface PlansTable {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface RemindersTable {
  id: string;
  plan_id: string;
  kind: string;
  quarter: string;
  person_id: string;
  due_at: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  payload: string;
  claimed_at: string | null;
  recovered: Generated<number>;
}

export interface RosterRequestsTable {
  request_id: string;
  person_id: string;
  version: number;
  at: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
  checksum: string | null;
}

export interface SignoffQuestionsTable {
  id: string;
  round_id: string;
  role: string;
  person_id: string;
  asker_name: string;
  asked_at: string;
  question: string;
  answered_by: string | null;
  answerer_name: string | null;
  answered_at: string | null;
  answer: string | null;
  answer_request: string | null;
  seq: Generated<number>;
}

export interface SignoffRequestsTable {
  round_id: string;
  role: string;
  person_id: string;
  name: string;
  email: string | null;
  required: number;
  state: string;
  decided_at: string | null;
  reason: string | null;
  reminders_sent: Generated<number>;
  last_reminded_at: string | null;
  delivered_at: string | null;
  seq: Generated<number>;
}

export interface SignoffRoundsTable {
  id: string;
  plan_id: string;
  plan_version: number;
  plan_hash: string;
  document: string;
  token: string;
  requested_by: string;
  requested_at: string;
  status: string;
  closed_at: string | null;
  close_reason: string | null;
  seq: Generated<number>;
}

export interface SpendActualRequestsTable {
  request_id: string;
  plan_id: string;
  quarter: string;
  actor_id: string;
  version: number;
}

export interface SpendActualSetsTable {
  plan_id: string;
  quarter: string;
  version: number;
}

export interface SpendActualsTable {
  plan_id: string;
  quarter: string;
  line_id: string;
  source_id: string;
  amount_pence: number;
  entered_by: string;
  at: string;
}

export interface UpdateNumbersTable {
  plan_id: string;
  workstream_id: string;
  quarter: string;
  last_sequence: number;
}

export interface WorkstreamDelegatesTable {
  plan_id: string;
  workstream_id: string;
  person_id: string;
  named_by: string;
  at: string;
}

export interface WorkstreamUpdateMilestonesTable {
  plan_id: string;
  workstream_id: string;
  milestone_id: string;
  quarter: string;
  sequence: number;
  update_id: string;
}

export interface WorkstreamUpdatesTable {
  id: string;
  plan_id: string;
  workstream_id: string;
  quarter: string;
  sequence: number;
  author_id: string;
  at: string;
  body: string;
}

export interface Database {
  ai_suggestions: AiSuggestionsTable;
  applied_requests: AppliedRequestsTable;
  assignments: AssignmentsTable;
  audit_log: AuditLogTable;
  channel_posts: ChannelPostsTable;
  conversations: ConversationsTable;
  download_links: DownloadLinksTable;
  drafts: DraftsTable;
  feedback_items: FeedbackItemsTable;
  issued_documents: IssuedDocumentsTable;
  issued_files: IssuedFilesTable;
  leases: LeasesTable;
  notification_outbox: NotificationOutboxTable;
  partnership_teams: PartnershipTeamsTable;
  people: PeopleTable;
  person_roles: PersonRolesTable;
  plan_parts: PlanPartsTable;
  plans: PlansTable;
  reminders: RemindersTable;
  roster_requests: RosterRequestsTable;
  schema_migrations: SchemaMigrationsTable;
  signoff_questions: SignoffQuestionsTable;
  signoff_requests: SignoffRequestsTable;
  signoff_rounds: SignoffRoundsTable;
  spend_actual_requests: SpendActualRequestsTable;
  spend_actual_sets: SpendActualSetsTable;
  spend_actuals: SpendActualsTable;
  update_numbers: UpdateNumbersTable;
  workstream_delegates: WorkstreamDelegatesTable;
  workstream_update_milestones: WorkstreamUpdateMilestonesTable;
  workstream_updates: WorkstreamUpdatesTable;
}