import { DELIVERY_QUARTERS, type Plan, type RagRating, type RiskScale, type SuccessMeasure, type Trajectory, type Workstream } from './plan.schema';
import { deliveryColumn, noMilestonesReason, type Quarter } from './quarters';
import { parseActual } from './report-charts';
import type { StoredSpendActual } from './spend-actuals.schema';
import { MILESTONE_STATUSES, type StoredUpdate } from './workstream-update.schema';

/**
 * The quarterly data return (Q13 "Reporting to DfE"): the quarter's milestones, the plan's
 * success measures with the quarter's target and actual, the whole risk register and projected
 * against actual spend, as flat rows a data team can load as they are. Every value is a string,
 * a number or null, so the CSV and the workbook write the same thing.
 */

export const NOT_REPORTED = 'Not reported';
export const TOTAL_CATEGORY = 'Total';
/** The measure's name when a workstream's trajectory has a target figure but no metric. */
export const TRAJECTORY_MEASURE = 'Target trajectory';
export const NO_LA_CODE =
  'The plan’s header gives no local authority code (the DfE’s three-digit local authority number, such as 893), so it is empty on every row.';

export interface MilestoneRow {
  readonly workstreamCode: string;
  readonly workstreamName: string;
  readonly lead: string | null;
  readonly milestoneId: string;
  readonly milestone: string;
  /** The status in words, e.g. "On track"; "Not reported" when the latest update does not cover it. */
  readonly status: string;
  readonly rag: RagRating | null;
  readonly note: string | null;
  readonly targetTrajectory: string | null;
  readonly targetValue: number | null;
  readonly unit: string | null;
  readonly actual: string | null;
  readonly postedAt: string | null;
  readonly postedBy: string | null;
}

/** Where in the plan a success measure is set: Q2 and Q5 for the partnership, Q6 for a workstream. */
export type MeasureQuestion = 'Q2' | 'Q5' | 'Q6';

export interface MeasureRow {
  readonly question: MeasureQuestion;
  /** The workstream's, on a Q6 measure; null on Q2 and Q5, which belong to the whole partnership. */
  readonly workstreamCode: string | null;
  readonly workstreamName: string | null;
  readonly lead: string | null;
  /** The row's stable id in the Q2 or Q5 table; null on Q6, where the plan keeps measures as lines. */
  readonly measureId: string | null;
  readonly measure: string | null;
  readonly unit: string | null;
  /** Q2 and Q5 only, as the plan words them. */
  readonly baseline: string | null;
  readonly planTarget: string | null;
  /** The quarter's target trajectory, on the Q6 measure it is a figure of. */
  readonly targetTrajectory: string | null;
  readonly targetValue: number | null;
  /** From the workstream's latest update for the quarter, as typed, and the figure in it. */
  readonly actual: string | null;
  readonly actualValue: number | null;
  readonly postedAt: string | null;
  readonly postedBy: string | null;
}

export interface RiskRow {
  readonly riskId: string;
  readonly description: string;
  readonly scale: string;
  readonly impact: string | null;
  readonly likelihood: string | null;
  readonly rag: RagRating | null;
  readonly mitigation: string | null;
  readonly residualRag: RagRating | null;
  readonly headline: 'yes' | 'no';
  readonly status: 'Open' | 'Closed';
  readonly closedReason: string | null;
}

export interface SpendRow {
  readonly kind: 'line' | 'total';
  /** Null on a total row. */
  readonly lineId: string | null;
  readonly category: string;
  readonly sourceId: string;
  readonly fundingSource: string;
  /** Pence; null when the plan leaves the cell blank or has no column for the quarter. */
  readonly projectedPence: number | null;
  /** Pence; null when nothing has been recorded. */
  readonly actualPence: number | null;
  /** actual − projected in pence: negative is an underspend. Null unless both are known. */
  readonly variancePence: number | null;
}

export interface DataReturn {
  readonly partnership: { readonly localAuthority: string | null; readonly laCode: string | null; readonly integratedCareBoard: string | null };
  readonly plan: { readonly title: string; readonly reportingYear: string };
  readonly quarter: { readonly id: string; readonly label: string };
  /** Why there are no milestone rows, in words (the planning quarter, or outside the plan's year); null when there are. */
  readonly milestonesNote: string | null;
  /** That the plan gives no local authority code, in words; null when it gives one. */
  readonly laCodeNote: string | null;
  readonly milestones: readonly MilestoneRow[];
  readonly measures: readonly MeasureRow[];
  readonly risks: readonly RiskRow[];
  readonly spend: readonly SpendRow[];
}

export interface DataReturnInput {
  readonly plan: Plan;
  readonly quarter: Quarter;
  /** The latest post per workstream for the quarter; posts for other quarters are ignored. */
  readonly latest: readonly StoredUpdate[];
  readonly spendActuals: readonly StoredSpendActual[];
}

