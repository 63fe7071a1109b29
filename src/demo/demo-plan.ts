import type { SeedAssignment } from '../app/bootstrap.service';
import { CORE_REQUIREMENTS } from '../domain/core-requirements.catalog';
import { Plan, type PlanInput } from '../domain/plan.schema';
import { executiveSummary, header, maturityAssessment, signatories, theoryOfChange, threeYearPicture, visionAndGoals } from './demo-plan.part1';
import { deliveryCapacity, deliveryPlan, engagement, otherFunding, roadmap } from './demo-plan.part2';
import {
  centralGovernmentSupport,
  dependencies,
  governance,
  monitoring,
  reportingToDfe,
  reviewComments,
  risks,
  supportingDocuments,
} from './demo-plan.part3';

export const DEMO_PLAN_ID = 'shropshire-2026-27';

export const demoPlanInput: PlanInput = {
  meta: { title: 'Local SEND Reform Plan', reportingYear: '2026-27' },
  header,
  signatories,
  executiveSummary,
  visionAndGoals,
  threeYearPicture,
  theoryOfChange,
  maturityAssessment,
  roadmap,
  deliveryPlan,
  deliveryCapacity,
  otherFunding,
  engagement,
  risks,
  dependencies,
  monitoring,
  reportingToDfe,
  governance,
  centralGovernmentSupport,
  supportingDocuments,
  // The reference does not self-assess against the 41 requirements: every one starts unassessed.
  requirements: CORE_REQUIREMENTS.map((r) => ({ id: r.id, status: 'not-assessed', addressedIn: [], note: null })),
  reviewComments,
};

/** A fresh, validated copy each call, so no caller can change another's demo data. */
export const demoPlan = (): Plan => Plan.parse(structuredClone(demoPlanInput));

/**
 * The reference's two open Word comments become open tasks for the people they asked: the
 * bot doing what the comments tried to do. Ids match config/roster.demo.json.
 */
export const demoAssignments: readonly SeedAssignment[] = [
  {
    id: 'review-nm1',
    section: 'governance',
    assigneeId: 'demo-louisa-jones',
    dueDate: null,
    note: 'Please add the terms of reference for the Health and Wellbeing Board.',
    reviewCommentId: 'nm1',
  },
  {
    id: 'review-nm2',
    section: 'governance',
    assigneeId: '00000000-0000-0000-0000-0000000000024',
    dueDate: null,
    note: "Please add the joint commissioning group's details to Workstream 2: Commissioning.",
    reviewCommentId: 'nm2',
  },
];
