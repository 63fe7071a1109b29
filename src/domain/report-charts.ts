import type { Plan, RiskScale, Workstream } from './plan.schema';
import { deliveryColumn, deliveryQuarters, quarterWords, type Quarter } from './quarters';
import type { ChartData, RagBucket } from './report-charts.model';
import type { RiskMatrix } from './risk-rating';
import type { StoredSpendActual } from './spend-actuals.schema';
import type { StoredUpdate } from './workstream-update.schema';

export interface ReportChartsInput {
  readonly plan: Plan;
  /** The report's quarter. */
  readonly quarter: Quarter;
  /** The latest post per workstream for each quarter of the plan's year up to the report's quarter. */
  readonly latest: readonly StoredUpdate[];
  readonly spendActuals: readonly StoredSpendActual[];
  readonly matrices: Readonly<Record<RiskScale, RiskMatrix>>;
}

type Chart<T extends ChartData['type']> = Extract<ChartData, { type: T }>;

export const RAG_BUCKETS: readonly RagBucket[] = ['Green', 'Amber', 'Red', 'Not rated'];

const workstreamLabel = (w: Workstream) => `Workstream ${w.code}`;

// Quarter ids sort as text ("2026-Q2" < "2026-Q3"), so "up to the report" is a string compare.
const upTo = (quarter: Quarter) => (q: Quarter) => q.id <= quarter.id;

/** Defensive: the caller passes one post per workstream and quarter, but if not the newest wins. */
const latestFor = (latest: readonly StoredUpdate[], workstreamId: string, quarterId: string): StoredUpdate | null =>
  latest
    .filter((u) => u.workstreamId === workstreamId && u.quarter === quarterId)
    .reduce<StoredUpdate | null>((best, u) => (best && best.sequence >= u.sequence ? best : u), null);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Not after a letter or digit, so "Q3" or "KS2" never read as 3 or 2; thousands separators allowed.
const NUMBER = '(?<![\\p{L}\\d.])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';

/**
 * The figure in a lead's free-text actual ("46%", "46.5 %"). Leads often repeat the metric
 * ("20 week timescale: 46%"), whose own digits are not the answer, so the metric is dropped
 * and a number carrying the target's unit is preferred.
 */
export const parseActual = (actual: string | null, metric: string | null = null, unit: string | null = null): number | null => {
  if (!actual) return null;
  const text = metric?.trim() ? actual.replace(new RegExp(escapeRegExp(metric.trim()), 'giu'), ' ') : actual;
  const withUnit = unit?.trim() ? new RegExp(`(${NUMBER})\\s*${escapeRegExp(unit.trim())}`, 'u').exec(text) : null;
  const match = withUnit?.[1] ?? new RegExp(NUMBER, 'u').exec(text)?.[0];
  if (match === undefined) return null;
  const value = Number(match.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
};

const milestonesByRag = ({ plan, quarter, latest }: ReportChartsInput): Chart<'milestones-by-rag'> => ({
  type: 'milestones-by-rag',
  title: `Milestones by RAG rating, ${quarterWords(quarter)}`,
  rows: plan.deliveryPlan.workstreams.flatMap((w) => {
    const column = deliveryColumn(plan.meta.reportingYear, quarter);
    const planned = column ? w.quarters[column].milestones : [];
    const update = latestFor(latest, w.id, quarter.id);
    const counts: Record<RagBucket, number> = { Green: 0, Amber: 0, Red: 0, 'Not rated': 0 };
    for (const m of planned) counts[update?.milestones.find((p) => p.milestoneId === m.id)?.rag ?? 'Not rated'] += 1;
    return RAG_BUCKETS.map((rag) => ({ workstream: workstreamLabel(w), rag, count: counts[rag] }));
  }),
});

const trajectory = ({ plan, quarter, latest }: ReportChartsInput): Chart<'trajectory'> => {
  const quarters = deliveryQuarters(plan.meta.reportingYear).filter(upTo(quarter));
  const rows = plan.deliveryPlan.workstreams.flatMap((w) =>
    quarters.flatMap((q) => {
      const t = w.quarters[q.column].trajectory;
      const actual = parseActual(latestFor(latest, w.id, q.id)?.actual ?? null, t.metric, t.unit);
      const base = { workstream: workstreamLabel(w), quarter: q.label, unit: t.unit };
      return [
        ...(t.target === null ? [] : [{ ...base, series: 'Target' as const, value: t.target }]),
        ...(actual === null ? [] : [{ ...base, series: 'Actual' as const, value: actual }]),
      ];
    }),
  );
  return { type: 'trajectory', title: `Target trajectory and actual, ${plan.meta.reportingYear}`, rows };
};

const levelOf = (levels: readonly string[], value: string | null): string | undefined =>
  value === null ? undefined : levels.find((l) => l.toLowerCase() === value.trim().toLowerCase());

const riskHeatmap = ({ plan, matrices }: ReportChartsInput): Chart<'risk-heatmap'> => {
  const open = plan.risks.risks.filter((r) => r.status === 'open');
  const uses = new Map<RiskScale, number>();
  for (const r of open) uses.set(r.scale, (uses.get(r.scale) ?? 0) + 1);
  // Ties go to the scale met first in the plan; with no open risks, the reference plan's scale.
  const scale = [...uses].reduce<[RiskScale, number] | null>((best, e) => (best && best[1] >= e[1] ? best : e), null)?.[0] ?? 'high-medium-low';
  const matrix = matrices[scale];
  const cells = matrix.impactLevels.flatMap((impact, i) =>
    matrix.likelihoodLevels.flatMap((likelihood, l) => {
      const rag = matrix.cells[i]?.[l];
      return rag ? [{ impact, likelihood, rag }] : [];
    }),
  );
  const placed = open.flatMap((r) => {
    const impact = levelOf(matrix.impactLevels, r.impact);
    const likelihood = levelOf(matrix.likelihoodLevels, r.likelihood);
    return r.scale === scale && impact && likelihood ? [{ description: r.description, impact, likelihood }] : [];
  });
  return {
    type: 'risk-heatmap',
    title: 'Open risks by impact and likelihood',
    impactLevels: matrix.impactLevels,
    likelihoodLevels: matrix.likelihoodLevels,
    cells,
    risks: placed.map((r, i) => ({ label: `R${i + 1}`, ...r })),
  };
};

const spend = ({ plan, quarter, spendActuals }: ReportChartsInput): Chart<'spend'> => {
  const { spend: lines, fundingSources } = plan.deliveryPlan;
  const rows = deliveryQuarters(plan.meta.reportingYear).flatMap((q) => {
    const d = q.column;
    const projected = lines.reduce((sum, line) => sum + fundingSources.reduce((s, src) => s + (line.amounts[d][src.id] ?? 0), 0), 0);
    const actuals = spendActuals.filter((a) => a.quarter === q.id);
    // No entries is "not recorded yet", not "spent nothing": leave the bar out rather than draw a zero.
    const actual = upTo(quarter)(q) && actuals.length ? [{ quarter: q.label, series: 'Actual' as const, pence: actuals.reduce((s, a) => s + a.amountPence, 0) }] : [];
    return [{ quarter: q.label, series: 'Projected' as const, pence: projected }, ...actual];
  });
  return { type: 'spend', title: `Spend: projected and actual, ${plan.meta.reportingYear}`, rows };
};

/** The highlight report's four charts, in the order the report shows them. */
export const buildReportCharts = (input: ReportChartsInput): ChartData[] => [milestonesByRag(input), trajectory(input), riskHeatmap(input), spend(input)];
