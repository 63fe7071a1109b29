import type { PlanInput } from '../domain/plan.schema';

/**
 * Shropshire's Local SEND Reform Plan (Shropshire Council with the Shropshire, Telford and
 * Wrekin ICB), transcribed from the reference copy: every answer, row, figure and lead.
 * Blanks and "INSERT DOCUMENT UPLOAD LINK" placeholders stay missing (null).
 * Free text: one paragraph a line; "- " starts a bullet.
 */

const lines = (...paragraphs: string[]): string => paragraphs.join('\n');

export const EXAMPLE_SUCCESS_MEASURES = [
  'Independent placement rate (count and % of EHCP cohort)',
  'No. of children supported through mainstream top-ups (with/without a plan)',
  'No. of children supported by EP/SLT/OT without a plan',
  'Average distance / travel time to placement (and % with “excessive travel” threshold)',
  'Timeliness – 20 weeks %',
  'Attendance',
];

const unfilledMeasures = (prefix: string) =>
  EXAMPLE_SUCCESS_MEASURES.map((name, i) => ({ id: `${prefix}-measure-${i + 1}`, name, baseline: null, target: null }));

export const header: PlanInput['header'] = {
  localAuthority: 'Shropshire',
  integratedCareBoard: 'Shropshire, Telford and Wrekin',
  sroName: 'Natasha Moody',
  // The DfE's local authority number for Shropshire, carried on every row of the data return.
  laCode: '893',
};

const signatory = (role: PlanInput['signatories'][number]['role'], name: string) => ({
  id: role,
  role,
  roleTitle: null,
  name,
  email: null,
  signature: null,
  signedOn: null,
});

export const signatories: PlanInput['signatories'] = [
  signatory('la-chief-executive', 'Tanya Miles'),
  signatory('icb-chief-executive', 'Simon Whitehouse'),
  signatory('director-of-childrens-services', 'David Shaw'),
  signatory('icb-place-director', 'Vanessa Whatley'),
  signatory('la-chief-finance-officer', 'Duncan Whitfield'),
];

export const executiveSummary: PlanInput['executiveSummary'] = {
  changeStory: lines(
    `Shropshire's SEND system serves a large rural county with dispersed communities and rising complexity of need. We are resetting governance, quality assurance and delivery discipline, but start from uneven inclusive practice, stretched specialist capacity (EP, SALT, OT and mental health), EHCP timeliness that has required recovery, and continued reliance on independent and out-of-area placements that increases travel and cost. Over the next three years we will move from reactive escalation to early, local and consistent support so more children and young people thrive in their local early years setting, school or college, with more local specialist provision for those who need it.`,
    `In 2026–27 we will embed Ordinarily Available Inclusive Practice (OAIP) and the graduated response through action research, a Shropshire Inclusion Quality Mark and a digital Local Inclusion Support Offer (LISO) with "human navigators". Over three years we will standardise thresholds and pathways across localities and align education, health and care around a single delivery plan and dashboard. Success will be seen in stronger OAIP implementation, improved SEND attendance and reduced exclusions, fewer children with SEN not in education/EHE linked to unmet need, and better family experience of finding and accessing support.`,
    `We will build confidence through targeted CPD, SENCO/practitioner networks, coaching and supervision. We will mobilise an Experts at Hand Offer (EAHO) using a mixed model: recruiting internal LA specialists to build LA-led capacity while commissioning the ICB and special schools to deliver defined elements at pace. Oversight and quality assurance of EAHO will be led by the EQA team. We will track EAH reach and timeliness (coverage by phase/locality; time to triage/first contact; % de-escalated) and early impacts such as fewer repeat escalations and avoidable EHCP requests.`,
    `We will embed co-production with the Parent Carer Forum, extend the reach of our co-production beyond the designated PCF to engage with other groups parent carers and establish a representative children and young people's forum, with visible "you said, we did" feedback. We will improve statutory processes by sustaining EHCP recovery into business-as-usual performance, securing timely multi-agency advice, improving annual reviews and transitions, and using routine QA sampling to raise quality. Confidence will be evidenced through improved satisfaction, fewer complaints/disputes and clearer pathways.`,
    `Our approach is "local first" and invest-to-save: grow mainstream capacity (including inclusion bases), strengthen contracting and unit-cost insight, and reduce reliance on high-cost independent and out-of-area placements and excessive travel. We will track placement mix, travel distance/time, placement suitability and cost avoidance/savings, expecting year-one investment to outpace savings but forecasting improved cost avoidance and reduced growth in independent placements in years two and three as local capacity and earlier intervention embed.`,
    `Current performance is mixed: EHCP timeliness is improving but not yet consistent; OAIP implementation varies; health advice and therapy capacity constrains timely support; and independent placement reliance remains a key pressure. Our forecast is year-on-year improvement across the headline measures, supported by quarterly milestones, a single dashboard and routine review through QAG and the Partnership Board. Qualitatively, families and settings will experience clearer routes, faster access to advice, more consistent inclusive practice, fewer crisis points and more children supported close to home.`,
  ),
};

