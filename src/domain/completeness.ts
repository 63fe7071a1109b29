import {
  BUILDING_BLOCKS,
  DELIVERY_QUARTERS,
  REQUIRED_SIGNATORY_ROLES,
  type DocumentLink,
  type Plan,
  type SectionKey,
  type SuccessMeasure,
} from './plan.schema';
import { SECTIONS, type SectionInfo } from './plan.sections';

export type SectionState = 'complete' | 'incomplete' | 'missing';

/** One thing a section should hold, and whether it does. */
export interface Expectation {
  readonly label: string;
  readonly filled: boolean;
}

export interface SectionCompleteness {
  readonly section: SectionInfo;
  readonly filled: number;
  readonly total: number;
  readonly state: SectionState;
  readonly gaps: readonly string[];
}

const has = (value: string | null | undefined): boolean => value !== null && value !== undefined && value.trim() !== '';
const expect = (label: string, filled: boolean): Expectation => ({ label, filled });
const documentProvided = (d: DocumentLink): boolean => has(d.title) || has(d.url);
const documents = (docs: readonly DocumentLink[]): Expectation[] =>
  docs.map((d) => expect(`Document: ${d.purpose ?? d.title ?? 'upload'}`, documentProvided(d)));
const measures = (list: readonly SuccessMeasure[], where: string): Expectation[] =>
  list.flatMap((m) => [
    expect(`${where}: baseline for ${m.name ?? 'a success measure'}`, has(m.baseline)),
    expect(`${where}: target for ${m.name ?? 'a success measure'}`, has(m.target)),
  ]);
const blockName = (id: string | null): string => BUILDING_BLOCKS.find((b) => b.id === id)?.name ?? 'Enablers';

