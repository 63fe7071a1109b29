import ExcelJS from 'exceljs';
import type { DataReturn, MeasureRow, MilestoneRow, RiskRow, SpendRow } from '../domain/data-return';
import type { RagRating } from '../domain/plan.schema';
import { parseQuarter, quarterWords } from '../domain/quarters';
import { xmlSafe } from './xml-safe';

type Kind = 'text' | 'long' | 'number' | 'money' | 'rag';

interface Column<Row> {
  readonly header: string;
  readonly width: number;
  readonly kind: Kind;
  readonly value: (row: Row) => string | number | null;
}

/** GOV.UK colours, so the return reads like the rest of the partnership's DfE paperwork. */
export const RAG_STYLES: Readonly<Record<RagRating, { readonly fill: string; readonly font: string }>> = {
  Red: { fill: 'FFD4351C', font: 'FFFFFFFF' },
  Amber: { fill: 'FFF47738', font: 'FF0B0C0C' },
  Green: { fill: 'FF00703C', font: 'FFFFFFFF' },
};

export const MONEY_FORMAT = '£#,##0';
/** Only where there are pence, so a whole-pound return does not show a column of ".00". */
export const MONEY_FORMAT_PENCE = '£#,##0.00';

const MILESTONE_COLUMNS: readonly Column<MilestoneRow>[] = [
  { header: 'Workstream code', width: 10, kind: 'text', value: (r) => r.workstreamCode },
  { header: 'Workstream', width: 30, kind: 'long', value: (r) => r.workstreamName },
  { header: 'Lead', width: 18, kind: 'text', value: (r) => r.lead },
  { header: 'Milestone id', width: 16, kind: 'text', value: (r) => r.milestoneId },
  { header: 'Milestone', width: 60, kind: 'long', value: (r) => r.milestone },
  { header: 'Status', width: 14, kind: 'text', value: (r) => r.status },
  { header: 'RAG', width: 8, kind: 'rag', value: (r) => r.rag },
  { header: 'Note', width: 40, kind: 'long', value: (r) => r.note },
  { header: 'Target trajectory', width: 36, kind: 'long', value: (r) => r.targetTrajectory },
  { header: 'Target value', width: 12, kind: 'number', value: (r) => r.targetValue },
  { header: 'Unit', width: 8, kind: 'text', value: (r) => r.unit },
  { header: 'Actual', width: 30, kind: 'long', value: (r) => r.actual },
  { header: 'Posted at', width: 22, kind: 'text', value: (r) => r.postedAt },
  { header: 'Posted by', width: 18, kind: 'text', value: (r) => r.postedBy },
];

const MEASURE_COLUMNS: readonly Column<MeasureRow>[] = [
  { header: 'Plan question', width: 10, kind: 'text', value: (r) => r.question },
  { header: 'Workstream code', width: 10, kind: 'text', value: (r) => r.workstreamCode },
  { header: 'Workstream', width: 30, kind: 'long', value: (r) => r.workstreamName },
  { header: 'Lead', width: 18, kind: 'text', value: (r) => r.lead },
  { header: 'Measure id', width: 16, kind: 'text', value: (r) => r.measureId },
  { header: 'Measure', width: 50, kind: 'long', value: (r) => r.measure },
  { header: 'Baseline', width: 24, kind: 'long', value: (r) => r.baseline },
  { header: 'Target in the plan', width: 24, kind: 'long', value: (r) => r.planTarget },
  { header: 'Target trajectory', width: 30, kind: 'long', value: (r) => r.targetTrajectory },
  { header: 'Target value', width: 12, kind: 'number', value: (r) => r.targetValue },
  { header: 'Unit', width: 8, kind: 'text', value: (r) => r.unit },
  { header: 'Actual', width: 30, kind: 'long', value: (r) => r.actual },
  { header: 'Actual value', width: 12, kind: 'number', value: (r) => r.actualValue },
  { header: 'Posted at', width: 22, kind: 'text', value: (r) => r.postedAt },
  { header: 'Posted by', width: 18, kind: 'text', value: (r) => r.postedBy },
];

const RISK_COLUMNS: readonly Column<RiskRow>[] = [
  { header: 'Risk id', width: 16, kind: 'text', value: (r) => r.riskId },
  { header: 'Risk', width: 60, kind: 'long', value: (r) => r.description },
  { header: 'Scale', width: 18, kind: 'text', value: (r) => r.scale },
  { header: 'Impact', width: 12, kind: 'text', value: (r) => r.impact },
  { header: 'Likelihood', width: 14, kind: 'text', value: (r) => r.likelihood },
  { header: 'RAG', width: 8, kind: 'rag', value: (r) => r.rag },
  { header: 'Mitigation', width: 60, kind: 'long', value: (r) => r.mitigation },
  { header: 'Residual RAG', width: 12, kind: 'rag', value: (r) => r.residualRag },
  { header: 'Headline', width: 10, kind: 'text', value: (r) => r.headline },
  { header: 'Status', width: 10, kind: 'text', value: (r) => r.status },
  { header: 'Closed reason', width: 40, kind: 'long', value: (r) => r.closedReason },
];

const pounds = (pence: number | null) => (pence === null ? null : pence / 100);

const SPEND_COLUMNS: readonly Column<SpendRow>[] = [
  { header: 'Spend line id', width: 18, kind: 'text', value: (r) => r.lineId },
  { header: 'Category', width: 60, kind: 'long', value: (r) => r.category },
  { header: 'Funding source id', width: 18, kind: 'text', value: (r) => r.sourceId },
  { header: 'Funding source', width: 26, kind: 'text', value: (r) => r.fundingSource },
  { header: 'Projected (£)', width: 16, kind: 'money', value: (r) => pounds(r.projectedPence) },
  { header: 'Actual (£)', width: 16, kind: 'money', value: (r) => pounds(r.actualPence) },
  { header: 'Variance (£)', width: 16, kind: 'money', value: (r) => pounds(r.variancePence) },
];

