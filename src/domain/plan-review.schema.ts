import { z } from 'zod';
import { answer, Id, LIMITS, shortAnswer } from './plan-fields.schema';

/** The plan's sections by key, in Annex A's order, and what reviewers add to the plan beside its answers. */

export const RequirementStatus = z.enum(['not-assessed', 'not-met', 'partly-met', 'met']);
export type RequirementStatus = z.infer<typeof RequirementStatus>;

export const SECTION_KEYS = [
  'header',
  'signatories',
  'executiveSummary',
  'visionAndGoals',
  'threeYearPicture',
  'theoryOfChange',
  'maturityAssessment',
  'roadmap',
  'deliveryPlan',
  'deliveryCapacity',
  'otherFunding',
  'engagement',
  'risks',
  'dependencies',
  'monitoring',
  'reportingToDfe',
  'governance',
  'centralGovernmentSupport',
  'supportingDocuments',
] as const;
export const SectionKey = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKey>;

export const RequirementAssessment = z.object({
  id: Id,
  status: RequirementStatus,
  addressedIn: z.array(SectionKey).max(SECTION_KEYS.length),
  note: answer(LIMITS.line),
});
export type RequirementAssessment = z.infer<typeof RequirementAssessment>;

/** A review comment left on the draft, like the Word comments the bot replaces. */
export const ReviewComment = z.object({
  id: Id,
  section: SectionKey,
  /** The row it is attached to, when it is about one row. */
  itemId: Id.nullable(),
  author: z.string().trim().min(1).max(LIMITS.short),
  addressedTo: shortAnswer(),
  text: z.string().trim().min(1).max(LIMITS.line),
  status: z.enum(['open', 'resolved']),
});
export type ReviewComment = z.infer<typeof ReviewComment>;
