import type { DocumentModel } from '../document.model';
import { sectionLabel, SECTIONS } from '../plan.sections';
import { DELIVERY_QUARTERS, type Plan, type SectionKey } from '../plan.schema';
import { lineTotal } from '../spend.totals';
import { formatPence } from '../money';
import { QUESTION_PROMPTS } from '../annex-a.text';
import { ANSWER_GAP, STILL_TO_PROVIDE_HEADING } from '../plan-gaps';
import { normalise, words } from './normalise';
import { answerLinesOf, asText, withTablesAsLines } from './section-text';
import { canonicalText, cutModel, cutWord, type CutSection, type Line, type Region } from './plan-sections';
import { regionOf } from './question-headings';
import { SECTION_READERS } from './section-readers';
import { TABLE_READERS } from './table-readers';
import { Plan as PlanSchema } from '../plan.schema';
import type { WordBlock } from './word-blocks';
import { withIsoDates } from './written-date';
import { withFullAmounts } from './written-amount';
import { deliveryPlanAsPrinted } from './delivery-layouts';
import { looksLikeHeadings } from './table-cells';
import { blankPlan } from '../blank-plan';
import { UPLOAD_PLACEHOLDER_TEXT, withoutPlaceholder } from './document-readers';
import { NO_DOCUMENTS } from '../plan.compile';

export interface SectionChange {
  readonly section: SectionKey;
  /** As the sections list names it: "Q9 Engagement and co-production". */
  readonly label: string;
  /** Read back into the plan's own types, exactly: a draft can be made of it. */
  readonly readable: boolean;
  /** Why not, when it cannot be. */
  readonly reason?: string;
  /** Read, every word kept, but printed in the plan's own layout (its labels added): worth a look before taking. */
  readonly relaid?: boolean;
}

export interface WordImport {
  /** Sections whose words in the file differ from the plan's, in the template's order. */
  readonly changes: readonly SectionChange[];
  /** What the file has that no section could take, by heading: never dropped without a word. */
  readonly unplaced: readonly string[];
  /** The plan with every readable change made; the same plan when there are none. */
  readonly plan: Plan;
}

interface RegionText {
  readonly heading: string;
  readonly lines: Line[];
  /** What the "Still to be provided" list names for this region, by what it is. */
  readonly awaited: string[];
}

/** "Question 9", "Front page", or a heading's own words, as the "Still to be provided" list names where a gap is. */
const gapRegion = (where: string): Region | undefined => {
  if (where === 'Front page') return 'header';
  const n = /^Question (\d{1,2})$/.exec(where);
  if (n) return (Object.entries(QUESTION_PROMPTS) as [SectionKey, { number: number }][]).find(([, q]) => q.number === Number(n[1]))?.[0];
  return regionOf(where);
};

/**
 * A document's sections by region, each with what the "Still to be provided" list names for it:
 * the list is the bot's, but a document awaited for a question is part of that question's answer.
 */
const byRegion = (sections: readonly CutSection[]): Map<Region, RegionText> => {
  const out = new Map<Region, RegionText>();
  for (const s of sections) {
    // The list comes last, so the sections it names are already read; a line naming none stays where it is.
    const lines = s.lines.filter((line) => {
      if (normalise(s.heading) !== STILL_TO_PROVIDE_HEADING || line.kind !== 'text' || !line.listed) return true;
      const colon = line.text.indexOf(': ');
      const region = colon > 0 ? out.get(gapRegion(normalise(line.text.slice(0, colon))) ?? 'bot') : undefined;
      region?.awaited.push(normalise(line.text.slice(colon + 2)));
      return !region;
    });
    const seen = out.get(s.region);
    if (seen) seen.lines.push(...lines);
    else out.set(s.region, { heading: s.heading, lines, awaited: [] });
  }
  return out;
};

/** Spelling of dates and amounts that says the same as the plan's: "12 June 2026" is 2026-06-12, "£0.3m" is £300,000. */
const comparable = (text: string): string => withFullAmounts(withIsoDates(text));

/** Punctuation a word may carry at its edges: a bullet, brackets, quotes, a full stop. */
const EDGE = new Set([...'-–•*(“"\'‘)”’.,;:!?']);

