import { z } from 'zod';
import { FeedbackStatus, FeedbackTheme, Voice } from '../../domain/feedback.schema';

const ItemId = z.string().regex(/^[a-z0-9-]{1,80}$/i);
export const FeedbackItemData = z.object({ item: ItemId });
/** Filters come from the card's own choice inputs; anything outside the lists is ignored. */
export const FeedbackListData = z.object({
  theme: FeedbackTheme.or(z.literal('')).optional().catch(undefined),
  voice: Voice.or(z.literal('')).optional().catch(undefined),
  status: FeedbackStatus.or(z.literal('')).optional().catch(undefined),
  page: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
});
