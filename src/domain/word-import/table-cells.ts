import { BLUEPRINT_TABLE } from '../annex-a.text';
import { MISSING_TEXT } from '../document.model';

const SUCCESS_MEASURES_HELP = BLUEPRINT_TABLE.successMeasures.help ?? '';
import { BUILDING_BLOCKS, type BuildingBlockId, type SuccessMeasure } from '../plan.schema';
import { normalise, words } from './normalise';
import type { Line } from './plan-sections';

/** The pieces every table reader shares: a row's cells, a cell's text and lines, names matched loosely. */
export type Row = readonly string[];

/** A section's table rows, in order, every table of it together. */
export const rowsOf = (lines: readonly Line[]): Row[] => lines.filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row').map((l) => l.cells);

export const text = (cell: string | undefined): string | null => {
  const t = (cell ?? '').trim();
  return t && t !== MISSING_TEXT ? t : null;
};

/** A cell's lines, a bullet's "- " or "•" taken off (Word writes bullets as numbering, the plan as "- "). */
export const cellLines = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*[-•–]\s+/, '').trim())
    .filter(Boolean);

export const same = (a: string | undefined, b: string): boolean => normalise(a ?? '').toLowerCase() === normalise(b).toLowerCase();

const BLOCK_WORDS = new Map(BUILDING_BLOCKS.map((b) => [b.id, words(b.name)]));

/** A building block by the name the template gives it, or the enablers row; undefined for anything else. */
export const blockOf = (label: string): { kind: 'building-block'; buildingBlock: BuildingBlockId } | { kind: 'enablers'; buildingBlock: null } | undefined => {
  if (/^enablers?$/i.test(normalise(label))) return { kind: 'enablers', buildingBlock: null };
  // Or its name shortened ("access to specialist support", "system leadership, collaboration and co-production"):
  // every word of it in one block's name, and in no other's.
  const said = [...words(label)];
  const within = said.length >= 2 ? BUILDING_BLOCKS.filter((b) => said.every((w) => BLOCK_WORDS.get(b.id)!.has(w))) : [];
  const block = BUILDING_BLOCKS.find((b) => same(label, b.name)) ?? (within.length === 1 ? within[0] : undefined);
  return block ? { kind: 'building-block', buildingBlock: block.id } : undefined;
};

/** A row's label cell as lines, the template's "Building blocks" over the first block's name taken off. */
export const blockLabelLines = (cell: string | undefined, label: string): string[] => cellLines(cell).filter((l, i) => !(i === 0 && same(l, label)));

/** A line split at "; " outside brackets: "62% (2025; England 50%); 41%" is two, not three. */
const outsideBrackets = (line: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ';' && depth === 0 && /\s/.test(line[i + 1] ?? '')) {
      parts.push(line.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, line.slice(from)].map((p) => p.trim()).filter(Boolean);
};

/** A year or a financial year in a heading ("by 2029", "Baseline 2025-26"): a heading's, not a figure of data. */
const YEAR = /\b(?:19|20)\d\d(?:[-/]\d\d)?\b/;

/** A table inside a cell, typed "| a | b |" a row: its rows of cells. */
export const innerRows = (cell: string | undefined): string[][] =>
  (cell ?? '')
    .split('\n')
    .filter((l) => /^\|.*\|$/.test(l.trim()))
    .map((l) => l.trim().slice(1, -1).split('|').map((c) => c.trim()));

/**
 * Measures as a small table inside the row's cell ("| Metric | Baseline 2025-26 | Target 2028-29 | Source |"):
 * a measure a row, each figure with its heading's year, and a column added ("Source") with the target.
 */
const measuresInTable = (cell: string | undefined): Omit<SuccessMeasure, 'id'>[] | undefined => {
  const [head = [], ...body] = innerRows(cell);
  const at = { name: head.findIndex((h) => /^(metric|measure|indicator)s?\b/i.test(h)), baseline: head.findIndex((h) => /^baseline\b/i.test(h)), target: head.findIndex((h) => /^target/i.test(h)) };
  if (!body.length || Object.values(at).some((i) => i < 0)) return undefined;
  const year = (heading: string) => YEAR.exec(heading)?.[0];
  const withYear = (value: string | undefined, heading: string) => (text(value) ? [text(value), year(heading) && `(${year(heading)})`].filter(Boolean).join(' ') : null);
  return body.map((r) => ({
    name: text(r[at.name]),
    baseline: withYear(r[at.baseline], head[at.baseline]!),
    target: withLines(withYear(r[at.target], head[at.target]!), otherColumns(head, r, (i) => Object.values(at).includes(i))),
  }));
};

