import { BLUEPRINT_TABLE, GOVERNANCE_TABLE, QUESTION_PROMPTS, ROADMAP_TABLE } from '../annex-a.text';
import { NO_DOCUMENTS } from '../plan.compile';
import { REQUIRED_SIGNATORY_ROLES, type BlueprintRow, type Plan, type RoadmapRow, type SectionKey } from '../plan.schema';
import { readDeliveryPlan } from './delivery-plan.reader';
import { annexBDocument, documentsAfterTables, documentsInLines, isPlaceholder } from './document-readers';
import { freshId } from './fresh-id';
import { normalise } from './normalise';
import type { Line, SectionReader } from './plan-sections';
import { answerLinesOf, asText, promptLines, textAroundTables, theTable, withTablesAsLines } from './section-text';
import { isoOfWrittenDate } from './written-date';
import { blockLabelLines, blockOf, cellLines, foldAddedColumns, labelledCells, matchRows, otherColumns, measuresAfter, rowsOf, same, text, withLines, type Row } from './table-cells';

const UPLOAD_PROMPT = new Set(promptLines(QUESTION_PROMPTS.reportingToDfe.upload));
/** Q2's prompt as one text, to know its description of a building block when a partnership keeps it under the block's name. */
const Q2_PROMPT = promptLines(QUESTION_PROMPTS.threeYearPicture.prompt).join(' ').toLowerCase();

/**
 * Blueprint and roadmap rows by the building block their label names (or Enablers): a row the plan
 * has keeps its id, a new one gets one; undefined when a label names no building block.
 */
const byBlock = <T extends BlueprintRow | RoadmapRow>(old: readonly T[], labels: readonly string[], prefix: string, fill: (was: T | undefined, i: number) => Partial<T>): T[] | undefined => {
  const blocks = labels.map(blockOf);
  if (blocks.some((b) => !b)) return undefined;
  const matched = matchRows(old, labels.map((_, i) => blocks[i]!.buildingBlock ?? 'enablers'), (row) => row.buildingBlock ?? 'enablers');
  const ids = new Set(old.map((r) => r.id));
  return blocks.map((block, i) => {
    const id = matched[i]?.id ?? freshId(`${prefix}-${block!.buildingBlock ?? 'enablers'}`, ids);
    ids.add(id);
    return { ...matched[i], ...block!, ...fill(matched[i], i), id } as T;
  });
};

/**
 * The template's tables read back, row by row, each row matched to the plan's by what names it (a
 * building block, a role, a workstream's code, a mechanism's name): a match keeps its id and what
 * the table does not show, a new row gets an id. Every reading is compiled again and taken only if
 * it says what the file says.
 */
