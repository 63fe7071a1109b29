import type { BuildingBlockId, DeliveryQuarter, GovernanceMechanism, Risk, SectionKey, Signatory } from './plan.schema';

/**
 * The Department for Education's own words in Annex A (the Local SEND Reform Plan template),
 * transcribed verbatim from the reference copy so the Word export can print each prompt exactly
 * as the template has it: same words, punctuation, curly quotes and dash characters (the template
 * mixes "–" and "-", and sometimes omits the space before a dash; that is kept on purpose).
 *
 * Only the template's text lives here, never a partnership's answers. Bold and italic marks are
 * not kept: the export decides its own emphasis. Record keys double as column order, because the
 * template's tables are laid out in that order.
 *
 * test/domain/annex-a.text.test.ts checks every string below against the reference, so a typo
 * here fails a test rather than reaching a council's submitted plan.
 */

export type Prose =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly ordered?: boolean };

/** A table header cell: its title, and the help text the template sets under it, if any. */
export interface HeaderCell {
  readonly title: string;
  readonly help: string | null;
}

const p = (text: string): Prose => ({ kind: 'paragraph', text });
const ul = (...items: string[]): Prose => ({ kind: 'list', items });

/**
 * Strings a test may not find in the reference dump, because they had to be written rather
 * than copied. Empty today: the dump holds every Annex A string used here.
 */
export const NOT_IN_REFERENCE: ReadonlySet<string> = new Set<string>();

export const ANNEX_A_TITLE = 'Annex A: Local SEND Reform Plan';

export const ANNEX_A_INTRO: readonly string[] = [
  'Developing a Local SEND Reform Plan is an important first step for local areas to set out how they will lay the foundation for reform, and design an approach tailored to their local context. A shared plan which focuses on co-designing the local approach as system partners and with children, young people and families will help foster collective responsibility for delivering the reforms.',
  "It is critical that all system partners, including health, education and childcare settings, work together to design and deliver the Local SEND Reform Plan, under the local authority's leadership. It is also crucial that representative family carers e.g. the local Parent Carer Forum, are involved in the development of the plan.",
  "The expectation is that this plan is discussed, agreed, and signed off at your relevant SEND Governance Board. As a minimum, the plan must be formally signed off by the Local Authority Chief Executive (CEO), the Integrated Care Board (ICB) Chief Executive, the Local Authority Director of Children's Service (DCS), the Integrated Care Board NHS Place Director, and the Local Authority Chief Financial Officer (CFO/Section 151 Officer). We encourage other colleagues and partners who have contributed to also review and sign-off the plan, particularly early years, school, college and trust leaders.",
];

/** The template prints each label followed by ": " and the answer on the same line. */
export const HEADER_LABELS: { readonly localAuthority: string; readonly integratedCareBoard: string; readonly sroName: string } = {
  localAuthority: 'Name of Local Authority',
  integratedCareBoard: 'Name of Integrated Care Board',
  sroName: 'Local SEND Reform Plan SRO',
};

export const SIGNATORIES_HEADING = 'Signatories';

/** The required role titles are in REQUIRED_SIGNATORY_ROLES (plan.schema.ts), not repeated here. */
export const SIGNATORIES_COLUMNS: { readonly [K in Extract<keyof Signatory, 'role' | 'name' | 'signature' | 'email' | 'signedOn'>]: string } = {
  role: 'Role',
  name: 'Name',
  signature: 'Signature',
  email: 'Email contact',
  signedOn: 'Date',
};

export const EXECUTIVE_SUMMARY_HEADING = 'Executive Summary';

/** The four aims are in italics in the template. */
export const EXECUTIVE_SUMMARY_PROMPT: readonly Prose[] = [
  p("A brief summary of your local system 'change story' – your local context, where you are now, where you want to get to in the next 3 years, how you know you are succeeding and how you will know you have achieved your vision for the next 3 years. Please include a brief qualitative summary. This summary should also include your assessment of current and forecast performance against the headline metrics."),
  p("Please structure your 'change story' using the following aims:"),
  ul(
    'Build a 0-25 system where children and young people receive support to achieve and thrive through (a) more inclusive settings and (b) stronger local partnerships',
    'Improve capacity and capability of the mainstream and specialist workforce to identify and meet need',
    'Improve confidence of children, families, and stakeholders in reform and readiness of the system',
    'Stabilise finances and improve value for money',
  ),
];