/** What each section of Annex A is expected to hold. */
const EXPECTATIONS: Record<SectionKey, (plan: Plan) => Expectation[]> = {
  header: ({ header }) => [
    expect('Name of local authority', has(header.localAuthority)),
    expect('Name of Integrated Care Board', has(header.integratedCareBoard)),
    expect('SRO name', has(header.sroName)),
  ],
  signatories: ({ signatories }) =>
    REQUIRED_SIGNATORY_ROLES.flatMap((role) => {
      const s = signatories.find((x) => x.role === role.id);
      return [expect(`${role.title}: name`, has(s?.name)), expect(`${role.title}: email`, has(s?.email))];
    }),
  executiveSummary: ({ executiveSummary }) => [expect('Change story', has(executiveSummary.changeStory))],
  visionAndGoals: ({ visionAndGoals: v }) => [
    expect('Vision', has(v.vision)),
    expect('At least one goal', v.goals.length > 0),
    ...v.goals.flatMap((g, i) => [
      expect(`Goal ${i + 1}: title`, has(g.title)),
      expect(`Goal ${i + 1}: description`, has(g.description)),
      expect(`Goal ${i + 1}: what is tracked`, has(g.tracked)),
    ]),
    expect('A goal on outcomes for children', v.goals.some((g) => g.themes.includes('outcomes'))),
    expect('A goal on confidence of parents, carers and young people', v.goals.some((g) => g.themes.includes('confidence'))),
    expect('A goal on finances and value for money', v.goals.some((g) => g.themes.includes('finance'))),
  ],
  threeYearPicture: ({ threeYearPicture: t }) => [
    expect('Narrative', has(t.narrative)),
    ...BUILDING_BLOCKS.map((b) => expect(`Blueprint row: ${b.name}`, t.blueprint.some((r) => r.buildingBlock === b.id))),
    expect('Blueprint row: Enablers', t.blueprint.some((r) => r.kind === 'enablers')),
    ...t.blueprint.flatMap((r) => [
      expect(`${blockName(r.buildingBlock)}: where we are`, has(r.whereWeAre)),
      expect(`${blockName(r.buildingBlock)}: where we will be`, has(r.whereWeWillBe)),
    ]),
    ...measures(t.successMeasures, 'Success measures'),
    ...documents(t.documents),
  ],
  theoryOfChange: ({ theoryOfChange: t }) => [
    expect('Vision', has(t.vision)),
    expect('Inputs', t.inputs.length > 0),
    expect('Activities', t.activities.length > 0),
    expect('Outputs', t.outputs.length > 0),
    expect('Outcomes', t.outcomes.length > 0),
  ],
  maturityAssessment: ({ maturityAssessment }) => [
    expect('Maturity assessment uploaded', maturityAssessment.documents.some(documentProvided)),
  ],
  roadmap: ({ roadmap }) => [
    ...BUILDING_BLOCKS.map((b) => expect(`Roadmap row: ${b.name}`, roadmap.rows.some((r) => r.buildingBlock === b.id))),
    expect('Roadmap row: Enablers', roadmap.rows.some((r) => r.kind === 'enablers')),
    ...roadmap.rows.flatMap((r) =>
      (['year1', 'year2', 'year3'] as const).map((y, i) => expect(`${blockName(r.buildingBlock)}: ${roadmap.years[i]}`, has(r[y]))),
    ),
    ...measures(roadmap.successMeasures, 'Success measures'),
    ...documents(roadmap.documents),
  ],
  deliveryPlan: ({ deliveryPlan: d }) => [
    expect('At least one workstream', d.workstreams.length > 0),
    ...d.workstreams.flatMap((w) => [
      expect(`Workstream ${w.code}: outcome`, has(w.outcome)),
      expect(`Workstream ${w.code}: success measures`, w.successMeasures.length > 0),
      expect(`Workstream ${w.code}: responsible lead`, has(w.lead)),
      ...DELIVERY_QUARTERS.flatMap((q) => [
        expect(`Workstream ${w.code}: ${q} milestones`, w.quarters[q].milestones.length > 0),
        expect(`Workstream ${w.code}: ${q} target trajectory`, has(w.quarters[q].trajectory.text)),
      ]),
    ]),
    expect('Projected investment spend', d.spend.length > 0),
    ...d.spend.flatMap((line) =>
      DELIVERY_QUARTERS.flatMap((q) =>
        d.fundingSources.map((src) => expect(`Spend: ${line.category} – ${q} ${src.name}`, (line.amounts[q][src.id] ?? null) !== null)),
      ),
    ),
    ...documents(d.documents),
  ],
  deliveryCapacity: ({ deliveryCapacity }) => [expect('How the first year will be delivered', has(deliveryCapacity.narrative))],
  otherFunding: ({ otherFunding: { blockTransfer: b, capital: c } }) => [
    expect('Whether a block transfer was made', b.made !== null),
    ...(b.made
      ? [
          expect('Block transfer percentage', b.percentage !== null),
          expect('Block transfer amount', b.amountPence !== null),
          expect('How the block transfer aligns with the plan', has(b.narrative)),
        ]
      : []),
    expect('High needs capital strategy', has(c.strategy)),
    expect('New inclusion provisions', c.newProvisions !== null),
    expect('Additional places', c.additionalPlaces !== null),
  ],
  engagement: ({ engagement }) => [expect('Engagement and co-production', has(engagement.narrative))],
  risks: ({ risks }) => {
    const open = risks.risks.filter((r) => r.status === 'open');
    return [
      expect('At least one risk', open.length > 0),
      ...open.flatMap((r, i) => [
        expect(`Risk ${i + 1}: impact`, has(r.impact)),
        expect(`Risk ${i + 1}: likelihood`, has(r.likelihood)),
        expect(`Risk ${i + 1}: RAG`, r.rag !== null),
        expect(`Risk ${i + 1}: mitigation`, has(r.mitigation)),
        expect(`Risk ${i + 1}: residual RAG`, r.residualRag !== null),
      ]),
    ];
  },
  dependencies: ({ dependencies: d }) => [
    expect('How dependencies are managed', has(d.approach)),
    expect('At least one dependency', d.items.length > 0),
    ...d.items.map((x) => expect(`${x.area}: how it is managed`, has(x.management))),
  ],
  monitoring: ({ monitoring: m }) => [
    expect('Monitoring tools and processes', has(m.approach)),
    expect('Key performance indicators', m.kpiGroups.length > 0),
    ...m.kpiGroups.map((k) => expect(`KPIs: ${k.name}`, has(k.indicators))),
    expect('Feedback and adaptation mechanisms', has(m.assuranceAndFeedback)),
  ],
  reportingToDfe: ({ reportingToDfe }) => [
    expect('Initial data return uploaded', reportingToDfe.documents.some(documentProvided)),
  ],
  governance: ({ governance: g }) => [
    expect('At least one governance mechanism', g.mechanisms.length > 0),
    ...g.mechanisms.flatMap((m) => [
      expect(`${m.name}: purpose`, has(m.purpose)),
      expect(`${m.name}: membership`, has(m.membership)),
      expect(`${m.name}: cadence`, has(m.cadence)),
      expect(`${m.name}: decision rights`, has(m.decisionRights)),
      expect(`${m.name}: escalation route`, has(m.escalationRoute)),
    ]),
    expect('Where the SRO sits', has(g.sroPosition)),
    expect('Governance diagram', g.documents.some(documentProvided)),
  ],
  centralGovernmentSupport: ({ centralGovernmentSupport }) => [
    expect('Support asked of central government', centralGovernmentSupport.asks.length > 0),
  ],
  supportingDocuments: ({ supportingDocuments }) => [
    expect('Supporting documents listed', supportingDocuments.documents.length > 0),
    ...documents(supportingDocuments.documents),
  ],
};

export const sectionExpectations = (plan: Plan, key: SectionKey): Expectation[] => EXPECTATIONS[key](plan);

export const sectionCompleteness = (plan: Plan, section: SectionInfo): SectionCompleteness => {
  const expectations = EXPECTATIONS[section.key](plan);
  const filled = expectations.filter((e) => e.filled).length;
  const total = expectations.length;
  const state: SectionState = filled === total ? 'complete' : filled === 0 ? 'missing' : 'incomplete';
  return { section, filled, total, state, gaps: expectations.filter((e) => !e.filled).map((e) => e.label) };
};

export const planCompleteness = (plan: Plan): SectionCompleteness[] => SECTIONS.map((s) => sectionCompleteness(plan, s));
