import { z } from 'zod';
import { Id } from '../../domain/plan.schema';
import { QuarterId } from '../../domain/quarters';

export const UpdateShowData = z.object({ workstream: Id.optional(), quarter: QuarterId.optional() });
export const UpdatePostData = z.object({ workstream: Id, quarter: QuarterId });
/** Which page of a long list or history card to show (0 is the first). */
export const Page = z.coerce.number().int().min(0).max(10_000).optional().catch(undefined);
export const PageData = z.object({ page: Page });
export const WorkstreamData = z.object({ workstream: Id, page: Page });
/** The plan version a risk or dependency form was opened at: a save from an older card is refused, not written. */
const BaseVersion = z.coerce.number().int().min(1);
export const RiskFormData = z.object({ mode: z.enum(['add', 'rescore', 'change', 'close', 'owner']), risk: Id.optional() });
export const DependencyFormData = z.object({ mode: z.enum(['add', 'change', 'close', 'owner']), dependency: Id.optional() });
/** Adding is answered once per request; changing an existing risk names it and the version the card showed. */
export const RiskSaveData = z.union([
  z.object({ mode: z.literal('add'), baseVersion: BaseVersion.optional() }),
  z.object({ mode: z.enum(['rescore', 'change', 'close', 'owner']), risk: Id, baseVersion: BaseVersion }),
]);
export const DependencySaveData = z.union([
  z.object({ mode: z.literal('add'), baseVersion: BaseVersion.optional() }),
  z.object({ mode: z.enum(['change', 'close', 'owner']), dependency: Id, baseVersion: BaseVersion }),
]);
export const HistoryData = z.object({ kind: z.enum(['risk', 'dependency']), id: Id, page: Page });
export const ReportData = z.object({ quarter: QuarterId.optional() });
export const SpendShowData = z.object({ quarter: QuarterId.optional() });
/** The quarter and the version of its actuals the form was opened at: 0 before any were recorded. */
export const SpendSaveData = z.object({ quarter: QuarterId, version: z.coerce.number().int().min(0) });
