import { demoPlan } from '../../src/demo/demo-plan';
import { buildQuarterlyReport, reportDocument } from '../../src/domain/quarterly-report';
import { parseQuarter } from '../../src/domain/quarters';
import type { StoredUpdate } from '../../src/domain/workstream-update.schema';
import type { Block } from '../../src/domain/document.model';

const text = (blocks: readonly Block[]): string => JSON.stringify(blocks);

const plan = demoPlan();
const q2Milestones = plan.deliveryPlan.workstreams.flatMap((w) => w.quarters.Q2.milestones.map((m) => m.text));

// A post stored for another year's Q2 (before such posts were refused) names the plan's Q2 milestones.
const strayUpdate = (quarter: string): StoredUpdate => ({
  id: 'upd-stray',
  workstreamId: 'ws-3',
  quarter,
  sequence: 1,
  authorId: 'annie.williams',
  at: '2030-08-01T10:00:00.000Z',
  milestones: [{ milestoneId: plan.deliveryPlan.workstreams.find((w) => w.id === 'ws-3')!.quarters.Q2.milestones[0]!.id, status: 'complete', rag: 'Green', note: null }],
  actual: null,
  narrative: null,
  blockers: null,
  supportNeeded: null,
});

describe('the highlight report for a quarter the plan has no milestones for', () => {
  it.each([
    ['2030-Q2', 'is outside the 2026-27 plan’s delivery year (July 2026 to March 2027), so the plan has no milestones for it.'],
    ['2027-Q2', 'is outside the 2026-27 plan’s delivery year'],
    ['2025-Q4', 'is outside the 2026-27 plan’s delivery year'],
    ['2026-Q1', 'is the planning quarter of the 2026-27 plan'],
  ])('%s counts no milestones, expects no updates and says why', (id, why) => {
    const report = buildQuarterlyReport(plan, parseQuarter(id), [strayUpdate(id)], []);
    expect(report.column).toBeNull();
    expect(report.noMilestones).toContain(why);
    expect(report.missing).toEqual([]);
    for (const w of report.workstreams) {
      expect(w.ragCounts).toEqual({ Red: 0, Amber: 0, Green: 0, none: 0 });
      expect(w.target).toBeNull();
    }
    const doc = text(reportDocument(plan, report, new Map()).blocks);
    expect(doc).toContain(why);
    expect(doc).toContain('None expected: the plan has no milestones for this quarter.');
    for (const m of q2Milestones) expect(doc).not.toContain(m);
  });

  it('2026-Q2 is the plan’s own Q2: its milestones are counted and listed', () => {
    const report = buildQuarterlyReport(plan, parseQuarter('2026-Q2'), [], []);
    expect(report.column).toBe('Q2');
    expect(report.noMilestones).toBeNull();
    expect(report.missing).toHaveLength(plan.deliveryPlan.workstreams.length);
    expect(report.workstreams.reduce((n, w) => n + w.ragCounts.none, 0)).toBe(q2Milestones.length);
  });
});

describe('the highlight report document', () => {
  it.each([
    ['2026-Q3', 'Highlight report: Quarter 3 of 2026-27 (October to December 2026)'],
    ['2026-Q4', 'Highlight report: Quarter 4 of 2026-27 (January to March 2027)'],
  ])('%s is named as the financial year’s quarter, with its months', (id, title) => {
    const doc = reportDocument(plan, buildQuarterlyReport(plan, parseQuarter(id), [], []), new Map());
    expect(doc.title).toBe(title);
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: title });
    expect(text(doc.blocks)).not.toMatch(/\d{4}-Q\d|Q\d \(/);
  });

  it('names who posted an update, and never shows an internal id for someone no longer on the roster', () => {
    const update = { ...strayUpdate('2026-Q2'), authorId: '00000000-0000-0000-0000-000000000099' };
    const report = buildQuarterlyReport(plan, parseQuarter('2026-Q2'), [update], []);
    expect(text(reportDocument(plan, report, new Map([[update.authorId, 'Annie Williams']])).blocks)).toContain('Posted by Annie Williams on 2030-08-01');
    const doc = text(reportDocument(plan, report, new Map()).blocks);
    expect(doc).not.toContain(update.authorId);
    expect(doc).toContain('Posted by someone no longer on the roster');
  });
});
