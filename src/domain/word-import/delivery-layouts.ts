import { SPEND_TABLE } from '../annex-a.text';
import { DELIVERY_QUARTERS } from '../plan.schema';
import { normalise } from './normalise';
import type { Line } from './plan-sections';
import { formatPence } from '../money';
import { inThousands, penceOfWrittenAmount } from './written-amount';
import { innerRows, otherColumns, text, type Row } from './table-cells';

/**
 * Q6's tables as partnerships lay them out besides the template's wide rows, turned into the
 * template's layout so one reader reads them all: a row per quarter under each workstream (its
 * outline and lead merged down), a table per workstream (labels down the side), and a spend table
 * with a row per funding source. Nothing here decides what a cell means beyond where it sits; the
 * import still takes the result only when every word of the file is in what the plan prints.
 */

/** "Jul–Sep", "Q2 (Jul-Sep 2026)", "Oct – Dec": the delivery column a quarter's words name; -1 for none. */
export const deliveryColumnOf = (cell: string | undefined): number => {
  const t = normalise(cell ?? '').toLowerCase();
  const q = /^q([2-4])\b/.exec(t);
  if (q) return Number(q[1]) - 2;
  return ['jul', 'oct', 'jan'].findIndex((m) => t.startsWith(m));
};

/** A cell that only names a quarter ("Jul–Sep"): where the row sits, which the plan says with its columns. */
export const isQuarterName = (cell: string): boolean => {
  const t = normalise(cell).toLowerCase();
  return /^(?:q[1-4]|(?:jan|apr|jul|oct)[a-z]*\s*-\s*(?:mar|jun|sep|dec)[a-z]*)(?:\s+\d{4})?$/.test(t);
};

const HEADINGS = [['2026-27 Local delivery plan'], ['Workstream outline', 'Responsible lead']];

/** Rows of the template's wide delivery plan: outline, lead, then milestones and trajectory per quarter. */
const wide = (outline: string, lead: string, quarters: readonly { milestones: string; trajectory: string }[]): Row => [outline, lead, ...quarters.flatMap((q) => [q.milestones, q.trajectory])];

const emptyQuarters = () => DELIVERY_QUARTERS.map(() => ({ milestones: '', trajectory: '' }));

/** A row per quarter: a "Quarter" column, the workstream's outline and lead merged down over its rows. */
const fromQuarterRows = (rows: readonly Row[]): Row[] | undefined => {
  const headAt = rows.findIndex((r) => r.some((c) => /^quarter$/i.test(normalise(c))));
  if (headAt < 0 || headAt > 2) return undefined;
  const head = rows[headAt]!.map((c) => normalise(c).toLowerCase());
  const at = { quarter: head.indexOf('quarter'), milestones: head.findIndex((c) => c.startsWith('milestone')), trajectory: head.findIndex((c) => c.includes('trajectory')) };
  if (at.milestones < 0 || at.trajectory < 0) return undefined;
  const out: { outline: string; lead: string; quarters: { milestones: string; trajectory: string }[] }[] = [];
  for (const row of rows.slice(headAt + 1)) {
    if (text(row[0])) out.push({ outline: row[0]!, lead: at.quarter === 1 ? '' : (row[1] ?? ''), quarters: emptyQuarters() });
    const current = out.at(-1);
    const column = deliveryColumnOf(row[at.quarter]);
    if (!current || column < 0 || current.quarters[column]!.milestones || current.quarters[column]!.trajectory) return undefined;
    current.quarters[column] = { milestones: row[at.milestones] ?? '', trajectory: row[at.trajectory] ?? '' };
  }
  return [...HEADINGS, ...out.map((w) => wide(w.outline, w.lead, w.quarters))];
};

const LABELS = { blocks: /^building blocks?$/i, outcome: /^outcomes?$/i, measures: /^success measures?$/i, lead: /^(responsible )?lead$/i, milestones: /^milestones?$/i, trajectory: /^target trajectory$/i };
const TITLE = /^workstream\s+\S{1,10}?\s*[:–-]\s+\S/i;

