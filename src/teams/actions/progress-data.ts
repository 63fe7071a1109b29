import { z } from 'zod';
import { Id } from '../../domain/plan.schema';
import { QuarterId } from '../../domain/quarters';

export const UpdateShowData = z.object({ workstream: Id.optional(), quarter: QuarterId.optional() });
export const UpdatePostData = z.object({ workstream: Id, quarter: QuarterId });
export const WorkstreamData = z.object({ workstream: Id });
export const RiskFormData = z.object({ mode: z.enum(['add', 'rescore', 'change', 'close']), risk: Id.optional() });
export const DependencyFormData = z.object({ mode: z.enum(['add', 'change', 'close']), dependency: Id.optional() });
export const HistoryData = z.object({ kind: z.enum(['risk', 'dependency']), id: Id });
export const ReportData = z.object({ quarter: QuarterId.optional() });
export const SpendShowData = z.object({ quarter: QuarterId.optional() });
/** The quarter and the version of its actuals the form was opened at: 0 before any were recorded. */
export const SpendSaveData = z.object({ quarter: QuarterId, version: z.coerce.number().int().min(0) });
