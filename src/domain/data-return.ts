import type { Plan, RagRating, RiskScale } from './plan.schema';
import { deliveryColumn, noMilestonesReason, type Quarter } from './quarters';
import type { StoredSpendActual } from './spend-actuals.schema';
import { MILESTONE_STATUSES, type StoredUpdate } from './workstream-update.schema';

/**
 * The quarterly data return (Q13 "Reporting to DfE"): the quarter's milestones, the whole risk
 * register and projected against actual spend, as flat rows a data team can load as they are.
 * Every value is a string, a number or null, so the CSV and the workbook write the same thing.
 */

export const NOT_REPORTED = 'Not reported';
export const TOTAL_CATEGORY = 'Total';

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
  readonly partnership: { readonly localAuthority: string | null; readonly integratedCareBoard: string | null };
  readonly plan: { readonly title: string; readonly reportingYear: string };
  readonly quarter: { readonly id: string; readonly label: string };
  /** Why there are no milestone rows, in words (the planning quarter, or outside the plan's year); null when there are. */
  readonly milestonesNote: string | null;
  readonly milestones: readonly MilestoneRow[];
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

const milestoneRows = (plan: Plan, quarter: Quarter, latest: readonly StoredUpdate[]): MilestoneRow[] => {
  const column = planColumn(plan, quarter);
  if (!column) return [];
  return plan.deliveryPlan.workstreams.flatMap((w) => {
    const update = latest.find((u) => u.workstreamId === w.id && u.quarter === quarter.id) ?? null;
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
  partnership: { localAuthority: plan.header.localAuthority, integratedCareBoard: plan.header.integratedCareBoard },
  plan: { title: plan.meta.title, reportingYear: plan.meta.reportingYear },
  quarter: { id: quarter.id, label: quarter.label },
  milestonesNote: noMilestonesReason(plan.meta.reportingYear, quarter),
  milestones: milestoneRows(plan, quarter, latest),
  risks: riskRows(plan),
  spend: spendRows(plan, quarter, spendActuals),
});
