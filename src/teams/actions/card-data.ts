import { z } from 'zod';
import { Id, SectionKey } from '../../domain/plan.schema';

/** The ids a card may carry. Anything else it sends is an input, never an instruction. */
export const SectionData = z.object({ section: SectionKey });
export const PositionData = z.object({
  section: SectionKey,
  step: z.coerce.number().int().min(0).max(20),
  baseVersion: z.coerce.number().int().min(1),
});
export const OpenData = z.object({ section: SectionKey, step: z.coerce.number().int().min(0).max(20).optional() });
export const RowData = PositionData.extend({ rowId: Id });
export const NewRowData = PositionData.extend({ rowId: Id.optional() });
export const SaveRowData = RowData.extend({ isNew: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]) });
export const GroupData = z.object({ group: z.string().max(40) });
/** A requirement's form names the plan version it was opened at: a save from an older card is refused. */
export const RequirementData = z.object({ requirement: z.string().max(40), baseVersion: z.coerce.number().int().min(1).optional() });
export const RequirementSaveData = RequirementData.required({ baseVersion: true });
export const NoData = z.object({});
