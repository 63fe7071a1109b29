import { DELIVERY_PLAN_TABLE, SPEND_TABLE } from '../annex-a.text';
import { inThousands, penceOfWrittenAmount } from './written-amount';
import { DELIVERY_QUARTERS, type Plan, type QuarterPlan, type SpendLine, type Workstream } from '../plan.schema';
import { documentsAfterTables } from './document-readers';
import { freshId } from './fresh-id';
import { normalise } from './normalise';
import type { Line } from './plan-sections';
import { textAroundTables } from './section-text';
import { asWorkstreamTitle, wideDeliveryPlan, wideSpend, workstreamSections } from './delivery-layouts';
import { blockOf, cellLines, foldAddedColumns, matchRows, rowsOf, same, text, type Row } from './table-cells';

// The columns after the workstream's, by their headings: a column a partnership added ("Key partners") goes with the one on its left.
const { lead, milestones, trajectory } = DELIVERY_PLAN_TABLE;
const DELIVERY_COLUMNS = [lead, ...DELIVERY_QUARTERS.flatMap(() => [milestones.title, trajectory.title])];

/** A spend cell with no amount yet: a dash, or "TBC" (the plan prints such an amount as an empty cell). */
const NOT_YET_AMOUNT = /^(?:[-–—]|tbc|tba|tbd|to be confirmed)$/i;

const NO_TRAJECTORY = { metric: null, target: null, unit: null };
const WORKSTREAM_TITLE = /^Workstream\s+(\S{1,10}?):\s+(.+)$/;

// The plan prints "Related building blocks:"; partnerships also type "Building blocks:" or "Building block:".
const BLOCKS_LABEL = /^(?:Related )?building blocks?:/i;
const OUTCOME_LABEL = /^Outcomes?:/i;
const MEASURES_LABEL = /^Success measures?:/i;

/** What follows a label: the rest of its own line split at semicolons ("A; B"), or the lines under it. */
const listAfter = (lines: readonly string[], at: number, label: RegExp, end: number): string[] => {
  const inline = lines[at]!.replace(label, '').trim();
  return inline ? inline.split(/;\s+/).map((s) => s.trim()).filter(Boolean) : lines.slice(at + 1, end);
};

/**
 * A workstream's first cell: "Workstream 1a: name", its building blocks, "Outcome: …" and its
 * success measures, each list under its label (as the plan prints it) or after it on one line,
 * separated by semicolons (as partnerships often type it). Undefined when the cell is not laid out so.
 */
const workstreamCell = (cell: string | undefined) => {
  const lines = cellLines(cell);
  const title = WORKSTREAM_TITLE.exec(asWorkstreamTitle(lines[0] ?? ''));
  // Or an enabler's "Enabler" on a line of its own where the building blocks go.
  const blocksAt = lines.findIndex((l, i) => BLOCKS_LABEL.test(l) || (i === 1 && blockOf(l)?.kind === 'enablers'));
  const outcomeAt = lines.findIndex((l) => OUTCOME_LABEL.test(l));
  const measuresAt = lines.findIndex((l) => MEASURES_LABEL.test(l));
  if (!title || blocksAt !== 1 || outcomeAt < blocksAt || measuresAt < outcomeAt) return undefined;
  const blocks = listAfter(lines, blocksAt, BLOCKS_LABEL, outcomeAt).map(blockOf);
  if (blocks.some((b) => !b)) return undefined;
  return {
    code: title[1]!,
    name: title[2]!.trim(),
    buildingBlocks: blocks.flatMap((b) => (b?.buildingBlock ? [b.buildingBlock] : [])),
    enablers: blocks.some((b) => b?.kind === 'enablers'),
    outcome: text([lines[outcomeAt]!.replace(OUTCOME_LABEL, ''), ...lines.slice(outcomeAt + 1, measuresAt)].join('\n')),
    successMeasures: listAfter(lines, measuresAt, MEASURES_LABEL, lines.length),
  };
};

/** A workstream's row: a matched one keeps its id, milestone ids by position and its trajectory's figure; a new one gets ids. */
const workstreamOf = (row: Row, was: Workstream | undefined, ids: Set<string>): Workstream | undefined => {
  const [first, lead, ...quarters] = row;
  const cell = workstreamCell(first);
  if (!cell) return undefined;
  const id = was?.id ?? freshId(`workstream-${cell.code}`, ids);
  ids.add(id);
  const plans = DELIVERY_QUARTERS.map((q, qi): [string, QuarterPlan] => {
    const old = was?.quarters[q];
    const milestones = cellLines(quarters[qi * 2]).map((t, mi) => ({ id: old?.milestones[mi]?.id ?? `${id}-${q.toLowerCase()}-m${mi + 1}`, text: t }));
    return [q, { milestones, trajectory: { ...(old?.trajectory ?? NO_TRAJECTORY), text: text(quarters[qi * 2 + 1]) } }];
  });
  // The file says Enablers or not only by printing it: a "No" given on the card (or none given) stays as it was.
  const enablers = cell.enablers ? true : (was?.enablers ?? null);
  return { ...cell, enablers, id, lead: text(lead), quarters: Object.fromEntries(plans) as Workstream['quarters'] };
};

/**
 * The spend table: funding sources from its second header row (each quarter names them in the same
 * order), a line per category, and the total, which is worked out again and never read.
 */
