import type { PlanInput } from '../domain/plan.schema';
import { lines } from './demo-plan.part1';

type RiskInput = PlanInput['risks']['risks'][number];
// Owners follow what each risk's and dependency's text says it is about: the workstream that
// delivers that part of the plan, whose leads then re-score and change it; the rest stay the SRO's.
const risk = (id: string, r: Omit<RiskInput, 'id' | 'scale' | 'headline' | 'status' | 'closedReason'>): RiskInput => ({
  id,
  scale: 'high-medium-low',
  headline: true,
  status: 'open',
  closedReason: null,
  ...r,
});

export const risks: PlanInput['risks'] = {
  risks: [
    risk('risk-oaip', {
      owner: { kind: 'workstream', id: 'ws-1' },
      description:
        'Uneven implementation of ordinarily available inclusive practice (OAIP) and the graduated response across settings leads to postcode provision and escalation.',
      impact: 'High',
      likelihood: 'High',
      rag: 'Red',
      mitigation:
        'Clear minimum expectations; co-produced OAIP materials and training; peer learning and SENCO networks; targeted QA/deep dives and support visits; escalation route for persistent non-engagement; publish “what good looks like” via Inclusion Quality Mark.',
      residualRag: 'Amber',
    }),
    risk('risk-eaho-workforce', {
      owner: { kind: 'workstream', id: 'ws-1a' },
      description:
        'Experts at Hand Offer cannot operate at scale due to constrained workforce capacity (EP/SALT/OT/mental health) or unclear service standards.',
      impact: 'High',
      likelihood: 'Medium',
      rag: 'Amber',
      mitigation:
        'SLA/MOU with ICB setting scope, triage and response standards, prioritisation and escalation; blended delivery (consultation, group delivery, targeted interventions) to maximise reach; joint workforce plan and recruitment/retention actions; commission additional capacity where feasible; weekly capacity and backlog reporting with escalation through ICB place governance if standards missed.',
      residualRag: 'Amber',
    }),
    risk('risk-local-capacity', {
      owner: { kind: 'workstream', id: 'ws-2' },
      description:
        'Local capacity (inclusion bases, outreach, AP) takes time to create; reliance on independent/out-of-area placements and travel costs continues in the short term.',
      impact: 'High',
      likelihood: 'Medium',
      rag: 'Amber',
      mitigation:
        'Staged sufficiency plan (quick wins, medium build, longer-term capital delivery); transparent place planning principles and travel impact assessment for expansions; repatriation plans and strengthened commissioning/contracting; increase inclusion base and mainstream adaptation capacity; AP recommissioning with clear reintegration pathways.',
      residualRag: 'Amber',
    }),
    risk('risk-ehcp-timeliness', {
      owner: { kind: 'workstream', id: 'ws-3' },
      description:
        "EHCP timeliness and quality improvements do not sustain ('stick') as demand rises and partner advice remains delayed or inconsistent.",
      impact: 'High',
      likelihood: 'Medium',
      rag: 'Amber',
      mitigation:
        "Sustain recovery into BAU with clear workflow and QA; 'right evidence first time' standards and advice templates; agreed partner advice timescales and escalation; monthly performance rhythm; strengthen annual reviews and transitions; use EAHO and OAIP to improve upstream evidence and reduce avoidable statutory requests.",
      residualRag: 'Green',
    }),
    // Engagement and co-production belong to no one workstream: the SRO's own.
    risk('risk-engagement-reach', {
      owner: null,
      description:
        'Engagement and co-production does not reach under-represented families or children/young people, reducing trust and the ability to adapt services based on lived experience.',
      impact: 'Medium',
      likelihood: 'Medium',
      rag: 'Amber',
      mitigation:
        'Participation plan with targeted outreach and accessible formats; resourced PCF engagement; establish a representative CYP Forum with safeguarding/consent and clear routes into governance; "you said, we did" reporting; use SENDIASS insights and mediation themes to target improvement.',
      residualRag: 'Green',
    }),
  ],
};