/**
 * In template order: the five numbered parts, then the two annexes. The dash differs between
 * them ("Annex B - " has a hyphen) because the template's does.
 */
export const PART_TITLES = [
  'Section 1 – Vision and Goals',
  'Section 2 – Strategy',
  'Section 3 – Monitoring and Evaluation',
  'Section 4 – Governance',
  'Section 5 – Central Government Support',
  'Annex B - Supporting Documents',
  'Annex C – Risk Matrix',
] as const;
export type PartTitle = (typeof PART_TITLES)[number];

/** Sections that are numbered questions; the rest (header, signatories, summary, Annex B) are not. */
export type QuestionKey = Exclude<SectionKey, 'header' | 'signatories' | 'executiveSummary' | 'supportingDocuments'>;

export interface QuestionPrompt {
  readonly number: number;
  /** The numbered heading exactly as printed, number included. */
  readonly heading: string;
  /**
   * What the template prints under the heading, before the answer. Empty only for Q4, whose
   * heading is the whole instruction.
   */
  readonly prompt: readonly Prose[];
}

/**
 * Q8 has two answers. The block-transfer prompt sits straight under the heading, so it is
 * `prompt`; the capital prompt comes after the block-transfer answer and before the capital one.
 */
export interface OtherFundingPrompt extends QuestionPrompt {
  /** The heading without its number or qualifier. */
  readonly headingLabel: string;
  /** The part of the heading the template sets in bold. */
  readonly headingQualifier: string;
  readonly localAuthoritiesOnly: true;
  readonly capital: readonly Prose[];
}

/** Q13's answer is an upload; `upload` is the instruction the template puts right before it. */
export interface ReportingToDfePrompt extends QuestionPrompt {
  readonly upload: readonly Prose[];
}

export interface QuestionPrompts extends Readonly<Record<QuestionKey, QuestionPrompt>> {
  readonly otherFunding: OtherFundingPrompt;
  readonly reportingToDfe: ReportingToDfePrompt;
}

