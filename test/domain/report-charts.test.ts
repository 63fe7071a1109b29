import { demoPlan } from '../../src/demo/demo-plan';
import type { Plan, RagRating, Risk } from '../../src/domain/plan.schema';
import { parseQuarter } from '../../src/domain/quarters';
import { buildReportCharts, parseActual, type ReportChartsInput } from '../../src/domain/report-charts';
import type { ChartData } from '../../src/domain/report-charts.model';
import { DEFAULT_MATRICES, matricesFrom } from '../../src/domain/risk-rating';
import type { StoredSpendActual } from '../../src/domain/spend-actuals.schema';
import type { StoredUpdate } from '../../src/domain/workstream-update.schema';

const update = (workstreamId: string, quarter: string, actual: string | null, milestones: [string, RagRating | null][], sequence = 1): StoredUpdate => ({
  id: `${workstreamId}-${quarter}-${sequence}`,
  sequence,
  authorId: 'lead',
  at: '2026-11-01T09:00:00Z',
  workstreamId,
  quarter,
  milestones: milestones.map(([milestoneId, rag]) => ({ milestoneId, rag, status: 'on-track', note: null })),
  actual,
  narrative: null,
  blockers: null,
  supportNeeded: null,
});

const spent = (quarter: string, amountPence: number): StoredSpendActual => ({ quarter, lineId: 'eaho', sourceId: 'eah', amountPence, enteredBy: 'finance', at: '2026-11-01T09:00:00Z' });

const LATEST = [
  update('ws-3', '2026-Q2', '20 week timescale: 46%', [['ws-3-q2-m1', 'Green']]),
  update('ws-3', '2026-Q3', '52.5 %', [['ws-3-q3-m1', 'Amber']]),
  update('ws-1a', '2026-Q3', 'Partial launch', [
    ['ws-1a-q3-m1', 'Green'],
    ['ws-1a-q3-m2', 'Red'],
  ]),
  update('ws-2', '2026-Q3', null, [['ws-2-q3-m1', null]]),
];

const build = (over: Partial<ReportChartsInput> = {}) =>
  buildReportCharts({ plan: demoPlan(), quarter: parseQuarter('2026-Q3'), latest: LATEST, spendActuals: [], matrices: DEFAULT_MATRICES, ...over });

const chart = <T extends ChartData['type']>(charts: ChartData[], type: T) => charts.find((c): c is Extract<ChartData, { type: T }> => c.type === type)!;

