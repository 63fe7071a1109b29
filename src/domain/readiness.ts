import { CORE_REQUIREMENTS, REQUIREMENT_GROUPS, type CoreRequirement } from './core-requirements.catalog';
import { representationIn } from './governance.rules';
import { REQUIRED_SIGNATORY_ROLES, type Plan, type RequirementAssessment, type RequirementStatus } from './plan.schema';
import { MAX_HEADLINE_RISKS } from './risk-rating';

export interface RequirementFinding {
  readonly requirement: CoreRequirement;
  readonly assessment: RequirementAssessment;
}

export interface RuleFinding {
  readonly id: 'five-signatories' | 'one-sro' | 'at-most-five-risks' | 'governance-health-and-pcf' | 'cyp-voice-distinct';
  readonly title: string;
  readonly passed: boolean;
  readonly detail: string;
}

export interface ReadinessReport {
  readonly groups: ReadonlyArray<{ readonly id: string; readonly name: string; readonly findings: readonly RequirementFinding[] }>;
  readonly counts: Readonly<Record<RequirementStatus, number>>;
  readonly rules: readonly RuleFinding[];
  readonly ready: boolean;
}

export interface ReadinessContext {
  /** How many people hold the SRO role on the roster, when known. */
  readonly rosterSroCount?: number;
}

const notAssessed = (id: string): RequirementAssessment => ({ id, status: 'not-assessed', addressedIn: [], note: null });

/** Words a plan uses when it says children and young people are heard in their own right. */
const CYP_DISTINCT = /(distinct(ly)? from parent|separate(ly)? from parent|directly and distinctly|own voice)/i;

const rules = (plan: Plan, context: ReadinessContext): RuleFinding[] => {
  const cypAssessment = plan.requirements.find((r) => r.id === 'co-production-2');
  const cypInText = CYP_DISTINCT.test([plan.engagement.narrative, plan.monitoring.assuranceAndFeedback].filter(Boolean).join('\n'));
  const unnamed = REQUIRED_SIGNATORY_ROLES.filter((role) => !plan.signatories.some((s) => s.role === role.id && s.name));
  const headline = plan.risks.risks.filter((r) => r.status === 'open' && r.headline);
  const unrated = headline.filter((r) => !r.impact || !r.likelihood || !r.rag);
  const lacking = plan.governance.mechanisms
    .filter((m) => m.membership)
    .map((m) => ({ m, r: representationIn(m) }))
    .filter(({ r }) => !r.health || !r.parentCarerForum);
  const sroNamed = Boolean(plan.header.sroName);
  const rosterOk = context.rosterSroCount === undefined || context.rosterSroCount === 1;
  return [
    {
      id: 'five-signatories',
      title: 'All five required signatories are named',
      passed: unnamed.length === 0,
      detail: unnamed.length === 0 ? 'All five roles have a named signatory.' : `No name yet for: ${unnamed.map((r) => r.title).join('; ')}.`,
    },
    {
      id: 'one-sro',
      title: 'One named Senior Responsible Officer',
      passed: sroNamed && rosterOk,
      detail: !sroNamed
        ? 'The plan does not name its SRO yet.'
        : rosterOk
          ? `${plan.header.sroName} is the named SRO.`
          : `The plan names ${plan.header.sroName}, but the roster gives the SRO role to ${context.rosterSroCount} people; it should be exactly one.`,
    },
    {
      id: 'at-most-five-risks',
      title: `At most ${MAX_HEADLINE_RISKS} headline risks, each rated for impact and likelihood`,
      passed: headline.length <= MAX_HEADLINE_RISKS && unrated.length === 0,
      detail:
        headline.length > MAX_HEADLINE_RISKS
          ? `${headline.length} headline risks: the plan may show at most ${MAX_HEADLINE_RISKS}.`
          : unrated.length > 0
            ? `${unrated.length} headline risk(s) lack an impact, likelihood or RAG.`
            : `${headline.length} headline risk(s), all rated.`,
    },
    {
      id: 'governance-health-and-pcf',
      title: 'Governance membership includes health and Parent Carer Forum representation',
      passed: plan.governance.mechanisms.length > 0 && lacking.length === 0,
      detail:
        plan.governance.mechanisms.length === 0
          ? 'No governance mechanisms are recorded yet.'
          : lacking.length === 0
            ? 'Every governance group with a membership names health and PCF representation.'
            : `Check the membership of: ${lacking
                .map(({ m, r }) => `${m.name} (${[!r.health && 'health', !r.parentCarerForum && 'PCF'].filter(Boolean).join(' and ')} not named)`)
                .join('; ')}.`,
    },
    {
      id: 'cyp-voice-distinct',
      title: "Children and young people's voice is captured distinctly from parents'",
      passed: cypAssessment?.status === 'met' || (cypInText && cypAssessment?.status !== 'not-met'),
      detail:
        cypAssessment?.status === 'met'
          ? 'Assessed as met (core requirement co-production-2).'
          : cypAssessment?.status === 'not-met'
            ? 'Assessed as not met (core requirement co-production-2).'
            : cypInText
              ? "Q9 says children and young people's voice is captured distinctly from parents'; assess co-production-2 to confirm."
              : "Neither Q9 nor Q12 says how children and young people's own voice is captured apart from parents'.",
    },
  ];
};

export const assessReadiness = (plan: Plan, context: ReadinessContext = {}): ReadinessReport => {
  const byId = new Map(plan.requirements.map((a) => [a.id, a]));
  const findings = CORE_REQUIREMENTS.map((requirement) => ({ requirement, assessment: byId.get(requirement.id) ?? notAssessed(requirement.id) }));
  const counts: Record<RequirementStatus, number> = { 'not-assessed': 0, 'not-met': 0, 'partly-met': 0, met: 0 };
  findings.forEach((f) => (counts[f.assessment.status] += 1));
  const ruleFindings = rules(plan, context);
  return {
    groups: REQUIREMENT_GROUPS.map((g) => ({ id: g.id, name: g.name, findings: findings.filter((f) => f.requirement.group === g.id) })),
    counts,
    rules: ruleFindings,
    ready: counts.met === CORE_REQUIREMENTS.length && ruleFindings.every((r) => r.passed),
  };
};
