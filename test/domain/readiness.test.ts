import { demoPlan } from '../../src/demo/demo-plan';
import { CORE_REQUIREMENTS, REQUIREMENT_GROUPS } from '../../src/domain/core-requirements.catalog';
import type { Plan } from '../../src/domain/plan.schema';
import { assessReadiness } from '../../src/domain/readiness';

const rule = (plan: Plan, id: string, rosterSroCount?: number) => assessReadiness(plan, { rosterSroCount }).rules.find((r) => r.id === id);

describe('readiness', () => {
  it('checks all 41 core minimum requirements in the guidance groups', () => {
    const report = assessReadiness(demoPlan());
    expect(CORE_REQUIREMENTS).toHaveLength(41);
    expect(report.groups.map((g) => [g.name, g.findings.length])).toEqual([
      ['Experts at Hand offer', 11],
      ['Sufficiency and place planning', 8],
      ['Effective practice – universal offer', 5],
      ['Early years', 3],
      ['Post-16', 2],
      ['Effective partnerships', 6],
      ['Effective co-production practices', 4],
      ['Mediation', 2],
    ]);
    expect(REQUIREMENT_GROUPS).toHaveLength(8);
    expect(report.counts).toEqual({ 'not-assessed': 41, 'not-met': 0, 'partly-met': 0, met: 0 });
    expect(report.ready).toBe(false);
  });

  it('shows where a requirement is addressed once it is assessed', () => {
    const plan = demoPlan();
    plan.requirements[0] = { id: 'eah-1', status: 'met', addressedIn: ['deliveryCapacity', 'deliveryPlan'], note: 'Mixed model' };
    const finding = assessReadiness(plan).groups[0]?.findings[0];
    expect(finding?.assessment).toEqual({ id: 'eah-1', status: 'met', addressedIn: ['deliveryCapacity', 'deliveryPlan'], note: 'Mixed model' });
  });

  it.each<[string, (p: Plan) => void, string, boolean, RegExp]>([
    ['all five signatories named', () => {}, 'five-signatories', true, /All five/],
    ['a signatory without a name', (p) => (p.signatories[3]!.name = null), 'five-signatories', false, /NHS Place Director/],
    ['a required signatory removed', (p) => p.signatories.splice(4, 1), 'five-signatories', false, /Section 151/],
    ['the SRO named', () => {}, 'one-sro', true, /Natasha Moody/],
    ['no SRO named', (p) => (p.header.sroName = null), 'one-sro', false, /does not name/],
    ['five headline risks', () => {}, 'at-most-five-risks', true, /5 headline/],
    ['a sixth headline risk', (p) => p.risks.risks.push({ ...p.risks.risks[0]!, id: 'risk-six' }), 'at-most-five-risks', false, /6 headline risks/],
    ['a sixth risk kept off the headline list', (p) => p.risks.risks.push({ ...p.risks.risks[0]!, id: 'risk-six', headline: false }), 'at-most-five-risks', true, /5 headline/],
    ['a headline risk without a likelihood', (p) => (p.risks.risks[1]!.likelihood = null), 'at-most-five-risks', false, /lack/],
    ['governance groups lacking health or PCF', () => {}, 'governance-health-and-pcf', false, /Children's Ambition Board \(health and PCF not named\)/],
    ['CYP voice said to be distinct in Q9', () => {}, 'cyp-voice-distinct', true, /Q9 says/],
    ['no word of CYP voice apart from parents', (p) => (p.engagement.narrative = 'We talk to parents.'), 'cyp-voice-distinct', false, /Neither Q9 nor Q12/],
    ['CYP voice assessed as not met', (p) => (p.requirements.find((r) => r.id === 'co-production-2')!.status = 'not-met'), 'cyp-voice-distinct', false, /not met/],
  ])('%s', (_what, change, id, passed, detail) => {
    const plan = demoPlan();
    change(plan);
    const finding = rule(plan, id);
    expect(finding?.passed).toBe(passed);
    expect(finding?.detail).toMatch(detail);
  });

  it('passes the governance rule when every group names health and the PCF', () => {
    const plan = demoPlan();
    plan.governance.mechanisms = plan.governance.mechanisms.map((m) => ({ ...m, membership: m.membership && `${m.membership}\nICB; Parent Carer Forum (PACC)` }));
    expect(rule(plan, 'governance-health-and-pcf')?.passed).toBe(true);
  });

  it.each([
    [1, true],
    [0, false],
    [2, false],
  ])('with %i SROs on the roster the one-SRO rule passes: %s', (count, passed) => {
    expect(rule(demoPlan(), 'one-sro', count)?.passed).toBe(passed);
  });
});
