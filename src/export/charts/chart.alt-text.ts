import { formatPence } from '../../domain/money';
import type { ChartData } from '../../domain/report-charts.model';

const list = (items: readonly string[], none: string) => (items.length ? `${items.join('; ')}.` : none);

/** Groups rows by a key, keeping first-seen order (the plan's order). */
const groupBy = <T>(rows: readonly T[], key: (row: T) => string): [string, T[]][] => {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups];
};

// Descriptions are joined into one list, so their own full stops would double up.
const sentence = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/[.;]+$/, '');

const withUnit = (value: number, unit: string | null) => (unit ? `${value}${unit === '%' ? '' : ' '}${unit}` : String(value));

/**
 * A sentence saying what the chart shows, then its numbers: the Word picture's alt text and the
 * Markdown export's stand-in, so a reader who cannot see the picture loses nothing.
 */
export const chartAltText = (chart: ChartData): string => {
  switch (chart.type) {
    case 'milestones-by-rag': {
      const items = groupBy(chart.rows, (r) => r.workstream).map(
        ([ws, rows]) => `${ws}: ${rows.map((r) => `${r.count} ${r.rag === 'Not rated' ? 'not rated' : r.rag}`).join(', ')}`,
      );
      return `Bar chart of each workstream's planned milestones for the quarter by RAG rating. ${list(items, 'No workstreams.')}`;
    }
    case 'trajectory': {
      const items = groupBy(chart.rows, (r) => `${r.workstream}, ${r.quarter}`).map(
        ([key, rows]) => `${key}: ${rows.map((r) => `${r.series.toLowerCase()} ${withUnit(r.value, r.unit)}`).join(', ')}`,
      );
      return `Line chart of target trajectory and reported actual by quarter for each workstream with a numeric target. ${list(items, 'No workstream has a numeric target yet.')}`;
    }
    case 'risk-heatmap': {
      const rag = (impact: string, likelihood: string) => chart.cells.find((c) => c.impact === impact && c.likelihood === likelihood)?.rag ?? 'not rated';
      const items = chart.risks.map((r) => `${r.label}, ${r.impact} impact and ${r.likelihood} likelihood (${rag(r.impact, r.likelihood)}): ${sentence(r.description)}`);
      return `Heat map of open risks placed by impact and likelihood, coloured by the partnership's risk matrix. ${list(items, 'No open risks are rated on the matrix.')}`;
    }
    case 'spend': {
      const items = groupBy(chart.rows, (r) => r.quarter).map(
        ([q, rows]) => `${q}: ${rows.map((r) => `${r.series.toLowerCase()} ${formatPence(r.pence)}`).join(', ')}${rows.some((r) => r.series === 'Actual') ? '' : ', no actual recorded'}`,
      );
      return `Bar chart of projected and actual spend for the whole plan by quarter. ${list(items, 'No spend planned.')}`;
    }
  }
};
