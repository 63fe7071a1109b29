import { ANNEX_A_INTRO, HEADER_LABELS, QUESTION_PROMPTS, type QuestionKey } from '../annex-a.text';
import { cellSpec, plainText, type Block, type DocumentModel } from '../document.model';
import type { Plan, SectionKey } from '../plan.schema';
import { normalise, words } from './normalise';
import { FIRST_PROMPTS, isPartTitle, ownWordsShared, partOpening, QUESTION_NUMBERED, QUESTIONS, regionOf, similarity, unnumberedQuestion } from './question-headings';
import { textLines, typedItems } from './text-lines';
import type { WordBlock } from './word-blocks';

/**
 * A document cut into the plan's sections, found by the template's own headings (question number
 * and wording, the part titles), never by anything only the bot writes: a partnership's own copy
 * of the DfE template is cut the same way as the bot's export.
 */
/** 'cover': what a partnership put before the template's title (a cover page), never the bot's. */
export type Region = SectionKey | 'annex-c' | 'bot' | 'cover';

/** One line of a section as read: a paragraph, a list item, or a table's row of cells. */
export type Line =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly listed: boolean;
      readonly bold: readonly string[];
      /** A list item's level below the first, when Word says it (1 for "a." under "1."). */
      readonly level?: number;
      /** Set as a heading inside a section (a dependency's area): by its style in Word, by its level in the plan. */
      readonly heading?: boolean;
      /** Set like a heading in Word (a heading style, or bold throughout) though not one of the template's. */
      readonly titled?: boolean;
      /** A list item typed by hand ("• …", "1) …"), not by Word's numbering. */
      readonly typed?: boolean;
    }
  | {
      readonly kind: 'row';
      readonly cells: readonly string[];
      /** Each cell's fill ("FF0000") where the row has any: a colour may be all a cell says. */
      readonly fills?: readonly (string | null)[];
      /** Which cells are merged down from the row above, where any are: empty because that row's cell speaks for them. */
      readonly merged?: readonly boolean[];
      /** The headings of a second table repeated under a caption ("Document | Where to find it"): no row of data. */
      readonly repeatsHeadings?: true;
    };

/**
 * Reads a section back into the plan from its lines, a pure function of the plan and the file.
 * `awaited`: what the file's "Still to be provided" list names for this section (documents to come).
 */
export type SectionReader = (plan: Plan, lines: readonly Line[], awaited: readonly string[]) => Plan;

export interface CutSection {
  readonly region: Region;
  /** The heading as written in the file, for saying where something is. */
  readonly heading: string;
  readonly lines: readonly Line[];
}

/**
 * `styled`: set in the style the file's question headings use, though its words were not recognised.
 * `numbered`: named by its number ("Question 6:") or the template's first words: opens in order, as the
 * next question or with some of the question's own words.
 */
type Opening = { readonly opens: string; readonly region?: Region; readonly styled?: boolean; readonly numbered?: boolean };