/** A word without the punctuation at its edges (a loop, not a regular expression: a file may hold a word a million characters long). */
const bare = (raw: string): string => {
  let start = 0;
  let end = raw.length;
  while (start < end && EDGE.has(raw[start]!)) start++;
  while (end > start && EDGE.has(raw[end - 1]!)) end--;
  return raw.slice(start, end);
};

/** A text's words with how often each comes, cell borders, bullets and punctuation at their edges aside. */
const wordCounts = (text: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const raw of text.toLowerCase().split(/[\s|]+/)) {
    const word = bare(raw);
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
};

/**
 * Words partnerships head their own columns with ("Dependency", "Goal | What it means | What we will
 * track"): labels, where the plan prints each row its own way. Only ever allowed in a table's first
 * row, and only when most of that row is such words, so no row of data passes for headings.
 */
const ROW_NAMING_HEADINGS = new Set(['dependency', 'dependencies', 'area', 'areas', 'item', 'ref', 'goal', 'goals', 'description', 'track']);

/** The plan's own labels ("Owner: …", "How we will manage it: …"): a column a partnership headed so is printed under its heading's words. */
const labelWords = (plan: string): Set<string> =>
  new Set(
    plan
      .split('\n')
      .flatMap((line) => {
        const label = /^([^:|]{1,60}):\s/.exec(line.trim())?.[1];
        return label && label.split(/\s+/).length <= 6 ? [...wordCounts(label).keys()] : [];
      }),
  );

/** An amount or a rate ("£16,250", "38%", "1.5"), not a bare number such as the 20 of "20 weeks". */
const isFigure = (word: string): boolean => /\d/.test(word) && /[£$%,.]/.test(word);

/**
 * A section laid out differently is taken only when nothing of theirs is lost. Each paragraph of
 * theirs is in what the plan would print, word for word, unless it is the template's own (a prompt
 * line). Each table row's words are all in what the plan would print (a table's first row, its
 * column headings, may use the template's words instead; a risk's score is worked out again). An
 * amount or a rate comes as often as in the file (a total left unchanged beside a changed amount is
 * not the plan's total).
 */
const keepsEveryWord = (lines: readonly Line[], file: string, plan: string, template: string): boolean => {
  // Beyond any real section's size, not compared word by word (that would take minutes): named instead.
  if (file.length > 300_000) return false;
  const printed = wordCounts(plan);
  const templateWords = wordCounts(template);
  // A template line may be typed in another case ("Vision" for the table's VISION).
  const templateLines = new Set(template.split('\n').map((l) => normalise(l).toLowerCase()));
  const planText = normalise(plan.replace(/\n/g, ' '));
  const labels = labelWords(plan);
  const linesKept = lines.every((line, i) => {
    if (line.kind === 'text') {
      // "INSERT DOCUMENT UPLOAD LINK: X": the template's words, then a document of theirs.
      const t = comparable(withoutPlaceholder(normalise(line.text))) || UPLOAD_PLACEHOLDER_TEXT;
      // A line listing several documents ("Strategy (Appendix 1); JSNA (Appendix 4)") is kept as one a document.
      // A bold lead-in and its dash ("NHS reforms – the ICB …") may be printed as a heading over its text.
      const lead = normalise(line.bold[0] ?? '');
      const apart = lead && t.startsWith(lead) ? `${lead} ${t.slice(lead.length).replace(/^\s*[-:.]\s*/, '')}` : t;
      return templateLines.has(t.toLowerCase()) || planText.includes(t) || planText.includes(apart) || t.split(/;\s+/).every((piece) => planText.includes(piece));
    }
    // Cell by cell: "14" beside "Sept 2027" is a number of places and a month, not the 14th.
    const words = [...new Set(line.cells.flatMap((c) => [...wordCounts(comparable(normalise(c)))].map(([word]) => word)))];
    // The first column's heading names the rows ("Reform or dependency"): the plan prints no heading for it.
    const firstCell = line.cells.length > 1 ? wordCounts(comparable(normalise(line.cells[0] ?? ''))) : new Map<string, number>();
    // A table's first row may be its column headings, in the template's words; a first row mostly of
    // other words is data, which a reader must not have taken for headings and left out.
    // Column headings the plan prints as each row's labels ("Owner: …") count as headings too.
    const heading = (w: string) => templateWords.has(w) || ROW_NAMING_HEADINGS.has(w) || labels.has(w);
    // A second table's headings under its caption ("Document | Where to find it") are layout.
    if (line.repeatsHeadings) return true;
    const headings = lines[i - 1]?.kind !== 'row' && words.filter(heading).length >= 0.6 * words.length;
    // A first row whose first cell is a word naming rows ("Goal | What it means | What we will track"), short and without figures, is headings outright.
    const namesItsColumns = lines[i - 1]?.kind !== 'row' && ROW_NAMING_HEADINGS.has(normalise(line.cells[0] ?? '').toLowerCase()) && looksLikeHeadings(line.cells);
    // A heading's word in the singular ("Metric", "Enabler") is the plan's plural.
    const kept = (word: string) => printed.has(word) || printed.has(`${word}s`);
    return namesItsColumns || words.every((word) => kept(word) || (headings && (heading(word) || firstCell.has(word))));
  });
  const figuresKept = [...wordCounts(file)].every(([word, n]) => !isFigure(word) || n <= (printed.get(word) ?? 0) + (templateWords.get(word) ?? 0));
  return linesKept && figuresKept;
};