/** A table per workstream: its title across the top, then a row per label, and its quarters side by side. */
const fromWorkstreamTables = (rows: readonly Row[]): Row[] | undefined => {
  if (!TITLE.test(normalise(rows[0]?.[0] ?? '')) || rows[0]!.filter((c) => c.trim()).length !== 1) return undefined;
  const out: Row[] = [];
  let current: { title: string; blocks: string; outcome: string; measures: string; lead: string; quarters: { milestones: string; trajectory: string }[]; columns: number[] } | undefined;
  const flush = () => {
    if (current) out.push(wide([current.title, `Building blocks: ${current.blocks}`, `Outcome: ${current.outcome}`, `Success measures: ${current.measures}`].join('\n'), current.lead, current.quarters));
  };
  for (const row of rows) {
    const label = normalise(row[0] ?? '');
    if (row.filter((c) => c.trim()).length === 1 && TITLE.test(label)) {
      flush();
      current = { title: label.replace(/^(workstream\s+\S{1,10}?)\s*[–-]\s+/i, '$1: '), blocks: '', outcome: '', measures: '', lead: '', quarters: emptyQuarters(), columns: [] };
      continue;
    }
    if (!current) return undefined;
    const value = row.slice(1).join('\n').trim();
    if (!label && row.slice(1).some((c) => deliveryColumnOf(c) >= 0)) current.columns = row.slice(1).map(deliveryColumnOf);
    else if (LABELS.blocks.test(label)) current.blocks = value;
    else if (LABELS.outcome.test(label)) current.outcome = value;
    else if (LABELS.measures.test(label)) current.measures = value;
    else if (LABELS.lead.test(label)) current.lead = value;
    else if (LABELS.milestones.test(label) || LABELS.trajectory.test(label)) {
      const field = LABELS.milestones.test(label) ? 'milestones' : 'trajectory';
      for (const [i, cell] of row.slice(1).entries()) {
        const column = current.columns[i] ?? i;
        if (column < 0 || column >= DELIVERY_QUARTERS.length) return undefined;
        current.quarters[column]![field] = cell;
      }
    } else return undefined;
  }
  flush();
  return [...HEADINGS, ...out];
};

/** "Outcome: …" typed as a paragraph with its label: the label (as a row of a workstream's table says it) and its words. */
const labelled = (line: Line | undefined): [string, string] | undefined => {
  if (line?.kind !== 'text') return undefined;
  const m = /^([^:]{1,40}):\s*(.*)$/.exec(normalise(line.text));
  const label = m?.[1]?.trim() ?? '';
  return m && [LABELS.blocks, LABELS.outcome, LABELS.measures, LABELS.lead].some((l) => l.test(label)) ? [label, line.text.slice(line.text.indexOf(':') + 1).trim()] : undefined;
};

/** A workstream's quarters in a table of their own, a row each ("Quarter | Milestones | Target trajectory"), as a row per label with the quarters across. */
const quartersAcross = (rows: readonly Row[]): Row[] | undefined => {
  const head = (rows[0] ?? []).map((c) => normalise(c).toLowerCase());
  const at = { quarter: head.indexOf('quarter'), milestones: head.findIndex((c) => c.startsWith('milestone')), trajectory: head.findIndex((c) => c.includes('trajectory')) };
  // Already across ("| Q2 | Q3 | Q4", then a row per label), as the table per workstream has it.
  if (at.quarter < 0) return rows.slice(1).every((r) => LABELS.milestones.test(normalise(r[0] ?? '')) || LABELS.trajectory.test(normalise(r[0] ?? ''))) ? [...rows] : undefined;
  if (at.milestones < 0 || at.trajectory < 0) return undefined;
  const body = rows.slice(1);
  // A column the officer added ("Due") goes with the milestones, under its heading.
  const milestones = (r: Row) => [r[at.milestones] ?? '', ...otherColumns(rows[0]!, r, (i) => Object.values(at).includes(i))].filter((c) => c.trim()).join('\n');
  return [['', ...body.map((r) => r[at.quarter] ?? '')], ['Milestones', ...body.map(milestones)], ['Target trajectory', ...body.map((r) => r[at.trajectory] ?? '')]];
};