export const SCALE_WORDS: Readonly<Record<RiskScale, string>> = {
  'high-medium-low': 'High / Medium / Low',
  'annex-c': 'Annex C (5 × 5)',
};

const statusWords = (id: string): string => MILESTONE_STATUSES.find((s) => s.id === id)?.title ?? id;

const subtract = (actual: number | null, projected: number | null): number | null =>
  actual === null || projected === null ? null : actual - projected;

/** Null only when every value is null: a total of nothing is unknown, not zero. */
const sumKnown = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>((sum, v) => (v === null ? sum : (sum ?? 0) + v), null);

const planColumn = (plan: Plan, quarter: Quarter) => deliveryColumn(plan.meta.reportingYear, quarter);

const updateFor = (latest: readonly StoredUpdate[], workstreamId: string, quarter: Quarter): StoredUpdate | null =>
  latest.find((u) => u.workstreamId === workstreamId && u.quarter === quarter.id) ?? null;

const milestoneRows = (plan: Plan, quarter: Quarter, latest: readonly StoredUpdate[]): MilestoneRow[] => {
  const column = planColumn(plan, quarter);
  if (!column) return [];
  return plan.deliveryPlan.workstreams.flatMap((w) => {
    const update = updateFor(latest, w.id, quarter);
    const { milestones, trajectory } = w.quarters[column];
    return milestones.map((m): MilestoneRow => {
      const progress = update?.milestones.find((p) => p.milestoneId === m.id) ?? null;
      return {
        workstreamCode: w.code,
        workstreamName: w.name,
        lead: w.lead,
        milestoneId: m.id,
        milestone: m.text,
        status: progress ? statusWords(progress.status) : NOT_REPORTED,
        rag: progress?.rag ?? null,
        note: progress?.note ?? null,
        targetTrajectory: trajectory.text,
        targetValue: trajectory.target,
        unit: trajectory.unit,
        actual: update?.actual ?? null,
        postedAt: update?.at ?? null,
        postedBy: update?.authorId ?? null,
      };
    });
  });
};

const NO_FIGURES = { unit: null, baseline: null, planTarget: null, targetTrajectory: null, targetValue: null, actual: null, actualValue: null, postedAt: null, postedBy: null } as const;

