import { demoPlan } from '../../src/demo/demo-plan';
import { isDomainError } from '../../src/domain/errors';
import type { Plan, Risk } from '../../src/domain/plan.schema';
import { applyRiskRules } from '../../src/domain/risk-rules';
import { DEFAULT_MATRICES } from '../../src/domain/risk-rating';

const withRisk = (plan: Plan, id: string, change: Partial<Risk>): Plan => ({ ...plan, risks: { ...plan.risks, risks: plan.risks.risks.map((r) => (r.id === id ? { ...r, ...change } : r)) } });
const rule = (next: Plan, before: Plan | null) => {
  try {
    return applyRiskRules(next, before, DEFAULT_MATRICES);
  } catch (error) {
    return isDomainError(error) ? error.code : error;
  }
};
const rag = (plan: unknown, id: string) => (plan as Plan).risks.risks.find((r) => r.id === id)?.rag;

describe('the risk rules, applied on every save', () => {
  const demo = demoPlan();
  // An older record: free-text values from before the rules, on a closed risk nobody is touching.
  const legacy = withRisk(demo, 'risk-engagement-reach', { impact: 'Very high', rag: 'Red', status: 'closed', headline: false });

  it.each([
    ['a re-score is rated from the matrix, whatever RAG came with it', withRisk(demo, 'risk-oaip', { impact: 'Low', likelihood: 'Low', rag: 'Red' }), demo, 'risk-oaip', 'Green'],
    ['a RAG changed by hand, scores unchanged, is put back to the matrix’s', withRisk(demo, 'risk-oaip', { rag: 'Green' }), demo, 'risk-oaip', 'Red'],
    ['a new risk is rated', demo, { ...demo, risks: { ...demo.risks, risks: demo.risks.risks.filter((r) => r.id !== 'risk-oaip') } }, 'risk-oaip', 'Red'],
    ['an older risk nobody touched keeps its stored RAG, even one the matrix would not give', withRisk(legacy, 'risk-oaip', { mitigation: 'Changed.' }), legacy, 'risk-engagement-reach', 'Red'],
  ])('%s', (_what, next, before, id, expected) => {
    expect(rag(rule(next, before), id)).toBe(expected);
  });

  it.each([
    ['an impact the scale does not have, on the risk being scored', withRisk(demo, 'risk-oaip', { impact: 'Critical' }), demo, 'INPUT.INVALID'],
    ['the demo plan as it stands, new to the store', demo, null, null],
  ])('%s', (_what, next, before, code) => {
    const out = rule(next, before);
    expect(typeof out === 'string' ? out : null).toBe(code);
  });

  it('refuses a change that makes six headline risks, and allows keeping six a plan already had', () => {
    const six = { ...demo, risks: { ...demo.risks, risks: [...demo.risks.risks, { ...demo.risks.risks[0]!, id: 'risk-sixth', headline: true }] } };
    expect(rule(six, demo)).toBe('RISK.HEADLINE_LIMIT');
    expect(typeof rule(withRisk(six, 'risk-oaip', { mitigation: 'x' }), six)).toBe('object');
  });
});