export const QUESTION_PROMPTS: QuestionPrompts = {
  visionAndGoals: {
    number: 1,
    heading: '1. What the local area partnership is trying to achieve?',
    prompt: [
      p('Please set out your goals for your local system. These should be clear, aligned to the vision set out in the Schools White Paper, small in number and measurable. These goals should include clear reference to:'),
      ul('Outcomes for children', 'Confidence of parents, carers and young people in the system', 'Management of finances to secure value for money'),
    ],
  },
  threeYearPicture: {
    number: 2,
    heading: '2. Where the local area partnership expects to be in the next 3 years',
    prompt: [
      p('A description of what your local system would look like in the next 3 years in line with the national vision set out in the Schools White Paper and set within the context of where you are starting from as a local system.'),
      p('In particular, as commissioning system partners, you should reflect on and agree what your fully fledged Experts At Hand Offer model should be and how this will be deployed via mainstream settings and providers (including those not based in your area – e.g. further education colleges attended by your young people) to build their capacity as well as identify and meet the needs of children and young people earlier and without the need for a statutory assessment for Education, Health and Care.'),
      p('To help you fully consider the scope and scale of change required, you may find it useful to structure your response using these 4 building blocks of an inclusive system, reflecting on what is working well in your system, what you are most worried about, what needs to change, and how the enablers will help you achieve your 3 year vision.'),
      p('When summarising where your local area partnership currently is, please include an assessment of where you are in reference to the core minimum requirements above and how you bridge the gap, making reference to and attaching additional documents that provide underlying evidence for your summary.'),
      // The building-block descriptions: the template's spacing around the dashes is uneven.
      p('Strengthening inclusion across education settings– organising places and provision to meet as many needs as possible, as close to home as possible, with all settings and providers moving towards a shared understanding and consistent practices around inclusion.'),
      p('Access to specialist support and local placements – improving collaboration between settings and deploying expertise from a range of specialist and expert sources, to support schools and settings to meet the needs of children and young people earlier and locally.'),
      p('System leadership, local partnership collaboration and co-production– putting in place the enabling conditions across a local area that ensures planning and provision reflects the local area & is joined up, including strategic co-production with parent carers and children and young people.'),
      p('Encouraging inclusive culture & behaviours – using funding and shared accountability towards a system that works for children and families while achieving value for money.'),
    ],
  },
  theoryOfChange: {
    number: 3,
    heading: '3. What is the local area partnership’s strategy for delivering on the above?',
    prompt: [
      p('A brief summary of your local system’s theory of change or reform strategy. Reflect on the output of your Local Partnership Maturity Assessment Tool, particularly your Local System ‘change story.’'),
    ],
  },
  maturityAssessment: {
    number: 4,
    heading: '4. Please upload a completed copy of the Local Partnership Maturity Assessment Tool.',
    // The template has nothing under this heading but the upload slot.
    prompt: [],
  },
  roadmap: {
    number: 5,
    heading: '5. What is the local area partnership roadmap for the next 3 years?',
    prompt: [
      p('Reflecting on the broad timescales and expectation for deliverables set out in the Schools White Paper, key documents and core minimum requirements set out in this document, please provide a high-level roadmap for the next 3 years. Please highlight key milestones and a trajectory to the target metrics identified above, including leading indicators.'),
      p('In the 2026-27 column, in particular, please reference how you plan to meet the core minimum requirements in your narrative, including details and evidence in supporting documents.'),
      p('You can insert or upload supporting documents including graphics/visuals that illustrate your data trajectory.'),
    ],
  },
  deliveryPlan: {
    number: 6,
    heading: '6. What will the local area partnership deliver in the first year?',
    prompt: [
      p("Please outline the key workstreams, milestones and trajectory your local area partnership will deliver and achieve in 2026-27 as well as how you plan to spend the investment allocation that will help fund this year's delivery. Please share key milestones and anticipated dates, success measures, cost breakdown and category. These should incorporate the core minimum requirements, be mapped to the building blocks above and should reflect a more detailed trajectory to the narrative, milestones and target metrics outlined in the 2026-27 column above."),
    ],
  },
  deliveryCapacity: {
    number: 7,
    heading: '7. How will the local area partnership deliver the first-year plan?',
    prompt: [
      p('Please set out how you will ensure the required capacity and capability is in place from organisational corporate functions to support implementation of the plan. This could include reference to how you plan to build or bring in project delivery capability to manage delivery against the plan, support prioritisation, and effective use of resources; and how you plan to build the capacity and capability in data and analytics to support effective tracking against the measures in the plan and reporting that informs decision making.'),
    ],
  },
  otherFunding: {
    number: 8,
    heading: '8. Other funding Local Authorities.',
    headingLabel: 'Other funding',
    headingQualifier: 'Local Authorities',
    localAuthoritiesOnly: true,
    prompt: [
      p('Block Transfers: If you have made a block transfer (Schools Block to High Needs Block) for 26-27, please set out how your plans for this funding align with the activities outlined above.'),
    ],
    capital: [
      p('Capital: We have announced at least £3 billion in high needs capital between 2026-27 and 2029-30 to support children and young people (CYP) with SEND, or those requiring alternative provision (AP). This funding is intended to support place delivery across the full 0-25 age range, including early years and post-16. We expect funding to support the following outcomes:'),
      // The letters are part of the template's text, so the list is not a numbered one.
      ul(
        'a. Inclusion at the core of high needs sufficiency strategy, resulting in more children and young people with SEND accessing suitable places in mainstream settings, across all phases of education',
        'b. Every child or young person who needs a place in an inclusion base can access one',
        'c. Fewer children and young people with SEND needing to travel a long way to access a suitable placement',
        'd. Improved suitability of the mainstream estate to support children and young people with SEND, with adaptations to improve inclusivity and accessibility of the physical environment',
      ),
      p('We also welcome innovative uses of high needs capital to drive inclusion, for example, investment in assistive technology for use in mainstream settings.'),
      p('Please outline your strategy for how this funding will meet the outcomes above, with reference to the core minimum requirements and other workstreams in this reform plan where appropriate. We would like to see detail around your plans to increase capacity for inclusion bases (formerly known as SEN units, resourced provision and pupil support units – SU/RP/PSUs), such as schools, colleges or early years providers identified, engagement with relevant settings and trusts, and target cohort of needs.'),
      p('If your plans include increases to places in special schools or specialist post-16 institutions, please include a clear rationale, showing the need that is being met, and why it cannot be met through other types of provision, such as inclusion bases.'),
      p('If you are receiving additional capital funding to replace one or more planned special or AP free schools, please set out how this funding will meet need in your area, and plans for engaging relevant trusts in your sufficiency planning.'),
    ],
  },
  engagement: {
    number: 9,
    heading: '9. System partner and stakeholder engagement, and co-production.',
    prompt: [
      p('Please outline how the local area partnership plans to engage system partners and stakeholders to develop and implement the plan – include planned engagement with schools and early years settings, alternative providers, FE and post-16 providers (including those your young people attend that are not within your local area), Parents and Carers and children and young people with SEND, with reference to the core minimum requirements. Consider changing roles and responsibilities in the context of the Schools White Paper and how you work collaboratively to manage the transition. Please indicate where additional support is required to engage partners or stakeholders - senior officials at the Department for Education will be available to contribute to summer term events with education leaders and parent carer forum leaders.'),
    ],
  },
  risks: {
    number: 10,
    heading: '10. Risks and Mitigations',
    prompt: [
      p('What are the key risks that could affect the successful implementation of your Local SEND Reform Plan, and what mitigation strategies are in place to manage these risks? Please include a maximum of 5 risks with impact and likelihood RAG for each risk. See Annex C for suggested risk matrix.'),
    ],
  },
  dependencies: {
    number: 11,
    heading: '11. Dependencies',
    prompt: [
      p("Please detail the key areas of the local area partnership's proposed SEND future state and roadmap that may be impacted by wider reforms nationally and locally and outline how you will manage these. We expect these will include but not be limited to:"),
      ul(
        'NHS reforms',
        'Local Government Re-organisation',
        "Reforms to Children's Social Care",
        'Best Start in Life, including Family Hubs',
        'Best Start In Life Strategy',
        'Curriculum and Assessment Review',
      ),
    ],
  },
  monitoring: {
    number: 12,
    heading: '12. How will the local area partnership know delivery is on track?',
    // The three paragraphs between the two bullets explain the first bullet; the template
    // prints them there, so the list is split around them rather than merged.
    prompt: [
      p('Please set out how you will monitor and track progress referencing:'),
      ul('Monitoring tools and processes - the specific tools, systems, and data you will use to track delivery milestones and measure the impact on outcomes.'),
      p('Some Local Area Partnerships hold data in a central SEND operational dashboard. This is used by teams on a weekly basis to identify trends in demand or inform conversations with local school or setting leaders.'),
      p('In some Local Area Partnerships, a view of the Key Performance Indicators (KPIs) is reviewed monthly by a SEND Board to take decisions on prioritisation, resourcing and delivery of services informed by regular data.'),
      p('Please set out how you will use data to track demand (e.g., EHCP applications for assessment), Service delivery (e.g., Speech and Language Specialists deployment; places created), Service quality (e.g., parental satisfaction) and outputs (e.g., pupil attendance; pupil exclusions)'),
      ul('Feedback and adaptation mechanisms - what feedback loops and stakeholder input you will use to review progress and adjust your approach.'),
    ],
  },
  reportingToDfe: {
    number: 13,
    heading: '13. Reporting to DfE',
    prompt: [
      p('Using the attached data template, the local area partnership is required to provide quarterly data returns to DfE against selected key metrics. DfE will, in turn, provide quarterly data reports with visualised analysis and benchmarking that will support your local delivery, monitoring and evaluation. This will include data the department holds on Attendance, Exclusions, and Unauthorised absence.'),
    ],
    upload: [p('Please use the attached data template to upload your initial data return to DfE.')],
  },
  governance: {
    number: 14,
    heading: '14. How will the local area partnership ensure delivery of plans remain on track?',
    prompt: [
      p('Please outline the governance structures in place to oversee delivery. Clearly set out who is responsible for overseeing reform delivery, what each governance group or individual is accountable for, and how these arrangements ensure progress is monitored and decisions are made transparently. Please identify where the named SRO for the Local SEND Reform Plan sits within the governance structure and ensure your response incorporates the core minimum requirements.'),
    ],
  },
  centralGovernmentSupport: {
    number: 15,
    heading: '15. How can we help you?',
    prompt: [
      p('Please outline any practical support you need from central government to implement your plan effectively.'),
      p('This may include:'),
      ul(
        'Access to specialist expertise or advisory support',
        'Help with workforce development or recruitment challenges',
        'Tools or templates to support data collection, reporting, or evaluation',
        'Facilitation of peer learning or regional collaboration',
        'Support with system-level coordination across education, health, and care',
        'Guidance on navigating regulatory or policy barriers',
      ),
    ],
  },
};

