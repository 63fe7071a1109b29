import { MISSING_TEXT } from '../document.model';
import { BUILDING_BLOCKS, type BuildingBlockId, type SuccessMeasure } from '../plan.schema';
import { normalise, type Line } from './plan-sections';

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
    .map((l) => l.replace(/^\s*[-•]\s+/, '').trim())
    .filter(Boolean);

export const same = (a: string | undefined, b: string): boolean => normalise(a ?? '').toLowerCase() === normalise(b).toLowerCase();

/** A building block by the name the template gives it, or the enablers row; undefined for anything else. */
export const blockOf = (label: string): { kind: 'building-block'; buildingBlock: BuildingBlockId } | { kind: 'enablers'; buildingBlock: null } | undefined => {
  if (same(label, 'Enablers')) return { kind: 'enablers', buildingBlock: null };
  const block = BUILDING_BLOCKS.find((b) => same(label, b.name));
  return block ? { kind: 'building-block', buildingBlock: block.id } : undefined;
};

/** The success measures under a blueprint or roadmap table: the rows after its "Success measures" header row, ids kept by position. */
export const measuresAfter = (rows: readonly Row[], old: readonly SuccessMeasure[]): { before: Row[]; measures: SuccessMeasure[] } => {
  const at = rows.findIndex((r) => /^success measures/i.test(normalise(r[0] ?? '')));
  if (at < 0) return { before: [...rows], measures: [] };
  const taken = new Set(old.map((m) => m.id));
  const measures = rows.slice(at + 1).map((r, i) => {
    let id = old[i]?.id ?? `measure-${i + 1}`;
    for (let n = i + 2; !old[i] && taken.has(id); n++) id = `measure-${n}`;
    taken.add(id);
    return { id, name: text(r[0]), baseline: text(r[1]), target: text(r[2]) };
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