/**
 * Words a file may carry that the plan works out rather than keeps: a risk's score, impact times
 * likelihood ("Red (16)"); a spend line's total for the year and the year's total (a column some
 * partnerships add). Worked out from what was read, so a total that does not add up is refused.
 */
const derivedWords = (key: SectionKey, plan: Plan): string => {
  if (key === 'deliveryPlan') {
    const lineTotals = plan.deliveryPlan.spend.map(lineTotal);
    // An amount not known yet may be typed "TBC".
    const notYet = plan.deliveryPlan.spend.flatMap((l) => DELIVERY_QUARTERS.flatMap((q) => plan.deliveryPlan.fundingSources.filter((s) => (l.amounts[q][s.id] ?? null) === null))).map(() => 'TBC');
    return [...[...lineTotals, lineTotals.reduce((a, b) => a + b, 0)].map(formatPence), ...notYet].join(' ');
  }
  if (key !== 'risks') return '';
  // "4", "4 – Critical" or "Critical (4)": the level's number first or last in brackets (not the 2 of "up to 2 years").
  const lead = (v: string | null) => {
    const m = /^([1-5])\b|\(([1-5])\)$/.exec(normalise(v ?? ''));
    return Number(m?.[1] ?? m?.[2] ?? NaN);
  };
  return plan.risks.risks.map((r) => lead(r.impact) * lead(r.likelihood)).filter(Number.isFinite).join(' ');
};

/** "A further 7 open risks are held in the partnership's full risk log": worked out from a log the file does not carry. */
const FULL_LOG = /^A further \d+ open risks? (is|are) held in the partnership's full risk log\.$/;
const fromFullLog = (line: Line) => line.kind === 'text' && FULL_LOG.test(normalise(line.text));

/**
 * A section's words for comparing, with the gaps named for it when the file has the bot's
 * "Still to be provided" list (a partnership's own file has none, and says nothing of its gaps).
 */
const wordsOf = (region: RegionText | undefined, gaps: boolean): string =>
  [canonicalText((region?.lines ?? []).filter((l) => !fromFullLog(l))), ...(gaps ? (region?.awaited ?? []) : [])].join('\n');

/** Sections that are a table and nothing else in the plan. */
const TABLES_ALONE: ReadonlySet<SectionKey> = new Set(['signatories', 'supportingDocuments']);

/**
 * The signatories and Annex B are tables the plan keeps no words beside: a partnership's sentence
 * around them ("Signed copies are held by the Programme Office", a caption over a second table) is
 * named for the SRO, and the table read.
 */
