import type { PlanInput } from '../domain/plan.schema';
import { lines, unfilledMeasures } from './demo-plan.part1';

export const roadmap: PlanInput['roadmap'] = {
  years: ['2026/27', '2027/28', '2028/29'],
  rows: [
    {
      id: 'roadmap-inclusion',
      kind: 'building-block',
      buildingBlock: 'inclusion-in-settings',
      outcomes: [
        'OAP expectations are embedded consistently across settings, so families experience predictable support.',
        'Quality-first teaching and internal specialist capacity are strengthened, improving early identification and response.',
      ],
      year1: lines(
        `Ordinarily Available Inclusive Practice (OAIP): complete action research with settings and publish refreshed materials with clear expectations and examples (early years–post 16).`,
        `Quality and consistency: agree LA Inclusion ‘quality mark’ that builds on our Outcomes Framework (what good looks like) and launch a light-touch cycle (audit/peer review/feedback) across pilot settings.`,
        `Digital offer: develop a first iteration of an accessible digital LISO hub (templates, exemplars, signposting, short videos).`,
        `Workforce / CPD: strengthen the CPD offer (blend national DfE content with local priorities) and expand SENCO networks and phase-specific communities of practice.`,
        `“Experts at Hand” (EAH) design: design and recruit to an initial multi-disciplinary wraparound model; agree eligibility, response times and evaluation approach.`,
      ),
      year2: lines(
        `OAIP embedded at scale: refresh and renew OAIP materials and evidence consistent use across all settings (including phase-specific exemplars and reasonable adjustments).`,
        `EAH expansion: expand the EAH model based on year 1 evaluation (coverage across localities/phases; clearer routes from universal to targeted support).`,
        `Assistive Technology Lending Library: develop locality based libraries for settings to access technology`,
        `Strengthen reintegration and fair access: implement consistent turnaround/reintegration expectations and support packages to reduce long-term AP drift.`,
      ),
      year3: lines(
        `Align OAIP to National Inclusion Standards (anticipated 2029): update local standards/LISO to reflect national expectations and codify “inclusion by default”. Develop local Inclusion QA tool to support schools and EQAs in evaluating inclusive practice.`,
        `Sustained inclusive practice: demonstrate consistent QA outcomes and a mature peer-learning model across settings.`,
        `Impact on outcomes: evidence improved belonging/attendance, reduced exclusions, reduced long-term AP, and reduced reliance on specialist placements where avoidable.`,
        `Assistive Technology Lending Library: host assistive technology information and advice sessions for families within localities`,
      ),
    },
    {
      id: 'roadmap-statutory',
      kind: 'building-block',
      buildingBlock: 'inclusion-in-settings',
      outcomes: ['Statutory processes and transitions are timely and well coordinated, reducing delays and improving continuity of provision.'],
      year1: lines(
        `Recovery mobilisation; accurate case tracking; surge capacity fully productive; QA embedded early`,
        `Aged cases removed at pace (no 30–52+ weeks by July; no 21+ weeks by Sept) and throughput sustained. Shift from “project mode” to controlled BAU; quality holds at good+ with 100% QA.`,
        `End-year stabilisation at "good" benchmark (60% timeliness) with backlog controlled and drift prevented.`,
      ),
      year2: lines(
        `Right-first-time evidence; reduced rework; grip on partner advice timescales`,
        `Annual Review flow stable (triage reduces unnecessary amendments); performance discipline holds. BAU resilience proven during peak periods; drift remains low.`,
        `End-year sustain at 80% timeliness while absorbing growth at a rate of 10 per month.`,
      ),
      year3: lines(
        `Continuous improvement cycles reduce repeat delay causes; QA learning loop operating.`,
        `Workflow optimisation reduces admin drag; escalation rules prevent “stuck” cases. High performance achieved and held; evidence of system grip.`,
        `Sustained ≥90% at year-end with stable operating model and low drift.`,
      ),
    },
    {
      id: 'roadmap-specialist',
      kind: 'building-block',
      buildingBlock: 'specialist-support',
      outcomes: [
        'Local capacity increases, enabling more children and young people to be supported close to home.',
        'Earlier intervention becomes the norm, reducing escalation in need and demand for high-cost provision.',
        'Joint commissioning and cost sharing are embedded, improving value for money and access to timely support.',
      ],
      year1: lines(
        `Local sufficiency and place planning refresh: refine sufficiency forecasting and place planning cycle (Place Planning Board/SCAP), publish a transparent plan and decision principles (co-produced).`,
        `Pathways/thresholds: map and simplify routes to specialist advice and placements (including AP and reintegration), making thresholds and timescales clear for families and settings.`,
        `EAH and APST mobilisation: stand up initial EAH and APST multi-disciplinary offer (EP/therapy/specialist teacher/MH input) focused on preventing escalation.`,
        `Commissioning levers: strengthen contracting and challenge on INMSS placements; improve unit cost understanding and joint cost-sharing conversations with health.`,
      ),
      year2: lines(
        `Local-first delivery: commission/expand local provision (mainstream with support, hubs/bases, local specialist/AP) in line with the sufficiency plan; reduce out-of-area placements where avoidable.`,
        `Consistent decision-making: implement and quality assure consistent thresholds and panel decisions; publish guidance and case studies so families understand pathways.`,
        `EAH expansion: broaden EAH coverage and embed multi-disciplinary input into settings, with clear escalation/de-escalation steps.`,
        `APST expansion dependent on feedback from Y1`,
        `Smarter commissioning: embed joint commissioning and cost-sharing arrangements; use unit cost data to support invest-to-save decisions.`,
      ),
      year3: lines(
        `Sustained local sufficiency: majority of CYP supported close to home with clear, equitable access to local mainstream, hubs/bases and specialist/AP where needed.`,
        `Specialist input wrapped around mainstream: EAH-style offer operates as business-as-usual and is routinely used to prevent escalation.`,
        `Value for money and reinvestment: evidence that reduced high-cost placements and smarter commissioning releases resource to prevention and workforce capacity.`,
      ),
    },
    {
      id: 'roadmap-leadership',
      kind: 'building-block',
      buildingBlock: 'leadership-and-co-production',
      outcomes: [
        'Governance is stable and clear, enabling timely decisions, escalation and accountability.',
        'Partners deliver a single, prioritised plan tracked through a shared performance dashboard that drives improvement.',
        'Co-production is embedded consistently across education, health and care, with clear “you said, we did” feedback.',
        'Engagement broadens across early years, mainstream and specialist settings, strengthening collaboration and shared learning.',
      ],
      year1: lines(
        `Governance stabilisation: confirm and publish SEND/AP governance model (roles, reporting lines, escalation routes) and embed a routine performance cycle.`,
        `Single prioritised delivery plan: translate self-evaluation into one measurable plan with owners, milestones and risks.`,
        `Shared dashboard (v1): agree shared measures (outcomes, experience and system flow) and publish a first partnership dashboard (including leading indicators). Co-production embedded: set expectations for co-production in governance/workstreams and implement “you said, we did” reporting.`,
        `CYP Forum established: design, recruit and launch a representative CYP Forum (with safeguarding/ consent and accessible participation routes) and agree how it feeds into boards/workstreams. Work with CYP to understand how they want to access information.`,
      ),
      year2: lines(
        `Governance fully embedded: governance operates consistently across partners and localities; escalation routes and accountability are understood at frontline level.`,
        `Dashboard drives decisions: use shared measures to target support, hold workstreams to account and evidence impact (not just activity).`,
        `Place-based collaboration: implement consistent locality arrangements that reach early years, mainstream, special, AP and post-16 and are not reliant on individuals.`,
        `CYP Forum influence at scale: CYP Forum co-produces and tests communications/pathways, quality assures “you said, we did”, and enables CYP representation into priority boards/task-and-finish groups.`,
        `Development of CYP digital offer (if identified in Y1 as an ask)`,
      ),
      year3: lines(
        `Mature partnership leadership: stable governance and locality collaboration evidenced through improved outcomes, reduced escalation and consistent delivery across the county.`,
        `Co-production as business-as-usual: co-production is systematic and demonstrably shapes strategy, commissioning and service design, with strong “you said, we did” feedback loops.`,
        `CYP Forum sustained: CYP Forum is established, representative and routinely embedded into governance/QA and commissioning decisions; CYP-friendly reporting shows how input changed services.`,
      ),
    },
    {
      id: 'roadmap-culture',
      kind: 'building-block',
      buildingBlock: 'inclusive-culture',
      outcomes: [
        'Shared expectations are clear and applied consistently across the system.',
        'Ordinarily available provision (OAP) is embedded, with tiered support used as intended.',
        'School-to-school learning is stronger and more routine, spreading effective inclusive practice.',
        'Quality assurance is consistent and drives improvement in delivery and outcomes.',
        'Co-produced feedback loops are established, with clear “you said, we did” responses.',
      ],
      year1: lines(
        `Shared inclusion expectations: communicate and reinforce that all settings take responsibility for inclusion; embed a common language for OAP and the graduated response.`,
        `Practice development: develop a coherent workforce offer (coaching, supervision, peer networks) focused on behaviour change and quality-first teaching.`,
        `Peer learning: strengthen school-to-school and cross-phase learning, including early years and post-16.`,
        `Lived experience feedback: use co-production feedback (PCF and emerging CYP voice) to shape inclusion behaviours and trust.`,
      ),
      year2: lines(
        `Culture of belonging at scale: evidence consistent inclusive behaviours across phases and localities; reasonable adjustments become routine rather than exceptional.`,
        `Workforce model embedded: co-produced workforce offer is implemented countywide, supported by “experts at hand” input and QA.`,
        `Reduced escalation: improved early support leads to fewer exclusions and reduced reliance on long-term AP and avoidable specialist moves.`,
      ),
      year3: lines(
        `Sustained inclusive culture: inclusion is evidenced through consistent practice, improved belonging and participation, and a stable workforce approach.`,
        `Improved outcomes: improved progress/attainment, attendance and wellbeing for CYP with SEND, with reduced exclusions and reduced long-term AP.`,
      ),
    },
    {
      id: 'roadmap-enablers',
      kind: 'enablers',
      buildingBlock: null,
      outcomes: [],
      year1: lines(
        `Co-production capacity: formalise co-production infrastructure and mobilise CYP Forum support (link officer, participation budget, comms support).`,
        `Data and insight: build on SEND JSNA to agree the shared dataset and reporting cadence for the dashboard (including lived experience and system flow).`,
        `QA as an engine: align QA activity (incl. EQA) to the delivery plan priorities and implement a consistent learning loop from audits to improvement support.`,
        `Workforce innovation: progress recruitment/retention actions and new roles/models (assistant EP, EAH) to improve coverage.`,
      ),
      year2: lines(
        `Scaled participation and engagement: CYP Forum and PCF involvement is routine across workstreams; seldom-heard participation improves through targeted outreach and adjustments.`,
        `Performance management embedded: dashboard is used consistently by governance and locality partnerships to target improvement and track leading indicators.`,
        `Delivery mechanisms strengthened: multi-agency forums/panels (Inclusion Pathway, IPPs, GSP, EY A&G) operate consistently with agreed standards and QA feedback.`,
        `Workforce model maturing: EAH and specialist capacity stabilise; reliance on agency reduces where possible.`,
      ),
      year3: lines(
        `Sustainable system infrastructure: co-production (including CYP Forum) and QA are embedded as business-as-usual and demonstrably influence commissioning and service design.`,
        `Data-driven improvement: shared measures show sustained progress toward target metrics, with leading indicators used to anticipate pressure and intervene early.`,
        `Workforce resilience: clearer career pathways and stable models improve rural coverage and reduce waiting/variation.`,
        `Reinvestment: efficiencies from reduced high-cost placements are redirected into prevention, early intervention and workforce capacity.`,
      ),
    },
  ],
  // The reference writes this table's measures with straight quotes ("excessive travel"), Q2's with curly ones.
  successMeasures: unfilledMeasures('q5').map((m) => ({ ...m, name: m.name.replace(/[“”]/g, '"') })),
  documents: [{ id: 'q5-eaho-diagram', purpose: 'Add our EAHO diagram once agreed', title: null, url: null }],
};

