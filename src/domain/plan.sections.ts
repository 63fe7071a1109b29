import type { SectionKey } from './plan.schema';

export interface SectionInfo {
  readonly key: SectionKey;
  /** The question number in Annex A, where the section is a question. */
  readonly question: number | null;
  /** The heading as Annex A words it. */
  readonly title: string;
  /** The short name people use in chat. */
  readonly shortName: string;
  /** The Annex A part the section sits in, in order. */
  readonly part: string | null;
}

const S = (key: SectionKey, question: number | null, title: string, shortName: string, part: string | null): SectionInfo => ({
  key,
  question,
  title,
  shortName,
  part,
});

/** Annex A order. The compiled plan, the status card and the questionnaires all follow it. */
export const SECTIONS: readonly SectionInfo[] = [
  S('header', null, 'Local area partnership', 'Partnership and SRO', null),
  S('signatories', null, 'Signatories', 'Signatories', null),
  S('executiveSummary', null, 'Executive Summary', 'Executive summary', null),
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
  S('supportingDocuments', null, 'Annex B - Supporting Documents', 'Supporting documents', null),
];

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
