import type { DataReturn, MeasureRow, MilestoneRow, RiskRow, SpendRow } from '../domain/data-return';
import { toCsv } from './csv.writer';

type Value = string | number | null;

/**
 * Money as plain pounds, a number a spreadsheet or pandas reads without cleaning: 43750, or
 * 43750.50 when there are pence. No currency symbol and no thousands separator.
 */
export const poundsText = (pence: number | null): string | null => {
  if (pence === null) return null;
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
};

/**
 * One table for the four sections: every row has every column, blank where it does not apply.
 * Every row names the local authority and the quarter, so returns stack into one table.
 */
export const DATA_RETURN_COLUMNS = [
  'section',
  'la_code',
  'quarter',
  'workstream_code',
  'workstream',
  'lead',
  'milestone_id',
  'milestone',
  'status',
  'rag',
  'note',
  'plan_question',
  'measure_id',
  'measure',
  'baseline',
  'plan_target',
  'target_trajectory',
  'target_value',
  'unit',
  'actual',
  'actual_value',
  'posted_at',
  'posted_by',
  'risk_id',
  'risk',
  'scale',
  'impact',
  'likelihood',
  'mitigation',
  'residual_rag',
  'headline',
  'closed_reason',
  'spend_line_id',
  'category',
  'funding_source_id',
  'funding_source',
  'projected_gbp',
  'actual_gbp',
  'variance_gbp',
] as const;
export type DataReturnColumn = (typeof DATA_RETURN_COLUMNS)[number];

type CsvRecord = Partial<Record<DataReturnColumn, Value>>;

const milestone = (m: MilestoneRow): CsvRecord => ({
  section: 'milestone',
  workstream_code: m.workstreamCode,
  workstream: m.workstreamName,
  lead: m.lead,
  milestone_id: m.milestoneId,
  milestone: m.milestone,
  status: m.status,
  rag: m.rag,
  note: m.note,
  target_trajectory: m.targetTrajectory,
  target_value: m.targetValue,
  unit: m.unit,
  actual: m.actual,
  posted_at: m.postedAt,
  posted_by: m.postedBy,
});

const measure = (m: MeasureRow): CsvRecord => ({
  section: 'measure',
  plan_question: m.question,
  workstream_code: m.workstreamCode,
  workstream: m.workstreamName,
  lead: m.lead,
  measure_id: m.measureId,
  measure: m.measure,
  unit: m.unit,
  baseline: m.baseline,
  plan_target: m.planTarget,
  target_trajectory: m.targetTrajectory,
  target_value: m.targetValue,
  actual: m.actual,
  actual_value: m.actualValue,
  posted_at: m.postedAt,
  posted_by: m.postedBy,
});

const risk = (r: RiskRow): CsvRecord => ({
  section: 'risk',
  risk_id: r.riskId,
  risk: r.description,
  scale: r.scale,
  impact: r.impact,
  likelihood: r.likelihood,
  rag: r.rag,
  mitigation: r.mitigation,
  residual_rag: r.residualRag,
  headline: r.headline,
  status: r.status,
  closed_reason: r.closedReason,
});

// Money goes out as text already shaped as a number, so the writer's quoting cannot reformat it.
const spend = (s: SpendRow): CsvRecord => ({
  section: 'spend',
  spend_line_id: s.lineId,
  category: s.category,
  funding_source_id: s.sourceId,
  funding_source: s.fundingSource,
  projected_gbp: poundsText(s.projectedPence),
  actual_gbp: poundsText(s.actualPence),
  variance_gbp: poundsText(s.variancePence),
});

/** Columns we fill with figures we formatted ourselves; never typed text. */
const NUMERIC = new Set<DataReturnColumn>(['target_value', 'actual_value', 'projected_gbp', 'actual_gbp', 'variance_gbp']);
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The shared writer defuses anything starting with "-", which would turn an overspend of
 * -1250 into the text "'-1250". Our own figures cannot carry a formula, so they are quoted
 * without the apostrophe; every typed field still goes through the shared writer.
 */
const line = (values: readonly Value[], numeric: readonly boolean[]): string =>
  values
    .map((v, i) => {
      const text = v === null ? '' : String(v);
      if (numeric[i] && PLAIN_NUMBER.test(text)) return `"${text}"`;
      return toCsv([text], []).slice(0, -2);
    })
    .join(',');

/** The return as one RFC 4180 table (CRLF, header row), filterable by its first column. */
export const dataReturnCsv = (ret: DataReturn): string => {
  // What is missing is said in the file itself: an empty la_code or milestone section is never a mystery.
  const notes: CsvRecord[] = [ret.laCodeNote, ret.milestonesNote].filter((n): n is string => n !== null).map((n) => ({ section: 'note', note: n }));
  const records = [...notes, ...ret.milestones.map(milestone), ...ret.measures.map(measure), ...ret.risks.map(risk), ...ret.spend.map(spend)];
  const every: CsvRecord = { la_code: ret.partnership.laCode, quarter: ret.quarter.id };
  const numeric = DATA_RETURN_COLUMNS.map((c) => NUMERIC.has(c));
  const rows = records.map((r) => line(DATA_RETURN_COLUMNS.map((c) => every[c] ?? r[c] ?? null), numeric));
  return [toCsv(DATA_RETURN_COLUMNS, []).slice(0, -2), ...rows].join('\r\n') + '\r\n';
};
