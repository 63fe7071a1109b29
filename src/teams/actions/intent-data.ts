import { z } from 'zod';
import { CHAT_KINDS, ERRANDS, INTENTS } from '../../app/understanding.port';
import { FeedbackTheme } from '../../domain/feedback.schema';
import { Id, RagRating, SectionKey, SignatoryRole } from '../../domain/plan.schema';
import { QuarterId } from '../../domain/quarters';

/** A guess offered as a button: an intent and the ids it named. Free text never rides on it. */
export const IntentChoiceData = z.object({
  intent: z.enum(INTENTS),
  workstreamId: Id.optional(),
  quarter: QuarterId.optional(),
  section: SectionKey.optional(),
  step: z.coerce.number().int().min(0).max(20).optional(),
  signatoryRole: SignatoryRole.optional(),
  riskId: Id.optional(),
  theme: FeedbackTheme.optional(),
  rag: RagRating.optional(),
  // Only ever a prefill: the assign card's own Assign checks the person against the roster.
  personId: z.string().trim().min(1).max(200).optional(),
  dueDate: z.string().date().optional(),
  chat: z.enum(CHAT_KINDS).optional(),
  errand: z.enum(ERRANDS).optional(),
});
export type IntentChoiceData = z.infer<typeof IntentChoiceData>;