export const dependencies: PlanInput['dependencies'] = {
  approach: `Delivery of Shropshire's plan is dependent on wider reforms. We will manage these dependencies through: one programme plan, one RAID/dependency log, clear owners and timebound actions. The PMO will maintain the dependency log, chase actions and publish a short monthly highlight report. QAG will review dependencies and linked risks at each meeting, agree corrective actions and escalate any "stuck" issues to the SEND Partnership Board and, where relevant, ICB governance.`,
  items: [
    {
      id: 'dep-nhs-reforms',
      owner: { kind: 'workstream', id: 'ws-1a' },
      area: 'NHS reforms / ICB change (dependency for EAH and timeliness and quality of statutory health advice).',
      status: 'open',
      closedReason: null,
      management: lines(
        'Operationally we will:',
        '- agree a joint workforce plan with the ICB;',
        '- set response standards, a single triage route and prioritisation criteria for EAH and statutory advice;',
        '- use a blended model (consultation, group training, targeted interventions) to maximise reach;',
        '- commission additional capacity where feasible.',
        'We will track weekly capacity (sessions available vs requested), advice timeliness and backlogs. If standards are missed for two consecutive cycles, the SRO will escalate through ICB place leadership with a recovery action plan.',
      ),
    },
    {
      id: 'dep-lgr-social-care',
      owner: null,
      area: "Local Government Reorganisation and Children's Social Care reform (including Family Help).",
      status: 'open',
      closedReason: null,
      management: `These changes affect pathways, thresholds and staff capacity. We will keep delivery joined up by running SEND within the Children's Services Transformation portfolio with a single RACI, shared project resource and aligned milestones. We will run a monthly stop/start/continue session to remove duplication and re-sequence work when corporate priorities shift. If capacity drops below minimum in critical roles, we will use transformation funding to backfill and, via QAG, de-scope lower-impact activity to protect delivery of the first-year plan.`,
    },
    {
      id: 'dep-best-start',
      owner: null,
      area: 'Best Start in Life / Family Hubs.',
      status: 'open',
      closedReason: null,
      management: `This is a dependency for earlier identification and demand moderation and links to the risk that rising need (especially early years and transitions) overwhelms improvements and that engagement does not reach under-represented families/young people. We will integrate SEND routes into Family Hubs (single front door information, clear routes into early years advice and EAH, and consistent "you said, we did" feedback). We will track hub-level demand signals (requests, repeat contacts and waiting times) and target additional support where localities show sustained pressure.`,
    },
    {
      id: 'dep-curriculum-review',
      owner: { kind: 'workstream', id: 'ws-1' },
      area: 'Curriculum and Assessment Review.',
      status: 'open',
      closedReason: null,
      management: `Changes could affect behaviour, attendance and identification practices. To mitigate the risk of postcode practice, we will use OAIP standards and the Inclusion Quality Mark as our operational baseline. The EQA team will trigger targeted QA/deep dives where indicators suggest inconsistency (attendance/exclusion patterns, repeat escalations, high EHCP request rates). Findings will drive focused support visits, peer learning and escalation routes for persistent non-engagement. We will work with providers (particularly AP and FE) to support schools to work creatively to deliver alternative courses and qualifications that meet identified needs of CYP with SEND.`,
    },
    {
      id: 'dep-data-finance-sufficiency',
      owner: { kind: 'workstream', id: 'ws-2' },
      area: 'Data, finance and sufficiency dependencies.',
      status: 'open',
      closedReason: null,
      management: `To avoid the risks that KPIs are disputed/delayed and savings lag behind investment, we will maintain a KPI dictionary with named data owners, automate reporting where possible and publish a monthly insight narrative (what/why/so what/next). Financial dependencies will be managed through phased investment gates, unit-cost baselines, tight placement governance and explicit tracking of cost avoidance. The sufficiency programme will run a staged plan (quick wins, medium build, longer-term capital delivery) with repatriation plans to manage the risk that local capacity takes time to create and independent placements continue due to immediate need.`,
    },
  ],
};

