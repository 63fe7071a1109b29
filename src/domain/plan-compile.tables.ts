import { ANNEX_C_RISK_MATRIX, BLUEPRINT_TABLE, DELIVERY_PLAN_TABLE, GOVERNANCE_TABLE, ROADMAP_TABLE, SPEND_TABLE, type HeaderCell } from './annex-a.text';
import { deliveryQuarter } from './quarters';
import { MISSING_TEXT, type Block, type Cell, type CellSpec, type Run } from './document.model';
import { formatPence } from './money';
import { BUILDING_BLOCKS, DELIVERY_QUARTERS, type Plan, type SuccessMeasure } from './plan.schema';
import type { RiskMatrix } from './risk-rating';
import { spendTotals } from './spend.totals';

/** Annex A's tables, laid out as the template lays them: spanning headers, bands and colours. */

export const RAG_SHADE = { Red: 'red', Amber: 'amber', Green: 'green' } as const;

const cell = (value: string | null | undefined): string => value ?? '';
/** The template's header cells: a bold title over italic help text. */
const headerText = (h: HeaderCell): Cell => ({ text: h.help ? [bold(h.title), { text: `\n${h.help}`, italic: true }] : [bold(h.title)] });
const bold = (text: string): Run => ({ text, bold: true });
export const blockName = (id: string | null): string => BUILDING_BLOCKS.find((b) => b.id === id)?.name ?? BLUEPRINT_TABLE.enablers;
const shaded = (text: string, span = 1): Cell => ({ text, span, shade: 'header', bold: true });

const measureRows = (measures: readonly SuccessMeasure[], width: 3 | 4): Cell[][] =>
  measures.length === 0
    ? []
    : [
        [{ ...(headerText(BLUEPRINT_TABLE.successMeasures) as CellSpec), shade: 'header' }, shaded(BLUEPRINT_TABLE.baseline), shaded(BLUEPRINT_TABLE.target), ...(width === 4 ? [shaded('')] : [])],
        ...measures.map((m) => [cell(m.name), cell(m.baseline), cell(m.target), ...(width === 4 ? [''] : [])]),
      ];

/** Q2: the local blueprint, a row per building block, then enablers and the success measures. */
export const blueprintTable = ({ threeYearPicture: t }: Plan): Block => ({
  kind: 'table',
  header: [[BLUEPRINT_TABLE.columns.label, BLUEPRINT_TABLE.columns.whereWeAre, BLUEPRINT_TABLE.columns.whereWeWillBe]],
  widths: [2, 3, 3],
  rows: [
    ...t.blueprint.map((r, i): Cell[] => [
      { text: i === 0 && r.kind === 'building-block' ? [bold(`${BLUEPRINT_TABLE.buildingBlocksLabel}\n`), { text: blockName(r.buildingBlock), italic: true }] : [bold(blockName(r.buildingBlock))] },
      cell(r.whereWeAre),
      cell(r.whereWeWillBe),
    ]),
    ...measureRows(t.successMeasures, 3),
  ],
});

/** Q3: the theory of change as the template's bands, three items to a row. */
export const theoryOfChangeTable = ({ theoryOfChange: t }: Plan): Block => {
  const band = (title: string, items: readonly string[]): Cell[][] => {
    const rows: Cell[][] = [[shaded(title, 3)]];
    if (!items.length) rows.push([{ text: MISSING_TEXT, span: 3 }]);
    for (let i = 0; i < items.length; i += 3) rows.push([0, 1, 2].map((j) => items[i + j] ?? ''));
    return rows;
  };
  return {
    kind: 'table',
    header: [[shaded('VISION', 3)]],
    rows: [
      [{ text: t.vision ?? MISSING_TEXT, span: 3 }],
      ...band('INPUTS', t.inputs),
      ...band('ACTIVITIES', t.activities),
      ...band('OUTPUTS', t.outputs),
      ...band('OUTCOMES', t.outcomes),
    ],
  };
};

/** Q5: the roadmap, building blocks with their outcome bullets against the three years. */
export const roadmapTable = ({ roadmap }: Plan): Block => ({
  kind: 'table',
  header: [[ROADMAP_TABLE.title, ...roadmap.years]],
  widths: [2.2, 2, 2, 2],
  rows: [
    ...(roadmap.rows.some((r) => r.kind === 'building-block') ? [[{ text: ROADMAP_TABLE.buildingBlocksLabel, bold: true }, '', '', ''] as Cell[]] : []),
    ...roadmap.rows.map((r): Cell[] => [
      { text: [bold(blockName(r.buildingBlock)), ...r.outcomes.map((o) => ({ text: `\n- ${o}` }))] },
      cell(r.year1),
      cell(r.year2),
      cell(r.year3),
    ]),
    ...measureRows(roadmap.successMeasures, 4),
  ],
});