const withoutSentences = (key: SectionKey, have: RegionText | undefined, template: RegionText | undefined, unplaced: string[]): RegionText | undefined => {
  // Without a table there is nothing to read beside: the section is compared as it is.
  const first = have?.lines.find((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row');
  if (!TABLES_ALONE.has(key) || !have || !first) return have;
  const ours = new Set((template?.lines ?? []).flatMap((l) => (l.kind === 'text' ? [normalise(l.text)] : [])));
  // A second table under a caption, with the first one's headings again ("Document | Where to find it"): its headings, no row of data.
  const lines = have.lines.map((l, i): Line => {
    const repeats = l.kind === 'row' && l !== first && have.lines[i - 1]?.kind === 'text' && normalise(l.cells[0] ?? '') !== '' && normalise(l.cells[0] ?? '') === normalise(first.cells[0] ?? '') && looksLikeHeadings(l.cells);
    return repeats ? { ...l, repeatsHeadings: true } : l;
  });
  const aside = lines.filter((l) => l.kind === 'text' && !ours.has(normalise(l.text)));
  if (!aside.length) return { ...have, lines };
  unplaced.push(`${sectionLabel(key)}: ${aside.length === 1 ? 'a line' : `${aside.length} lines`} beside the table, which the plan does not keep, starting "${normalise(aside[0]!.kind === 'text' ? aside[0]!.text : '').slice(0, 60)}"`);
  return { ...have, lines: lines.filter((l) => !aside.includes(l)) };
};

const withMatrixNote = (plan: Plan, matrixNote: string | null): Plan => ({ ...plan, risks: { ...plan.risks, matrixNote } });

/**
 * A region's lines the plan does not print there. Annex C's matrix as the template has it counts as
 * printed: its cells coloured by shading rather than the words the plan writes in them, or laid out
 * a little differently ("< 10%" and "Very Unlikely" in one cell), its rows saying only its words.
 */
const notPrinted = (have: readonly Line[], ours: readonly Line[], matrix: boolean): Line[] => {
  const uncoloured = ours.map((l) => (l.kind === 'row' ? { ...l, cells: l.cells.map((c) => (/^(Red|Amber|Green)$/.test(c.trim()) ? '' : c)) } : l));
  const known = new Set([...canonicalText(ours).split('\n'), ...canonicalText(uncoloured).split('\n')]);
  const matrixWords = matrix ? words(canonicalText(ours)) : new Set<string>();
  return have.filter((l) => {
    const line = canonicalText([l]);
    return line && !known.has(line) && !(l.kind === 'row' && [...words(line)].every((w) => matrixWords.has(w)));
  });
};

/**
 * What the file says under Annex C that the plan does not print around its matrix (paragraphs, and
 * a table of its own as "| a | b |" lines): null when nothing, undefined when the file has no Annex C.
 */
const annexCNote = (have: RegionText | undefined, ours: RegionText | undefined): string | null | undefined =>
  have ? asText(answerLinesOf('risks', withTablesAsLines(notPrinted(have.lines, ours?.lines ?? [], true)))) : undefined;

/**
 * What a Word file would change in the plan: each section's words in the file against the words
 * the plan compiles to, the template's headings marking where each section starts. A section
 * whose words are the same is left alone, however the file was re-saved; a changed one is read
 * back into the plan's types and compiled again, and taken only if it then says exactly what the
 * file says.
 */
export const importWord = (plan: Plan, blocks: readonly WordBlock[], compile: (plan: Plan) => DocumentModel): WordImport => {
  const expected = byRegion(cutModel(compile(plan)));
  const cut = cutWord(blocks);
  const found = byRegion(cut);
  const gaps = cut.some((s) => normalise(s.heading) === STILL_TO_PROVIDE_HEADING);
  // What the template itself prints for each section (prompts, headings, labels): words a partnership's copy may carry that no field keeps.
  const template = byRegion(cutModel(compile(blankPlan(plan.meta.reportingYear))));
  const notDocuments = new Set([ANSWER_GAP, ...[...template.values()].flatMap((r) => r.awaited)].map((a) => normalise(a)));
  for (const d of Object.values(NO_DOCUMENTS)) notDocuments.delete(normalise(d));
  const templateWords = (key: SectionKey) => `${wordsOf(template.get(key), false)}\n${UPLOAD_PLACEHOLDER_TEXT}`;
  const changes: SectionChange[] = [];
  const unplaced: string[] = [];
  let imported = plan;
  const notTaken = (key: SectionKey, reason: string) => changes.push({ section: key, label: sectionLabel(key), readable: false, reason: `${reason}: change it in Teams` });
  for (const { key } of SECTIONS) {
    const want = expected.get(key);
    const have = withoutSentences(key, found.get(key), template.get(key), unplaced);
    if (!have) {
      if (want && canonicalText(want.lines)) unplaced.push(`${sectionLabel(key)}: its heading is not in the file, so it was left as it is`);
      continue;
    }
    if (wordsOf(have, gaps) === wordsOf(want, gaps)) continue;
    const reader = SECTION_READERS[key] ?? TABLE_READERS[key];
    if (!reader) {
      notTaken(key, 'it cannot be read back from Word yet');
      continue;
    }
    const theirLines = have.lines.filter((l) => !fromFullLog(l));
    // Only documents still to come are a question's: "the answer" or "where the SRO sits" in the bot's list are gaps, not documents.
    const candidate = reader(imported, theirLines, have.awaited.filter((a) => !notDocuments.has(a)));
    // The plan's own rules too: a reading that breaks one (an e-mail that is not one) is not taken.
    const valid = PlanSchema.safeParse(candidate);
    if (!valid.success) {
      notTaken(key, valid.error.issues[0]?.message ?? 'it breaks the plan’s rules');
      continue;
    }
    // A date written "12 June 2026" in the file is the plan's 2026-06-12.
    const reprinted = byRegion(cutModel(compile(candidate))).get(key);
    const again = comparable(wordsOf(reprinted, gaps));
    const theirs = comparable(wordsOf(have, gaps));
    const unchanged = JSON.stringify(candidate[key]) === JSON.stringify(imported[key]);
    // What the file says in its own spelling that the plan says its own way (a quarter in a cell of its own, "nil").
    const asPrinted = key === 'deliveryPlan' ? deliveryPlanAsPrinted(theirLines) : theirLines;
    if (again === theirs) {
      imported = candidate;
      changes.push({ section: key, label: sectionLabel(key), readable: true });
    } else if (unchanged && again === comparable(wordsOf(template.get(key), gaps)) && keepsEveryWord(theirLines, theirs, again, templateWords(key))) {
      // A question left unanswered in both (the file has only the template's words, laid out its own way): nothing to take.
      continue;
    } else if (
      !unchanged &&
      // Documents still to come count as printed: the plan names them in its list of what is missing.
      keepsEveryWord(
        asPrinted,
        comparable(wordsOf({ ...have, lines: asPrinted }, gaps)),
        `${comparable(wordsOf(reprinted, true))}\n${derivedWords(key, candidate)}`,
        templateWords(key),
      )
    ) {
      // A partnership's own layout: every word of theirs is in the plan's, which adds only its labels.
      // A reader that refused the file (or read nothing new) leaves the section as it was: never a relaying.
      imported = candidate;
      changes.push({ section: key, label: sectionLabel(key), readable: true, relaid: true });
    } else notTaken(key, 'its new words could not be read back exactly');
  }
  // What partnerships write beside the Annex C matrix is the risks' note on it; taken with the risks, or named when they are not.
  const note = annexCNote(found.get('annex-c'), byRegion(cutModel(compile(withMatrixNote(imported, null)))).get('annex-c'));
  if (note !== undefined && normalise(note ?? '') !== normalise(imported.risks.matrixNote ?? '')) {
    const risks = changes.find((c) => c.section === 'risks');
    if (risks && !risks.readable) unplaced.push(`${sectionLabel('risks')}: the words beside the Annex C matrix were not taken with them: add them in Teams`);
    else if (!PlanSchema.safeParse(withMatrixNote(imported, note)).success) unplaced.push(`${sectionLabel('risks')}: the words beside the Annex C matrix are longer than the plan keeps: shorten them in Teams`);
    else {
      imported = withMatrixNote(imported, note);
      if (!risks) changes.push({ section: 'risks', label: sectionLabel('risks'), readable: true });
    }
  }
  // Made afresh from the plan on every export, so compared with what the imported plan makes.
  const made = byRegion(cutModel(compile(imported)));
  const log = (found.get('risks')?.lines ?? []).find(fromFullLog);
  if (log?.kind === 'text' && !(made.get('risks')?.lines ?? []).some((l) => l.kind === 'text' && normalise(l.text) === normalise(log.text))) {
    unplaced.push(`${sectionLabel('risks')}: “${normalise(log.text)}” The full risk log is kept in Teams, not in the file: add those risks there`);
  }
  // The bot's own annexes: anything added under them is named, not taken.
  for (const region of ['cover', 'annex-c', 'bot'] as const) {
    const have = found.get(region);
    if (!have) continue;
    const extra = notPrinted(have.lines, made.get(region)?.lines ?? [], region === 'annex-c').map((l) => canonicalText([l]));
    if (extra.length) unplaced.push(`${have.heading}: ${extra.length === 1 ? 'a line that belongs' : `${extra.length} lines that belong`} to no section of the plan, starting "${extra[0]!.slice(0, 60)}"`);
  }
  return { changes, unplaced, plan: imported };
};