export const monitoring: PlanInput['monitoring'] = {
  approach: lines(
    `The local area partnership will ensure delivery remains on track through a coherent performance management framework that integrates quantitative data, quality assurance, and lived experience into a single, transparent system of monitoring and improvement. This approach is designed to move beyond reporting activity and to actively drive measurable impact against identified outcomes and success measures.`,
    `A **single partnership dashboard** will be the core monitoring tool, bringing together a defined set of indicators aligned to outcomes, system flow and lived experience. This will include measures of demand, service delivery, service quality and outcomes.`,
  ),
  kpiGroups: [
    {
      id: 'kpi-demand',
      name: 'Demand and system flow',
      indicators:
        'number of EHCP requests for assessment; rate of new EHCPs issued; proportion of cases progressing to statutory assessment; panel referral volumes; and escalation indicators such as requests for specialist placements or alternative provision.',
    },
    {
      id: 'kpi-timeliness',
      name: 'Service delivery and timeliness',
      indicators:
        'percentage of EHCPs completed within 20 weeks; timeliness of annual reviews; waiting times for Educational Psychology, Speech and Language Therapy and neurodevelopmental pathways; and response times within the “Experts at Hand” model.',
    },
    {
      id: 'kpi-inclusion',
      name: 'Inclusion and participation',
      indicators:
        'attendance rates for children and young people with SEND; fixed-term and permanent exclusion rates; rates of reintegration from alternative provision; and proportion of needs met at SEND Support.',
    },
    {
      id: 'kpi-sufficiency',
      name: 'Local sufficiency and value for money',
      indicators:
        'proportion of children educated in local mainstream or maintained provision; number and cost of independent/non-maintained placements; placement stability; and average cost per placement over time.',
    },
    {
      id: 'kpi-lived-experience',
      name: 'Lived experience and trust',
      indicators:
        'parent and carer satisfaction scores; participation levels in co-production (including CYP Forum involvement); number and themes of complaints; and average time to resolution, alongside tracking of “you said, we did” actions.',
    },
  ],
  assuranceAndFeedback: lines(
    `The dashboard will incorporate both **lagging indicators** (such as attainment, placement mix and spend) and **leading indicators** (such as escalation rates, waiting times and QA findings) to provide early warning of pressure and enable proactive intervention. Data will be reviewed routinely at operational and strategic levels, with analysis by locality, phase and cohort to ensure equity across Shropshire’s rural geography.`,
    `To complement quantitative data, the partnership will embed a **systematic quality assurance (QA) cycle**. This will include multi-agency audits of EHCPs and SEND Support plans (ISPs), thematic reviews (such as inclusion practice, transitions or health contributions), and peer review across settings. For example, QA indicators will include **quality ratings of EHCP plans**, evidence of clear outcomes and provision, and consistency of ordinarily available provision in practice. These findings will be triangulated with performance data to identify priorities for improvement and inform targeted support and workforce development.`,
    `Lived experience insight will form a third, critical strand of monitoring. Regular feedback from parents, carers, and children and young people will be gathered through surveys, engagement activity and co-production forums. Indicators will include **engagement reach across seldom-heard groups**, CYP Forum activity and outputs, and evidence that feedback has influenced decision-making. This ensures progress is judged not only by system performance but by improvements in confidence, trust and experience.`,
    `Monitoring will be underpinned by **strong governance and accountability**. A single delivery plan will set out milestones, ownership and trajectories, with workstream leads accountable for progress. Partnership boards will review the dashboard regularly, using it to inform decision-making, prioritisation and resource allocation.`,
    `The partnership will also implement **feedback and adaptation mechanisms**, using leading indicators to test the impact of key interventions (such as the Local Inclusion Support Offer and Experts at Hand model) and adjust delivery where required.`,
    `Through this integrated approach—combining data, quality assurance, lived experience and governance—the partnership will maintain a clear and dynamic grip on delivery, ensuring that progress is tracked rigorously and that improvement is continuous, evidence-led and focused on better outcomes for children and young people with SEND.`,
  ),
};

export const reportingToDfe: PlanInput['reportingToDfe'] = {
  documents: [{ id: 'q13-initial-data-return', purpose: 'Initial data return to DfE (data template)', title: null, url: null }],
};

type MechanismInput = PlanInput['governance']['mechanisms'][number];
const emptyMechanism = (id: string, name: string): MechanismInput => ({
  id,
  name,
  purpose: null,
  membership: null,
  cadence: null,
  decisionRights: null,
  escalationRoute: null,
});

