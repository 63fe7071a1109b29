/**
 * The 41 core minimum requirements from the March 2026 guidance, in its order. The plan
 * records an assessment per id; the wording lives here so every partnership checks against
 * the same text.
 */
export const REQUIREMENT_GROUPS = [
  { id: 'eah', name: 'Experts at Hand offer' },
  { id: 'sufficiency', name: 'Sufficiency and place planning' },
  { id: 'universal', name: 'Effective practice – universal offer' },
  { id: 'early-years', name: 'Early years' },
  { id: 'post-16', name: 'Post-16' },
  { id: 'partnerships', name: 'Effective partnerships' },
  { id: 'co-production', name: 'Effective co-production practices' },
  { id: 'mediation', name: 'Mediation' },
] as const;

export type RequirementGroupId = (typeof REQUIREMENT_GROUPS)[number]['id'];

export interface CoreRequirement {
  readonly id: string;
  readonly group: RequirementGroupId;
  readonly text: string;
}

const group = (id: RequirementGroupId, texts: string[]): CoreRequirement[] =>
  texts.map((text, i) => ({ id: `${id}-${i + 1}`, group: id, text }));

export const CORE_REQUIREMENTS: readonly CoreRequirement[] = [
  ...group('eah', [
    'The delivery approach for the Experts at Hand offer and why it is optimal for the local area (LA-led, contracted to the ICB, with another area or an external partner; the role of Best Start Family Hubs; the partnership vehicle such as an SLA or MOU and how performance is assured).',
    'A summary of the partnership approach to agreeing an optimal delivery model, how all system partners were engaged and how needs-based data informed it.',
    'How EAH funding will enhance existing routes to specialist input, and how the model integrates with other separately funded services or offers.',
    'Proposal to collaboratively recommission alternative provision to align with the 3-tier model and APST best practice.',
    'Where alternative provision capacity is constrained, whether the LA will contract provision, partner regionally or share expertise, and the route chosen.',
    'Proposals for commissioning outreach from high-quality specialist providers, where appropriate.',
    'Proposal for timely access to health and education professionals (e.g. EP, OT, SaLT) for early years, schools and colleges based on assessed local need.',
    'A detailed year 1 implementation plan, including recruitment approach and success metrics, and a high-level plan for years 2–3.',
    'A proposed governance and accountability arrangement within the Local Area Partnership Board: oversight routes, budgets and funding, reporting cadence, escalation, and a single named LA-based SRO.',
    'Clear expectations for joint governance, monitoring and shared accountability across education and health partners.',
    'An approach to settings accessing support that is not disproportionately used by the most proactive settings and includes out-of-area mainstream FE attended by local young people.',
  ]),
  ...group('sufficiency', [
    'A summary of local sufficiency pressures and how planned place growth addresses demand trends, including EHCP drivers and capacity in mainstream settings.',
    'How planned increases in capacity will reduce reliance on special schools, especially out-of-area and independent specialist provision.',
    'How collaboration between LAs and MATs could be strengthened to identify sites and jointly plan inclusion bases.',
    'Assurance that proposed inclusion bases reflect local demographic need, with high quality standards and clear expectations on type of provision.',
    'How existing school premises, including opportunities from falling rolls, are factored into planning new inclusion bases.',
    'Detailed plans to meet need for specialist places through inclusion bases and a more suitable physical environment; where capital creates special school places, why need cannot be met in mainstream.',
    'Proposals for flexibility to accommodate rurality and local variation.',
    'Evidence of a travel impact assessment for any capital, inclusion base or special school proposal, with travel-related mitigations.',
  ]),
  ...group('universal', [
    'Proposal to co-develop and regularly refresh a partnership-wide universal offer agreement, based on needs data and signed off by the LA, ICB, MAT and school representatives and the PCF.',
    'Evidence of how MATs and PCFs are engaged in developing the universal offer.',
    'How early intervention services will be strengthened, with enhanced mainstream support to prevent escalation of need.',
    'How a strengthened universal offer supports mainstream settings to meet commonly occurring needs, including speech and language (e.g. ELSEC/NELI), autism and SEMH.',
    'How a strengthened universal offer and group-level specialist support will reduce escalation into out-of-area placements with significant travel requirements.',
  ]),
  ...group('early-years', [
    'Proposal for assessing sufficiency of childcare for 0–5s: early years places, specialist SEND early years places, and local gaps for complex and emerging needs, including the role of Best Start Family Hubs.',
    'Proposal to improve early years identification and intervention, including the role of Best Start Family Hubs.',
    'Proposal to strengthen transitions from early years to primary school, with effective information flow and timely specialist input.',
  ]),
  ...group('post-16', [
    'Proposal to strengthen pathways to adulthood: education, training, employment and supported internships.',
    'A clarification of pathways into and out of post-16 settings, informed by consistent information flow and timely specialist support.',
  ]),
  ...group('partnerships', [
    'Evidence of effective, shared partnership leadership and governance across all system partners, with clear and mutually understood accountability.',
    'Evidence of formal representation from early years, schools, MATs and further education on partnership boards, with links to Schools Forums.',
    'Proposal to underpin partnership working with shared, high-quality data, including joint dashboards and a partnership maturity matrix.',
    'How mechanisms for engaging all schools, early years and post-16 providers (including out-of-area colleges) support collective responsibility for inclusive practice.',
    'Proposal to strengthen dispute resolution and decision-making so partners address issues early, with transparent escalation routes.',
    'A single named SRO who is a senior local authority official in the leadership team.',
  ]),
  ...group('co-production', [
    'Proposal to strengthen co-production so parent carer forums are properly resourced and consistently engaged in decision making.',
    'How the voice of children and young people is captured directly and distinctly from parent voice, with evidence of how it influences decisions.',
    'How SENDIASS will support parent carers with independent information and guidance, address variability against the minimum service standards, and mitigate concerns about its independence in mediation.',
    'Proposal to adopt a minimum co-production benchmark (based on NHSE guidance) and self-assess against it in year one.',
  ]),
  ...group('mediation', [
    'A description of local mediation and dispute resolution arrangements, showing how they include the voices of parents and of children and young people.',
    'Proposal to maintain metrics for timeliness, resolution rates and effectiveness of mediation.',
  ]),
];

export const requirementById = (id: string): CoreRequirement | undefined => CORE_REQUIREMENTS.find((r) => r.id === id);