const spendOf = (plan: Plan, rows: readonly Row[]): Pick<Plan['deliveryPlan'], 'fundingSources' | 'spend'> | undefined => {
  const d = plan.deliveryPlan;
  const thousands = inThousands(rows[0]?.[0] ?? '');
  // A total column some partnerships add ("Total 2026-27") has no funding source under it: worked out, never read.
  const names = (rows[1]?.slice(1) ?? []).filter((n, i, all) => n.trim() || all.slice(i).some((m) => m.trim()));
  const count = names.length / DELIVERY_QUARTERS.length;
  if (!Number.isInteger(count)) return undefined;
  const sourceNames = names.slice(0, count).map((n) => n.trim());
  if (DELIVERY_QUARTERS.some((_, qi) => names.slice(qi * count, qi * count + count).some((n, i) => !same(n, sourceNames[i]!)))) return undefined;
  const sourceIds = new Set(d.fundingSources.map((s) => s.id));
  const fundingSources = matchRows(d.fundingSources, sourceNames, (s) => s.name).map((was, i) => {
    if (was) return { ...was, name: sourceNames[i]! };
    const id = freshId(sourceNames[i]!, sourceIds);
    sourceIds.add(id);
    return { id, name: sourceNames[i]! };
  });
  // The last row is the total (worked out again, never read) only when it says so; a table without one keeps its last line.
  const lines = rows.slice(2).filter((r, i, all) => !(i === all.length - 1 && /^total\b/i.test(normalise(r[0] ?? ''))));
  const lineIds = new Set(d.spend.map((l) => l.id));
  const matched = matchRows(d.spend, lines.map((r) => (r[0] ?? '').trim()), (l) => l.category);
  // An amount typed that cannot be read ("about £5k", "£55,000" under "(£000)") refuses the table: never read as nothing.
  let unreadable = false;
  const spend = lines.map((cells, i): SpendLine => {
    const category = (cells[0] ?? '').trim();
    const id = matched[i]?.id ?? freshId(`spend-${category}`, lineIds);
    lineIds.add(id);
    const amounts = Object.fromEntries(
      DELIVERY_QUARTERS.map((q, qi) => [
        q,
        Object.fromEntries(
          fundingSources.map((s, si) => {
            // A dash alone is a cell left empty, as "-" says in a spreadsheet; so is an amount still to be confirmed.
            const typed = (cells[1 + qi * count + si] ?? '').trim().replace(NOT_YET_AMOUNT, '');
            const pence = typed ? penceOfWrittenAmount(typed, thousands) : null;
            if (typed && pence === null) unreadable = true;
            return [s.id, pence];
          }),
        ),
      ]),
    ) as SpendLine['amounts'];
    return { id, category, amounts };
  });
  return unreadable ? undefined : { fundingSources, spend };
};

/**
 * Q6 read back: the cross-cutting focus, each workstream's row (matched to the plan's by its code,
 * so rows may be added), the spend table, and the documents listed after them. A workstream the
 * file no longer has is not removed from Word: its updates and risks hang on it, so that is done in
 * Teams, and such a file is not read.
 */
export const readDeliveryPlan = (plan: Plan, file: readonly Line[], awaited: readonly string[]): Plan => {
  const d = plan.deliveryPlan;
  const lines = workstreamSections(file);
  const all = rowsOf(lines);
  // Its heading cell, with or without the template's help under the title.
  const spendTitle = normalise(SPEND_TABLE.heading.title).toLowerCase();
  const spendAt = all.findIndex((r) => normalise(r[0] ?? '').toLowerCase().startsWith(spendTitle));
  // Laid out the partnership's way (a row per quarter, a table per workstream, a row per funding source): the template's rows.
  const delivery = foldAddedColumns(wideDeliveryPlan(all.slice(0, spendAt < 0 ? all.length : spendAt)), DELIVERY_COLUMNS, 1).slice(2);
  const spendRows = spendAt < 0 ? undefined : wideSpend(all.slice(spendAt));
  const hasFocus = /^NB:/.test((delivery[0]?.[0] ?? '').trim());
  const crossCuttingFocus = hasFocus ? cellLines(delivery[0]![0]).slice(1) : [];
  // A template row left empty is no workstream.
  const workstreamRows = delivery.slice(hasFocus ? 1 : 0).filter((r) => r.some((c) => c.trim()));
  const codes = workstreamRows.map((r) => workstreamCell(r[0])?.code ?? '');
  const matched = matchRows(d.workstreams, codes, (w) => w.code);
  if (d.workstreams.some((w) => !matched.includes(w))) return plan;
  const ids = new Set(d.workstreams.map((w) => w.id));
  const workstreams = workstreamRows.map((row, i) => workstreamOf(row, matched[i], ids));
  if (workstreams.some((w) => !w)) return plan;
  const spend = spendRows ? spendOf(plan, spendRows) : { fundingSources: d.fundingSources, spend: [] };
  if (!spend) return plan;
  return {
    ...plan,
    deliveryPlan: { ...d, overview: textAroundTables('deliveryPlan', lines), crossCuttingFocus, workstreams: workstreams as Workstream[], ...spend, documents: documentsAfterTables(d.documents, lines, awaited) },
  };
};