const milestones = (prefix: string, texts: string[]) => texts.map((text, i) => ({ id: `${prefix}-m${i + 1}`, text }));
const noTrajectory = { text: null, metric: null, target: null, unit: null };
const trajectoryText = (text: string) => ({ text, metric: null, target: null, unit: null });
const timeliness = (target: number) => ({ text: `20 week timescale: ${target}%`, metric: '20 week timescale', target, unit: '%' });

export const deliveryPlan: PlanInput['deliveryPlan'] = {
  crossCuttingFocus: ['Participation and co-production', 'Comms', 'Data'],
  workstreams: [
    {
      id: 'ws-1a',
      code: '1a',
      name: 'Experts at Hand Offer (EAHO) – Year 1 implementation',
      buildingBlocks: ['inclusion-in-settings', 'specialist-support'],
      outcome:
        'EAHO is operational in Year 1 with clear service standards, equitable access and measurable impact, enabling earlier intervention and reducing escalation into statutory processes and high-cost provision.',
      // One line, as the reference writes it: the measures run on, separated by semicolons.
      successMeasures: [
        'coverage (% settings supported by phase/locality); median time to triage and first contact; volume supported and distribution by phase/locality; % cases de-escalated/closed without escalation; satisfaction from settings and families.',
      ],
      lead: 'Sarah Court',
      quarters: {
        Q2: {
          milestones: milestones('ws-1a-q2', [
            'Confirm EAHO and APST operating model and service standards (single triage, thresholds, response times, prioritisation and escalation).',
            'Agree SLA/MOU with ICB (scope, reporting, data-sharing, dispute resolution).',
            'Complete workforce and capacity plan across EP/SaLT/OT/mental health and specialist teacher/adviser roles (incl. commissioned/outreach capacity).',
          ]),
          trajectory: trajectoryText('Service standards agreed; workforce plan baselined; initial capacity confirmed.'),
        },
        Q3: {
          milestones: milestones('ws-1a-q3', [
            'Recruit or secure commissioned capacity for core disciplines; launch partial service where teams are in place.',
            'Publish locality/phase coverage plan and implement equitable access approach, incl. proactive outreach to high-need settings and route for out-of-area FE.',
          ]),
          trajectory: trajectoryText('Partial launch in place; coverage plan live; early KPIs reporting begins (coverage, triage/first contact, distribution).'),
        },
        Q4: {
          milestones: milestones('ws-1a-q4', [
            'Deliver full Year 1 launch across agreed localities/phases.',
            'Embed routine group-based support offers (consultation clinics, workforce training, targeted interventions) and triage to existing pathways where needed.',
            'Agree high-level Years 2–3 scale-up plan by March 2027.',
          ]),
          trajectory: trajectoryText(
            'Full coverage achieved for Year 1; KPIs show improving timeliness and equitable distribution; de-escalation and satisfaction measures reported; Years 2–3 plan agreed.',
          ),
        },
      },
    },
    {
      id: 'ws-1',
      code: '1',
      name: 'Inclusive Practice',
      buildingBlocks: ['inclusion-in-settings', 'inclusive-culture'],
      outcome: 'Consistent, high-quality inclusive practice at SEND Support across all settings, meeting need early and reducing escalation.',
      successMeasures: [
        'CYP with SEN not in Education',
        'CYP with SEN EHE',
        '% of settings implementing OAP/Graduated Response (self-assessment + validation)',
        'Demand signals: repeat requests / unresolved needs at SEND Support',
        'Attendance for SEND cohort (especially SEND Support)',
        'Ratings for ability to navigate LISO (pulse survey / feedback theme)',
      ],
      lead: 'Sarah Court',
      quarters: {
        Q2: {
          milestones: milestones('ws-1-q2', ['Complete action research of OAIP with pilot settings', 'Recruit / identify lead for developing digital navigation system for LISO']),
          trajectory: noTrajectory,
        },
        Q3: {
          milestones: milestones('ws-1-q3', [
            'Review and refine OAIP and co-produce training',
            'Co-produce first draft of Inclusion Quality Mark',
            'Launch basic digital LISO',
          ]),
          trajectory: noTrajectory,
        },
        Q4: {
          milestones: milestones('ws-1-q4', ['OAIP training delivered', 'Pilot Inclusion Quality Mark with identified settings', 'Launch fully fledged digital LISO']),
          trajectory: noTrajectory,
        },
      },
    },
    {
      id: 'ws-2',
      code: '2',
      name: 'Commissioning',
      buildingBlocks: ['specialist-support'],
      outcome:
        'Local-first, sustainable commissioning that grows local provision, reduces high-cost reliance and improves value for money without reducing quality, supported by strengthened early intervention and clear pathways to prevent escalation into specialist and independent placements.',
      successMeasures: [
        'Independent placement rate (count and % of EHCP cohort)',
        'New local capacity delivered vs plan (e.g., Inclusion Bases opened, outreach capacity, specialist places)',
        'Average distance / travel time to placement (and % with "excessive travel" threshold)',
        'Cost avoidance / savings delivered from invest-to-save initiatives (cashable + non-cashable)',
        'Parent/carer experience of placement suitability (pulse survey / feedback theme)',
      ],
      lead: 'Jess Sharma',
      quarters: {
        Q2: {
          // The reference repeats two milestones with different capitals; kept as written.
          milestones: milestones('ws-2-q2', [
            'Strengthen commissioning routes, contracting and unit-cost insight to support early intervention and reduce escalation into high-cost placements (EAHO delivery milestones are set out in Workstream 1a).',
            'Complete sufficiency work with Wakefield LA.',
            'Develop annual QA and feedback survey (led by EQA team, to include parent/carer experience of placement suitability).',
            'Complete Sufficiency work with Wakefield LA',
            'Develop annual QA and feedback survey (led by EQA team, to include Parent carer experience of placement suitability)',
          ]),
          trajectory: noTrajectory,
        },
        Q3: {
          milestones: milestones('ws-2-q3', [
            'Implement commissioning and sufficiency actions from the refreshed plan (including local capacity expansion and market management); align pathways and thresholds for placements and reintegration. (EAHO scale-up activity is covered in Workstream 1a.)',
          ]),
          trajectory: noTrajectory,
        },
        Q4: {
          milestones: milestones('ws-2-q4', [
            'Embed strengthened placement governance and contracting; monitor placement mix, cost and travel and implement repatriation actions where feasible. (EAHO full Year 1 launch is covered in Workstream 1a.)',
          ]),
          trajectory: noTrajectory,
        },
      },
    },
    {
      id: 'ws-3',
      code: '3',
      name: 'EHCP Timeliness',
      buildingBlocks: ['inclusion-in-settings'],
      outcome: 'Timely, high-quality EHCPs and reviews that deliver coordinated support and improved outcomes, with reduced drift and disputes.',
      successMeasures: [],
      lead: 'Annie Williams',
      quarters: {
        Q2: {
          milestones: milestones('ws-3-q2', [
            'Recovery mobilisation; accurate case tracking; surge capacity fully productive; QA embedded early',
            'Aged cases removed at pace (no 30-52+ weeks by July; no 21+ weeks by Sept) and throughput sustained.',
          ]),
          trajectory: timeliness(40),
        },
        Q3: {
          milestones: milestones('ws-3-q3', ['Shift from "project mode" to controlled BAU; quality holds at good+ with 100% QA.']),
          trajectory: timeliness(50),
        },
        Q4: {
          milestones: milestones('ws-3-q4', ['End-year stabilisation at "good" benchmark with backlog controlled and drift prevented.']),
          trajectory: timeliness(60),
        },
      },
    },
  ],
  fundingSources: [
    { id: 'transformation', name: 'Transformation Funding' },
    { id: 'eah', name: 'EAH funding' },
  ],
  // Amounts in pence.
  spend: [
    {
      id: 'spend-oversight',
      category: 'Programme oversight/additional leadership capacity.',
      amounts: {
        Q2: { transformation: 5_500_000, eah: 0 },
        Q3: { transformation: 2_750_000, eah: 0 },
        Q4: { transformation: 2_750_000, eah: 0 },
      },
    },
    {
      id: 'spend-workforce',
      category: 'Workforce – EAHO mixed delivery model: internal recruitment (LA led) and commissioning(ICB and special schools)',
      amounts: {
        Q2: { transformation: 0, eah: 0 },
        Q3: { transformation: 0, eah: 40_000_000 },
        Q4: { transformation: 0, eah: 60_000_000 },
      },
    },
    {
      id: 'spend-data',
      category: 'Data: system integration',
      amounts: {
        Q2: { transformation: 5_000_000, eah: 0 },
        Q3: { transformation: 0, eah: 0 },
        Q4: { transformation: 0, eah: 0 },
      },
    },
    {
      id: 'spend-digital',
      category: 'Digital: development of digital navigation tool (workforce)',
      amounts: {
        Q2: { transformation: 0, eah: 0 },
        Q3: { transformation: 1_625_000, eah: 0 },
        Q4: { transformation: 1_625_000, eah: 0 },
      },
    },
  ],
  documents: [{ id: 'q6-workforce-plan', purpose: 'include our fully costed workforce plan once agreed', title: null, url: null }],
};