/**
 * Workstreams written as sections of their own: a heading "Workstream 1 – …", its building blocks,
 * outcome, success measures and lead as labelled paragraphs, and its quarters in a small table.
 * Each becomes the rows of a table per workstream, so one reader reads it; other lines stay.
 */
export const workstreamSections = (lines: readonly Line[]): Line[] => {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const title = line.kind === 'text' && (line.titled || line.heading) && TITLE.test(normalise(line.text)) ? normalise(line.text) : null;
    let end = i + 1;
    const labels: [string, string][] = [];
    for (let l = labelled(lines[end]); title && l; l = labelled(lines[++end])) labels.push(l);
    const tableStart = end;
    while (title && lines[end]?.kind === 'row') end++;
    const quarters = title && labels.length && end > tableStart ? quartersAcross(lines.slice(tableStart, end).map((r) => (r.kind === 'row' ? r.cells : []))) : undefined;
    if (!title || !quarters) {
      out.push(line);
      continue;
    }
    const rows: Row[] = [[title], ...labels.map(([label, value]) => [label, value]), ...quarters];
    out.push(...rows.map((cells): Line => ({ kind: 'row', cells: [...cells] })));
    i = end - 1;
  }
  return out;
};

/** A row per workstream whose last cell holds a table of its quarters (Quarter | Milestones | Target trajectory). */
const fromInnerQuarterTables = (rows: readonly Row[]): Row[] | undefined => {
  const first = rows.findIndex((r) => innerRows(r.at(-1)).length > 1);
  if (first < 0 || first > 2) return undefined;
  const out: Row[] = [];
  for (const row of rows.slice(first)) {
    const [head, ...body] = innerRows(row.at(-1));
    const names = (head ?? []).map((c) => normalise(c).toLowerCase());
    const at = { quarter: names.indexOf('quarter'), milestones: names.findIndex((c) => c.startsWith('milestone')), trajectory: names.findIndex((c) => c.includes('trajectory')) };
    if (row.length !== 3 || at.quarter < 0 || at.milestones < 0 || at.trajectory < 0) return undefined;
    const quarters = emptyQuarters();
    for (const cells of body) {
      const column = deliveryColumnOf(cells[at.quarter]);
      if (column < 0) return undefined;
      quarters[column] = { milestones: cells[at.milestones] ?? '', trajectory: cells[at.trajectory] ?? '' };
    }
    out.push(wide(row[0]!, row[1]!, quarters));
  }
  return [...HEADINGS, ...out];
};

/** A workstream's title in a row of its own across the table, its outline in the row under it. */
const withTitleRows = (rows: readonly Row[]): Row[] =>
  rows.reduce<Row[]>((out, row) => {
    const previous = out.at(-1);
    const title = previous && previous.filter((c) => c.trim()).length === 1 && TITLE.test(normalise(previous[0] ?? '')) ? normalise(previous[0]!) : null;
    if (title && row.length > 2 && !TITLE.test(normalise(row[0] ?? ''))) out[out.length - 1] = [`${title}\n${row[0] ?? ''}`, ...row.slice(1)];
    else out.push(row);
    return out;
  }, []);

/** The delivery plan's rows in the template's wide layout: as they are when they already are. */
export const wideDeliveryPlan = (rows: readonly Row[]): Row[] => fromQuarterRows(rows) ?? fromWorkstreamTables(rows) ?? fromInnerQuarterTables(rows) ?? withTitleRows(rows);

/**
 * A spend table with a row per funding source ("Funding source" as a column, the category merged
 * down over its sources, a column per quarter) as the template's: a row per category, a column per
 * quarter and source. A column the partnership added after the quarters ("Comments") stays with
 * its category's name, under its heading.
 */
