import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPlan } from '../../src/demo/demo-plan';
import { DELIVERY_QUARTERS, REQUIRED_SIGNATORY_ROLES } from '../../src/domain/plan.schema';
import { spendTotals } from '../../src/domain/spend.totals';
import { planTextLines } from '../support/plan-strings';
import { foundIn, normalise } from '../support/reference-phrases';

const flatReference = normalise(readFileSync(join(__dirname, '..', 'fixtures', 'local-send-reform-plan-2026.txt'), 'utf8'));
const foundInReference = (line: string): boolean => foundIn(flatReference, normalise(line));

describe('the Shropshire demo plan', () => {
  const plan = demoPlan();

  it('holds the partnership, its SRO and all five named signatories', () => {
    expect(plan.header).toEqual({ localAuthority: 'Shropshire', integratedCareBoard: 'Shropshire, Telford and Wrekin', sroName: 'Natasha Moody', laCode: '893' });
    expect(REQUIRED_SIGNATORY_ROLES.map((r) => plan.signatories.find((s) => s.role === r.id)?.name)).toEqual([
      'Tanya Miles',
      'Simon Whitehouse',
      'David Shaw',
      'Vanessa Whatley',
      'Duncan Whitfield',
    ]);
    // The reference leaves signature, email and date blank: they stay missing.
    expect(plan.signatories.every((s) => s.email === null && s.signature === null && s.signedOn === null)).toBe(true);
  });

  it('counts what the reference holds', () => {
    expect({
      goals: plan.visionAndGoals.goals.length,
      blueprintRows: plan.threeYearPicture.blueprint.length,
      roadmapRows: plan.roadmap.rows.length,
      workstreams: plan.deliveryPlan.workstreams.map((w) => w.code),
      quarters: DELIVERY_QUARTERS.length,
      milestones: plan.deliveryPlan.workstreams.flatMap((w) => DELIVERY_QUARTERS.flatMap((q) => w.quarters[q].milestones)).length,
      spendLines: plan.deliveryPlan.spend.length,
      risks: plan.risks.risks.length,
      dependencies: plan.dependencies.items.length,
      kpiGroups: plan.monitoring.kpiGroups.length,
      governance: plan.governance.mechanisms.length,
      asks: plan.centralGovernmentSupport.asks.length,
      annexB: plan.supportingDocuments.documents.length,
      requirements: plan.requirements.length,
      openComments: plan.reviewComments.filter((c) => c.status === 'open').length,
    }).toEqual({
      goals: 3,
      blueprintRows: 5,
      roadmapRows: 6,
      workstreams: ['1a', '1', '2', '3'],
      quarters: 3,
      milestones: 27,
      spendLines: 4,
      risks: 5,
      dependencies: 5,
      kpiGroups: 5,
      governance: 9,
      asks: 11,
      annexB: 10,
      requirements: 41,
      openComments: 2,
    });
  });

  it('has spend totals that add up to the reference totals', () => {
    const pounds = (pence: number | undefined) => (pence ?? NaN) / 100;
    const totals = spendTotals(plan.deliveryPlan);
    expect(DELIVERY_QUARTERS.map((q) => [q, pounds(totals[q].transformation), pounds(totals[q].eah)])).toEqual([
      ['Q2', 105_000, 0],
      ['Q3', 43_750, 400_000],
      ['Q4', 43_750, 600_000],
    ]);
  });

  it('carries the other funding figures and the EHCP trajectory as numbers', () => {
    expect(plan.otherFunding.blockTransfer).toMatchObject({ made: true, percentage: 0.5, amountPence: 116_524_400 });
    expect(plan.otherFunding.capital).toMatchObject({ newProvisions: 13, additionalPlaces: 358 });
    const ehcp = plan.deliveryPlan.workstreams.find((w) => w.code === '3');
    expect(DELIVERY_QUARTERS.map((q) => ehcp?.quarters[q].trajectory.target)).toEqual([40, 50, 60]);
  });

  it('keeps the upload placeholders and blank cells missing', () => {
    expect(plan.maturityAssessment.documents.every((d) => d.title === null && d.url === null)).toBe(true);
    expect(plan.reportingToDfe.documents.every((d) => d.title === null && d.url === null)).toBe(true);
    expect(plan.deliveryPlan.documents[0]).toMatchObject({ purpose: 'include our fully costed workforce plan once agreed', title: null });
    const empty = plan.governance.mechanisms.filter((m) => !m.purpose && !m.membership && !m.cadence && !m.decisionRights && !m.escalationRoute);
    expect(empty.map((m) => m.name)).toEqual(['Education Excellence', 'SEND and AP Partnership Board']);
    expect(plan.deliveryPlan.workstreams.find((w) => w.code === '3')?.successMeasures).toEqual([]);
  });

  it('uses only words that are in the reference plan', () => {
    const lines = planTextLines({ ...plan, requirements: [] });
    expect(lines.length).toBeGreaterThan(300);
    expect(lines.filter((line) => !foundInReference(line))).toEqual([]);
  });
});
