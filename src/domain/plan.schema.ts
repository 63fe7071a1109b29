import { z } from 'zod';
import { addedLater, answer, DocumentLink, Email, Id, IsoDate, LaCode, LIMITS, listOfLines, shortAnswer } from './plan-fields.schema';
import { isCalendarDate } from './quarters';
import { BuildingBlockId, DELIVERY_QUARTERS, SignatoryRole } from './plan-vocabulary.schema';
import { RequirementAssessment, ReviewComment } from './plan-review.schema';

/**
 * The Local SEND Reform Plan (Annex A) as one typed record.
 *
 * A missing answer is `null`, never an empty string, so completeness can be computed from the
 * record itself. Every row of a table carries a stable `id`: the store keeps rows as their own
 * parts, cards refer to them by id, and history follows them across edits.
 */

// The field kinds (plan-fields.schema.ts) and the template's fixed lists (plan-vocabulary.schema.ts)
// live in their own files; offered here too, where they have always been imported from.
export { answer, DocumentLink, Id, IsoDate, LA_CODE_MESSAGE, LaCode, LIMITS, NO_SUCH_DATE, shortAnswer } from './plan-fields.schema';
export { BUILDING_BLOCKS, BuildingBlockId, DELIVERY_QUARTERS, DeliveryQuarter, REQUIRED_SIGNATORY_ROLES, roleTitle, SignatoryRole } from './plan-vocabulary.schema';
// The sum itself lives with the other date arithmetic.
export { isCalendarDate };
// The sections' keys, and what reviewers add to the plan (requirements assessed, comments), in their own file.
export { RequirementAssessment, RequirementStatus, ReviewComment, SECTION_KEYS, SectionKey } from './plan-review.schema';

export const Header = z.object({
  localAuthority: shortAnswer(),
  integratedCareBoard: shortAnswer(),
  sroName: shortAnswer(),
  /** Not asked by the template: the quarterly data return carries it on every row. */
  laCode: addedLater(LaCode),
});

export const Signatory = z
  .object({
    id: Id,
    role: SignatoryRole,
    /** Only for co-signers: their role in words (e.g. "Chair, Shropshire Schools Forum"). */
    roleTitle: shortAnswer(),
    name: shortAnswer(),
    email: Email.nullable(),
    signature: shortAnswer(),
    signedOn: IsoDate.nullable(),
  })
  .refine((s) => s.role !== 'co-signer' || s.roleTitle !== null, {
    message: 'A co-signer needs a role title',
    path: ['roleTitle'],
  });
export type Signatory = z.infer<typeof Signatory>;

export const ExecutiveSummary = z.object({ changeStory: answer() });

export const GoalTheme = z.enum(['outcomes', 'confidence', 'finance']);
export const Goal = z.object({
  id: Id,
  title: shortAnswer(),
  description: answer(),
  tracked: answer(LIMITS.line),
  /** Which of the three things the guidance says goals must cover this goal speaks to. */
  themes: z.array(GoalTheme).max(3),
});
export type Goal = z.infer<typeof Goal>;

export const VisionAndGoals = z.object({
  vision: answer(),
  goalsIntro: answer(LIMITS.line),
  goals: z.array(Goal).max(20),
});

export const BlueprintRow = z.object({
  id: Id,
  kind: z.enum(['building-block', 'enablers']),
  buildingBlock: BuildingBlockId.nullable(),
  whereWeAre: answer(),
  whereWeWillBe: answer(),
});
export type BlueprintRow = z.infer<typeof BlueprintRow>;

export const SuccessMeasure = z.object({
  id: Id,
  name: answer(LIMITS.line),
  baseline: answer(LIMITS.line),
  target: answer(LIMITS.line),
});
export type SuccessMeasure = z.infer<typeof SuccessMeasure>;

export const ThreeYearPicture = z.object({
  narrative: answer(),
  blueprint: z.array(BlueprintRow).max(LIMITS.rows),
  successMeasures: z.array(SuccessMeasure).max(LIMITS.rows),
  documents: z.array(DocumentLink).max(50),
});

export const TheoryOfChange = z.object({
  /** The template asks for "a brief summary" before the table; partnerships write one. */
  summary: addedLater(answer()),
  vision: answer(),
  inputs: listOfLines(),
  activities: listOfLines(),
  outputs: listOfLines(),
  outcomes: listOfLines(),
});

export const MaturityAssessment = z.object({
  /** What the assessment found, as partnerships write it under the upload (the template asks only for the tool). */
  summary: addedLater(answer()),
  documents: z.array(DocumentLink).max(10),
});

export const RoadmapRow = z.object({
  id: Id,
  kind: z.enum(['building-block', 'enablers']),
  buildingBlock: BuildingBlockId.nullable(),
  /** The outcome bullets written under the building block in the first column. */
  outcomes: listOfLines(),
  year1: answer(),
  year2: answer(),
  year3: answer(),
});
export type RoadmapRow = z.infer<typeof RoadmapRow>;

