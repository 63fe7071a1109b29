import { CORE_REQUIREMENTS } from './core-requirements.catalog';
import { BUILDING_BLOCKS, Plan } from './plan.schema';

/** The reform years as Annex A heads its roadmap, from the plan's first year ("2026-27" gives 2026/27, 2027/28, 2028/29). */
export const roadmapYears = (reportingYear: string): [string, string, string] => {
  const first = Number(reportingYear.slice(0, 4));
  const year = (n: number) => `${first + n}/${String((first + n + 1) % 100).padStart(2, '0')}`;
  return [year(0), year(1), year(2)];
};

/**
 * Annex A as the DfE hands it out, with nothing filled in: the rows the template prints (a
 * blueprint and a roadmap row per building block, then enablers) and every answer missing. A
 * partnership that starts with the bot starts here, by typing into cards or by sending its Word
 * draft, which is read into this.
 */
export const blankPlan = (reportingYear = '2026-27'): Plan => {
  const blocks = [...BUILDING_BLOCKS.map((b) => ({ kind: 'building-block' as const, buildingBlock: b.id, id: b.id })), { kind: 'enablers' as const, buildingBlock: null, id: 'enablers' }];
  return Plan.parse({
    meta: { title: 'Local SEND Reform Plan', reportingYear },
    header: { localAuthority: null, integratedCareBoard: null, sroName: null, laCode: null },
    signatories: [],
    executiveSummary: { changeStory: null },
    visionAndGoals: { vision: null, goalsIntro: null, goals: [] },
    threeYearPicture: {
      narrative: null,
      blueprint: blocks.map((b) => ({ id: `blueprint-${b.id}`, kind: b.kind, buildingBlock: b.buildingBlock, whereWeAre: null, whereWeWillBe: null })),
      successMeasures: [],
      documents: [],
    },
    theoryOfChange: { summary: null, vision: null, inputs: [], activities: [], outputs: [], outcomes: [] },
    maturityAssessment: { summary: null, documents: [] },
    roadmap: {
      narrative: null,
      years: roadmapYears(reportingYear),
      rows: blocks.map((b) => ({ id: `roadmap-${b.id}`, kind: b.kind, buildingBlock: b.buildingBlock, outcomes: [], year1: null, year2: null, year3: null })),
      successMeasures: [],
      documents: [],
    },
    deliveryPlan: { overview: null, crossCuttingFocus: [], workstreams: [], fundingSources: [], spend: [], documents: [] },
    deliveryCapacity: { narrative: null },
    otherFunding: {
      blockTransfer: { made: null, percentage: null, amountPence: null, narrative: null },
      capital: { newProvisions: null, additionalPlaces: null, strategy: null },
    },
    engagement: { narrative: null },
    risks: { note: null, matrixNote: null, risks: [] },
    dependencies: { approach: null, items: [] },
    monitoring: { approach: null, kpiGroups: [], assuranceAndFeedback: null },
    reportingToDfe: { documents: [] },
    governance: { mechanisms: [], sroPosition: null, documents: [] },
    centralGovernmentSupport: { asks: [] },
    supportingDocuments: { documents: [] },
    requirements: CORE_REQUIREMENTS.map((r) => ({ id: r.id, status: 'not-assessed', addressedIn: [], note: null })),
    reviewComments: [],
  });
};
