import type { TopLevelSpec } from 'vega-lite';
import { formatPence } from '../../domain/money';
import type { ChartData, RagBucket } from '../../domain/report-charts.model';

type Chart<T extends ChartData['type']> = Extract<ChartData, { type: T }>;

/** GOV.UK colours, as the plan's own RAG tables use; "not rated" is deliberately neutral. */
export const RAG_COLOURS: Readonly<Record<RagBucket, string>> = { Green: '#00703c', Amber: '#f47738', Red: '#d4351c', 'Not rated': '#b1b4b6' };
const RAGS = Object.keys(RAG_COLOURS) as RagBucket[];
const TEXT = '#0b0c0c';
const SERIES_COLOURS = { Projected: '#5694ca', Actual: '#003078' } as const;

/** Pixels before rasterising at 2x: about 16 cm across in Word at 96 dpi. */
export const CHART_WIDTH = 600;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
// White text is unreadable on amber and on the pale "not rated" grey.
const labelColour = (rag: string) => (rag === 'Amber' || rag === 'Not rated' ? TEXT : '#ffffff');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

// Vega measures text by estimate when headless (no canvas), so wrap by characters: 84 of
// DejaVu Sans at 12 px fit beside the labels in 600 px.
const KEY_LINE_CHARS = 84;
const wrap = (text: string, width: number, maxLines: number): string[] => {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${(kept[maxLines - 1] ?? '').slice(0, width - 1).trimEnd()}…`;
  return kept;
};

const config = (font: string) => ({
  font,
  background: '#ffffff',
  title: { fontSize: 16, fontWeight: 'bold' as const, anchor: 'start' as const, color: TEXT, offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 13, labelColor: TEXT, titleColor: TEXT, labelLimit: 220 },
  legend: { labelFontSize: 12, titleFontSize: 13, labelColor: TEXT, titleColor: TEXT },
  text: { fontSize: 12, color: TEXT },
  view: { stroke: null },
});

const empty = (title: string, message: string): TopLevelSpec => ({
  $schema: SCHEMA,
  title,
  width: CHART_WIDTH,
  height: 60,
  data: { values: [{ message }] },
  mark: { type: 'text', align: 'left', fontSize: 13, fontStyle: 'italic' },
  encoding: { text: { field: 'message' }, x: { value: 0 }, y: { value: 30 } },
});

const milestones = (chart: Chart<'milestones-by-rag'>): TopLevelSpec => {
  const workstreams = unique(chart.rows.map((r) => r.workstream));
  if (!workstreams.length) return empty(chart.title, 'No workstreams in the plan yet.');
  const totals = workstreams.map((w) => chart.rows.filter((r) => r.workstream === w).reduce((s, r) => s + r.count, 0));
  // A quarter with nothing planned still needs an axis that reads 0 to 1, not a collapsed one.
  const max = Math.max(1, ...totals);
  return {
    $schema: SCHEMA,
    title: chart.title,
    width: CHART_WIDTH,
    height: { step: 34 },
    data: { values: chart.rows.map((r) => ({ ...r, order: RAGS.indexOf(r.rag), ink: labelColour(r.rag) })) },
    transform: [
      { stack: 'count', groupby: ['workstream'], sort: [{ field: 'order', order: 'ascending' }], as: ['x0', 'x1'] },
      { calculate: '(datum.x0 + datum.x1) / 2', as: 'middle' },
    ],
    encoding: { y: { field: 'workstream', type: 'nominal', sort: workstreams, title: null } },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: 'Milestones planned for the quarter', scale: { domain: [0, max] }, axis: { tickMinStep: 1, format: 'd' } },
          x2: { field: 'x1' },
          color: { field: 'rag', type: 'nominal', title: 'RAG rating', scale: { domain: RAGS, range: RAGS.map((r) => RAG_COLOURS[r]) }, legend: { orient: 'bottom', direction: 'horizontal' } },
        },
      },
      {
        transform: [{ filter: 'datum.count > 0' }],
        mark: { type: 'text', fontWeight: 'bold' },
        encoding: { x: { field: 'middle', type: 'quantitative' }, text: { field: 'count' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ],
  };
};

const trajectory = (chart: Chart<'trajectory'>): TopLevelSpec => {
  if (!chart.rows.length) return empty(chart.title, 'No workstream has a numeric target trajectory yet.');
  const quarters = unique(chart.rows.map((r) => r.quarter));
  const units = unique(chart.rows.map((r) => r.unit));
  const values = chart.rows.map((r) => ({ ...r, label: `${r.value}${r.unit ?? ''}` }));
  const x = { field: 'quarter', type: 'ordinal' as const, sort: quarters, title: null, axis: { labelAngle: 0 }, scale: { domain: quarters } };
  const y = { field: 'value', type: 'quantitative' as const, title: units.length === 1 && units[0] ? `Value (${units[0]})` : 'Value' };
  const labels = (series: 'Target' | 'Actual', dy: number) => ({
    transform: [{ filter: { field: 'series', equal: series } }],
    mark: { type: 'text' as const, dy, fontSize: 11 },
    encoding: { x, y, text: { field: 'label' }, color: { field: 'workstream', type: 'nominal' as const } },
  });
  const layer = [
    {
      mark: { type: 'line' as const, point: { filled: true, size: 60 }, strokeWidth: 2.5 },
      encoding: {
        x,
        y,
        color: { field: 'workstream', type: 'nominal' as const, title: 'Workstream', legend: { orient: 'bottom' as const } },
        strokeDash: { field: 'series', type: 'nominal' as const, title: 'Series', scale: { domain: ['Target', 'Actual'], range: [[6, 4], [1, 0]] }, legend: { orient: 'bottom' as const, symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 600, encode: { symbols: { update: { stroke: { value: TEXT } } } } } },
      },
    },
    labels('Actual', -12),
    labels('Target', 16),
  ];
  // Workstreams measured in different units cannot share an axis: one panel each.
  if (units.length > 1) {
    return {
      $schema: SCHEMA,
      title: chart.title,
      data: { values },
      facet: { row: { field: 'workstream', type: 'nominal', title: null, sort: unique(chart.rows.map((r) => r.workstream)) } },
      spec: { width: CHART_WIDTH, height: 160, layer },
      resolve: { scale: { y: 'independent' } },
    };
  }
  return { $schema: SCHEMA, title: chart.title, width: CHART_WIDTH, height: 280, data: { values }, layer };
};

const riskHeatmap = (chart: Chart<'risk-heatmap'>): TopLevelSpec => {
  const cells = chart.cells.map((c) => {
    const labels = chart.risks.filter((r) => r.impact === c.impact && r.likelihood === c.likelihood).map((r) => r.label);
    // Four labels a line keeps a crowded cell inside its square.
    const lines = Array.from({ length: Math.ceil(labels.length / 4) }, (_, i) => labels.slice(i * 4, i * 4 + 4).join(', '));
    return { ...c, labels: lines.join('\n'), ink: labelColour(c.rag) };
  });
  const step = chart.impactLevels.length > 3 ? 64 : 80;
  const heat = {
    width: CHART_WIDTH,
    height: { step },
    data: { values: cells },
    encoding: {
      x: { field: 'likelihood', type: 'ordinal' as const, sort: [...chart.likelihoodLevels], title: 'Likelihood', axis: { labelAngle: 0, orient: 'bottom' as const } },
      y: { field: 'impact', type: 'ordinal' as const, sort: [...chart.impactLevels].reverse(), title: 'Impact' },
    },
    layer: [
      {
        mark: { type: 'rect' as const, stroke: '#ffffff', strokeWidth: 2 },
        encoding: { color: { field: 'rag', type: 'nominal' as const, title: 'Risk rating', scale: { domain: ['Green', 'Amber', 'Red'], range: [RAG_COLOURS.Green, RAG_COLOURS.Amber, RAG_COLOURS.Red] }, legend: { orient: 'right' as const } } },
      },
      {
        mark: { type: 'text' as const, fontSize: 15, fontWeight: 'bold' as const, lineBreak: '\n' },
        encoding: { text: { field: 'labels' }, color: { field: 'ink', type: 'nominal' as const, scale: null } },
      },
    ],
  };
  if (!chart.risks.length) return { $schema: SCHEMA, title: chart.title, ...heat };
  // The key says what R1, R2... are, so the picture stands on its own in the report.
  const lines = chart.risks.flatMap((r) => wrap(oneLine(r.description), KEY_LINE_CHARS, 3).map((text, i) => ({ label: i ? '' : r.label, text })));
  const key = {
    width: CHART_WIDTH,
    height: { step: 18 },
    data: { values: lines.map((l, row) => ({ ...l, row })) },
    encoding: { y: { field: 'row', type: 'ordinal' as const, axis: null } },
    layer: [
      { mark: { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, fontWeight: 'bold' as const }, encoding: { x: { value: 0 }, text: { field: 'label' } } },
      { mark: { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const }, encoding: { x: { value: 36 }, text: { field: 'text' } } },
    ],
  };
  return { $schema: SCHEMA, title: chart.title, vconcat: [heat, key], spacing: 16 };
};

const spend = (chart: Chart<'spend'>): TopLevelSpec => {
  if (!chart.rows.length) return empty(chart.title, 'No spend in the plan yet.');
  const quarters = unique(chart.rows.map((r) => r.quarter));
  const series = ['Projected', 'Actual'];
  const encoding = {
    x: { field: 'quarter', type: 'nominal' as const, sort: quarters, title: null, axis: { labelAngle: 0 } },
    xOffset: { field: 'series', type: 'nominal' as const, sort: series, scale: { domain: series } },
    y: { field: 'pounds', type: 'quantitative' as const, title: 'Spend (£)', axis: { labelExpr: "'£' + format(datum.value, ',.0f')" } },
  };
  return {
    $schema: SCHEMA,
    title: chart.title,
    width: CHART_WIDTH,
    height: 300,
    data: { values: chart.rows.map((r) => ({ ...r, pounds: r.pence / 100, label: formatPence(r.pence) })) },
    encoding,
    layer: [
      {
        mark: { type: 'bar' },
        encoding: { color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: series.map((s) => SERIES_COLOURS[s as keyof typeof SERIES_COLOURS]) }, legend: { orient: 'bottom' } } },
      },
      { mark: { type: 'text', dy: -7, fontSize: 11 }, encoding: { text: { field: 'label' } } },
    ],
  };
};

/** The vega-lite spec for a chart, drawn in `font` (the family the rasteriser has loaded). */
export const chartSpec = (chart: ChartData, font: string): TopLevelSpec => {
  const spec =
    chart.type === 'milestones-by-rag' ? milestones(chart) : chart.type === 'trajectory' ? trajectory(chart) : chart.type === 'risk-heatmap' ? riskHeatmap(chart) : spend(chart);
  return { ...spec, padding: 12, config: config(font) } as TopLevelSpec;
};
