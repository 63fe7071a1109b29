import { z } from 'zod';
import { answer, Id, LIMITS, RagRating } from './plan.schema';
import { QuarterId } from './quarters';

export const MILESTONE_STATUSES = [
  { id: 'not-started', title: 'Not started', rag: null },
  { id: 'on-track', title: 'On track', rag: 'Green' },
  { id: 'at-risk', title: 'At risk', rag: 'Amber' },
  { id: 'off-track', title: 'Off track', rag: 'Red' },
  { id: 'complete', title: 'Complete', rag: 'Green' },
] as const;
export const MilestoneStatus = z.enum(['not-started', 'on-track', 'at-risk', 'off-track', 'complete']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const MilestoneProgress = z.object({
  milestoneId: Id,
  status: MilestoneStatus,
  rag: RagRating.nullable(),
  note: answer(LIMITS.line),
});
export type MilestoneProgress = z.infer<typeof MilestoneProgress>;

/** A workstream lead's report for one quarter. A new post never overwrites the last: it follows it. */
export const WorkstreamUpdate = z.object({
  workstreamId: Id,
  quarter: QuarterId,
  milestones: z.array(MilestoneProgress).max(50),
  /** The figure or words reported against the quarter's target trajectory. */
  actual: answer(LIMITS.short),
  narrative: answer(LIMITS.line),
  blockers: answer(LIMITS.line),
  supportNeeded: answer(LIMITS.line),
});
export type WorkstreamUpdate = z.infer<typeof WorkstreamUpdate>;

export interface StoredUpdate extends WorkstreamUpdate {
  readonly id: string;
  /** 1 for the first post of this workstream and quarter, then 2, 3, ... */
  readonly sequence: number;
  readonly authorId: string;
  readonly at: string;
}

/** The RAG a status implies when the lead leaves RAG blank. */
export const defaultRag = (status: MilestoneStatus) => MILESTONE_STATUSES.find((s) => s.id === status)?.rag ?? null;