export const TABLE_READERS: Partial<Record<SectionKey, SectionReader>> = {
  // A row per role, found by its title: a statutory role the plan had no one for gets its signatory
  // from the file; so does a co-signer's new row (its title is their role in words), named or not yet.
  signatories: (plan, lines) => {
    const [header = [], ...rows] = rowsOf(lines);
    const ids = new Set(plan.signatories.map((s) => s.id));
    const titleOf = (s: Plan['signatories'][number]) => REQUIRED_SIGNATORY_ROLES.find((r) => r.id === s.role)?.title ?? s.roleTitle ?? 'Co-signer';
    // Columns by their headings, as a partnership may add one ("Organisation") or reorder them; the template's order otherwise.
    const column = (pattern: RegExp, fallback: number) => {
      const at = header.findIndex((h) => pattern.test(normalise(h)));
      return at >= 0 ? at : fallback;
    };
    const at = { role: column(/^(role|(job )?title|position)\b/i, 0), name: column(/^(full )?name\b/i, 1), signature: column(/^signature|^signed\b/i, 2), email: column(/e-?mail/i, 3), date: column(/^date\b/i, 4) };
    // Two of them in one column (a name first, and no column headed as the role): which says what is not known, so the table is left for Teams.
    if (new Set(Object.values(at)).size < Object.values(at).length) return plan;
    const roleOf = (row: Row) => row[at.role] ?? '';
    const fill = (row: Row) => {
      const written = text(row[at.date]);
      const signedOn = isoOfWrittenDate(written);
      // Columns a partnership added ("Organisation"), and a date that is no day ("June 2026"), go with the signature under their headings.
      const added = otherColumns(header, row, (i) => Object.values(at).includes(i));
      const undated = written && !signedOn ? [`${normalise(header[at.date] ?? 'Date')}: ${written}`] : [];
      return { name: text(row[at.name]), signature: withLines(text(row[at.signature]), [...added, ...undated]), email: text(row[at.email]), signedOn };
    };
    const kept = plan.signatories.map((s) => {
      const row = rows.find((r) => same(roleOf(r), titleOf(s)));
      return row ? { ...s, ...fill(row) } : s;
    });
    const added = rows
      .filter((r) => !plan.signatories.some((s) => same(roleOf(r), titleOf(s))) && r.some((c) => c.trim()))
      .map((row) => {
        const statutory = REQUIRED_SIGNATORY_ROLES.find((r) => same(roleOf(row), r.title));
        const id = statutory && !ids.has(statutory.id) ? statutory.id : freshId(roleOf(row) || 'co-signer', ids);
        ids.add(id);
        return { id, role: statutory?.id ?? ('co-signer' as const), roleTitle: statutory ? null : text(roleOf(row)), ...fill(row) };
      });
    return { ...plan, signatories: [...kept, ...added] };
  },
  // The template's bands, either as a band row with its items in the rows under it (the plan's own
  // layout) or as "INPUTS | the items" on one row (how partnerships often fill it in); the summary
  // the template asks for comes before the table.
  theoryOfChange: (plan, lines) => {
    const bands: Record<string, string[]> = { INPUTS: [], ACTIVITIES: [], OUTPUTS: [], OUTCOMES: [] };
    // Without a table, the bands may be typed as paragraphs: "INPUTS", then its items, a line each
    // (or in a small table under each label, a cell an item).
    const isBand = (l: Line) => l.kind === 'text' && ['VISION', ...Object.keys(bands)].includes(normalise(l.text).toUpperCase());
    const bandRow = (l: Line) => l.kind === 'row' && ['VISION', ...Object.keys(bands)].includes(normalise(l.cells[0] ?? '').toUpperCase().replace(/:.*$/s, '').trim());
    // Only when no table names its bands itself (the plan's own layout): band words in a summary are its words.
    const labelled = lines.filter(isBand).length >= 2 && !lines.some(bandRow);
    const cellsAsLines = lines.flatMap((l): Line[] => (l.kind === 'row' ? l.cells.flatMap(cellLines).map((t) => ({ kind: 'text', text: t, listed: false, bold: [] })) : [l]));
    const own = answerLinesOf('theoryOfChange', labelled ? cellsAsLines : lines);
    const labels = own.flatMap((l, i) => (isBand(l) ? [i] : []));
    const typed = (labelled || !lines.some((l) => l.kind === 'row')) && labels.length > 0;
    const rows = typed ? labels.map((at, j) => [own[at]!.text, ...own.slice(at + 1, labels[j + 1] ?? own.length).map((l) => l.text)]) : rowsOf(lines);
    let band: string | null = null;
    let vision: string | null = plan.theoryOfChange.vision;
    const bandOf = (cell: string | undefined) => normalise(cell ?? '').toUpperCase();
    // Or the bands as columns: a row of their names ("Vision | Inputs | …"), their items in the rows under it.
    const across = rows.findIndex((row) => row.filter((c) => bandOf(c) === 'VISION' || bandOf(c) in bands).length >= 3);
    if (across >= 0) {
      const heads = rows[across]!.map(bandOf);
      for (const row of rows.slice(across + 1)) {
        row.forEach((cell, j) => {
          const items = cellLines(cell);
          if (heads[j] === 'VISION') vision = items.length ? text(items.join('\n')) : vision;
          else if (heads[j]! in bands) bands[heads[j]!]!.push(...items);
        });
      }
    } else rows.forEach((whole, i) => {
      // "VISION: our words" in one cell (a merged row) is the band's label and its text.
      const run = /^\s*(VISION|INPUTS|ACTIVITIES|OUTPUTS|OUTCOMES)\s*:\s*(\S[\s\S]*)$/i.exec(whole[0] ?? '');
      const row = run && whole.slice(1).every((c) => !c.trim()) ? [run[1]!, run[2]!] : whole;
      const label = bandOf(row[0]);
      const rest = row.slice(1).flatMap((c) => cellLines(c));
      if (label === 'VISION') {
        if (rest.length) vision = text(rest.join('\n'));
        band = null;
      } else if (label in bands) {
        band = label;
        bands[label]!.push(...rest);
      } else if (i === 1 && !band) vision = text(row[0]);
      else if (band) bands[band]!.push(...row.map((c) => text(c)).filter((c): c is string => c !== null));
    });
    const summary = typed ? asText(own.slice(0, labels[0])) : textAroundTables('theoryOfChange', lines);
    return { ...plan, theoryOfChange: { summary, vision, inputs: bands.INPUTS!, activities: bands.ACTIVITIES!, outputs: bands.OUTPUTS!, outcomes: bands.OUTCOMES! } };
  },
  threeYearPicture: (plan, all, awaited) => {
    const t = plan.threeYearPicture;
    // The blueprint by its headings; a table the partnership added beside it (the core minimum requirements met) is its words.
    const blueprintTable = theTable(all, (cells) => cells.some((c, i) => i > 0 && same(c, BLUEPRINT_TABLE.columns.whereWeAre)));
    const lines = blueprintTable?.lines ?? all;
    // "Building blocks" in a row of its own, above the blocks, is the template's label, not a block.
    const { before, measures } = measuresAfter(
      foldAddedColumns(rowsOf(lines), [BLUEPRINT_TABLE.columns.whereWeAre, BLUEPRINT_TABLE.columns.whereWeWillBe])
        .slice(1)
        .filter((row) => !(row.slice(1).every((c) => !c.trim()) && same(row[0], BLUEPRINT_TABLE.buildingBlocksLabel)))
        // Or in a column of its own, merged down beside the blocks: the block's row starts one cell later.
        .map((row) => (row.length === 4 && (same(row[0], BLUEPRINT_TABLE.buildingBlocksLabel) || !row[0]!.trim()) && blockOf(row[1] ?? '') ? row.slice(1) : row)),
      t.successMeasures,
    );
    // The first row's label cell carries "Building blocks" above the block's name, as the template has it.
    // Or the block's name over the template's own description of it (the prompt's words, kept in the cell): its first line.
    const labels = before.map((r) => {
      const label = blockLabelLines(r[0], BLUEPRINT_TABLE.buildingBlocksLabel);
      const described = label.length > 1 && blockOf(label[0]!) && Q2_PROMPT.includes(normalise(label.slice(1).join(' ')).toLowerCase());
      return described ? label[0]! : label.join(' ');
    });
    const blueprint = byBlock(t.blueprint, labels, 'blueprint', (row, i) => ({ whereWeAre: text(before[i]![1]), whereWeWillBe: text(before[i]![2]) }));
    if (!blueprint) return plan;
    return { ...plan, threeYearPicture: { narrative: textAroundTables('threeYearPicture', lines), blueprint, successMeasures: measures, documents: documentsAfterTables(t.documents, lines, awaited) } };
  },
  // The tool itself is a document; what partnerships write about it (sentences, a table of their
  // ratings) is its summary. Under the upload placeholder every line names a document.
  maturityAssessment: (plan, lines, awaited) => {
    const own = answerLinesOf('maturityAssessment', withTablesAsLines(lines));
    // By where each line is: above the upload placeholder, paragraphs (and a list a paragraph ending ":" leads into) are
    // the summary; list items otherwise, and everything under the placeholder, name documents, as the plan prints them.
    const placeholder = own.findIndex((l) => isPlaceholder(l.text));
    const said: boolean[] = [];
    own.forEach((l, i) => {
      const above = placeholder < 0 || i < placeholder;
      const ledInto = l.listed && i > 0 && said[i - 1] === true && (own[i - 1]!.listed || /:$/.test(own[i - 1]!.text.trim()));
      said.push(above && (!l.listed || ledInto));
    });
    return {
      ...plan,
      maturityAssessment: {
        summary: asText(own.filter((_, i) => said[i])),
        documents: documentsInLines(plan.maturityAssessment.documents, own.filter((_, i) => !said[i]).map((l) => l.text), awaited, [NO_DOCUMENTS.maturityAssessment]),
      },
    };
  },
  roadmap: (plan, lines, awaited) => {
    const r = plan.roadmap;
    const all = rowsOf(lines);
    const years = all[0]?.slice(1, 4).map((y) => y.trim());
    if (years?.length !== 3) return plan;
    const { before, measures } = measuresAfter(all.slice(1), r.successMeasures, years);
    // The label row, and the years repeated over a second table ("Table 5b – Enablers and success measures"), are no rows of the roadmap.
    const rows = before.filter((row) => !(row.slice(1).every((c) => !c.trim()) && same(row[0], ROADMAP_TABLE.buildingBlocksLabel)) && !(!text(row[0]) && row.slice(1, 4).every((c, i) => same(c, years[i]!))));
    // The label cell: the block's name in bold, then its outcome bullets.
    // As the template has it, the first block's cell may carry "Building blocks" above the block's name.
    const read = rows.map((row) => {
      const [label = '', ...outcomes] = blockLabelLines(row[0], ROADMAP_TABLE.buildingBlocksLabel);
      return { label, outcomes, row };
    });
    const roadmapRows = byBlock(r.rows, read.map((x) => x.label), 'roadmap', (_, i) => ({ outcomes: read[i]!.outcomes, year1: text(read[i]!.row[1]), year2: text(read[i]!.row[2]), year3: text(read[i]!.row[3]) }));
    if (!roadmapRows) return plan;
    return { ...plan, roadmap: { narrative: textAroundTables('roadmap', lines), years: years as [string, string, string], rows: roadmapRows, successMeasures: measures, documents: documentsAfterTables(r.documents, lines, awaited) } };
  },
  deliveryPlan: readDeliveryPlan,
  reportingToDfe: (plan, lines, awaited) => ({
    ...plan,
    reportingToDfe: { documents: documentsInLines(plan.reportingToDfe.documents, answerLinesOf('reportingToDfe', lines, UPLOAD_PROMPT).map((l) => l.text), awaited, [NO_DOCUMENTS.reportingToDfe]) },
  }),
  // Annex B: a document per row, its purpose then its name and link; matched to the plan's by purpose.
  supportingDocuments: (plan, lines) => {
    const old = plan.supportingDocuments.documents;
    // A second table under its own headings ("Document | Where to find it") goes on the list; its heading row is no document.
    const [header = [], ...all] = rowsOf(lines.filter((l) => !(l.kind === 'row' && l.repeatsHeadings)));
    const rows = all.filter((r) => r.some((c) => c.trim()));
    const ids = new Set(old.map((d) => d.id));
    const matched = matchRows(old, rows.map((r) => r[0] ?? ''), (d) => d.purpose ?? '');
    const documents = rows.map((row, i) => {
      const id = matched[i]?.id ?? freshId(row[0] || row[1] || 'document', ids);
      ids.add(id);
      // Columns a partnership added ("Web address", "Status") stay with the document's name, under their heading.
      const extra = labelledCells(header, row.map((c, at) => (at >= 2 && !/[\p{L}\p{N}]/u.test(c) ? '' : c)), 2);
      const document = annexBDocument(matched[i], text(row[0]), row[1] ?? '', id);
      return extra.length ? { ...document, title: [document.title, `(${extra.join('; ')})`].filter(Boolean).join(' ') } : document;
    });
    return { ...plan, supportingDocuments: { documents } };
  },
  // Every column of a governance mechanism is in the table, so rows may be added and removed here:
  // a row keeps the id of the mechanism of its name (or, renamed, of its position), a new one gets one.
  governance: (plan, lines, awaited) => {
    const g = plan.governance;
    const all = rowsOf(lines);
    // Headings name the template's columns ("Purpose", "Membership", "Escalation route" …); a first row that does not is a mechanism.
    const titles = Object.values(GOVERNANCE_TABLE.columns).map((c) => new Set(normalise(c.title).toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 3)));
    const namesColumns = (row: readonly string[] | undefined) => (row ?? []).filter((cell, i) => normalise(cell).toLowerCase().split(/[^a-z]+/).some((w) => titles[i]?.has(w))).length >= 3;
    const headed = namesColumns(all[0]);
    const [header = [], ...body] = headed ? all : [[], ...all];
    // A heading row repeated over a second table (words between them kept the tables apart) is no mechanism.
    const rows = body.filter((r) => r.some((c) => c.trim()) && !(headed && namesColumns(r)));
    // A row of one cell across the table ("Strategic level") groups the mechanisms under it: the plan
    // keeps no groups, and such a row is no mechanism, so the table is left for Teams.
    if (rows.some((r) => r.length === 1) && Math.max(...rows.map((r) => r.length)) >= 3) return plan;
    const sro = lines.find((l) => l.kind === 'text' && normalise(l.text).startsWith('Where the SRO sits:'));
    // A partnership's own copy answers the prompt's "where the SRO sits" in words above the table, or
    // in sentences just under it.
    const above = sro ? null : textAroundTables('governance', lines, new Set([normalise(GOVERNANCE_TABLE.afterTable)]));
    const taken = new Set<string>();
    const mechanisms = rows.map((row, i) => {
      const [name, purpose, membership, cadence, decisionRights, escalationRoute] = row;
      const byName = g.mechanisms.find((m) => same(name, m.name) && !taken.has(m.id));
      const was = byName ?? (rows.length === g.mechanisms.length ? g.mechanisms[i] : undefined);
      const id = was && !taken.has(was.id) ? was.id : freshId(name || `mechanism-${i + 1}`, new Set([...taken, ...g.mechanisms.map((m) => m.id)]));
      taken.add(id);
      return { id, name: (name ?? '').trim(), purpose: text(purpose), membership: withLines(text(membership), labelledCells(header, row, 6)), cadence: text(cadence), decisionRights: text(decisionRights), escalationRoute: text(escalationRoute) };
    });
    const documents = documentsAfterTables(g.documents, lines, awaited, [NO_DOCUMENTS.governance]);
    return { ...plan, governance: { mechanisms, sroPosition: sro?.kind === 'text' ? text(normalise(sro.text).slice('Where the SRO sits:'.length)) : above, documents } };
  },
};