/** "Baseline (2025-26)" or "Target": a cell's first line naming its column, not a measure. */
const COLUMN_HEADING = /^(baseline|target metrics?|targets?)\b\s*(.*)$/i;

/** "Timeliness - 20 weeks: 38%" as a name and a value; a line without a colon is all value. */
const nameAndValue = (line: string): { name: string | null; value: string } => {
  const at = line.lastIndexOf(': ');
  return at > 0 ? { name: line.slice(0, at).trim(), value: line.slice(at + 2).trim() } : { name: null, value: line };
};

/**
 * The measures written into the "Success measures" row itself, as partnerships often fill the
 * template: a cell of "name: value" lines per column, under the column's own heading. Q2's two
 * columns are a baseline and a target, paired by name (or line); Q5's three are years, each read
 * as a measure named by its year. A heading's qualifier ("(2025-26)") stays with its values.
 */
const measuresInRow = (row: Row, years: readonly string[] | undefined): Omit<SuccessMeasure, 'id'>[] => {
  const columns = row.slice(1).map((cell) => {
    const lines = cellLines(cell);
    const heading = COLUMN_HEADING.exec(lines[0] ?? '');
    // "Baseline (2025): a 62%; b 41%": the heading's qualifier up to its colon, the measures after it on the same line.
    const [, qualified = heading?.[2] ?? '', inline] = /^([^:]*):\s+(\S.*)$/.exec(heading?.[2] ?? '') ?? [];
    const qualifier = qualified.trim().replace(/\s*:$/, '');
    // Several measures typed on one line, "a 62%; b 41%", are one each.
    const measures = [...(inline ? [inline] : []), ...(heading ? lines.slice(1) : lines)].flatMap(outsideBrackets).map((l) => l.trim().replace(/[;.]$/, ''));
    return measures.map((l) => {
      const { name, value } = nameAndValue(l);
      return { name, value: qualifier ? `${value} ${qualifier}` : value };
    });
  });
  if (years) return columns.flatMap((lines, i) => (lines.length ? [{ name: years[i] ?? null, baseline: null, target: lines.map((l) => (l.name ? `${l.name}: ${l.value}` : l.value)).join('\n') }] : []));
  const [baselines = [], targets = []] = columns;
  const pending = [...targets];
  const out = baselines.map((b, i) => {
    const t = pending.find((x) => b.name !== null && x.name === b.name) ?? (baselines.length === targets.length ? targets[i] : undefined);
    if (t) pending.splice(pending.indexOf(t), 1);
    return { name: b.name ?? t?.name ?? null, baseline: b.value, target: t?.value ?? null };
  });
  return [...out, ...pending.map((t) => ({ name: t.name, baseline: null, target: t.value }))];
};

/**
 * The success measures under a blueprint or roadmap table: the rows after its "Success measures"
 * header row (the plan's layout), or what that row itself holds (a partnership's); ids kept by position.
 */
export const measuresAfter = (rows: readonly Row[], old: readonly SuccessMeasure[], years?: readonly string[]): { before: Row[]; measures: SuccessMeasure[] } => {
  const at = rows.findIndex((r) => /^success measures/i.test(normalise(r[0] ?? '')));
  if (at < 0) return { before: [...rows], measures: [] };
  let header = rows[at]!;
  // The plan's header row says only "Baseline" and "Target Metrics" beside the label.
  const inRow = header.slice(1).some((c) => normalise(c) !== '' && !/^(baseline|target metrics?|targets?)$/i.test(normalise(c)));
  // Its label cell merged down over a row per measure (the cell empty below it): those rows are the row's own lines.
  let next = at + 1;
  for (; inRow && next < rows.length && !normalise(rows[next]![0] ?? ''); next++) {
    const more = rows[next]!;
    header = header.map((cell, i) => (i === 0 ? cell : [cell, more[i] ?? ''].filter((c) => c.trim()).join('\n')));
  }
  // Rows a partnership added under it in the same layout ("Leading indicators"): more measures, named by their label;
  // so is the row itself when its label names a measure ("Success measures: EHCPs within 20 weeks").
  const named = (row: Row, label: string) => measuresInRow(row, years).map((m) => ({ ...m, name: [label, m.name].filter(Boolean).join(' ') || null }));
  const own = normalise(header[0] ?? '').replace(/^success measures\s*[:–-]?\s*/i, '').replace(normalise(SUCCESS_MEASURES_HELP), '').trim();
  const labelled = rows.slice(next).flatMap((row) => named(row, normalise(row[0] ?? '')));
  const table = inRow ? measuresInTable(header[1]) : undefined;
  const read = table ?? (inRow ? [...named(header, own), ...labelled] : rows.slice(at + 1).map((r) => ({ name: text(r[0]), baseline: text(r[1]), target: text(r[2]) })));
  const taken = new Set(old.map((m) => m.id));
  const measures = read.map((m, i) => {
    let id = old[i]?.id ?? `measure-${i + 1}`;
    for (let n = i + 2; !old[i] && taken.has(id); n++) id = `measure-${n}`;
    taken.add(id);
    return { id, ...m };
  });
  return { before: rows.slice(0, at), measures };
};