const cutLines = (items: readonly (Opening | Line)[]): CutSection[] => {
  const sections: { region: Region; heading: string; lines: Line[] }[] = [{ region: 'header', heading: 'Front page', lines: [] }];
  let current: { region: Region; heading: string; lines: Line[] } | null = sections[0]!;
  const seen = new Set<Region>();
  // Questions come in the template's order: one found only by its wording (no number) must come
  // after the last one found, and only once, so a bold "Risks and mitigations" inside Q7 opens nothing.
  let lastNumber = 0;
  const numberOf = (region: Region) => (region in QUESTION_PROMPTS ? QUESTION_PROMPTS[region as QuestionKey].number : null);
  const inOrder = (region: Region) => !seen.has(region) && (numberOf(region) ?? Infinity) > lastNumber;
  const open = (region: Region, heading: string) => {
    current = { region, heading, lines: [] };
    sections.push(current);
    seen.add(region);
    lastNumber = numberOf(region) ?? lastNumber;
  };
  // A line with no section open (after a part's title) is named as text between sections, never dropped.
  const keep = (line: Line) => {
    if (current) current.lines.push(line);
    else sections.push((current = { region: 'bot', heading: 'Text between sections', lines: [line] }));
  };
  const promptFollows = (at: number, region: Region) => {
    const next = items[at + 1];
    return next !== undefined && !('opens' in next) && next.kind === 'text' && FIRST_PROMPTS.get(normalise(next.text)) === region;
  };
  for (const [at, item] of items.entries()) {
    // A question whose heading was not recognised (typed some other way) still starts where the
    // template's prompt for it does. The line just above is its heading as typed when it looks like
    // one (bold throughout, or most of the question's words); otherwise it stays where it was.
    const prompted = !('opens' in item) && item.kind === 'text' ? FIRST_PROMPTS.get(normalise(item.text)) : undefined;
    if (prompted && current?.region !== prompted && inOrder(prompted)) {
      const above: Line | undefined = current?.lines.at(-1);
      const looksLikeItsHeading =
        above?.kind === 'text' &&
        normalise(above.text).length <= 200 &&
        (above.titled === true || similarity(words(above.text), prompted) >= 0.5);
      const heading = looksLikeItsHeading ? (above as Extract<Line, { kind: 'text' }>) : undefined;
      if (heading) current!.lines.pop();
      open(prompted, heading?.text ?? QUESTION_PROMPTS[prompted].heading);
    }
    if ('opens' in item && item.styled) {
      // In the style of the file's question headings: the next question, when its own words (not "the local area
      // partnership" every question shares) are in it: "Other funding (local authority only)" is question 8's.
      const next = QUESTIONS.find(([, q]) => q.number === lastNumber + 1)?.[0];
      if (next && inOrder(next) && ownWordsShared(words(item.opens), next) >= 0.5) {
        open(next, item.opens);
        continue;
      }
      // Like no question: a heading of theirs, which a prompt under it may still make its question's.
      if (!item.region) {
        keep({ kind: 'text', text: item.opens, listed: false, bold: [], titled: true });
        continue;
      }
    }
    if ('opens' in item) {
      const region = item.region ?? regionOf(item.opens);
      // One found by its wording alone is a question only in order, and as the next question or
      // with the template's prompt under it; otherwise it is the partnership's own sub-heading.
      const numberedSo = item.numbered && region !== undefined && (!(region in QUESTION_PROMPTS) || numberOf(region) === lastNumber + 1 || similarity(words(item.opens), region as QuestionKey) >= 0.3);
      if (region && (!item.region || (inOrder(region) && (numberedSo || numberOf(region) === lastNumber + 1 || promptFollows(at, region))))) {
        open(region, item.opens);
        continue;
      }
      if (isPartTitle(item.opens)) {
        current = null;
        continue;
      }
      // Any other heading (a dependency's area, the partnership's own sub-heading) is part of the section's text.
      keep({ kind: 'text', text: item.opens, listed: false, bold: [], heading: true });
      continue;
    }
    keep(item);
  }
  return sections;
};

/** The compiled plan, cut as a file would be: what a file made from it must say, section by section. */
export const cutModel = (model: DocumentModel): CutSection[] =>
  cutLines(
    model.blocks.flatMap((block: Block): (Opening | Line)[] => {
      switch (block.kind) {
        case 'heading':
          return block.level === 1 ? [] : [{ opens: block.text }];
        case 'paragraph':
          // Cut as a file's paragraph is, so a line typed "• …" or "1) …" in Teams reads back unchanged.
          return typedItems(textLines(plainText(block.text), false));
        case 'list':
          return block.items.flatMap((item) => textLines(plainText(item), true));
        case 'field':
          return textLines(`${block.label}: ${block.value ?? ''}`, false);
        case 'table':
          return [...block.header, ...block.rows].map((row) => ({ kind: 'row', cells: row.map((c) => plainText(cellSpec(c).text)) }));
        case 'chart':
          return [];
      }
    }),
  );

/** A heading below the question's own ("Heading4", "Heading 4" once LibreOffice has renamed it): a sub-heading of the section. */
const isSubHeading = (style: string | null): boolean => style !== null && /^heading\s*[4-6]$/i.test(style.trim());

/** A paragraph set in bold throughout, as partnerships without heading styles mark their headings. */
const wholeBold = (block: Extract<WordBlock, { kind: 'paragraph' }>): boolean => block.text.trim() !== '' && block.bold.join('').replace(/\s/g, '') === block.text.replace(/\s/g, '');

/** The front page's facts by their template labels, as a cover table names them. */
const FRONT_PAGE_FACTS = new Set(Object.values(HEADER_LABELS).map((l) => normalise(l).toLowerCase()));