export const wideSpend = (rows: readonly Row[]): Row[] => {
  const head = rows[0] ?? [];
  const sourceAt = head.findIndex((c) => /^funding sources?$/i.test(normalise(c)));
  if (sourceAt !== 1) return withNotesColumn(rows);
  const columns = head.slice(2).map(deliveryColumnOf);
  if (columns.some((c) => c < 0)) return [...rows];
  const sources: string[] = [];
  const lines: { category: string; amounts: Map<string, string[]> }[] = [];
  for (const row of rows.slice(1)) {
    if (text(row[0])) lines.push({ category: row[0]!, amounts: new Map() });
    const source = normalise(row[1] ?? '');
    const line = lines.at(-1);
    if (!line || !source || line.amounts.has(source)) return [...rows];
    if (!sources.includes(source)) sources.push(source);
    line.amounts.set(source, row.slice(2));
  }
  const byQuarter = (line: (typeof lines)[number]) =>
    DELIVERY_QUARTERS.flatMap((_, q) => sources.map((s) => line.amounts.get(s)?.[columns.indexOf(q)] ?? ''));
  // Its own heading kept, and with it any unit it names ("(£000)").
  return [[head[0] || `${SPEND_TABLE.heading.title}\n${SPEND_TABLE.heading.help}`, ...DELIVERY_QUARTERS], ['', ...DELIVERY_QUARTERS.flatMap(() => sources)], ...lines.map((l) => [l.category, ...byQuarter(l)])];
};

/** A column after the quarters' ("Comments"): its words kept with the category, "(Comments: …)". */
const withNotesColumn = (rows: readonly Row[]): Row[] => {
  const head = rows[0] ?? [];
  const last = head.length - 1;
  // A total column ("Total", "Total 2026-27") is worked out from the amounts, never a note.
  if (last < 2 || deliveryColumnOf(head[last]) >= 0 || !text(head[last]) || !/^[\p{L} ]{1,30}$/u.test(normalise(head[last]!)) || /total/i.test(head[last]!)) return [...rows];
  const heading = normalise(head[last]!);
  const width = (rows[1]?.length ?? 0) - (text(rows[1]?.at(-1)) ? 0 : 1);
  return rows.map((row, i) => {
    if (i === 0) return row.slice(0, last);
    if (i === 1) return row.slice(0, width);
    const note = text(row[width]);
    return [note ? `${row[0]!.trim()} (${heading}: ${note})` : row[0]!, ...row.slice(1, width)];
  });
};

/** "WS1 Name", "WS 2: Name", "Workstream 3 – Name": the plan's "Workstream 1: Name" as partnerships shorten or punctuate it. */
const TYPED_TITLE = /^(?:WS\s?|Workstream\s+)(\d{1,2}[a-z]?)\s*[:.–-]?\s+(?=\S)/i;
export const asWorkstreamTitle = (line: string): string => line.replace(TYPED_TITLE, 'Workstream $1: ');

/** The line above a delivery plan's cross-cutting themes, in a partnership's words ("NB: in X every workstream includes:"): a label, and the plan prints its own. */
const FOCUS_LEAD_IN = /^NB:[^\n]{0,200}:$/;

/**
 * Q6 as the plan would say what the file says: a quarter named in a cell of its own (the plan says
 * it with its columns), "WS1" for "Workstream 1:", and in the spend table each amount as the plan
 * writes pounds ("nil", "62,500", "£ 62,500.00", "48.0" under "(£000)").
 * For comparing words only: what is read comes from the file as it is.
 */
export const deliveryPlanAsPrinted = (lines: readonly Line[]): Line[] => {
  const spendTitle = normalise(SPEND_TABLE.heading.title).toLowerCase();
  let inSpend = false;
  let thousands = false;
  return workstreamSections(lines).map((l) => {
    if (l.kind !== 'row') return l;
    if (normalise(l.cells[0] ?? '').toLowerCase().startsWith(spendTitle)) {
      inSpend = true;
      thousands = inThousands(l.cells[0]!);
      // The unit in its heading ("(£000)") is said by the amounts the plan writes out.
      return { ...l, cells: [l.cells[0]!.replace(/\s*\(\s*£[^)]{0,10}\)/, ''), ...l.cells.slice(1)] };
    }
    const cell = (c: string): string => {
      const pence = inSpend && c.trim() ? penceOfWrittenAmount(c, thousands) : null;
      if (pence !== null) return formatPence(pence);
      if (isQuarterName(c)) return '';
      return c
        .split('\n')
        .filter((x) => !FOCUS_LEAD_IN.test(x.trim()))
        .map((x, i) => (i === 0 ? asWorkstreamTitle(x) : x))
        .join('\n');
    };
    return { ...l, cells: l.cells.map(cell) };
  });
};