export const visionAndGoals: PlanInput['visionAndGoals'] = {
  vision: `“Shropshire children and young people with SEND to be healthy, happy and safe, and able to achieve their potential to lead a fulfilling life. We want them to have, and to expect, the same opportunities in life as other children and young people. We want them to thrive and live their best life.”`,
  goalsIntro: 'Progress will be aligned with the Shropshire Outcomes Framework and will focus on:',
  goals: [
    {
      id: 'goal-outcomes',
      title: 'Improving outcomes for children and young people with SEND (0–25).',
      description:
        'Increase the proportion of children thriving in local mainstream provision by strengthening early intervention, embedding ordinarily available provision through the Local Inclusion Support Offer, and expanding local capacity (including Inclusion Bases and adjusting the geographical distribution of some specialist provision).',
      tracked: 'attainment/progress measures, attendance, exclusions, destinations, and timeliness of statutory processes and key health input.',
      themes: ['outcomes'],
    },
    {
      id: 'goal-confidence',
      title: 'Increasing confidence and lived experience of parents, carers and young people.',
      description:
        'Embed meaningful co-production across the partnership—building on strong parent carer engagement and strengthening child and young person voice—so families see consistent ‘you said, we did’ improvements.',
      tracked: 'satisfaction/experience feedback, complaints themes and resolution times, participation levels (including under-represented groups), and evidence of changes made as a result.',
      themes: ['confidence'],
    },
    {
      id: 'goal-finance',
      title: 'Securing value for money and long-term financial sustainability.',
      description:
        'Shift from reactive spend to planned, invest-to-save commissioning by growing local provision, reducing reliance on independent placements and excessive travel, and improving understanding of unit costs across the continuum.',
      tracked: 'spend against budget, placement mix, cost per place/episode, forecast variance, and reinvestment into prevention and workforce capacity.',
      themes: ['finance'],
    },
  ],
};