/** A front-page fact's label in a partnership's own words ("Local authority", "Senior responsible officer (SRO)"). */
const FACT_LABELS: readonly [RegExp, string][] = [
  [/^(name of (the )?)?local authority( \(la\))?$/, HEADER_LABELS.localAuthority],
  [/^(name of (the )?)?(integrated care board|icb)( \(icb\))?$/, HEADER_LABELS.integratedCareBoard],
  [/^((local send reform plan )?(senior responsible officer|sro))( \(sro\))?( name)?$/, HEADER_LABELS.sroName],
];

/** A front-page row's label as the template words it, when it names one of its facts. */
const asFactLabel = (label: string): string | undefined => {
  const said = normalise(label).replace(/:$/, '').toLowerCase();
  if (FRONT_PAGE_FACTS.has(said)) return label;
  return FACT_LABELS.find(([pattern]) => pattern.test(said))?.[1];
};

/** A two-cell row naming a front-page fact, its label as the template words it. */
const factRow = (line: Line): Line | undefined => {
  if (line.kind !== 'row' || line.cells.length !== 2) return undefined;
  const label = asFactLabel(line.cells[0] ?? '');
  return label === undefined ? undefined : { kind: 'row', cells: [label, line.cells[1]!] };
};

/** A Word file, cut by the template's headings, whatever their style: Word and LibreOffice rename styles on saving. */
export const cutWord = (blocks: readonly WordBlock[]): CutSection[] => {
  // The title comes first and is no section's text. A partnership's cover page may come before it:
  // its tables (the front page's facts, laid out as a table) are the front page's; its other words
  // are named as not placed, never dropped.
  const start = blocks.findIndex((b) => b.kind === 'paragraph' && !isContentsEntry(b) && /annex a/i.test(b.text) && /reform plan/i.test(b.text));
  const before = start > 0 ? blocks.slice(0, start).filter((b) => !isContentsEntry(b)) : [];
  const rowsOf = (block: Extract<WordBlock, { kind: 'table' }>): Line[] =>
    block.rows.map((row) => ({
      kind: 'row',
      cells: row.map((c) => c.text),
      ...(row.some((c) => c.fill) ? { fills: row.map((c) => c.fill ?? null) } : {}),
      ...(row.some((c) => c.continues) ? { merged: row.map((c) => c.continues === true) } : {}),
    }));
  // A cover table's row is the front page's when it names one of its facts; any other is the cover's.
  const coverRows = before.flatMap((block) => (block.kind === 'table' ? rowsOf(block) : []));
  const cover = [
    ...before.flatMap((block) => (block.kind === 'table' ? [] : textLines(block.text, block.listed, block.bold))),
    ...coverRows.filter((l) => !factRow(l)).map((l): Line => ({ kind: 'text', text: l.kind === 'row' ? l.cells.join(' ') : '', listed: false, bold: [] })),
  ];
  // The style the file sets its question headings in (its own "TCC Heading 2" as much as Word's):
  // a heading in it whose words were changed ("Other funding (local authority only)") is still a question.
  const styleCounts = new Map<string, number>();
  for (const b of blocks) {
    if (b.kind !== 'paragraph' || !b.style) continue;
    const region = regionOf(b.text) ?? unnumberedQuestion(b.text);
    if (region && region in QUESTION_PROMPTS) styleCounts.set(b.style, (styleCounts.get(b.style) ?? 0) + 1);
  }
  const questionStyles = new Set([...styleCounts].filter(([, n]) => n >= 3).map(([style]) => style));
  const sections = cutLines([
    ...coverRows.flatMap((l) => factRow(l) ?? []),
    ...continuedTables(blocks.slice(start >= 0 ? start + 1 : 0)).flatMap((block): (Opening | Line)[] => {
      if (block.kind === 'table') return questionBox(block) ?? withFootNotes(rowsOf(block));
      // A table of contents repeats the headings (and page numbers): it is Word's, not the plan's words, and must cut nothing.
      if (isContentsEntry(block)) return [];
      if (regionOf(block.text) || isPartTitle(block.text) || isSubHeading(block.style)) return [{ opens: block.text }];
      // Set like a heading: by its style or in bold throughout; a numbered list's item may be a heading too.
      const titled = /heading|title/i.test(block.style ?? '') || wholeBold(block);
      // "Question 6: What we will deliver in 2026-27": in a heading style and numbered so, the number says which
      // (in order, as the next question or in the question's words). Bold alone is not enough: a line typed in bold is an answer's.
      const styledAsHeading = /heading|title/i.test(block.style ?? '');
      const numbered = styledAsHeading ? QUESTION_NUMBERED.exec(normalise(block.text)) : null;
      const byNumber = numbered ? QUESTIONS.find(([, q]) => q.number === Number(numbered[1]))?.[0] : undefined;
      if (byNumber) return [{ opens: block.text, region: byNumber, numbered: true }];
      // "Signatories and sign-off", "Executive summary: our change story": set as a heading, the template's words first.
      const part = styledAsHeading ? partOpening(block.text) : undefined;
      if (part) return [{ opens: block.text, region: part, numbered: true }];
      const unnumbered = titled || block.listed ? unnumberedQuestion(block.text) : undefined;
      if (unnumbered) return [{ opens: block.text, region: unnumbered, ...(questionStyles.has(block.style ?? '') ? { styled: true } : {}) }];
      if (questionStyles.has(block.style ?? '') && block.text.trim()) return [{ opens: block.text, styled: true }];
      return typedItems(textLines(block.text, block.listed, block.bold, block.level)).map((l) => (titled && l.kind === 'text' && !l.typed ? { ...l, titled } : l));
    }),
  ]);
  const [front, ...rest] = frontPage(sections);
  const others = [...cover, ...front.others];
  return others.length ? [{ region: 'cover', heading: 'Cover page', lines: others }, front.section, ...rest] : [front.section, ...rest];
};

