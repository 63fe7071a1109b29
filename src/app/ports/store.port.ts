import type { ChannelPostRepository, ConversationStateRepository, TeamRepository } from '../partnership-team.port';
import type { AssignmentRepository } from './assignments.port';
import type { ConversationRepository } from './conversations.port';
import type { DocumentRepository } from './documents.port';
import type { DraftRepository } from './drafts.port';
import type { FeedbackRepository } from './feedback.port';
import type { LeaseRepository } from './leases.port';
import type { OutboxRepository } from './outbox.port';
import type { PlanRepository } from './plan.port';
import type { ReminderRepository } from './reminders.port';
import type { RosterRepository } from './roster.port';
import type { SignOffRepository } from './sign-off.port';
import type { SpendActualRepository } from './spend.port';
import type { SuggestionRepository } from './suggestions.port';
import type { UpdateRepository } from './updates.port';

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