export const threeYearPicture: PlanInput['threeYearPicture'] = {
  narrative: `We have a robust understanding of need across Shropshire and we want to build upon this by creating a systematic understanding of locality needs to help us develop a consistent, accessible and differentiated approach which helps us maximise the impact on children’s outcomes. Our ‘experts at hand’ model will build a core offer within year 1 and by year 3 will have tailored the offer to local needs using data (e.g. service demand, localised needs and harms analysis, outcomes data and specialist staff reporting), evidencing improved outcomes which demonstrate improved inclusive education. The plan supports local sufficiency through place planning, capital investment and smarter commissioning, with a focus on reducing reliance on high-cost independent and out-of-area placements and improving value for money.`,
  blueprint: [
    {
      id: 'blueprint-inclusion',
      kind: 'building-block',
      buildingBlock: 'inclusion-in-settings',
      whereWeAre: `Inclusion in Shropshire is improving but remains uneven, and a shared approach to SEND Support and ordinarily available provision (OAP) is not yet applied consistently. Targeted initiatives—including the Inclusion Pathway, practitioner panels, the Graduated Support Pathway, early years advice and SENCO networks—are helping some settings embed inclusive practice and build confidence. However, inconsistent practice, occasional over-reliance on diagnosis and variable mainstream capacity continue to drive escalation, increasing reliance on specialist placements and long-term alternative provision and weakening reintegration. Education engagement is growing but not yet broad. Immediate priorities are to embed OAP expectations, strengthen quality-first teaching and internal capacity, and improve statutory processes and transitions.`,
      whereWeWillBe: `Shropshire’s ambition is that inclusion is the norm in every early years setting, school and college, enabling children and young people with additional needs to learn, belong and thrive locally wherever appropriate. A shared countywide model will embed ordinarily available provision and the graduated response through a clear tiered approach so support is provided early without over-reliance on diagnosis. Children needing adjustments will have outcomes-focused support plans that families can understand, backed by a locality-based multidisciplinary team that works across education, health and care and wraps around settings. Stronger inclusive practice and reintegration will reduce escalation, long-term alternative provision and high-cost placements, improving attainment, attendance and belonging.`,
    },
    {
      id: 'blueprint-specialist',
      kind: 'building-block',
      buildingBlock: 'specialist-support',
      whereWeAre: `Demand for specialist support and placements in Shropshire remains high, with reliance on independent/non-maintained provision and some long-term alternative provision as mainstream capacity and consistency drive escalation. The SEND sufficiency programme, stronger place planning and additional EHCP case officers are improving oversight, scrutinising commissioned placements and enabling some moves into local maintained provision. Settings can access specialist challenge through routes such as the Inclusion Pathway, practitioner panels, graduated support and SENCO networks, but provision is variable and constrained by limited internal specialist capacity and affordability. Workforce gaps in Educational Psychology and health services, especially SALT/OT and SEND mental health, increase waits and uneven support. Priorities are growing local capacity, strengthening early intervention, and embedding joint commissioning and cost sharing.`,
      whereWeWillBe: `Shropshire's focus will be on delivering support locally and earlier. A "local first, close to home" approach expands mainstream support, inclusion bases and local specialist/AP to reduce out-of-area and high-cost placements. An "Experts at Hand" multidisciplinary offer (EP, SALT, OT, specialist teachers and mental health) provides timely input without escalation and will facilitate earlier identification by upskilling mainstream staff through coaching, modelling and shared tools so needs are recognised and responded to at the earliest point. All settings will receive a core Experts at Hand offer, with any additional capacity agreed and targeted within localities based on need and demand, facilitated by Inclusion Advisory Teachers who coordinate access, provide coaching and signpost to the wider multidisciplinary support. Alongside this, the EAHO will provide enhanced targeted support to a countywide network of inclusion bases, using outreach, coaching and shared practice development to upskill staff and build their capacity to meet a wider range of needs in mainstream schools close to children and young people's homes. Clear pathways and consistent thresholds make decisions transparent and fair. Specialist/AP placements are targeted and time-limited, with stronger reintegration and shared transition responsibility. Aligned place planning and smarter commissioning improve unit-cost insight and cost-sharing, supporting better attendance, wellbeing and outcomes.`,
    },
    {
      id: 'blueprint-leadership',
      kind: 'building-block',
      buildingBlock: 'leadership-and-co-production',
      whereWeAre: `SEND/AP leadership and partnership in Shropshire are improving through governance redesign, stronger relationships and growing engagement, supported by corporate and political commitment, workstreams and joint learning. Co-production with parent carers has strengthened via the Parent Carer Forum and PINS, but it is not yet systematic across education, health and care, and children and young people's voice lacks a consistent mechanism (such as a standing CYP forum) and clear "you said, we did" feedback loops. Education involvement is uneven and early years and school-to-school networking remain underdeveloped; health engagement is constrained by capacity and ICB change. Mediation is effective: Jan–Mar 2026 closed 42 referrals, 33 mediated, 80%+ agreement. Priorities are stabilising governance, one delivery plan and dashboard, embedding co-production and broadening engagement.`,
      whereWeWillBe: `Shropshire's SEND/AP enablers are clear governance, shared priorities and coordinated delivery. Stable, trusted governance supports timely decisions, escalation and accountability. Partners work to one time-bound plan, tracked through a single outcomes dashboard used to drive improvement. Place-based collaboration connects education, health, social care and the voluntary sector to strengthen prevention and early intervention. Co-production becomes routine through inclusive parent-carer and CYP participation, including a representative CYP Forum and a clear digital offer explaining support and routes to help. We will commit to providing a "human navigator" role for both parent carers and settings so that information, advice and next steps can be accessed quickly and easily, in ways that meet the needs of the user (including accessible formats and supported conversations where needed). Joint commissioning wraps multidisciplinary support around children and settings, while earlier resolution reduces mediation and appeals. Success is measured in improved experience, belonging, attendance and progress.`,
    },
    {
      id: 'blueprint-culture',
      kind: 'building-block',
      buildingBlock: 'inclusive-culture',
      whereWeAre: `Inclusive culture is strong in some Shropshire schools and services but remains inconsistent systemwide, leading to variable family experiences and reduced confidence in mainstream inclusion where expectations and thresholds are unclear. Targeted improvement activity—such as the Inclusion Pathway, integrated panels, graduated support, early years advice forums, SENCO networks and quality assurance challenge—is promoting shared learning and more consistent professional dialogue. However, practice can still depend too heavily on diagnosis, with uneven confidence in delivering SEND Support and variable fair access, turnaround and reintegration. Workforce pressures limit spread. Immediate priorities are clear shared expectations, embedded ordinarily available provision and tiered support, stronger school-to-school learning, consistent QA and co-produced feedback loops.`,
      whereWeWillBe: `Shropshire aims for a culture of belonging in every setting, where inclusion is everyone's responsibility and children and young people with SEND feel safe and valued. Staff across phases consistently use evidence-informed, neuroaffirming approaches, making high-quality universal provision and reasonable adjustments routine. Shared language around ordinarily available provision and the graduated response should give families predictable support without needing diagnosis. A confident mainstream response will mean earlier help, fewer exclusions, reduced reliance on long-term AP and specialist placements, and stronger fair access and reintegration. Workforce development will focus on coaching, supervision, peer networks and "experts at hand" support, improving attendance, wellbeing and outcomes.`,
    },
    {
      id: 'blueprint-enablers',
      kind: 'enablers',
      buildingBlock: null,
      whereWeAre: `Shropshire has several strong enablers for SEND improvement. Established co-production infrastructure—through an active Parent Carer Forum, PINS, a co-production framework and SENDIASS insight—supports priorities shaped by lived experience. Senior corporate and political commitment, alongside a governance reset and board co-chairing, is improving clarity, pace and accountability. Practical multi-agency routes (Inclusion Pathway, practitioner panels, graduated support pathway, early years forum and EHCNA panel input) strengthen navigation and joint decision-making. Quality assurance and supportive challenge provide leverage for consistency. A stronger evidence base (SEND JSNA, performance data, audits) supports outcomes-led management, while professional learning networks, workforce innovation and sufficiency/resource oversight help shift toward sustainable local provision and better value.`,
      whereWeWillBe: `Shropshire’s key enablers are already in place to accelerate SEND/AP improvement. Strong co-production foundations (Parent Carer Forum, PINS, co-production framework and SENDIASS insight) will be strengthened by establishing a sustainable, accessible Children and Young People (CYP) voice, such as a representative CYP Forum linked into governance with clear “you said, we did” feedback. Governance and leadership momentum—through SEND/AP redesign, leadership stability, elected member engagement and board co-chairing—supports faster, clearer accountability. Existing multi-agency pathways and panels provide a scalable delivery engine. Quality assurance and supportive challenge (including EQA) can drive consistency. A robust analytical base (SEND JSNA, data and a single dashboard) enables outcomes-led tracking, alongside workforce and inclusion practice networks and emerging innovation to support sufficiency and smarter commissioning.`,
    },
  ],
  successMeasures: unfilledMeasures('q2'),
  documents: [
    { id: 'q2-send-ap-strategy', purpose: null, title: 'shropshire-send-and-ap-strategy-2024-2029-final.pdf', url: null },
    { id: 'q2-outcomes-framework', purpose: null, title: 'shropshire-send-and-ap-outcomes-framework-2025-final.pdf', url: null },
  ],
};

