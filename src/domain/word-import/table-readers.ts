import { SPEND_TABLE } from '../annex-a.text';
import { MISSING_TEXT } from '../document.model';
import { parsePounds } from '../money';
import { DELIVERY_QUARTERS, REQUIRED_SIGNATORY_ROLES, type Plan, type SectionKey, type SuccessMeasure, type Workstream } from '../plan.schema';
import { normalise, type Line } from './plan-sections';

type Row = readonly string[];

/** A section's table rows, in order, every table of it together. */
const rowsOf = (lines: readonly Line[]): Row[] => lines.filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row').map((l) => l.cells);
const text = (cell: string | undefined): string | null => {
  const t = (cell ?? '').trim();
  return t && t !== MISSING_TEXT ? t : null;
};
/** A cell's lines, a bullet's "- " or "•" taken off (Word writes bullets as numbering, the plan as "- "). */
const cellLines = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*[-•]\s+/, '').trim())
    .filter(Boolean);
const same = (a: string | undefined, b: string) => normalise(a ?? '').toLowerCase() === normalise(b).toLowerCase();

/** The success measures under a blueprint or roadmap table: the rows after its "Success measures" header row. */
const measuresAfter = (rows: readonly Row[], old: readonly SuccessMeasure[]): { before: Row[]; measures: SuccessMeasure[] } => {
  const at = rows.findIndex((r) => /^success measures/i.test(normalise(r[0] ?? '')));
  if (at < 0) return { before: [...rows], measures: [] };
  const measures = rows.slice(at + 1).map((r, i) => ({ id: old[i]?.id ?? `measure-${i + 1}`, name: text(r[0]), baseline: text(r[1]), target: text(r[2]) }));
  return { before: rows.slice(0, at), measures };
};

