import type { FeedbackItem, FeedbackStatus } from '../../domain/feedback.schema';
import type { ChangeMeta } from './plan.port';

export interface FeedbackRepository {
  /** An id seen before returns the stored item, so a retried submission adds nothing. */
  addFeedback(item: FeedbackItem, meta: ChangeMeta): Promise<FeedbackItem>;
  loadFeedback(id: string): Promise<FeedbackItem | null>;
  listFeedback(planId: string): Promise<FeedbackItem[]>;
  /** Changes an item only if it is still in `from` (and, when flagging, not flagged yet); false when someone got there first. */
  updateFeedback(id: string, from: FeedbackStatus, change: Partial<Pick<FeedbackItem, 'status' | 'ownerId' | 'routedAt' | 'answer' | 'flaggedAt'>>, meta: ChangeMeta): Promise<boolean>;
}
