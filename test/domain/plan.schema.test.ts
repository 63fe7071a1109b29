import { demoPlan, demoPlanInput } from '../../src/demo/demo-plan';
import { LIMITS, Plan } from '../../src/domain/plan.schema';

type Mutator = (p: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const broken = (mutate: Mutator) => {
  const input = structuredClone(demoPlanInput);
  mutate(input);
  return Plan.safeParse(input);
};

describe('Plan schema', () => {
  it('accepts the demo plan', () => {
    expect(Plan.safeParse(demoPlanInput).success).toBe(true);
  });

  it.each<[string, Mutator, string]>([
    ['a signatory email that is not an email', (p) => (p.signatories[0].email = 'tanya at shropshire'), 'signatories.0.email'],
    ['an unknown signatory role', (p) => (p.signatories[1].role = 'mayor'), 'signatories.1.role'],
    ['a co-signer without a role title', (p) => p.signatories.push({ ...p.signatories[0], id: 'co-1', role: 'co-signer' }), 'signatories.5.roleTitle'],
    ['a risk RAG outside Red/Amber/Green', (p) => (p.risks.risks[2].rag = 'Purple'), 'risks.risks.2.rag'],
    ['a workstream with no name', (p) => (p.deliveryPlan.workstreams[1].name = ''), 'deliveryPlan.workstreams.1.name'],
    ['a milestone that is a number', (p) => (p.deliveryPlan.workstreams[0].quarters.Q3.milestones[0].text = 42), 'deliveryPlan.workstreams.0.quarters.Q3.milestones.0.text'],
    ['a spend amount in fractions of a penny', (p) => (p.deliveryPlan.spend[0].amounts.Q2.transformation = 10.5), 'deliveryPlan.spend.0.amounts.Q2.transformation'],
    ['a negative spend amount', (p) => (p.deliveryPlan.spend[1].amounts.Q4.eah = -1), 'deliveryPlan.spend.1.amounts.Q4.eah'],
    ['spend against an unknown funding source', (p) => (p.deliveryPlan.spend[2].amounts.Q3.lottery = 100), 'deliveryPlan.spend.2.amounts.Q3.lottery'],
    ['a duplicate risk id', (p) => (p.risks.risks[1].id = p.risks.risks[0].id), 'risks.risks.1.id'],
    ['an id with spaces', (p) => (p.governance.mechanisms[0].id = 'Children Board'), 'governance.mechanisms.0.id'],
    ['an oversized executive summary', (p) => (p.executiveSummary.changeStory = 'x'.repeat(LIMITS.narrative + 1)), 'executiveSummary.changeStory'],
    ['a document link that is not a web address', (p) => (p.maturityAssessment.documents[0].url = 'javascript:alert(1)'), 'maturityAssessment.documents.0.url'],
    ['a requirement status outside the list', (p) => (p.requirements[0].status = 'done'), 'requirements.0.status'],
    ['a reporting year in the wrong form', (p) => (p.meta.reportingYear = '2026'), 'meta.reportingYear'],
    ['a missing section', (p) => delete p.governance, 'governance'],
  ])('rejects %s, naming the field', (_what, mutate, path) => {
    const result = broken(mutate);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('reads a plan stored before a field was added, with the new field missing', () => {
    const input = structuredClone(demoPlanInput) as unknown as { dependencies: { items: Record<string, unknown>[] } };
    input.dependencies.items.forEach((d) => delete d.closedReason);
    const parsed = Plan.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.dependencies.items[0]?.closedReason).toBeNull();
  });

  it('treats blank answers as missing', () => {
    const input = structuredClone(demoPlanInput);
    input.deliveryCapacity.narrative = '   ';
    expect(Plan.parse(input).deliveryCapacity.narrative).toBeNull();
  });

  it('returns a fresh copy of the demo plan each time', () => {
    const a = demoPlan();
    a.header.sroName = 'Someone Else';
    expect(demoPlan().header.sroName).toBe('Natasha Moody');
  });
});