export const deliveryCapacity: PlanInput['deliveryCapacity'] = {
  narrative: lines(
    `We will deliver the 2026–27 plan as one partnership programme led by the local authority, with a named LA SRO, clear workstream leads and PMO support for planning, risks and reporting. We will mobilise the Experts at Hand Offer (EAHO) through a mixed model: LA recruitment to build sustainable specialist teacher/adviser, EP and specialist practitioner model with coordination capacity; ICB-commissioned provider delivery for health disciplines (e.g., SaLT and OT) to scale quickly; and commissioned outreach from high-quality specialist and alternative provision providers to strengthen mainstream capability and reintegration. The model will deliver a core offer to all settings in Y1 with an upscaled offer in Y2-3 using needs-based data. Ongoing evaluation and monitoring of impact through engagement with stakeholders from across the Partnership will also inform how the model is scaled up and enhanced in Y2-3.`,
    `Alongside developing mainstream capacity and expertise, we will develop our sufficiency and place planning approaches and use a range of data to strategically plan additional or relocated specialist places (in both Specialist Bases and Special Schools) where needed to provide more localised provision and reduce travel times.`,
    `Performance will be assured via KPIs (coverage by phase/locality; time to triage/first contact; distribution supported; de-escalation; satisfaction), with quarterly Partnership Board review and monthly QAG oversight. Year 1: Q2 confirm service standards and the workforce/capacity plan; Q3 secure capacity and run a partial launch with published locality/phase coverage; Q4 full launch with group clinics, training and targeted interventions, plus triage into existing routes (Inclusion Pathway, panels, graduated support and early years advice).`,
    `Access will be via locality allocation, proactive outreach and an explicit route for out-of-area FE. Commissioning will refresh place planning, contracting and unit-cost insight and recommission AP to the 3-tier/APST model; if capacity is constrained we will contract locally, partner regionally or share expertise, with actions agreed at pace.`,
  ),
};

