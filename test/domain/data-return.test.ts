import { buildDataReturn, NOT_REPORTED, TOTAL_CATEGORY, type DataReturn, type SpendRow } from '../../src/domain/data-return';
import type { Plan } from '../../src/domain/plan.schema';
import { parseQuarter } from '../../src/domain/quarters';
import type { StoredSpendActual } from '../../src/domain/spend-actuals.schema';
import type { MilestoneStatus, StoredUpdate } from '../../src/domain/workstream-update.schema';
import { demoPlan } from '../../src/demo/demo-plan';

const update = (over: Partial<StoredUpdate> = {}): StoredUpdate => ({
  id: 'upd-1',
  workstreamId: 'ws-3',
  quarter: '2026-Q3',
  sequence: 2,
  authorId: 'annie.williams',
  at: '2026-12-18T10:30:00.000Z',
  milestones: [{ milestoneId: 'ws-3-q3-m1', status: 'on-track', rag: 'Green', note: 'QA sample 100%' }],
  actual: '47%',
  narrative: 'Steady.',
  blockers: null,
  supportNeeded: null,
  ...over,
});

const actual = (over: Partial<StoredSpendActual> = {}): StoredSpendActual => ({
  quarter: '2026-Q3',
  lineId: 'spend-oversight',
  sourceId: 'transformation',
  amountPence: 2_500_000,
  enteredBy: 'finance.officer',
  at: '2026-12-20T09:00:00.000Z',
  ...over,
});

const build = (quarterId = '2026-Q3', latest: StoredUpdate[] = [update()], spendActuals: StoredSpendActual[] = [actual()], plan: Plan = demoPlan()): DataReturn =>
  buildDataReturn({ plan, quarter: parseQuarter(quarterId), latest, spendActuals });

const spendRow = (ret: DataReturn, lineId: string | null, sourceId: string): SpendRow | undefined =>
  ret.spend.find((r) => r.lineId === lineId && r.sourceId === sourceId);