/** Every table starts with the local authority and the quarter, so sheets from many returns stack. */
const KEY_HEADERS = ['LA code', 'Quarter'] as const;
const keyed = <Row>(ret: DataReturn, columns: readonly Column<Row>[]): readonly Column<Row>[] => [
  { header: KEY_HEADERS[0], width: 10, kind: 'text', value: () => ret.partnership.laCode },
  { header: KEY_HEADERS[1], width: 10, kind: 'text', value: () => ret.quarter.id },
  ...columns,
];

const headersOf = (columns: readonly Column<never>[]): readonly string[] => [...KEY_HEADERS, ...columns.map((c) => c.header)];

export const SHEET_COLUMNS = {
  Milestones: headersOf(MILESTONE_COLUMNS),
  Measures: headersOf(MEASURE_COLUMNS),
  Risks: headersOf(RISK_COLUMNS),
  Spend: headersOf(SPEND_COLUMNS),
} as const;

/** Excel breaks lines in a cell on LF; a CR from a pasted Windows text would show as a stray mark. */
// Typed text may hold characters XML cannot (U+FFFE): they would make the workbook unreadable.
const cellValue = (v: string | number | null) => (typeof v === 'string' ? xmlSafe(v.replace(/\r\n?/g, '\n')) : v);

const isRag = (v: unknown): v is RagRating => v === 'Red' || v === 'Amber' || v === 'Green';

const styleCell = (cell: ExcelJS.Cell, kind: Kind, value: string | number | null): void => {
  if (kind === 'long') cell.alignment = { vertical: 'top', wrapText: true };
  else cell.alignment = { vertical: 'top' };
  if (kind === 'money' && typeof value === 'number') cell.numFmt = Number.isInteger(value) ? MONEY_FORMAT : MONEY_FORMAT_PENCE;
  if (kind === 'rag' && isRag(value)) {
    const style = RAG_STYLES[value];
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
    cell.font = { bold: true, color: { argb: style.font } };
  }
};

const addTable = <Row>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  emphasise: (row: Row) => boolean = () => false,
): void => {
  // Header in row 1 so the sheet loads straight into a data tool; the context is on "About".
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const row of rows) {
    const values = columns.map((c) => c.value(row));
    // exceljs writes a string as a string, never a formula, so typed "=..." needs no defusing here.
    const added = sheet.addRow(values.map(cellValue));
    columns.forEach((c, i) => styleCell(added.getCell(i + 1), c.kind, values[i] ?? null));
    if (emphasise(row)) added.font = { bold: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
};

const addAbout = (workbook: ExcelJS.Workbook, ret: DataReturn): void => {
  const sheet = workbook.addWorksheet('About');
  sheet.columns = [{ width: 24 }, { width: 90 }];
  const title = sheet.addRow([`Quarterly data return: ${quarterWords(parseQuarter(ret.quarter.id))}`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const lines: [string, string][] = [
    ['Local authority', ret.partnership.localAuthority ?? 'Not given'],
    ['LA code', ret.partnership.laCode ?? `Missing. ${ret.laCodeNote ?? ''}`.trim()],
    ['Integrated care board', ret.partnership.integratedCareBoard ?? 'Not given'],
    ['Plan', `${ret.plan.title} ${ret.plan.reportingYear}`],
    ['Quarter', `${quarterWords(parseQuarter(ret.quarter.id))} (${ret.quarter.id})`],
    ['Milestones', ret.milestonesNote ?? `${ret.milestones.length} milestones planned for the quarter, with the latest update on each ("Not reported" where there is none).`],
    [
      'Measures',
      `${ret.measures.length} success measures from the plan (Q2, Q5 and each workstream in Q6), with the baseline and target the plan gives and, where the quarter's target trajectory is a figure, that target beside the workstream's latest actual. Empty where the plan or the updates do not say.`,
    ],
    ['Risks', `${ret.risks.length} risks, open and closed.`],
    ['Spend', 'Projected (from the plan) and actual spend per category and funding source, in pounds. Variance is actual minus projected: below zero is an underspend.'],
  ];
  for (const [label, text] of lines) {
    const row = sheet.addRow([label, text]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
};

/** The return as a workbook: About, then Milestones, Measures, Risks and Spend, one table each. */
export const dataReturnXlsx = async (ret: DataReturn): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  // Dated from the input, not the clock, so the same return gives the same workbook properties.
  const asOf = new Date(`${parseQuarter(ret.quarter.id).end}T00:00:00Z`);
  workbook.creator = 'Local SEND Reform Plan assistant';
  workbook.lastModifiedBy = 'Local SEND Reform Plan assistant';
  workbook.created = asOf;
  workbook.modified = asOf;
  workbook.title = `Quarterly data return ${ret.quarter.id}`;
  addAbout(workbook, ret);
  addTable(workbook, 'Milestones', keyed(ret, MILESTONE_COLUMNS), ret.milestones);
  addTable(workbook, 'Measures', keyed(ret, MEASURE_COLUMNS), ret.measures);
  addTable(workbook, 'Risks', keyed(ret, RISK_COLUMNS), ret.risks);
  addTable(workbook, 'Spend', keyed(ret, SPEND_COLUMNS), ret.spend, (r) => r.kind === 'total');
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
