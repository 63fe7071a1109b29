import { buildDataReturn, NO_LA_CODE, NOT_REPORTED, TOTAL_CATEGORY, TRAJECTORY_MEASURE, type DataReturn, type MeasureRow, type SpendRow } from '../../src/domain/data-return';
import { Plan, type PlanInput } from '../../src/domain/plan.schema';
import { parseQuarter } from '../../src/domain/quarters';
import type { StoredSpendActual } from '../../src/domain/spend-actuals.schema';
import type { MilestoneStatus, StoredUpdate } from '../../src/domain/workstream-update.schema';
import { demoPlan, demoPlanInput } from '../../src/demo/demo-plan';

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

const measureRow = (ret: DataReturn, workstreamCode: string | null, measure: string): MeasureRow | undefined =>
  ret.measures.find((r) => r.workstreamCode === workstreamCode && r.measure === measure);

describe('the quarterly data return', () => {
  it('names the partnership, with its local authority code, the plan and the quarter', () => {
    const ret = build();
    expect(ret.partnership).toEqual({ localAuthority: 'Shropshire', laCode: '893', integratedCareBoard: 'Shropshire, Telford and Wrekin' });
    expect(ret.laCodeNote).toBeNull();
    expect(ret.plan).toEqual({ title: 'Local SEND Reform Plan', reportingYear: '2026-27' });
    expect(ret.quarter).toEqual({ id: '2026-Q3', label: 'Q3 (Oct–Dec 2026)' });
  });

  describe('the local authority code', () => {
    const withCode = (laCode: unknown) => {
      const input = structuredClone(demoPlanInput) as Omit<PlanInput, 'header'> & { header: Record<string, unknown> };
      if (laCode === undefined) delete input.header.laCode;
      else input.header.laCode = laCode;
      return Plan.safeParse(input);
    };

    it.each<[string, unknown, string | null]>([
      ['three digits', '893', '893'],
      ['three digits with spaces round them', ' 894 ', '894'],
      ['blank', '  ', null],
      ['null', null, null],
      ['absent (a plan stored before the field)', undefined, null],
    ])('reads %s as %p', (_, laCode, expected) => {
      const parsed = withCode(laCode);
      expect(parsed.success).toBe(true);
      expect(parsed.data?.header.laCode).toBe(expected);
      expect(build('2026-Q3', [], [], parsed.data!).partnership.laCode).toBe(expected);
    });

    it.each<[string, unknown]>([
      ['two digits', '89'],
      ['four digits', '8930'],
      ['the ONS code', 'E06000051'],
      ['a number', 893],
    ])('refuses %s, naming the field', (_, laCode) => {
      const parsed = withCode(laCode);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('header.laCode');
    });

    it('says when it is missing', () => {
      const plan = demoPlan();
      plan.header.laCode = null;
      const ret = build('2026-Q3', [], [], plan);
      expect(ret.partnership.laCode).toBeNull();
      expect(ret.laCodeNote).toBe(NO_LA_CODE);
    });
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
      ['2026-Q1', 'Quarter 1 of 2026-27 (April to June 2026) is the planning quarter of the 2026-27 plan'],
      ['2030-Q2', 'Quarter 2 of 2030-31 (July to September 2030) is outside the 2026-27 plan’s delivery year (July 2026 to March 2027), so the plan has no milestones for it.'],
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

  describe('success measures', () => {
    const ehcp = (ret: DataReturn) => measureRow(ret, '3', '20 week timescale');

    it('has a row per success measure: Q2, Q5, then each workstream’s in plan order', () => {
      const plan = demoPlan();
      const ret = build();
      expect(ret.measures.map((m) => [m.question, m.workstreamCode, m.measure])).toEqual([
        ...plan.threeYearPicture.successMeasures.map((m) => ['Q2', null, m.name]),
        ...plan.roadmap.successMeasures.map((m) => ['Q5', null, m.name]),
        ...plan.deliveryPlan.workstreams.flatMap((w) => w.successMeasures.map((m) => ['Q6', w.code, m])),
        ['Q6', '3', '20 week timescale'],
      ]);
      expect(ret.measures).toHaveLength(25);
    });

    it('carries the quarter’s target and the lead’s actual on the measure the trajectory is a figure of', () => {
      expect(ehcp(build())).toEqual({
        question: 'Q6',
        workstreamCode: '3',
        workstreamName: 'EHCP Timeliness',
        lead: 'Annie Williams',
        measureId: null,
        measure: '20 week timescale',
        unit: '%',
        baseline: null,
        planTarget: null,
        targetTrajectory: '20 week timescale: 50%',
        targetValue: 50,
        actual: '47%',
        actualValue: 47,
        postedAt: '2026-12-18T10:30:00.000Z',
        postedBy: 'annie.williams',
      });
    });

    it.each<[string, number | null, string | null]>([
      ['2026-Q2', 40, '20 week timescale: 40%'],
      ['2026-Q3', 50, '20 week timescale: 50%'],
      ['2026-Q4', 60, '20 week timescale: 60%'],
      ['2026-Q1', null, null],
      ['2027-Q3', null, null],
    ])('takes the target for %s from that quarter’s trajectory (%p)', (quarterId, target, words) => {
      const row = ehcp(build(quarterId, [update({ quarter: quarterId })]));
      expect(row).toMatchObject({ targetValue: target, targetTrajectory: words, unit: '%' });
      // An actual is only returned against a target the plan sets for the quarter.
      expect(row?.actual).toBe(target === null ? null : '47%');
    });

    it.each<[string, string | null, number | null]>([
      ['a percentage', '47%', 47],
      ['the metric repeated', '20 week timescale: 46.5 %', 46.5],
      ['a figure among words', 'Up to 52% from 41% in Q2', 52],
      ['words only', 'Improving, figures due in January', null],
      ['nothing', null, null],
    ])('reads the figure in an actual given as %s', (_, typed, figure) => {
      expect(ehcp(build('2026-Q3', [update({ actual: typed })]))).toMatchObject({ actual: typed, actualValue: figure });
    });

    it.each<[string, StoredUpdate[]]>([
      ['no update at all', []],
      ['an update for another quarter', [update({ quarter: '2026-Q2' })]],
      ['an update from another workstream', [update({ workstreamId: 'ws-2' })]],
    ])('leaves the actual empty with %s', (_, latest) => {
      expect(ehcp(build('2026-Q3', latest))).toMatchObject({ targetValue: 50, actual: null, actualValue: null, postedAt: null, postedBy: null });
    });

    it('gives the baseline and target the partnership set in Q2 and Q5, as worded, and no quarter figures', () => {
      const plan = demoPlan();
      plan.threeYearPicture.successMeasures[4] = { ...plan.threeYearPicture.successMeasures[4]!, baseline: '38% (2025-26)', target: '70% by March 2029' };
      const row = build('2026-Q3', [update()], [], plan).measures.find((m) => m.measureId === 'q2-measure-5');
      expect(row).toEqual({
        question: 'Q2',
        workstreamCode: null,
        workstreamName: null,
        lead: null,
        measureId: 'q2-measure-5',
        measure: 'Timeliness – 20 weeks %',
        unit: null,
        baseline: '38% (2025-26)',
        planTarget: '70% by March 2029',
        targetTrajectory: null,
        targetValue: null,
        actual: null,
        actualValue: null,
        postedAt: null,
        postedBy: null,
      });
    });

    it('leaves out a Q2 or Q5 row left wholly blank', () => {
      const plan = demoPlan();
      plan.roadmap.successMeasures.push({ id: 'q5-blank', name: null, baseline: null, target: null }, { id: 'q5-baseline-only', name: null, baseline: '12', target: null });
      const ids = build('2026-Q3', [], [], plan).measures.map((m) => m.measureId);
      expect(ids).not.toContain('q5-blank');
      expect(ids).toContain('q5-baseline-only');
    });

    it('gives a workstream’s listed measure that names its metric the trajectory’s figures, once', () => {
      const plan = demoPlan();
      plan.deliveryPlan.workstreams[3]!.successMeasures = ['20 Week  Timescale', 'Annual reviews on time'];
      const rows = build('2026-Q3', [update()], [], plan).measures.filter((m) => m.workstreamCode === '3');
      expect(rows.map((r) => [r.measure, r.targetValue, r.actual])).toEqual([
        ['20 Week  Timescale', 50, '47%'],
        ['Annual reviews on time', null, null],
      ]);
    });

    it.each<[string, (t: Plan['deliveryPlan']['workstreams'][number]['quarters']['Q3']['trajectory']) => void, string, number | null, string | null]>([
      ['a target with no metric', (t) => (t.metric = null), TRAJECTORY_MEASURE, 50, '47%'],
      ['a trajectory in words only', (t) => Object.assign(t, { text: 'Backlog cleared', metric: null, target: null, unit: null }), '20 week timescale', null, null],
    ])('with %s in the quarter', (_, change, measure, target, actual) => {
      const plan = demoPlan();
      change(plan.deliveryPlan.workstreams[3]!.quarters.Q3.trajectory);
      const ret = build('2026-Q3', [update()], [], plan);
      expect(measureRow(ret, '3', measure)).toMatchObject({ targetValue: target, actual });
      // A words-only trajectory is no measure, and its actual stays on the milestone rows only.
      expect(ret.measures.filter((m) => m.actual !== null).length).toBe(actual === null ? 0 : 1);
    });

    it('lists the measures for a quarter outside the plan year, with no targets or actuals', () => {
      const ret = build('2030-Q2', []);
      expect(ret.measures).toHaveLength(25);
      expect(ret.measures.every((m) => m.targetValue === null && m.actual === null)).toBe(true);
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