export const theoryOfChange: PlanInput['theoryOfChange'] = {
  vision: lines(
    `“We want Shropshire children and young people with SEND to be healthy, happy and safe, and able to achieve their potential to lead a fulfilling life. We want them to have, and to expect, the same opportunities in life as other children and young people. We want them to thrive and live their best life.”`,
    `The local area’s expectation is for our six outcomes to be embedded across all parts of the local SEND and AP system:`,
    '- My Voice is Heard',
    '- I am supported',
    '- I am achieving',
    '- I feel safe',
    '- I am healthy and happy',
    '- I have independence',
    `Each individual child or young person with SEND will have a plan to support them in achieving the best possible outcomes. Organisations supporting them will have a strategic plan on how they will enable the outcomes for all children and young people with SEND.`,
  ),
  inputs: [
    'Clear partnership governance, leadership and delivery',
    'Robust monitoring of KPIs, Lived Experience, Practice and Management Oversight.',
    'Transformation Grant',
    'Shared Practice Standards',
    'Staffing time and capacity',
    'Co-Production Framework',
  ],
  activities: [
    "Develop an accessible digital offer for all stakeholders, complimented by 'human navigators'",
    'Embedding OAIP across all settings: use of action research and development of best practice examples and case studies.',
    'Develop and embed Shropshire Inclusion Quality Mark to develop understanding of what good looks like',
    'Developing a CPD offer that meets identified local needs',
    'Developing specialist capacity (internal and commissioned) through the EAH offer and development of locality based Assistive Technology lending libraries',
    'Further embed co-production through engaging with a wide range Parent Carer groups and developing CYP voice across the 0-25 range.',
    'Develop tighter sufficiency planning',
    'Develop SEND aspects of communication strategy with a clear focus on closing feedback loops (you said, we did)',
    'Rapidly address EHCP and Annual Review timeliness and quality issues',
  ],
  outputs: [
    'Workforce Development Plan',
    'Joint Commissioning Strategy',
    'Sufficiency Strategy',
    'Delivery Plan',
    'Outcomes Plan with aligned KPI reporting',
    'Experts at Hand Offer',
    'Multi Agency Audits',
    'OAP Standards Published',
    'Improved visibility of the cost of provision.',
    "CYP 'Forum'",
    "Accessible digital platform with 'human navigators'",
    'Established and accessible CPD offer',
  ],
  outcomes: [
    'More settings provide inclusive provision',
    "More children's needs are met earlier",
    'Settings benefit from multi disciplinary support to meet the needs of children.',
    'Increased confidence across the workforce.',
    'Local provision for local children',
    'Reduced costs of provision',
    'Improved performance',
    'Improved consistency of practice leading to improved outcomes',
    'Improved quality of support',
    'Parent carers and other stakeholders are able to find information and access support more easily – evidence of this',
    'The voice of CYP is clearly heard and acted upon',
    'Reduced transport costs',
  ],
};

export const maturityAssessment: PlanInput['maturityAssessment'] = {
  documents: [{ id: 'q4-maturity-assessment', purpose: 'Completed Local Partnership Maturity Assessment Tool', title: null, url: null }],
};

export { unfilledMeasures, lines };