export const governance: PlanInput['governance'] = {
  mechanisms: [
    {
      id: 'childrens-ambition-board',
      name: "Children's Ambition Board",
      purpose:
        "Strategic Partnership Board driving ambitious outcomes for children and families. to oversee the Children's Transformation . Sets the vision, oversees the Children's Transformation Programme and ensures multi-agency alignment",
      membership: 'Chair (CEO, LA)',
      cadence: 'Every 2 months',
      decisionRights: 'Strategic Decisions',
      escalationRoute: 'Top Layer of the Governance Structure',
    },
    {
      id: 'health-and-wellbeing-board',
      name: 'Health and Wellbeing Board',
      purpose:
        "The Health and Wellbeing Board (HWBB) acts to ensure that key leaders from health, care, and the Voluntary and Community Sector work together to protect people's health, improve the health and wellbeing of Shropshire residents and reduce inequalities that are the cause of ill health including the wider determinants of health. Health and Wellbeing Board members collaborate to understand their local community's needs, agree priorities and work together to plan how best to deliver services.",
      membership: lines('Co-Chairs – ICB/Portfolio Holder for Health.', 'VCSE, Partners in Care, RJAH, STWCH, MPFT, West Mercia Police, WMAS.'),
      cadence: 'At least quarterly',
      decisionRights:
        'Statutory decisions re. JSNA, Pharmacy Needs Assessment, Better Care Fund, development of Health & Wellbeing Plan. Takes strategic decisions',
      escalationRoute: 'Reports to Full Council as required, overseen by HOSC.',
    },
    emptyMechanism('education-excellence', 'Education Excellence'),
    {
      id: 'impact-boards',
      name: 'IMPACT Boards',
      purpose:
        'This is a tactical level board to bring participation, engagement and co-production to life across Shropshire. It has a mission to ensure that the voices of children, young people and their families influence decisions.',
      membership: "Chair (AD, LA Children's Services)",
      cadence: 'Monthly',
      decisionRights: 'Decisions on how we will seek to deliver the core functions set.',
      escalationRoute: 'Ambitions Board',
    },
    emptyMechanism('send-and-ap-partnership-board', 'SEND and AP Partnership Board'),
    {
      id: 'quality-assurance-group',
      name: 'Quality Assurance Group (QAG)',
      purpose:
        'QAG provides system assurance and improvement intelligence to the SEND and Inclusion Partnership Board. It triangulates performance, audit and lived experience evidence to assess quality, identify gaps, test impact, challenge partners and escalate risks. Covering education, health, social care and inclusion/AP, it ensures accountability, oversight and measurable outcomes across SEND services.',
      membership: lines(
        "Chair: (AD Children's Services and SRO)",
        'Deputy Chair: [Associate Director of Nursing and Quality Priority Populations, ICB SEND SRO]',
        '- EHCP Team Manager,',
        '- Head of Virtual School and Access to Education,',
        '- Head of Education Quality and Safeguarding,',
        '- Principle EP and Preventative Lead,',
        '- SEND Transformation Lead.',
        '- ICB SEND Senior Responsible Officer',
        '- DCO (or deputy),',
        '- Relevant provider representation from health as required',
        '- DSCO',
        '- Commissioning: TBD',
        '- Data/insight/analytics representation: TBD',
        '- Senior Integration Development Officer',
        "Additional attendees: subject matter experts and provider representatives invited depending on agenda (e.g., early years, post-16, therapies, AP, relevant children's disability / transitions leads).",
        'Co-production routes (standing input): Children, Young People and Families are engaged and/or specialist groups when the theme relates to an area of interest.',
      ),
      cadence: 'Monthly',
      decisionRights: null,
      escalationRoute: 'SEND and AP Partnership Board',
    },
    {
      id: 'workstream-1-inclusive-practice',
      name: 'Workstream 1: Inclusive Practice',
      purpose:
        'Develop a continuum of high-quality local provision in Shropshire across education, health and social care, to better meet the needs of children and young people with SEND and those requiring AP.',
      membership: lines(
        '- Senior EQA for SEND and AP, Chair',
        '- Lead for Access to Education, Vice Chair',
        '- Head of Virtual School and Access to Education',
        '- PACC',
        '- SENDIASS',
        '- Education Quality Advisor, Shropshire Council',
        '- Designated Social Care Officer – SEND',
        '- Designated Clinical Officer - SEND',
        '- Senior EP',
        '- Commissioning Officer for SEND',
        '- Early Help Representative',
        '- Nursery representation',
        '- School age representation - primary',
        '- School age representation - secondary',
        '- Post 16 representative',
        '- Special School representation',
        '- SURP representation',
        '- TMBSS',
      ),
      cadence: 'Every 6 weeks',
      decisionRights: null,
      escalationRoute: 'QAG',
    },
    {
      ...emptyMechanism('workstream-2-commissioning', 'Workstream 2: Commissioning'),
      decisionRights: lines(
        'This group can make decisions related to the execution of commissioning strategies approved by the SEND and Inclusion Partnership.',
        'They can make decisions about the integration of shared systems to understand need, developing services, monitoring them and reviewing them to provide influence to the SEND and Inclusion Partnership.',
      ),
      escalationRoute: 'QAG',
    },
    {
      id: 'workstream-3-ehcp',
      name: 'Workstream 3: EHCP Quality and Timeliness',
      purpose:
        "Ensure partnership action to improve the timeliness and quality of Education, Health and Care Plans. This group is responsible for interrogating the data and taking rapid action to improve the timeliness of our EHCP's.",
      membership: lines(
        '- EHCP Team Manager, Chair',
        '- Associate Designated Clinical Officer, Vice Chair',
        '- PACC',
        '- SENDIASS',
        '- Education Quality Advisor, Shropshire Council',
        '- Designated Social Care Officer – SEND',
        '- Senior EP',
        '- Adult Social Care Representative',
        '- Early Help Representative',
        '- Nursery representation',
        '- School age representation',
        '- Post 16 representative',
        '- Special School representation',
        '- Parent Carer group representation',
      ),
      cadence: 'Monthly',
      decisionRights: 'This group makes proactive, process-oriented decisions aimed at preventing defects and ensuring services meet established standards.',
      escalationRoute: 'QAG',
    },
  ],
  sroPosition: null,
  documents: [{ id: 'q14-governance-diagram', purpose: 'Diagram of the relationship between these governance mechanisms', title: null, url: null }],
};

