import { z } from 'zod';
import { Id, SectionKey } from '../../domain/plan.schema';

/** "Suggest a draft" beside a field: the section (and step), a risk row, or a feedback item. Ids only. */
export const SuggestData = z.object({
  section: SectionKey.optional(),
  step: z.coerce.number().int().min(0).max(20).optional(),
  baseVersion: z.coerce.number().int().min(1).optional(),
  rowId: Id.optional(),
  item: z.string().min(1).max(100).optional(),
});

export const SuggestionData = z.object({ suggestion: z.string().min(1).max(80) });
