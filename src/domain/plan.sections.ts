import { PART_TITLES } from './annex-a.text';
import { SECTION_KEYS, type SectionKey } from './plan.schema';

export interface SectionInfo {
  readonly key: SectionKey;
  /** The question number in Annex A, where the section is a question. */
  readonly question: number | null;
  /** The heading as Annex A words it. */
  readonly title: string;
  /** The short name people use in chat. */
  readonly shortName: string;
  /** The Annex A part the section sits in, as partners know the template. */
  readonly part: string;
}

const [Q1, STRATEGY, MONITORING, GOVERNANCE, CENTRAL, ANNEX_B, ANNEX_C_TITLE] = PART_TITLES;
const FRONT = 'Partnership, signatories and executive summary';

/**
 * Every section, keyed by its key: a section added to the plan's schema and not here is a compile
 * error, not a section that silently drops out of the status card or the compiled plan. The part
 * titles are the template's own (PART_TITLES), kept once.
 */
const INFO: { readonly [K in SectionKey]: Omit<SectionInfo, 'key'> } = {
  header: { question: null, title: 'Local area partnership', shortName: 'Partnership and SRO', part: FRONT },
  signatories: { question: null, title: 'Signatories', shortName: 'Signatories', part: FRONT },
  executiveSummary: { question: null, title: 'Executive Summary', shortName: 'Executive summary', part: FRONT },
  visionAndGoals: { question: 1, title: 'What the local area partnership is trying to achieve?', shortName: 'Vision and goals', part: Q1 },
  threeYearPicture: { question: 2, title: 'Where the local area partnership expects to be in the next 3 years', shortName: 'Three-year picture', part: STRATEGY },
  theoryOfChange: { question: 3, title: "What is the local area partnership's strategy for delivering on the above?", shortName: 'Theory of change', part: STRATEGY },
  maturityAssessment: { question: 4, title: 'Please upload a completed copy of the Local Partnership Maturity Assessment Tool.', shortName: 'Maturity assessment', part: STRATEGY },
  roadmap: { question: 5, title: 'What is the local area partnership roadmap for the next 3 years?', shortName: 'Three-year roadmap', part: STRATEGY },
  deliveryPlan: { question: 6, title: 'What will the local area partnership deliver in the first year?', shortName: 'First-year delivery plan', part: STRATEGY },
  deliveryCapacity: { question: 7, title: 'How will the local area partnership deliver the first-year plan?', shortName: 'Delivering the first year', part: STRATEGY },
  otherFunding: { question: 8, title: 'Other funding (Local Authorities)', shortName: 'Other funding', part: STRATEGY },
  engagement: { question: 9, title: 'System partner and stakeholder engagement, and co-production', shortName: 'Engagement and co-production', part: STRATEGY },
  risks: { question: 10, title: 'Risks and Mitigations', shortName: 'Risks', part: STRATEGY },
  dependencies: { question: 11, title: 'Dependencies', shortName: 'Dependencies', part: STRATEGY },
  monitoring: { question: 12, title: 'How will the local area partnership know delivery is on track?', shortName: 'Monitoring', part: MONITORING },
  reportingToDfe: { question: 13, title: 'Reporting to DfE', shortName: 'Reporting to DfE', part: MONITORING },
  governance: { question: 14, title: 'How will the local area partnership ensure delivery of plans remain on track?', shortName: 'Governance', part: GOVERNANCE },
  centralGovernmentSupport: { question: 15, title: 'How can we help you?', shortName: 'Central government support', part: CENTRAL },
  supportingDocuments: { question: null, title: ANNEX_B, shortName: 'Supporting documents', part: ANNEX_B },
};

/** Annex A order. The compiled plan, the status card and the questionnaires all follow it. */
export const SECTIONS: readonly SectionInfo[] = SECTION_KEYS.map((key) => ({ key, ...INFO[key] }));

export interface PlanPart<T> {
  readonly heading: string;
  /** Said under the heading when the part is not filled in through a questionnaire. */
  readonly note: string;
  readonly items: readonly T[];
}

/** Annex C is the partnership's risk matrix: it comes with its settings, not from a questionnaire. */
const ANNEX_C: PlanPart<never> = {
  heading: ANNEX_C_TITLE,
  note: "The partnership's risk matrix, which rates each risk in Q10. It comes with the partnership's settings rather than a questionnaire, and is printed in the exported plan.",
  items: [],
};

/** Items about sections grouped under the template's parts, in Annex A order, Annex C last. */
export const byPart = <T>(items: readonly T[], keyOf: (item: T) => SectionKey): PlanPart<T>[] => {
  const parts: PlanPart<T>[] = [];
  for (const info of SECTIONS) {
    const mine = items.filter((i) => keyOf(i) === info.key);
    if (mine.length === 0) continue;
    const last = parts[parts.length - 1];
    if (last && last.heading === info.part) parts[parts.length - 1] = { ...last, items: [...last.items, ...mine] };
    else parts.push({ heading: info.part, note: '', items: mine });
  }
  return [...parts, ANNEX_C];
};

export const sectionInfo = (key: SectionKey): SectionInfo => {
  const found = SECTIONS.find((s) => s.key === key);
  if (!found) throw new Error(`Unknown section ${key}`);
  return found;
};

/** "Q6 First-year delivery plan" or "Signatories": how a section is named to people. */
export const sectionLabel = (key: SectionKey): string => {
  const s = sectionInfo(key);
  return s.question === null ? s.shortName : `Q${s.question} ${s.shortName}`;
};