export const otherFunding: PlanInput['otherFunding'] = {
  blockTransfer: {
    made: true,
    percentage: 0.5,
    amountPence: 116_524_400,
    narrative: lines(
      `In 2026/27, Schools Forum agreed to transfer 0.5% of the Schools Block to the High Needs Block (£1,165,244) to help manage rising demand and cost pressures in the High Needs system. The transfer will support delivery of the SEND and alternative provision reforms by strengthening inclusion and early intervention in mainstream settings, reducing reliance on statutory processes where needs can be met earlier, and improving consistency of support across schools. Funding will be used to sustain and scale targeted programmes that align with reform priorities, including:`,
      `- (1) Step Into School funding to provide timely, short-term support for children and young people at key transition points or where an Education, Health and Care Plan (EHCP) is not appropriate or is still being assessed;`,
      `- (2) Inclusion Development Grants to build school capacity, develop inclusive practice and workforce skills, and implement evidence-informed approaches that improve outcomes for pupils with SEND;`,
      `- (3) Graduated Support Pathway (GSP) funding to embed a consistent “assess, plan, do, review” approach, enabling earlier identification of need, more effective interventions, and clearer routes into specialist support when required.`,
      `Together, these investments are intended to moderate demand for EHCP assessments and specialist placements over time, while ensuring pupils' needs are met in the right place at the right time.`,
    ),
  },
  capital: {
    newProvisions: 13,
    additionalPlaces: 358,
    strategy: lines(
      `**High Needs Capital Strategy (2026–2030)**`,
      `High needs capital funding will be deployed to enable local sufficiency and support the DSG recovery strategy, with inclusion the default expectation across the 0–25 system. Decisions will be informed by demand forecasting and aligned to SEND and alternative provision (AP) reforms and the core minimum requirements, so that investment improves outcomes and long-term financial sustainability.`,
      `**Delivery of new inclusive capacity**`,
      `Capital investment will deliver **13 new inclusion provisions**, creating **358 additional local places** for children and young people with SEND. Provision is phased to strengthen early intervention, support progression, and sustain inclusion across the system:`,
      `- **Early years and primary:** new and expanded inclusion bases focused on communication and interaction, and cognition and learning, to strengthen early support and reduce escalation.`,
      `- **Secondary:** inclusion bases designed for SEMH and mixed-needs cohorts to improve attendance, engagement and retention in mainstream.`,
      `- **Post-16:** specialist inclusion provision within colleges to support transition to adulthood, independence and preparation for employment.`,
      `Settings have been identified through place-planning to address geographic gaps, reduce travel distances and respond to patterns of need. Delivery will be progressed with maintained schools, academies, colleges and trusts to ensure provision is clearly defined, sustainable and integrated in mainstream environments. Once implemented, every child or young person who requires an inclusion base place will be able to access one locally.`,
      `**Link to DSG recovery**`,
      `Expanding inclusive capacity is central to the DSG recovery trajectory. Increasing mainstream and inclusion-based provision will reduce reliance on high-cost independent and non-maintained placements, improve local sufficiency and support more efficient use of high needs funding over time.`,
      `**Improving the suitability of the mainstream estate**`,
      `Capital funding will also support targeted adaptations to improve accessibility and inclusivity in mainstream settings, including environmental adjustments, sensory and therapy-ready spaces, reconfigured accommodation, and assistive technology to strengthen inclusive practice and reduce escalation to specialist provision.`,
      `**Specialist provision at Ludlow (South) and Oswestry (North)**`,
      `Where needs cannot be met through inclusion bases or mainstream adaptations, specialist provision remains necessary. In Ludlow, wider capital and sufficiency work is creating the conditions for a future **special school**, responding to sustained demand while maintaining a balanced system that prioritises inclusion. In Oswestry, we are scoping a new special school satellite provision on the site of an all-through mainstream school, providing a mix of mainstream, inclusion base and specialist satellite provision in one place.`,
      `**Alignment with system reform**`,
      `Where capital replaces previously planned special or AP free schools, funding will be redirected to flexible, locally responsive solutions that better meet identified need and support long-term DSG sustainability. Inclusion Base and Special/Satellite School developments represent LA and MAT partnership working`,
    ),
  },
};