/**
 * Row labels of the Q2 and Q5 tables. These are the table's wording, which differs from the Q2
 * prompt's ("culture and behaviours" here, "culture & behaviours" there).
 */
export const BUILDING_BLOCK_ROW_LABELS: { readonly [K in BuildingBlockId]: string } = {
  'inclusion-in-settings': 'Strengthening inclusion across education settings',
  'specialist-support': 'Access to specialist support and local placements',
  'leadership-and-co-production': 'System leadership, local partnership collaboration and co-production',
  'inclusive-culture': 'Encouraging inclusive culture and behaviours',
};

/**
 * The success-measures row label shared by the Q2 and Q5 tables. The template follows "E.g."
 * with example metrics; those are stored as the plan's success measures, so they are not here.
 */
const SUCCESS_MEASURES_LABEL: HeaderCell = {
  title: 'Success measures',
  help: 'Drawing on metrics from the accompanying data template E.g.',
};

/** Q2. In the template "Building blocks" shares the first block row's label cell. */
export const BLUEPRINT_TABLE: {
  readonly columns: { readonly label: string; readonly whereWeAre: string; readonly whereWeWillBe: string };
  readonly buildingBlocksLabel: string;
  readonly buildingBlocks: { readonly [K in BuildingBlockId]: string };
  readonly enablers: string;
  readonly successMeasures: HeaderCell;
  /** In the success-measures row these head the second and third cells, in italics. */
  readonly baseline: string;
  readonly target: string;
} = {
  columns: {
    label: 'Local blueprint for the next 3 years',
    whereWeAre: 'Where we are',
    whereWeWillBe: 'Where we will be in the next 3 years',
  },
  buildingBlocksLabel: 'Building blocks',
  buildingBlocks: BUILDING_BLOCK_ROW_LABELS,
  enablers: 'Enablers',
  successMeasures: SUCCESS_MEASURES_LABEL,
  baseline: 'Baseline',
  target: 'Target Metrics',
};