/** A measure's name as text to compare: "20 Week  timescale" and "20 week timescale" are one measure. */
const measureKey = (name: string | null): string => (name ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** A trajectory is a measure when it is a figure: it names a metric or sets a target. */
const isFigure = (t: Trajectory): boolean => t.metric !== null || t.target !== null;

const partnershipMeasures = (question: 'Q2' | 'Q5', measures: readonly SuccessMeasure[]): MeasureRow[] =>
  measures
    // A row left wholly blank in the plan's table measures nothing.
    .filter((m) => m.name !== null || m.baseline !== null || m.target !== null)
    .map((m) => ({ ...NO_FIGURES, question, workstreamCode: null, workstreamName: null, lead: null, measureId: m.id, measure: m.name, baseline: m.baseline, planTarget: m.target }));

/**
 * A workstream's measures: its success measures as the plan lists them, then each metric of its
 * target trajectory that the list does not name. The quarter's target and the lead's actual go
 * on the measure the quarter's trajectory is a figure of; the plan holds no baseline for them.
 */
const workstreamMeasures = (w: Workstream, quarter: Quarter, column: ReturnType<typeof planColumn>, update: StoredUpdate | null): MeasureRow[] => {
  const figures = DELIVERY_QUARTERS.map((q) => w.quarters[q].trajectory).filter(isFigure);
  const current = column && isFigure(w.quarters[column].trajectory) ? w.quarters[column].trajectory : null;
  const names = [...w.successMeasures];
  for (const t of figures) {
    const name = t.metric ?? TRAJECTORY_MEASURE;
    if (!names.some((n) => measureKey(n) === measureKey(name))) names.push(name);
  }
  return names.map((measure): MeasureRow => {
    const key = measureKey(measure);
    const first = figures.find((t) => measureKey(t.metric ?? TRAJECTORY_MEASURE) === key) ?? null;
    const now = current && measureKey(current.metric ?? TRAJECTORY_MEASURE) === key ? current : null;
    const reported = now ? update : null;
    const actual = reported?.actual ?? null;
    return {
      ...NO_FIGURES,
      question: 'Q6',
      workstreamCode: w.code,
      workstreamName: w.name,
      lead: w.lead,
      measureId: null,
      measure,
      unit: (now ?? first)?.unit ?? null,
      targetTrajectory: now?.text ?? null,
      targetValue: now?.target ?? null,
      actual,
      actualValue: now ? parseActual(actual, now.metric, now.unit) : null,
      postedAt: reported?.at ?? null,
      postedBy: reported?.authorId ?? null,
    };
  });
};

const measureRows = (plan: Plan, quarter: Quarter, latest: readonly StoredUpdate[]): MeasureRow[] => {
  const column = planColumn(plan, quarter);
  return [
    ...partnershipMeasures('Q2', plan.threeYearPicture.successMeasures),
    ...partnershipMeasures('Q5', plan.roadmap.successMeasures),
    ...plan.deliveryPlan.workstreams.flatMap((w) => workstreamMeasures(w, quarter, column, updateFor(latest, w.id, quarter))),
  ];
};

const riskRows = (plan: Plan): RiskRow[] =>
  plan.risks.risks.map((r) => ({
    riskId: r.id,
    description: r.description,
    scale: SCALE_WORDS[r.scale],
    impact: r.impact,
    likelihood: r.likelihood,
    rag: r.rag,
    mitigation: r.mitigation,
    residualRag: r.residualRag,
    headline: r.headline ? 'yes' : 'no',
    status: r.status === 'open' ? 'Open' : 'Closed',
    closedReason: r.closedReason,
  }));

/** A correction is a new entry, so the latest entry for a cell is the figure that stands. */
const latestActuals = (actuals: readonly StoredSpendActual[], quarterId: string): Map<string, StoredSpendActual> => {
  const byCell = new Map<string, StoredSpendActual>();
  for (const a of actuals) {
    if (a.quarter !== quarterId) continue;
    const key = `${a.lineId}\u0000${a.sourceId}`;
    const seen = byCell.get(key);
    if (!seen || a.at >= seen.at) byCell.set(key, a);
  }
  return byCell;
};

const spendRows = (plan: Plan, quarter: Quarter, spendActuals: readonly StoredSpendActual[]): SpendRow[] => {
  const column = planColumn(plan, quarter);
  const { spend, fundingSources } = plan.deliveryPlan;
  const actuals = latestActuals(spendActuals, quarter.id);
  const sourceName = new Map(fundingSources.map((s) => [s.id, s.name]));
  const rows: SpendRow[] = [];
  for (const line of spend) {
    for (const source of fundingSources) {
      const key = `${line.id}\u0000${source.id}`;
      const projected = column ? (line.amounts[column][source.id] ?? null) : null;
      const actual = actuals.get(key)?.amountPence ?? null;
      actuals.delete(key);
      rows.push({
        kind: 'line',
        lineId: line.id,
        category: line.category,
        sourceId: source.id,
        fundingSource: source.name,
        projectedPence: projected,
        actualPence: actual,
        variancePence: subtract(actual, projected),
      });
    }
  }
  // Money recorded against a line or source the plan has since dropped still has to be returned.
  for (const a of actuals.values()) {
    rows.push({
      kind: 'line',
      lineId: a.lineId,
      category: `${a.lineId} (no longer in the plan)`,
      sourceId: a.sourceId,
      fundingSource: sourceName.get(a.sourceId) ?? `${a.sourceId} (no longer in the plan)`,
      projectedPence: null,
      actualPence: a.amountPence,
      variancePence: null,
    });
  }
  const sourceIds = [...new Set([...fundingSources.map((s) => s.id), ...rows.map((r) => r.sourceId)])];
  const totals = sourceIds.map((sourceId): SpendRow => {
    const lines = rows.filter((r) => r.sourceId === sourceId);
    const projected = sumKnown(lines.map((r) => r.projectedPence));
    const actual = sumKnown(lines.map((r) => r.actualPence));
    return {
      kind: 'total',
      lineId: null,
      category: TOTAL_CATEGORY,
      sourceId,
      fundingSource: lines[0]?.fundingSource ?? sourceName.get(sourceId) ?? sourceId,
      projectedPence: projected,
      actualPence: actual,
      variancePence: subtract(actual, projected),
    };
  });
  return [...rows, ...totals];
};

/** The quarter's data return, built from the plan and what has been recorded against it. */
export const buildDataReturn = ({ plan, quarter, latest, spendActuals }: DataReturnInput): DataReturn => ({
  partnership: { localAuthority: plan.header.localAuthority, laCode: plan.header.laCode, integratedCareBoard: plan.header.integratedCareBoard },
  plan: { title: plan.meta.title, reportingYear: plan.meta.reportingYear },
  quarter: { id: quarter.id, label: quarter.label },
  milestonesNote: noMilestonesReason(plan.meta.reportingYear, quarter),
  laCodeNote: plan.header.laCode === null ? NO_LA_CODE : null,
  milestones: milestoneRows(plan, quarter, latest),
  measures: measureRows(plan, quarter, latest),
  risks: riskRows(plan),
  spend: spendRows(plan, quarter, spendActuals),
});