describe('the quarterly data return', () => {
  it('names the partnership, the plan and the quarter', () => {
    const ret = build();
    expect(ret.partnership).toEqual({ localAuthority: 'Shropshire', integratedCareBoard: 'Shropshire, Telford and Wrekin' });
    expect(ret.plan).toEqual({ title: 'Local SEND Reform Plan', reportingYear: '2026-27' });
    expect(ret.quarter).toEqual({ id: '2026-Q3', label: 'Q3 (Oct–Dec 2026)' });
  });

  describe('milestones', () => {
    it('has one row per milestone planned for the quarter, in plan order', () => {
      const ret = build();
      const plan = demoPlan();
      const expected = plan.deliveryPlan.workstreams.flatMap((w) => w.quarters.Q3.milestones.map((m) => m.id));
      expect(ret.milestones.map((m) => m.milestoneId)).toEqual(expected);
      expect(ret.milestones).toHaveLength(7);
    });

    it('carries the latest update against the target trajectory', () => {
      const row = build().milestones.find((m) => m.milestoneId === 'ws-3-q3-m1');
      expect(row).toEqual({
        workstreamCode: '3',
        workstreamName: 'EHCP Timeliness',
        lead: 'Annie Williams',
        milestoneId: 'ws-3-q3-m1',
        milestone: expect.stringContaining('controlled BAU'),
        status: 'On track',
        rag: 'Green',
        note: 'QA sample 100%',
        targetTrajectory: '20 week timescale: 50%',
        targetValue: 50,
        unit: '%',
        actual: '47%',
        postedAt: '2026-12-18T10:30:00.000Z',
        postedBy: 'annie.williams',
      });
    });

    it.each<[MilestoneStatus, string]>([
      ['not-started', 'Not started'],
      ['on-track', 'On track'],
      ['at-risk', 'At risk'],
      ['off-track', 'Off track'],
      ['complete', 'Complete'],
    ])('reports status %s as "%s"', (status, words) => {
      const ret = build('2026-Q3', [update({ milestones: [{ milestoneId: 'ws-3-q3-m1', status, rag: null, note: null }] })]);
      expect(ret.milestones.find((m) => m.milestoneId === 'ws-3-q3-m1')?.status).toBe(words);
    });

    it.each<[string, StoredUpdate[]]>([
      ['no update at all', []],
      ['an update for another quarter', [update({ quarter: '2026-Q2' })]],
      ['an update that does not cover the milestone', [update({ milestones: [] })]],
      ['an update from another workstream', [update({ workstreamId: 'ws-2', milestones: [] })]],
    ])('says "Not reported" with %s', (_, latest) => {
      const row = build('2026-Q3', latest).milestones.find((m) => m.milestoneId === 'ws-3-q3-m1');
      expect(row).toMatchObject({ status: NOT_REPORTED, rag: null, note: null });
    });

    it('shows the posted-at and actual of an update even on a milestone it leaves out', () => {
      const row = build('2026-Q3', [update({ milestones: [] })]).milestones.find((m) => m.milestoneId === 'ws-3-q3-m1');
      expect(row).toMatchObject({ status: NOT_REPORTED, actual: '47%', postedBy: 'annie.williams' });
    });

    it.each([
      ['2026-Q1', 'the planning quarter'],
      ['2025-Q3', 'the year before the plan'],
      ['2027-Q3', 'the year after the plan'],
      ['2027-Q2', 'a later year'],
    ])('has no milestone rows for %s (%s)', (quarterId) => {
      expect(build(quarterId, [update({ quarter: quarterId })]).milestones).toEqual([]);
    });

    it.each([
      ['2026-Q1', 'Q1 (Apr–Jun 2026) is the planning quarter of the 2026-27 plan'],
      ['2030-Q2', 'Q2 (Jul–Sep 2030) is outside the 2026-27 plan’s delivery year (July 2026 to March 2027), so the plan has no milestones for it.'],
    ])('says why %s has no milestone rows', (quarterId, why) => {
      expect(build(quarterId, []).milestonesNote).toContain(why);
    });

    it('has no note when the quarter has milestones', () => {
      expect(build('2026-Q3').milestonesNote).toBeNull();
    });

    it.each([
      ['2026-Q2', 12],
      ['2026-Q3', 7],
      ['2026-Q4', 8],
    ])('lists every milestone planned for %s (%i)', (quarterId, count) => {
      expect(build(quarterId, []).milestones).toHaveLength(count);
    });
  });

  describe('risks', () => {
    it('lists every risk, open and closed, in words', () => {
      const plan = demoPlan();
      const first = plan.risks.risks[0]!;
      plan.risks.risks[0] = { ...first, status: 'closed', closedReason: 'OAIP embedded across settings', headline: false };
      const ret = build('2026-Q3', [], [], plan);
      expect(ret.risks).toHaveLength(plan.risks.risks.length);
      expect(ret.risks[0]).toEqual({
        riskId: 'risk-oaip',
        description: first.description,
        scale: 'High / Medium / Low',
        impact: 'High',
        likelihood: 'High',
        rag: 'Red',
        mitigation: first.mitigation,
        residualRag: 'Amber',
        headline: 'no',
        status: 'Closed',
        closedReason: 'OAIP embedded across settings',
      });
      expect(ret.risks[1]).toMatchObject({ headline: 'yes', status: 'Open', closedReason: null });
    });

    it('lists the risks whatever the quarter, even outside the plan year', () => {
      expect(build('2030-Q1', [], []).risks).toHaveLength(demoPlan().risks.risks.length);
    });
  });

  describe('spend', () => {
    it('has a row per spend line and funding source, then a total per funding source', () => {
      const ret = build('2026-Q3', [], []);
      const plan = demoPlan();
      const lines = plan.deliveryPlan.spend.length * plan.deliveryPlan.fundingSources.length;
      expect(ret.spend).toHaveLength(lines + plan.deliveryPlan.fundingSources.length);
      expect(ret.spend.slice(lines).map((r) => [r.kind, r.category, r.fundingSource])).toEqual([
        ['total', TOTAL_CATEGORY, 'Transformation Funding'],
        ['total', TOTAL_CATEGORY, 'EAH funding'],
      ]);
      expect(spendRow(ret, 'spend-workforce', 'eah')).toMatchObject({ category: expect.stringContaining('Workforce'), fundingSource: 'EAH funding', projectedPence: 40_000_000 });
    });

    it.each<[string, number | null, StoredSpendActual[], number | null, number | null]>([
      ['underspend', 2_750_000, [actual({ amountPence: 2_500_000 })], 2_500_000, -250_000],
      ['overspend', 2_750_000, [actual({ amountPence: 3_000_050 })], 3_000_050, 250_050],
      ['on budget', 2_750_000, [actual({ amountPence: 2_750_000 })], 2_750_000, 0],
      ['no actual recorded', 2_750_000, [], null, null],
      ['no projection filled in', null, [actual({ amountPence: 100 })], 100, null],
      ['neither', null, [], null, null],
      ['an actual for another quarter', 2_750_000, [actual({ quarter: '2026-Q2' })], null, null],
      [
        'a correction (the latest entry stands)',
        2_750_000,
        [actual({ amountPence: 9_999_900, at: '2026-12-21T09:00:00.000Z' }), actual({ amountPence: 2_700_000, at: '2026-12-20T09:00:00.000Z' })],
        9_999_900,
        7_249_900,
      ],
    ])('variance with %s', (_, projected, actuals, expectedActual, variance) => {
      const plan = demoPlan();
      const line = plan.deliveryPlan.spend.find((l) => l.id === 'spend-oversight')!;
      line.amounts.Q3 = projected === null ? { eah: 0 } : { transformation: projected, eah: 0 };
      const row = spendRow(build('2026-Q3', [], actuals, plan), 'spend-oversight', 'transformation');
      expect(row).toMatchObject({ projectedPence: projected, actualPence: expectedActual, variancePence: variance });
    });

    it('totals each funding source from the cells that are filled in', () => {
      const ret = build('2026-Q3', [], [
        actual({ lineId: 'spend-oversight', amountPence: 2_500_000 }),
        actual({ lineId: 'spend-digital', amountPence: 1_700_000 }),
      ]);
      // Q3 transformation projected: 27,500 + 0 + 0 + 16,250 pounds.
      expect(spendRow(ret, null, 'transformation')).toMatchObject({ projectedPence: 4_375_000, actualPence: 4_200_000, variancePence: -175_000 });
      expect(spendRow(ret, null, 'eah')).toMatchObject({ projectedPence: 40_000_000, actualPence: null, variancePence: null });
    });

    it.each([
      ['2026-Q1', 'the planning quarter'],
      ['2027-Q3', 'another year'],
    ])('has no projection for %s (%s) but still returns what was spent', (quarterId) => {
      const ret = build(quarterId, [], [actual({ quarter: quarterId, amountPence: 1_000 })]);
      expect(ret.spend.every((r) => r.projectedPence === null && r.variancePence === null)).toBe(true);
      expect(spendRow(ret, 'spend-oversight', 'transformation')?.actualPence).toBe(1_000);
      expect(spendRow(ret, null, 'transformation')?.actualPence).toBe(1_000);
    });

    it('keeps money recorded against a line or a source the plan no longer has', () => {
      const ret = build('2026-Q3', [], [actual({ lineId: 'spend-gone', amountPence: 500 }), actual({ sourceId: 'old-grant', amountPence: 700 })]);
      expect(spendRow(ret, 'spend-gone', 'transformation')).toMatchObject({ category: 'spend-gone (no longer in the plan)', fundingSource: 'Transformation Funding', actualPence: 500, projectedPence: null });
      expect(spendRow(ret, 'spend-oversight', 'old-grant')).toMatchObject({ fundingSource: 'old-grant (no longer in the plan)', actualPence: 700 });
      expect(spendRow(ret, null, 'old-grant')).toMatchObject({ kind: 'total', actualPence: 700, projectedPence: null, variancePence: null });
      expect(spendRow(ret, null, 'transformation')?.actualPence).toBe(500);
    });
  });

  it('gives the same return for the same input', () => {
    expect(build()).toEqual(build());
  });
});