/** Q6: every workstream in one wide table, each quarter's milestones beside its trajectory. */
export const deliveryPlanTable = ({ deliveryPlan: d, header }: Plan): Block => {
  const workstreamCell = (w: Plan['deliveryPlan']['workstreams'][number]): Cell => ({
    text: [
      bold(`Workstream ${w.code}: ${w.name}`),
      { text: '\nRelated building blocks:' },
      ...w.buildingBlocks.map((b) => ({ text: `\n- ${blockName(b)}`, italic: true })),
      ...(w.enablers ? [{ text: `\n- ${BLUEPRINT_TABLE.enablers}`, italic: true }] : []),
      { text: `\nOutcome: ${w.outcome ?? MISSING_TEXT}` },
      { text: '\nSuccess measures:' },
      ...w.successMeasures.map((m) => ({ text: `\n- ${m}` })),
    ],
  });
  const focus = d.crossCuttingFocus.length
    ? [[{ text: [bold(`NB: In ${header.localAuthority ?? 'this area'}, all workstreams will have a focus on:`), ...d.crossCuttingFocus.map((f) => ({ text: `\n- ${f}` }))], span: 8 }] as Cell[]]
    : [];
  return {
    kind: 'table',
    wide: true,
    header: [
      [shaded(DELIVERY_PLAN_TABLE.title, 2), ...DELIVERY_QUARTERS.map((q) => shaded(DELIVERY_PLAN_TABLE.quarters[q], 2))],
      [DELIVERY_PLAN_TABLE.workstream.join('\n'), DELIVERY_PLAN_TABLE.lead, ...DELIVERY_QUARTERS.flatMap(() => [headerText(DELIVERY_PLAN_TABLE.milestones), headerText(DELIVERY_PLAN_TABLE.trajectory)])],
    ],
    widths: [3, 1.5, 2.2, 1.5, 2.2, 1.5, 2.2, 1.5],
    rows: [
      ...focus,
      ...d.workstreams.map((w): Cell[] => [
        workstreamCell(w),
        cell(w.lead),
        ...DELIVERY_QUARTERS.flatMap((q) => [w.quarters[q].milestones.map((m) => m.text).join('\n'), cell(w.quarters[q].trajectory.text)]),
      ]),
    ],
  };
};

/** Q6: projected spend by category, quarter and funding source, with the totals worked out. */
export const spendTable = ({ deliveryPlan: d, meta }: Plan): Block => {
  const totals = spendTotals(d);
  const sources = d.fundingSources;
  return {
    kind: 'table',
    wide: true,
    header: [
      [shaded(SPEND_TABLE.heading.title), ...DELIVERY_QUARTERS.map((q) => shaded(deliveryQuarter(meta.reportingYear, q).label, sources.length))],
      [{ text: SPEND_TABLE.heading.help ?? '', shade: 'header' }, ...DELIVERY_QUARTERS.flatMap(() => sources.map((s) => s.name))],
    ],
    widths: [3, ...DELIVERY_QUARTERS.flatMap(() => sources.map(() => 1))],
    rows: [
      ...d.spend.map((line): Cell[] => [line.category, ...DELIVERY_QUARTERS.flatMap((q) => sources.map((s) => formatPence(line.amounts[q][s.id] ?? null)))]),
      [{ text: SPEND_TABLE.total, bold: true }, ...DELIVERY_QUARTERS.flatMap((q) => sources.map((s): Cell => ({ text: formatPence(totals[q][s.id] ?? 0), bold: true })))],
    ],
  };
};

/** Q14: the six columns, each header with the template's help text under its title. */
export const governanceTable = ({ governance: g }: Plan): Block => {
  const c = GOVERNANCE_TABLE.columns;
  return {
    kind: 'table',
    wide: true,
    header: [[c.name, c.purpose, c.membership, c.cadence, c.decisionRights, c.escalationRoute].map(headerText)],
    widths: [1.6, 3, 3, 1.2, 2, 1.6],
    rows: g.mechanisms.map((m) => [m.name, cell(m.purpose), cell(m.membership), cell(m.cadence), cell(m.decisionRights), cell(m.escalationRoute)]),
  };
};

const matrixCell = (matrix: RiskMatrix, impact: string, likelihood: string): Cell => {
  const i = matrix.impactLevels.findIndex((l) => l.toLowerCase() === impact.toLowerCase());
  const l = matrix.likelihoodLevels.findIndex((x) => x.toLowerCase() === likelihood.toLowerCase());
  const rag = matrix.cells[i]?.[l];
  return rag ? { text: rag, shade: RAG_SHADE[rag] } : '';
};

/** Annex C: impact descriptions against probability bands, coloured as the partnership colours them. */
export const annexCTable = (matrix: RiskMatrix): Block => {
  const m = ANNEX_C_RISK_MATRIX;
  return {
    kind: 'table',
    header: [
      [m.headers.impactDescription, m.headers.impactLevel, { text: m.headers.probability, span: m.probabilityBands.length }],
      ['', '', ...m.probabilityBands.map((b) => b.range)],
      ['', '', ...m.probabilityBands.map((b) => b.likelihood)],
    ],
    widths: [3, 1.3, 1, 1, 1, 1, 1],
    rows: m.impactRows.map((row) => [row.description, { text: row.level, bold: true }, ...m.probabilityBands.map((b) => matrixCell(matrix, row.level, b.likelihood))]),
  };
};

/** The smaller High/Medium/Low matrix, shown when the plan's own risks are rated on it. */
export const simpleMatrixTable = (matrix: RiskMatrix): Block => ({
  kind: 'table',
  header: [['Impact', ...matrix.likelihoodLevels.map((l) => `Likelihood: ${l}`)]],
  rows: [...matrix.impactLevels].reverse().map((impact) => [{ text: impact, bold: true }, ...matrix.likelihoodLevels.map((l) => matrixCell(matrix, impact, l))]),
});