export const Roadmap = z.object({
  /** What partnerships write above the roadmap table: how the three years hang together. */
  narrative: addedLater(answer()),
  years: z.tuple([z.string(), z.string(), z.string()]),
  rows: z.array(RoadmapRow).max(LIMITS.rows),
  successMeasures: z.array(SuccessMeasure).max(LIMITS.rows),
  documents: z.array(DocumentLink).max(50),
});

export const Milestone = z.object({ id: Id, text: z.string().trim().min(1).max(LIMITS.line) });
export type Milestone = z.infer<typeof Milestone>;

export const Trajectory = z.object({
  text: answer(LIMITS.line),
  /** When the trajectory is a figure, e.g. "20 week timescale: 40%": metric, target and unit. */
  metric: shortAnswer(),
  target: z.number().finite().nullable(),
  unit: z.string().max(20).nullable(),
});
export type Trajectory = z.infer<typeof Trajectory>;

export const QuarterPlan = z.object({
  milestones: z.array(Milestone).max(50),
  trajectory: Trajectory,
});
export type QuarterPlan = z.infer<typeof QuarterPlan>;

export const Workstream = z.object({
  id: Id,
  code: z.string().trim().min(1).max(10),
  name: z.string().trim().min(1).max(LIMITS.short),
  buildingBlocks: z.array(BuildingBlockId).max(4),
  /** Mapped to the template's Enablers row (as the blueprint and roadmap have it) as well as, or instead of, a building block. */
  enablers: addedLater(z.boolean().nullable()),
  outcome: answer(),
  successMeasures: listOfLines(),
  lead: shortAnswer(),
  quarters: z.object({ Q2: QuarterPlan, Q3: QuarterPlan, Q4: QuarterPlan }),
});
export type Workstream = z.infer<typeof Workstream>;

export const FundingSource = z.object({ id: Id, name: z.string().trim().min(1).max(LIMITS.short) });

const Pence = z.number().int('Amounts are whole pence').min(0).max(100_000_000_000);
export const SpendLine = z.object({
  id: Id,
  category: z.string().trim().min(1).max(LIMITS.line),
  /** quarter -> funding source id -> amount in pence (null: not filled in). */
  amounts: z.object({
    Q2: z.record(Id, Pence.nullable()),
    Q3: z.record(Id, Pence.nullable()),
    Q4: z.record(Id, Pence.nullable()),
  }),
});
export type SpendLine = z.infer<typeof SpendLine>;

export const DeliveryPlan = z
  .object({
    /** What partnerships write above the delivery plan: how the year's workstreams fit together. */
    overview: addedLater(answer()),
    /** Themes every workstream carries (the reference: participation and co-production, comms, data). */
    crossCuttingFocus: listOfLines(),
    workstreams: z.array(Workstream).max(30),
    fundingSources: z.array(FundingSource).max(10),
    spend: z.array(SpendLine).max(50),
    documents: z.array(DocumentLink).max(50),
  })
  .superRefine((plan, ctx) => {
    const known = new Set(plan.fundingSources.map((s) => s.id));
    plan.spend.forEach((line, i) =>
      DELIVERY_QUARTERS.forEach((q) =>
        Object.keys(line.amounts[q]).forEach((source) => {
          if (!known.has(source)) {
            ctx.addIssue({ code: 'custom', path: ['spend', i, 'amounts', q, source], message: `Unknown funding source "${source}"` });
          }
        }),
      ),
    );
  });
export type DeliveryPlan = z.infer<typeof DeliveryPlan>;

export const DeliveryCapacity = z.object({ narrative: answer() });

export const OtherFunding = z.object({
  blockTransfer: z.object({
    made: z.boolean().nullable(),
    percentage: z.number().min(0).max(100).nullable(),
    amountPence: Pence.nullable(),
    narrative: answer(),
  }),
  capital: z.object({
    newProvisions: z.number().int().min(0).max(10_000).nullable(),
    additionalPlaces: z.number().int().min(0).max(1_000_000).nullable(),
    strategy: answer(),
  }),
});

export const Engagement = z.object({ narrative: answer() });

export const RagRating = z.enum(['Red', 'Amber', 'Green']);
export type RagRating = z.infer<typeof RagRating>;
export const RiskScale = z.enum(['high-medium-low', 'annex-c']);
export type RiskScale = z.infer<typeof RiskScale>;

/** Who answers for a risk or dependency: a workstream (its leads) or one person (by roster id). */
export const ItemOwner = z.object({ kind: z.enum(['workstream', 'person']), id: z.string().trim().min(1).max(LIMITS.id) });
export type ItemOwner = z.infer<typeof ItemOwner>;