describe('report charts', () => {
  it('gives the four charts in the report order', () => {
    expect(build().map((c) => c.type)).toEqual(['milestones-by-rag', 'trajectory', 'risk-heatmap', 'spend']);
  });

  describe('milestones by RAG', () => {
    const counts = (charts: ChartData[], ws: string) =>
      Object.fromEntries(chart(charts, 'milestones-by-rag').rows.filter((r) => r.workstream === ws).map((r) => [r.rag, r.count]));

    it.each([
      ['Workstream 1a', { Green: 1, Amber: 0, Red: 1, 'Not rated': 0 }],
      // No update this quarter: every planned milestone is not rated.
      ['Workstream 1', { Green: 0, Amber: 0, Red: 0, 'Not rated': 3 }],
      // Reported without a RAG.
      ['Workstream 2', { Green: 0, Amber: 0, Red: 0, 'Not rated': 1 }],
      // Only the Q3 post counts; the Q2 Green does not leak in.
      ['Workstream 3', { Green: 0, Amber: 1, Red: 0, 'Not rated': 0 }],
    ])('%s in 2026-Q3: %o', (ws, expected) => {
      expect(counts(build(), ws)).toEqual(expected);
    });

    it('keeps zero rows so every workstream shows, in plan order, and titles the quarter', () => {
      const c = chart(build(), 'milestones-by-rag');
      expect(c.rows).toHaveLength(4 * 4);
      expect([...new Set(c.rows.map((r) => r.workstream))]).toEqual(['Workstream 1a', 'Workstream 1', 'Workstream 2', 'Workstream 3']);
      expect(c.title).toBe('Milestones by RAG rating, Quarter 3 of 2026-27 (October to December 2026)');
    });

    it('counts nothing for the planning quarter, which has no delivery column', () => {
      const c = chart(build({ quarter: parseQuarter('2026-Q1') }), 'milestones-by-rag');
      expect(c.rows).toHaveLength(16);
      expect(c.rows.every((r) => r.count === 0)).toBe(true);
    });

    it('uses the newest post when given more than one for a quarter', () => {
      const latest = [update('ws-3', '2026-Q3', null, [['ws-3-q3-m1', 'Red']], 2), update('ws-3', '2026-Q3', null, [['ws-3-q3-m1', 'Green']], 1)];
      expect(counts(build({ latest }), 'Workstream 3')).toMatchObject({ Red: 1, Green: 0 });
    });
  });

  describe('trajectory', () => {
    it('plots target and parsed actual for each quarter up to the report, for numeric trajectories only', () => {
      expect(chart(build(), 'trajectory').rows).toEqual([
        { workstream: 'Workstream 3', quarter: 'Q2 (Jul–Sep 2026)', series: 'Target', value: 40, unit: '%' },
        { workstream: 'Workstream 3', quarter: 'Q2 (Jul–Sep 2026)', series: 'Actual', value: 46, unit: '%' },
        { workstream: 'Workstream 3', quarter: 'Q3 (Oct–Dec 2026)', series: 'Target', value: 50, unit: '%' },
        { workstream: 'Workstream 3', quarter: 'Q3 (Oct–Dec 2026)', series: 'Actual', value: 52.5, unit: '%' },
      ]);
    });

    it('shows the whole year by Q4, skipping an actual with no figure', () => {
      const latest = [...LATEST, update('ws-3', '2026-Q4', 'not yet known', [])];
      const rows = chart(build({ latest, quarter: parseQuarter('2026-Q4') }), 'trajectory').rows;
      expect(rows.filter((r) => r.quarter === 'Q4 (Jan–Mar 2027)')).toEqual([{ workstream: 'Workstream 3', quarter: 'Q4 (Jan–Mar 2027)', series: 'Target', value: 60, unit: '%' }]);
    });

    it.each([
      ['46%', null, null, 46],
      ['46.5 %', null, null, 46.5],
      ['about 1,234 children', null, null, 1234],
      ['-3.5 points', null, null, -3.5],
      // The lead repeats the metric; its digits are not the answer.
      ['20 week timescale: 46%', '20 week timescale', '%', 46],
      ['20 week timescale: 46%', null, '%', 46],
      // A quarter or key stage name is not a figure.
      ['Q3: 48', null, null, 48],
      ['KS2 pupils 310', null, null, 310],
      ['not yet known', null, null, null],
      [null, null, null, null],
    ])('reads %p (metric %p, unit %p) as %p', (actual, metric, unit, expected) => {
      expect(parseActual(actual, metric, unit)).toBe(expected);
    });
  });

  describe('risk heat map', () => {
    const withRisks = (risks: Risk[]): Plan => ({ ...demoPlan(), risks: { note: null, matrixNote: null, risks } });
    const risk = (id: string, over: Partial<Risk>): Risk => ({
      id,
      description: `Risk ${id}`,
      scale: 'high-medium-low',
      impact: 'High',
      likelihood: 'High',
      rag: null,
      mitigation: null,
      residualRag: null,
      headline: false,
      status: 'open',
      closedReason: null,
      owner: null,
      ...over,
    });

    it('places the demo plan open risks on the high/medium/low matrix, labelled in plan order', () => {
      const c = chart(build(), 'risk-heatmap');
      expect(c.impactLevels).toEqual(['Low', 'Medium', 'High']);
      expect(c.likelihoodLevels).toEqual(['Low', 'Medium', 'High']);
      expect(c.cells).toHaveLength(9);
      expect(c.cells).toContainEqual({ impact: 'High', likelihood: 'High', rag: 'Red' });
      expect(c.cells).toContainEqual({ impact: 'Low', likelihood: 'High', rag: 'Amber' });
      expect(c.risks.map((r) => [r.label, r.impact, r.likelihood])).toEqual([
        ['R1', 'High', 'High'],
        ['R2', 'High', 'Medium'],
        ['R3', 'High', 'Medium'],
        ['R4', 'High', 'Medium'],
        ['R5', 'Medium', 'Medium'],
      ]);
    });

    it('leaves out closed and unplaceable risks, matches levels whatever their case, and numbers without gaps', () => {
      const plan = withRisks([
        risk('closed', { status: 'closed' }),
        risk('unrated', { impact: null }),
        risk('other-words', { impact: 'Severe' }),
        risk('lower-case', { impact: 'medium ', likelihood: 'LOW' }),
        risk('other-scale', { scale: 'annex-c', impact: 'Crisis', likelihood: 'Likely' }),
      ]);
      expect(chart(build({ plan }), 'risk-heatmap').risks).toEqual([{ label: 'R1', description: 'Risk lower-case', impact: 'Medium', likelihood: 'Low' }]);
    });

    it('uses the scale most open risks use, and the partnership’s own colouring', () => {
      const plan = withRisks([
        risk('a', { scale: 'annex-c', impact: 'Crisis', likelihood: 'Very Likely' }),
        risk('b', { scale: 'annex-c', impact: 'moderate', likelihood: 'possible' }),
        risk('c', {}),
      ]);
      const red = matricesFrom({ 'annex-c': Array.from({ length: 5 }, () => Array<RagRating>(5).fill('Red')) });
      const c = chart(build({ plan, matrices: red }), 'risk-heatmap');
      expect(c.impactLevels).toEqual(['Negligible', 'Marginal', 'Moderate', 'Critical', 'Crisis']);
      expect(c.cells).toHaveLength(25);
      expect(c.cells.every((cell) => cell.rag === 'Red')).toBe(true);
      expect(c.risks.map((r) => `${r.label} ${r.impact}/${r.likelihood}`)).toEqual(['R1 Crisis/Very Likely', 'R2 Moderate/Possible']);
    });

    it('draws an empty high/medium/low matrix when nothing is open', () => {
      const c = chart(build({ plan: withRisks([]) }), 'risk-heatmap');
      expect(c.cells).toHaveLength(9);
      expect(c.risks).toEqual([]);
    });
  });

  describe('spend', () => {
    const actuals = [spent('2026-Q2', 6_000_000), spent('2026-Q2', 3_800_000), spent('2026-Q4', 1_000_000), spent('2025-Q3', 999)];
    const rows = chart(build({ spendActuals: actuals }), 'spend').rows;

    // The reference plan: Q2 £105,000 + £0; Q3 £43,750 + £400,000; Q4 £43,750 + £600,000.
    it.each([
      ['Q2 (Jul–Sep 2026)', 10_500_000, 9_800_000],
      // Up to the report quarter but nothing recorded: no Actual bar rather than a false zero.
      ['Q3 (Oct–Dec 2026)', 44_375_000, undefined],
      // After the report quarter: no Actual even though some was entered.
      ['Q4 (Jan–Mar 2027)', 64_375_000, undefined],
    ])('%s: projected %p pence, actual %p', (quarter, projected, actual) => {
      expect(rows.find((r) => r.quarter === quarter && r.series === 'Projected')?.pence).toBe(projected);
      expect(rows.find((r) => r.quarter === quarter && r.series === 'Actual')?.pence).toBe(actual);
    });

    it('lists projected before actual within each quarter', () => {
      expect(rows.map((r) => `${r.quarter.slice(0, 2)} ${r.series}`)).toEqual(['Q2 Projected', 'Q2 Actual', 'Q3 Projected', 'Q4 Projected']);
    });
  });
});