/** "Local delivery plan 2026-27 (continued)": a line Word users type where a table goes on over a page. */
const isContinuedLine = (block: WordBlock): boolean =>
  block.kind === 'paragraph' && block.text.trim().split(/\s+/).length <= 10 && /(?:\((?:cont(?:inued)?|cont'd)\.?\)|^continued\b[^.!?]*|\bcontinued(?: overleaf| below)?)$/i.test(normalise(block.text));

/**
 * A table carried on over a page as a second table that repeats the first one's heading rows (with
 * a page break, an empty line or a "(continued)" line between): one table, as the partnership
 * meant it. The repeated headings are Word's layout, not rows; anything else between stays.
 */
const continuedTables = (blocks: readonly WordBlock[]): WordBlock[] => {
  const out: WordBlock[] = [];
  const rowText = (row: readonly { text: string }[]) => row.map((c) => normalise(c.text)).join('|');
  let last: Extract<WordBlock, { kind: 'table' }> | undefined;
  let between: WordBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (last && (!block.text.trim() || isContinuedLine(block))) between.push(block);
      else {
        out.push(...between, block);
        between = [];
        last = undefined;
      }
      continue;
    }
    let repeated = 0;
    while (last && repeated < Math.min(2, last.rows.length - 1, block.rows.length - 1) && rowText(block.rows[repeated]!) === rowText(last.rows[repeated]!) && rowText(block.rows[repeated]!).replace(/\|/g, '')) repeated++;
    if (repeated) out.push({ ...block, rows: block.rows.slice(repeated) });
    else out.push(...between, block);
    between = [];
    last = block;
  }
  return [...out, ...between];
};

/** A line of Word's table of contents (styles "TOC 1", "toc1", "Contents 1"): generated from the headings, never typed. */
const isContentsEntry = (block: WordBlock): boolean => block.kind === 'paragraph' && /^(toc|contents)\s*\d$/i.test((block.style ?? '').trim());

/**
 * A question set in a box, as some partnerships lay out the template: a table whose first row is
 * the question (its number and words in cells of their own, or together), with the prompt in the
 * rows under it. It opens the question as a heading would; the rest of the box is the section's
 * lines, so the template's prompt is recognised as it is anywhere else.
 */
const questionBox = (table: Extract<WordBlock, { kind: 'table' }>): (Opening | Line)[] | undefined => {
  const [first, ...rest] = table.rows;
  const cells = (first ?? []).map((c) => normalise(c.text)).filter(Boolean);
  if (!cells.length || cells.length > 2) return undefined;
  const number = cells.length === 2 && /^(?:q(?:uestion)?\s*)?\d{1,2}[.):]?$/i.test(cells[0]!) ? cells[0]!.replace(/\D/g, '') : undefined;
  if (cells.length === 2 && !number) return undefined;
  const heading = cells.at(-1)!;
  const numbered = number ? `${number}. ${heading}` : heading;
  const region = number ? regionOf(numbered) : (regionOf(heading) ?? unnumberedQuestion(heading));
  if (!region || !(region in QUESTION_PROMPTS)) return undefined;
  const opening: Opening = number || regionOf(heading) ? { opens: numbered } : { opens: heading, region };
  const lines = rest.flatMap((row) => row.flatMap((cell) => typedItems(textLines(cell.text, false))));
  // Without its number, a box is a question's only with the question's prompt in it: a table typed in an answer whose first row names a question is not one.
  if (!number && !lines.some((l) => l.kind === 'text' && FIRST_PROMPTS.get(normalise(l.text)) === region)) return undefined;
  return [opening, ...lines];
};