export const engagement: PlanInput['engagement'] = {
  narrative: lines(
    `The local area partnership has adopted a collaborative and transparent approach to engaging system partners and stakeholders in the co-production of this plan and its implementation. Our engagement approach explicitly covers: early years providers; mainstream and specialist schools; multi-academy trusts (MATs); alternative provision; further education and post-16 providers (including out-of-area mainstream colleges attended by Shropshire young people); health providers and the Integrated Care Board; Parent Carer Forum and wider parent/carer community (including seldom-heard groups); SENDIASS; and children and young people with SEND (distinct from parent voice). We have aligned engagement to the core minimum requirements and to changing roles and responsibilities described in the Schools White Paper, including expectations on mainstream settings to strengthen ordinarily available provision, participate in group-based support models, and share accountability for inclusion outcomes.`,
    `A key milestone in this process was the White Paper round table event, which brought together education leaders, local authority representatives, health partners, and parent carer forum leaders. This event provided a structured forum for open discussion on the implications of the Schools White Paper, the evolving roles and responsibilities of schools and system partners, and the practical steps required to manage a smooth transition towards a more inclusive system. Insights generated at the round table directly informed the development of the maturity matrix, establishing a shared understanding of current strengths, gaps, and priorities for improvement across the area.`,
    `To capture a wider range of experiences, the partnership facilitated a series of focus groups spanning mainstream schools, early years settings, alternative provision, and further education/post-16 providers. These sessions enabled participants to share real-life examples of good practice, challenges faced in delivering inclusive support, and suggestions for how the new reforms could be implemented most effectively. Importantly, these focus groups included providers attended by young people who live outside the local area, ensuring regional coherence and mutual learning.`,
    `In addition, surveys were distributed to all educational settings and to parents and carers of children and young people with SEND. The surveys were designed to gather feedback on the core minimum requirements, as well as to test the feasibility and perceived impact of proposed reforms. Responses from these surveys have been systematically analysed and used to shape both the content and the delivery approach of the reform plan, with key themes and recommendations feeding into partnership-wide planning sessions and subsequent iterations of the maturity matrix.`,
    `The partnership's approach reflects a clear commitment to the principles set out in the Schools White Paper, particularly around strengthening collaboration, clarifying roles and responsibilities, and embedding a culture of continuous improvement. By engaging a broad spectrum of stakeholders – including schools, early years providers, alternative and specialist settings, FE and post-16 institutions, and parent carers – the partnership has ensured that the SEND reform plan is both ambitious and grounded in practice. Collaborative working groups have been established to co-produce solutions to identified challenges, and joint training sessions have supported a shared understanding of the core minimum requirements.`,
    `It is recognised that direct co-production with children and young people with SEND remains an area for development. While some engagement has taken place through existing participation forums, the partnership acknowledges that more systematic and meaningful involvement is needed. As such, strengthening the voice and influence of children and young people will be a key priority in year 1 of the reform plan. Plans are in place to establish a new youth advisory group, co-design accessible engagement materials, and create regular feedback loops so that young people's experiences and aspirations directly shape the ongoing evolution of the plan.`,
    `In summary, the partnership has demonstrated a strong commitment to inclusive engagement and co-production, drawing on a variety of methods to involve system partners and stakeholders at every stage. As the reforms move into implementation, continuous engagement – particularly with children and young people – will remain central to ensuring that the SEND system evolves in a way that is responsive, effective, and sustainable for all. The newly recently developed communications plan across Children’s Services sets out the approach for effective, coordinated communication across the Children’s Transformation Programme, including SEND. Clear, consistent and timely communication is essential to support delivery, build shared understanding of the programme’s purpose and priorities, and ensure stakeholders are informed, engaged and able to contribute effectively. The communications plan provides a framework to ensure communication activity is aligned, coherent and proportionate across the whole programme.`,
  ),
};
