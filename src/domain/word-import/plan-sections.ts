import { EXECUTIVE_SUMMARY_HEADING, HEADER_LABELS, PART_TITLES, QUESTION_PROMPTS, SIGNATORIES_HEADING, type QuestionKey } from '../annex-a.text';
import { cellSpec, plainText, type Block, type DocumentModel } from '../document.model';
import { STILL_TO_PROVIDE_HEADING } from '../plan-gaps';
import type { Plan, SectionKey } from '../plan.schema';
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
      /** Set as a heading inside a section (a dependency's area): by its style in Word, by its level in the plan. */
      readonly heading?: boolean;
    }
  | { readonly kind: 'row'; readonly cells: readonly string[] };

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

/** Spelling that differs between Word, LibreOffice and the template without meaning anything: quotes, dashes, spaces. */
export const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[\u00a0\u2007\u202f\t\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const words = (text: string) => new Set(normalise(text).toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(' ').filter(Boolean));

const QUESTIONS = Object.entries(QUESTION_PROMPTS) as [QuestionKey, (typeof QUESTION_PROMPTS)[QuestionKey]][];

/** The region a heading opens, if it is one of the template's (or the bot's own annexes). */
export const regionOf = (text: string): Region | undefined => {
  const t = normalise(text);
  if (!t || t.length > 200) return undefined;
  const lower = t.toLowerCase();
  if (lower === normalise(SIGNATORIES_HEADING).toLowerCase()) return 'signatories';
  if (lower === normalise(EXECUTIVE_SUMMARY_HEADING).toLowerCase()) return 'executiveSummary';
  if (lower === normalise(PART_TITLES[5]).toLowerCase()) return 'supportingDocuments';
  if (lower === normalise(PART_TITLES[6]).toLowerCase()) return 'annex-c';
  if (lower === STILL_TO_PROVIDE_HEADING.toLowerCase() || lower.startsWith('co-production annex')) return 'bot';
  // "9. System partner …" (or "Q9", "Q9.", "Question 9."): the number, and most of the template's words, so
  // a retyped or shortened heading still counts.
  // ("Question 13: …" is how the bot's own "Still to be provided" list names a gap, never a heading.)
  const n = /^(?:q\s*(\d{1,2})\s*[.):–-]?|(?:question\s*)?(\d{1,2})\s*[.)])\s+/i.exec(t);
  if (n) {
    const question = QUESTIONS.find(([, q]) => q.number === Number(n[1] ?? n[2]));
    if (question) {
      const said = words(t.slice(n[0].length));
      const template = words(question[1].heading.replace(/^\d+\.\s*/, ''));
      const shared = [...template].filter((w) => said.has(w)).length;
      if (shared / Math.max(1, template.size) >= 0.6) return question[0];
    }
  }
  return undefined;
};

/** A part title ("Section 2 – Strategy") ends the section before it but opens none. */
const isPartTitle = (text: string) => PART_TITLES.slice(0, 5).some((p) => normalise(p).toLowerCase() === normalise(text).toLowerCase());

const cutLines = (items: readonly ({ opens: string } | Line)[]): CutSection[] => {
  const sections: { region: Region; heading: string; lines: Line[] }[] = [{ region: 'header', heading: 'Front page', lines: [] }];
  let current: { region: Region; heading: string; lines: Line[] } | null = sections[0]!;
  for (const item of items) {
    if ('opens' in item) {
      const region = regionOf(item.opens);
      if (region) {
        current = { region, heading: item.opens, lines: [] };
        sections.push(current);
        continue;
      }
      if (isPartTitle(item.opens)) {
        current = null;
        continue;
      }
      // Any other heading (a dependency's area, the partnership's own sub-heading) is part of the section's text.
      current?.lines.push({ kind: 'text', text: item.opens, listed: false, bold: [], heading: true });
      continue;
    }
    if (current) current.lines.push(item);
    else sections.push((current = { region: 'bot', heading: 'Text between sections', lines: [item] }));
  }
  return sections;
};

const textLines = (text: string, listed: boolean, bold: readonly string[] = []): Line[] =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'text', text: t, listed, bold }));

/** The compiled plan, cut as a file would be: what a file made from it must say, section by section. */
export const cutModel = (model: DocumentModel): CutSection[] =>
  cutLines(
    model.blocks.flatMap((block: Block): ({ opens: string } | Line)[] => {
      switch (block.kind) {
        case 'heading':
          return block.level === 1 ? [] : [{ opens: block.text }];
        case 'paragraph':
          return textLines(plainText(block.text), false);
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

/** The front page's facts by their template labels, as a cover table names them. */
const FRONT_PAGE_FACTS = new Set(Object.values(HEADER_LABELS).map((l) => normalise(l).toLowerCase()));

/** A Word file, cut by the template's headings, whatever their style: Word and LibreOffice rename styles on saving. */
export const cutWord = (blocks: readonly WordBlock[]): CutSection[] => {
  // The title comes first and is no section's text. A partnership's cover page may come before it:
  // its tables (the front page's facts, laid out as a table) are the front page's; its other words
  // are named as not placed, never dropped.
  const start = blocks.findIndex((b) => b.kind === 'paragraph' && /annex a/i.test(b.text) && /reform plan/i.test(b.text));
  const before = start > 0 ? blocks.slice(0, start) : [];
  const rowsOf = (block: Extract<WordBlock, { kind: 'table' }>): Line[] => block.rows.map((row) => ({ kind: 'row', cells: row.map((c) => c.text) }));
  // A cover table's row is the front page's when it names one of its facts; any other is the cover's.
  const coverRows = before.flatMap((block) => (block.kind === 'table' ? rowsOf(block) : []));
  const isFact = (l: Line) => l.kind === 'row' && FRONT_PAGE_FACTS.has(normalise(l.cells[0] ?? '').replace(/:$/, '').toLowerCase());
  const cover = [
    ...before.flatMap((block) => (block.kind === 'table' ? [] : textLines(block.text, block.listed, block.bold))),
    ...coverRows.filter((l) => !isFact(l)).map((l): Line => ({ kind: 'text', text: l.kind === 'row' ? l.cells.join(' ') : '', listed: false, bold: [] })),
  ];
  const sections = cutLines([
    ...coverRows.filter(isFact),
    ...blocks.slice(start >= 0 ? start + 1 : 0).flatMap((block): ({ opens: string } | Line)[] => {
      if (block.kind === 'table') return rowsOf(block);
      if (regionOf(block.text) || isPartTitle(block.text) || isSubHeading(block.style)) return [{ opens: block.text }];
      return textLines(block.text, block.listed, block.bold);
    }),
  ]);
  return cover.length ? [{ region: 'cover', heading: 'Cover page', lines: cover }, ...sections] : sections;
};

/** A bullet in a cell is a "- " typed in the plan and a list paragraph in Word: the same either way. */
const cellWords = (cell: string): string => normalise(cell.split('\n').map((line) => line.replace(/^\s*[-•▪◦]\s+/, '')).join('\n'));

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