export const centralGovernmentSupport: PlanInput['centralGovernmentSupport'] = {
  asks: [
    'For the Department for Education (DfE) to understand that funding calculations are based on demographics rather than demand, and that there must be flexibility in funding arrangements to allow areas to target specific needs.',
    'Support with multiagency auditing to develop an effective Multi-Agency (MA) Audit system that drives quality assurance (currently working with Wakefield on sector-led improvement work).',
    'Further work and investment required to develop the infrastructure needed to create and align dashboards and datasets, and to align reporting to the Outcomes Framework for measuring impact.',
    'Support to improve systemwide sharing and interpretation of data, including transparency with partners, to facilitate shared planning and decisions.',
    'Support to develop internal specialist support capacity so schools can access timely expertise for assessment, evidence gathering, and implementation of inclusive practice.',
    'Support to strengthen joint commissioning across partners and improve alignment of commissioning and workforce planning for sustainable services.',
    'Support to improve the timeliness of waiting times for any service offer, including ECHNAs, Annual Reviews, Early Years support via the CDC, and health waiting lists.',
    'Support to further develop the post-16 offer for young people.',
    'Support to embed a shared, systemwide understanding of ordinarily available provision and tiered support, ensuring clarity and consistency across the system.',
    'Support to improve mental health services for the SEND community, including neurodivergent children and young people, as part of wider inclusion and partnership improvement activity.',
    'Support to continue sufficiency work with Wakefield, focusing on understanding universal, targeted, and specialist capacity to meet outcomes.',
  ],
};

const annexB = (id: string, document: string, link: string) => ({ id, purpose: document, title: link, url: null });

export const supportingDocuments: PlanInput['supportingDocuments'] = {
  documents: [
    annexB('schools-white-paper', 'The Schools White Paper', 'Every Child Achieving and Thriving'),
    annexB('send-consultation', 'SEND Consultation Document', 'SEND reform: putting children and young people first.'),
    annexB('la-schools-budget', 'LA and Schools Budget 2026-27', 'Schools Operational Guide 2026-27'),
    annexB('maturity-assessment-guidance', 'Local Partnership Maturity Assessment Guidance and Tool', 'Included in commission pack'),
    annexB('data-template', 'Local SEND Reform Plan – Data template', 'Included in commission pack'),
    annexB('quality-assessment-framework', 'Local SEND Reform Plan Quality Assessment Framework', 'Included in commission pack'),
    annexB('inclusion-partnership-grant', 'Local Inclusion Partnership Grant 2026-27', 'To be published Spring 2026'),
    annexB('eah-guidance', 'Experts at Hand Guidance', 'To be published Spring 2026'),
    annexB('capital-allocations', 'High Needs Capital Allocations 2026-27', 'To be published Spring 2026'),
    annexB('inclusion-bases-guidance', 'Guidance on Inclusion bases', 'To be published Spring 2026'),
  ],
};

/** The two Word comments left open on the reference draft. */
export const reviewComments: PlanInput['reviewComments'] = [
  {
    id: 'nm1',
    section: 'governance',
    itemId: 'health-and-wellbeing-board',
    author: 'Natasha Moody',
    addressedTo: 'Louisa Jones',
    text: '@Louisa Jones I think you have the ToR for this group if so can you help please?',
    status: 'open',
  },
  {
    id: 'nm2',
    section: 'governance',
    itemId: 'workstream-2-commissioning',
    author: 'Natasha Moody',
    addressedTo: 'Jessica Sharma',
    text: '@Jessica Sharma can you add in the details from the Joint Group please',
    status: 'open',
  },
];