export const Risk = z.object({
  id: Id,
  description: z.string().trim().min(1).max(LIMITS.line),
  scale: RiskScale,
  impact: shortAnswer(),
  likelihood: shortAnswer(),
  rag: RagRating.nullable(),
  mitigation: answer(),
  residualRag: RagRating.nullable(),
  /** Q10 shows at most five headline risks; the rest stay in the full log. */
  headline: z.boolean(),
  status: z.enum(['open', 'closed']),
  closedReason: answer(LIMITS.line),
  /** Only the owner or the SRO changes or closes it; none (older records) means the SRO only. */
  owner: addedLater(ItemOwner.nullable()),
});
export type Risk = z.infer<typeof Risk>;

export const Risks = z.object({
  /** What partnerships write beside the table: how they rate risks, where the full register is kept. */
  note: addedLater(answer()),
  /** What partnerships write beside the Annex C matrix: how they use it, where they depart from it. */
  matrixNote: addedLater(answer()),
  risks: z.array(Risk).max(LIMITS.rows),
});

export const Dependency = z.object({
  id: Id,
  area: z.string().trim().min(1).max(LIMITS.line),
  management: answer(),
  status: z.enum(['open', 'closed']),
  closedReason: addedLater(answer(LIMITS.line)),
  /** Only the owner or the SRO changes or closes it; none (older records) means the SRO only. */
  owner: addedLater(ItemOwner.nullable()),
});
export type Dependency = z.infer<typeof Dependency>;

export const Dependencies = z.object({
  approach: answer(),
  items: z.array(Dependency).max(LIMITS.rows),
});

export const KpiGroup = z.object({
  id: Id,
  name: z.string().trim().min(1).max(LIMITS.short),
  indicators: answer(LIMITS.line),
});
export type KpiGroup = z.infer<typeof KpiGroup>;

export const Monitoring = z.object({
  approach: answer(),
  kpiGroups: z.array(KpiGroup).max(30),
  assuranceAndFeedback: answer(),
});

export const ReportingToDfe = z.object({ documents: z.array(DocumentLink).max(10) });

export const GovernanceMechanism = z.object({
  id: Id,
  name: z.string().trim().min(1).max(LIMITS.short),
  purpose: answer(),
  /** Who sits on it and who chairs, as the partnership wrote it. */
  membership: answer(),
  cadence: shortAnswer(),
  decisionRights: answer(),
  escalationRoute: answer(LIMITS.line),
});
export type GovernanceMechanism = z.infer<typeof GovernanceMechanism>;

export const Governance = z.object({
  mechanisms: z.array(GovernanceMechanism).max(50),
  sroPosition: answer(LIMITS.line),
  documents: z.array(DocumentLink).max(10),
});

export const CentralGovernmentSupport = z.object({ asks: listOfLines() });

export const SupportingDocuments = z.object({ documents: z.array(DocumentLink).max(100) });

export const PlanMeta = z.object({
  title: z.string().trim().min(1).max(LIMITS.short),
  reportingYear: z.string().regex(/^\d{4}-\d{2}$/, 'Use a year such as 2026-27'),
});

const PlanShape = z.object({
  meta: PlanMeta,
  header: Header,
  signatories: z.array(Signatory).max(30),
  executiveSummary: ExecutiveSummary,
  visionAndGoals: VisionAndGoals,
  threeYearPicture: ThreeYearPicture,
  theoryOfChange: TheoryOfChange,
  maturityAssessment: MaturityAssessment,
  roadmap: Roadmap,
  deliveryPlan: DeliveryPlan,
  deliveryCapacity: DeliveryCapacity,
  otherFunding: OtherFunding,
  engagement: Engagement,
  risks: Risks,
  dependencies: Dependencies,
  monitoring: Monitoring,
  reportingToDfe: ReportingToDfe,
  governance: Governance,
  centralGovernmentSupport: CentralGovernmentSupport,
  supportingDocuments: SupportingDocuments,
  requirements: z.array(RequirementAssessment).max(200),
  reviewComments: z.array(ReviewComment).max(500),
});

/** Ids must be unique within each table, or rows could not be told apart in the store. */
const checkUniqueIds = (value: unknown, path: (string | number)[], ctx: z.RefinementCtx): void => {
  if (Array.isArray(value)) {
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') {
        const id = (item as { id: string }).id;
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `Duplicate id "${id}"` });
        seen.set(id, i);
      }
      checkUniqueIds(item, [...path, i], ctx);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) checkUniqueIds(child, [...path, key], ctx);
  }
};

/** Each part of the record by its key: sections, and the requirement and comment lists. */
export const PLAN_PARTS = PlanShape.shape;

export const Plan = PlanShape.superRefine((plan, ctx) => checkUniqueIds(plan, [], ctx));
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;
