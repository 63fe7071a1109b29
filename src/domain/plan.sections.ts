import type { SectionKey } from './plan.schema';

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

const S = (key: SectionKey, question: number | null, title: string, shortName: string, part: string): SectionInfo => ({
  key,
  question,
  title,
  shortName,
  part,
});

const FRONT = 'Partnership, signatories and executive summary';

/** Annex A order. The compiled plan, the status card and the questionnaires all follow it. */
export const SECTIONS: readonly SectionInfo[] = [
  S('header', null, 'Local area partnership', 'Partnership and SRO', FRONT),
  S('signatories', null, 'Signatories', 'Signatories', FRONT),
  S('executiveSummary', null, 'Executive Summary', 'Executive summary', FRONT),
  S('visionAndGoals', 1, 'What the local area partnership is trying to achieve?', 'Vision and goals', 'Section 1 – Vision and Goals'),
  S('threeYearPicture', 2, 'Where the local area partnership expects to be in the next 3 years', 'Three-year picture', 'Section 2 – Strategy'),
  S('theoryOfChange', 3, "What is the local area partnership's strategy for delivering on the above?", 'Theory of change', 'Section 2 – Strategy'),
  S('maturityAssessment', 4, 'Please upload a completed copy of the Local Partnership Maturity Assessment Tool.', 'Maturity assessment', 'Section 2 – Strategy'),
  S('roadmap', 5, 'What is the local area partnership roadmap for the next 3 years?', 'Three-year roadmap', 'Section 2 – Strategy'),
  S('deliveryPlan', 6, 'What will the local area partnership deliver in the first year?', 'First-year delivery plan', 'Section 2 – Strategy'),
  S('deliveryCapacity', 7, 'How will the local area partnership deliver the first-year plan?', 'Delivering the first year', 'Section 2 – Strategy'),
  S('otherFunding', 8, 'Other funding (Local Authorities)', 'Other funding', 'Section 2 – Strategy'),
  S('engagement', 9, 'System partner and stakeholder engagement, and co-production', 'Engagement and co-production', 'Section 2 – Strategy'),
  S('risks', 10, 'Risks and Mitigations', 'Risks', 'Section 2 – Strategy'),
  S('dependencies', 11, 'Dependencies', 'Dependencies', 'Section 2 – Strategy'),
  S('monitoring', 12, 'How will the local area partnership know delivery is on track?', 'Monitoring', 'Section 3 – Monitoring and Evaluation'),
  S('reportingToDfe', 13, 'Reporting to DfE', 'Reporting to DfE', 'Section 3 – Monitoring and Evaluation'),
  S('governance', 14, 'How will the local area partnership ensure delivery of plans remain on track?', 'Governance', 'Section 4 – Governance'),
  S('centralGovernmentSupport', 15, 'How can we help you?', 'Central government support', 'Section 5 – Central Government Support'),
  S('supportingDocuments', null, 'Annex B - Supporting Documents', 'Supporting documents', 'Annex B – Supporting documents'),
];

export interface PlanPart<T> {
  readonly heading: string;
  /** Said under the heading when the part is not filled in through a questionnaire. */
  readonly note: string;
  readonly items: readonly T[];
}

/** Annex C is the partnership's risk matrix: it comes with its settings, not from a questionnaire. */
const ANNEX_C: PlanPart<never> = {
  heading: 'Annex C – Risk matrix',
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