/**
 * A note a partnership wrote across the foot of a table ("Note: targets are draft until …"): one
 * cell across a table of several columns, in sentences. It is about the table, not a row of it, so
 * it is read as the words under the table.
 */
const withFootNotes = (rows: Line[]): Line[] => {
  const columns = Math.max(...rows.map((r) => (r.kind === 'row' ? r.cells.length : 0)));
  const isNote = (l: Line | undefined) => l?.kind === 'row' && l.cells.length === 1 && columns >= 2 && /[.!?)\]]$/.test(l.cells[0]!.trim()) && l.cells[0]!.trim().split(/\s+/).length >= 6;
  let end = rows.length;
  while (end > 1 && isNote(rows[end - 1])) end--;
  return [...rows.slice(0, end), ...rows.slice(end).map((l): Line => ({ kind: 'text', text: l.kind === 'row' ? l.cells[0]!.trim() : '', listed: false, bold: [] }))];
};

const INTRO = new Set(ANNEX_A_INTRO.map((t) => normalise(t)));
const labelOf = (text: string) => normalise(text).replace(/:$/, '').toLowerCase();

/**
 * The front page as partnerships type it: "Label: value", or a label's paragraph with its value in
 * the next. Its other words (a status line, a version) are facts the plan does not keep, named with
 * the cover page's rather than stopping the front page from being read.
 */
const frontPage = ([first, ...rest]: CutSection[]): [{ section: CutSection; others: Line[] }, ...CutSection[]] => {
  const lines: Line[] = [];
  const others: Line[] = [];
  const all = first!.lines;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const next = all[i + 1];
    if (line.kind === 'row' && line.cells.length === 2) {
      const fact = factRow(line);
      if (fact) lines.push(fact);
      else others.push(line);
    } else if (line.kind === 'row' && line.cells.filter((c) => c.trim()).length === 1) others.push(line);
    else if (line.kind === 'row') lines.push(line);
    else if (INTRO.has(normalise(line.text))) lines.push(line);
    else if (FRONT_PAGE_FACTS.has(labelOf(line.text)) && next?.kind === 'text' && !FRONT_PAGE_FACTS.has(labelOf(next.text)) && !/:/.test(next.text)) {
      lines.push({ ...line, text: `${normalise(line.text).replace(/:$/, '')}: ${normalise(next.text)}` });
      i++;
    } else if (FRONT_PAGE_FACTS.has(labelOf(line.text)) || [...FRONT_PAGE_FACTS].some((f) => labelOf(line.text).startsWith(`${f}:`))) lines.push(line);
    else others.push(line);
  }
  return [{ section: { ...first!, lines }, others }, ...rest];
};

/** A bullet in a cell is a "- " typed in the plan and a list paragraph in Word: the same either way. */
const cellWords = (cell: string): string => normalise(cell.split('\n').map((line) => line.replace(/^\s*[-•▪◦–]\s+/, '')).join('\n'));

/** A row's cells; empty cells at its end are no words (a row typed with fewer cells says the same). */
const rowWords = (cells: readonly string[]): string => {
  const words = cells.map(cellWords);
  while (words.length && !words[words.length - 1]) words.pop();
  return words.join(' | ');
};

/** A section's words, spelled one way, for comparing a file with the plan. */
export const canonicalText = (lines: readonly Line[]): string =>
  lines
    .map((l) => (l.kind === 'text' ? normalise(l.text) : rowWords(l.cells)))
    .filter((t) => t && t.replace(/[ |]/g, ''))
    .join('\n');