/** An id from a name: "Children's Ambition Board" is childrens-ambition-board. */
const slug = (name: string): string =>
  normalise(name)
    .toLowerCase()
    .replace(/['"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
const uniqueId = (base: string, taken: ReadonlySet<string>, existing: readonly string[]): string => {
  let id = base;
  for (let n = 2; taken.has(id) || existing.includes(id); n++) id = `${base}-${n}`;
  return id;
};

/** A workstream's first cell: its outcome and success measures (its code, name and building blocks are changed in Teams). */
const workstreamCell = (w: Workstream, cell: string | undefined): Pick<Workstream, 'outcome' | 'successMeasures'> => {
  const lines = cellLines(cell);
  const outcomeAt = lines.findIndex((l) => l.startsWith('Outcome:'));
  const measuresAt = lines.findIndex((l) => l === 'Success measures:');
  return {
    outcome: outcomeAt < 0 ? w.outcome : text(lines[outcomeAt]!.slice('Outcome:'.length)),
    successMeasures: measuresAt < 0 ? w.successMeasures : lines.slice(measuresAt + 1),
  };
};

/** Q6's two tables: each workstream's row (lead, milestones and trajectory per quarter), then the spend per category, quarter and source. */
const deliveryPlan = (plan: Plan, lines: readonly Line[]): Plan => {
  const d = plan.deliveryPlan;
  const rows = rowsOf(lines);
  const spendAt = rows.findIndex((r) => same(r[0], SPEND_TABLE.heading.title));
  const delivery = rows.slice(2, spendAt < 0 ? rows.length : spendAt);
  const focusRows = d.crossCuttingFocus.length ? 1 : 0;
  const workstreamRows = delivery.slice(focusRows);
  if (workstreamRows.length !== d.workstreams.length) return plan;
  const workstreams = d.workstreams.map((w, i) => {
    const [first, lead, ...quarters] = workstreamRows[i]!;
    return {
      ...w,
      ...workstreamCell(w, first),
      lead: text(lead),
      quarters: Object.fromEntries(
        DELIVERY_QUARTERS.map((q, qi) => {
          const was = w.quarters[q];
          const milestones = cellLines(quarters[qi * 2]).map((t, mi) => ({ id: was.milestones[mi]?.id ?? `${w.id}-${q.toLowerCase()}-m${mi + 1}`, text: t }));
          return [q, { milestones, trajectory: { ...was.trajectory, text: text(quarters[qi * 2 + 1]) } }];
        }),
      ) as Workstream['quarters'],
    };
  });
  const crossCuttingFocus = focusRows ? cellLines(delivery[0]![0]).slice(1) : d.crossCuttingFocus;
  // Spend: the lines between the two header rows and the total, which is worked out again, never read.
  const spendRows = spendAt < 0 ? [] : rows.slice(spendAt + 2, -1);
  if (spendRows.length !== d.spend.length) return plan;
  const sources = d.fundingSources;
  const spend = d.spend.map((line, i) => {
    const cells = spendRows[i]!;
    const amounts = Object.fromEntries(
      DELIVERY_QUARTERS.map((q, qi) => [
        q,
        Object.fromEntries(
          sources.map((s, si) => {
            const typed = (cells[1 + qi * sources.length + si] ?? '').trim();
            const parsed = typed ? parsePounds(typed, 100_000_000_000) : null;
            return [s.id, parsed && 'pence' in parsed ? parsed.pence : null];
          }),
        ),
      ]),
    ) as typeof line.amounts;
    return { ...line, category: (cells[0] ?? '').trim() || line.category, amounts };
  });
  return { ...plan, deliveryPlan: { ...d, crossCuttingFocus, workstreams, spend } };
};

/**
 * The template's tables read back, row by row, matched to the plan's rows by position: the words
 * in the cells change, the rows' ids and anything the table does not show stay. A table with more
 * or fewer rows than the plan's is not read (adding and removing rows is done in Teams), and every
 * reading is compiled again and taken only if it says what the file says.
 */
export const TABLE_READERS: Partial<Record<SectionKey, (plan: Plan, lines: readonly Line[]) => Plan>> = {
  // A row per role, found by its title: a statutory role the plan had no one for gets its signatory
  // from the file; so does a co-signer's new row (its title is their role in words).
  signatories: (plan, lines) => {
    const rows = rowsOf(lines).slice(1);
    const ids = new Set(plan.signatories.map((s) => s.id));
    const titleOf = (s: Plan['signatories'][number]) => REQUIRED_SIGNATORY_ROLES.find((r) => r.id === s.role)?.title ?? s.roleTitle ?? 'Co-signer';
    const fill = (row: Row) => ({ name: text(row[1]), signature: text(row[2]), email: text(row[3]), signedOn: text(row[4]) });
    const kept = plan.signatories.map((s) => {
      const row = rows.find((r) => same(r[0], titleOf(s)));
      return row ? { ...s, ...fill(row) } : s;
    });
    const added = rows
      .filter((r) => !plan.signatories.some((s) => same(r[0], titleOf(s))) && r.slice(1).some((c) => c.trim()))
      .map((row) => {
        const statutory = REQUIRED_SIGNATORY_ROLES.find((r) => same(row[0], r.title));
        const id = statutory && !ids.has(statutory.id) ? statutory.id : uniqueId(slug(row[0] ?? '') || 'co-signer', new Set(), [...ids]);
        ids.add(id);
        return { id, role: statutory?.id ?? ('co-signer' as const), roleTitle: statutory ? null : text(row[0]), ...fill(row) };
      });
    return { ...plan, signatories: [...kept, ...added] };
  },
  theoryOfChange: (plan, lines) => {
    const rows = rowsOf(lines);
    const bands: Record<string, string[]> = { INPUTS: [], ACTIVITIES: [], OUTPUTS: [], OUTCOMES: [] };
    let band: string | null = null;
    let vision: string | null = plan.theoryOfChange.vision;
    rows.forEach((row, i) => {
      const only = row.length === 1 ? normalise(row[0] ?? '') : '';
      if (only in bands) band = only;
      else if (i === 1 && !band) vision = text(row[0]);
      else if (band) bands[band]!.push(...row.map((c) => text(c)).filter((c): c is string => c !== null));
    });
    return { ...plan, theoryOfChange: { vision, inputs: bands.INPUTS!, activities: bands.ACTIVITIES!, outputs: bands.OUTPUTS!, outcomes: bands.OUTCOMES! } };
  },
  threeYearPicture: (plan, lines) => {
    const t = plan.threeYearPicture;
    const narrative = lines.filter((l) => l.kind === 'text');
    const { before, measures } = measuresAfter(rowsOf(lines).slice(1), t.successMeasures);
    if (before.length !== t.blueprint.length || narrative.length === 0) return plan;
    const blueprint = t.blueprint.map((r, i) => ({ ...r, whereWeAre: text(before[i]![1]), whereWeWillBe: text(before[i]![2]) }));
    return { ...plan, threeYearPicture: { ...t, blueprint, successMeasures: measures } };
  },
  roadmap: (plan, lines) => {
    const r = plan.roadmap;
    const body = rowsOf(lines).slice(1);
    const { before, measures } = measuresAfter(body, r.successMeasures);
    const rows = before.filter((row) => !(row.slice(1).every((c) => !c.trim()) && /building blocks/i.test(row[0] ?? '')));
    if (rows.length !== r.rows.length) return plan;
    return {
      ...plan,
      roadmap: {
        ...r,
        rows: r.rows.map((old, i) => ({ ...old, outcomes: cellLines(rows[i]![0]).slice(1), year1: text(rows[i]![1]), year2: text(rows[i]![2]), year3: text(rows[i]![3]) })),
        successMeasures: measures,
      },
    };
  },
  deliveryPlan,
  // Every column of a governance mechanism is in the table, so rows may be added and removed here:
  // a row keeps the id of the mechanism of its name (or, renamed, of its position), a new one gets one.
  governance: (plan, lines) => {
    const g = plan.governance;
    const rows = rowsOf(lines).slice(1).filter((r) => r.some((c) => c.trim()));
    const sro = lines.find((l) => l.kind === 'text' && normalise(l.text).startsWith('Where the SRO sits:'));
    const taken = new Set<string>();
    const mechanisms = rows.map((row, i) => {
      const [name, purpose, membership, cadence, decisionRights, escalationRoute] = row;
      const byName = g.mechanisms.find((m) => same(name, m.name) && !taken.has(m.id));
      const was = byName ?? (rows.length === g.mechanisms.length ? g.mechanisms[i] : undefined);
      const id = was && !taken.has(was.id) ? was.id : uniqueId(slug(name ?? '') || `mechanism-${i + 1}`, taken, g.mechanisms.map((m) => m.id));
      taken.add(id);
      return { id, name: (name ?? '').trim(), purpose: text(purpose), membership: text(membership), cadence: text(cadence), decisionRights: text(decisionRights), escalationRoute: text(escalationRoute) };
    });
    return { ...plan, governance: { ...g, mechanisms, sroPosition: sro?.kind === 'text' ? text(normalise(sro.text).slice('Where the SRO sits:'.length)) : null } };
  },
};