/** Q5. Here "Building blocks" is a row of its own, with the other cells empty. */
export const ROADMAP_TABLE: {
  readonly title: string;
  /** Slashes, although the Q5 prompt calls the first one "the 2026-27 column". */
  readonly years: readonly [string, string, string];
  readonly buildingBlocksLabel: string;
  readonly buildingBlocks: { readonly [K in BuildingBlockId]: string };
  readonly enablers: string;
  readonly successMeasures: HeaderCell;
} = {
  title: 'Local roadmap for the next 3 years',
  years: ['2026/27', '2027/28', '2028/29'],
  buildingBlocksLabel: 'Building blocks',
  buildingBlocks: BUILDING_BLOCK_ROW_LABELS,
  enablers: 'Enablers',
  successMeasures: SUCCESS_MEASURES_LABEL,
};

/**
 * Q6, two header rows: the title across the first two columns then each quarter across its
 * pair of columns; below, workstream | lead | (milestones | trajectory) once per quarter.
 */
export const DELIVERY_PLAN_TABLE: {
  readonly title: string;
  readonly quarters: { readonly [Q in DeliveryQuarter]: string };
  /** One header cell holding three lines. */
  readonly workstream: readonly string[];
  readonly lead: string;
  readonly milestones: HeaderCell;
  readonly trajectory: HeaderCell;
} = {
  title: '2026-27 Local delivery plan',
  // Spacing around the dashes differs between quarters in the template.
  quarters: { Q2: 'Q2 (Jul-Sep 2026)', Q3: 'Q3 (Oct – Dec 2026)', Q4: 'Q4 (Jan-Mar 2027)' },
  workstream: [
    'Workstream outline – mapped to building block',
    'Outcome - what you want to achieve with this workstream',
    'Success measures – how you measure progress drawing on metrics from the accompanying data template',
  ],
  lead: 'Responsible lead per workstream – accountable for the delivery of the workstream and the identified outcome.',
  milestones: {
    title: 'Milestones per workstream',
    help: 'What key milestones will enable you achieve your targeted trajectory',
  },
  trajectory: {
    title: 'Target trajectory per workstream',
    help: 'Where do you expect your data to be?',
  },
};