/**
 * The file's rows matched to the plan's by a key (a building block, a code, a name), each plan row
 * at most once: a match keeps its id and whatever the document does not show.
 */
export const matchRows = <T>(old: readonly T[], keys: readonly string[], keyOf: (row: T) => string): (T | undefined)[] => {
  const free = [...old];
  return keys.map((key) => {
    const at = free.findIndex((row) => normalise(keyOf(row)).toLowerCase() === normalise(key).toLowerCase());
    return at < 0 ? undefined : free.splice(at, 1)[0];
  });
};

/**
 * A row's cells from column `from` on as "Heading: value" lines, under their column's heading: how
 * columns a partnership added (an owner, a lead officer) are kept with their row, every word of them.
 */
export const labelledCells = (header: readonly string[], row: readonly string[], from: number): string[] => otherColumns(header, row, (i) => i < from);

/** The same for every column a reader does not use itself (`used`), wherever it stands. */
export const otherColumns = (header: readonly string[], row: readonly string[], used: (column: number) => boolean): string[] =>
  row.flatMap((cell, i) => {
    const value = text(cell);
    const heading = text(header[i]);
    return used(i) || !value ? [] : [heading ? `${normalise(heading)}: ${value}` : value];
  });

/**
 * A table whose known columns are found by their headings (in row `headerAt`), with columns a
 * partnership added ("What needs to change", "Key partners") folded into the known column on their
 * left as "Heading: value" lines, every word kept; rows as wide as the header come back in the
 * template's columns (the first, the row's label, always kept). Unchanged when a known column's
 * heading is not found in order or nothing was added.
 */
export const foldAddedColumns = (rows: readonly Row[], known: readonly string[], headerAt = 0): Row[] => {
  const header = rows[headerAt] ?? [];
  const at: number[] = [];
  for (const k of known) {
    const found = header.findIndex((h, i) => i > (at[at.length - 1] ?? 0) && similar(h, k));
    if (found < 0) return [...rows];
    at.push(found);
  }
  if (header.length <= known.length + 1 || at[0] !== 1) return [...rows];
  const owner = header.map((_, i) => at.filter((k) => k <= i).length - 1);
  const added = (row: Row, j: number) => otherColumns(header, row, (c) => c === 0 || owner[c] !== j || at.includes(c));
  return rows.map((row, r) =>
    row.length !== header.length ? row : [row[0] ?? '', ...at.map((i, j) => (r === headerAt ? row[i] ?? '' : [row[i] ?? '', ...added(row, j)].filter((c) => c.trim()).join('\n')))],
  );
};

/** A column heading the template's, reworded a little ("Where we will be in 3 years"): most of its words. */
const similar = (heading: string, known: string): boolean => {
  if (same(heading, known)) return true;
  const theirs = words(heading);
  const ours = [...words(known)];
  return ours.length > 0 && ours.filter((w) => theirs.has(w)).length / ours.length >= 0.75;
};

/** A text with lines added under it; null when there is nothing. */
export const withLines = (first: string | null, more: readonly string[]): string | null => [first, ...more].filter(Boolean).join('\n') || null;

/** A first row that reads as column headings: short cells, none a sentence. A row of data is written in sentences or figures (a year aside). */
export const looksLikeHeadings = (row: Row | undefined): boolean =>
  row !== undefined && row.some((c) => c.trim()) && row.every((c) => c.trim().split(/\s+/).length <= 8 && !/[.!?]$/.test(c.trim()) && !/\d/.test(c.replace(new RegExp(YEAR.source, 'g'), '')));