/**
 * Q6 spend table. Its first header cell is this heading; the other header cells are the
 * partnership's funding sources, per quarter, so they are not template text.
 */
export const SPEND_TABLE: { readonly heading: HeaderCell; readonly total: string } = {
  heading: {
    title: 'Projected Investment Spend per quarter',
    help: 'Please specify funding source for each category',
  },
  total: 'Total Spend',
};

export const RISK_TABLE_COLUMNS: { readonly [K in Extract<keyof Risk, 'description' | 'impact' | 'likelihood' | 'rag' | 'mitigation' | 'residualRag'>]: string } = {
  description: 'Risk',
  impact: 'Impact',
  likelihood: 'Likelihood',
  rag: 'RAG',
  mitigation: 'Mitigation',
  residualRag: 'Residual RAG',
};

export const GOVERNANCE_TABLE: {
  readonly columns: { readonly [K in Exclude<keyof GovernanceMechanism, 'id'>]: HeaderCell };
  /** Printed after the table, before the diagram's upload slot. */
  readonly afterTable: string;
} = {
  columns: {
    name: {
      title: 'Governance Mechanism',
      help: 'This may be a governance group, or an individual (e.g. SRO).',
    },
    purpose: {
      title: 'Purpose/ Responsibilities',
      help: 'What is the function of this governance mechanism? What are they accountable for overseeing? What information is reported to this governance mechanism?',
    },
    membership: {
      title: 'Membership',
      help: 'Who does this governance mechanism comprise of? [should include health and PCF representation] What stakeholders are represented at this governance mechanism? Please indicate who chairs this. (Include n/a if an individual).',
    },
    cadence: {
      title: 'Cadence',
      help: 'How regularly does this governance mechanism meet?',
    },
    decisionRights: {
      title: 'Decision Rights',
      help: 'What decisions can this governance mechanism make?',
    },
    escalationRoute: {
      title: 'Escalation Route',
      help: 'Where can this governance mechanism escalate issues or decision to?',
    },
  },
  afterTable: 'If you have a diagram to show the relationship between these governance mechanisms, please upload this here.',
};

/**
 * Annex B's rows in the reference (the White Paper, the data template, ...) are stored as the
 * plan's supporting documents, so only the header is template text here.
 */
export const ANNEX_B_COLUMNS: { readonly document: string; readonly link: string } = {
  document: 'Document',
  link: 'Link',
};

export interface ProbabilityBand {
  readonly range: string;
  readonly likelihood: string;
}
export interface ImpactRow {
  readonly level: string;
  readonly description: string;
}

export const ANNEX_C_RISK_MATRIX: {
  readonly headers: { readonly impactDescription: string; readonly impactLevel: string; readonly probability: string };
  /** Least likely first, as the template's columns run. */
  readonly probabilityBands: readonly ProbabilityBand[];
  /** Highest impact first, as the template's rows run. */
  readonly impactRows: readonly ImpactRow[];
} = {
  headers: {
    impactDescription: 'IMPACT DESCRIPTION',
    impactLevel: 'IMPACT LEVEL',
    probability: 'PROBABILITY/LIKELIHOOD',
  },
  probabilityBands: [
    { range: '< 10%', likelihood: 'Very Unlikely' },
    { range: '>10% - <30%', likelihood: 'Unlikely' },
    { range: '>30% - <60%', likelihood: 'Possible' },
    { range: '>60% - <90%', likelihood: 'Likely' },
    { range: '>90%', likelihood: 'Very Likely' },
  ],
  impactRows: [
    { level: 'Crisis', description: 'Cannot deliver Reform Plan; Failure of mission critical activity.' },
    { level: 'Critical', description: 'Significant impact to objectives; Significant and sustained disruption to activity.' },
    { level: 'Moderate', description: 'Delivery targets are compromised; Project delay / budget overrun.' },
    { level: 'Marginal', description: 'Limited impact on delivery targets; Deviations from project resource, timescale or targets.' },
    { level: 'Negligible', description: 'Minimal impact on delivery targets; Minimal impacts to project / programme efficiency.' },
  ],
};
