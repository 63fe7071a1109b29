import {
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { cellSpec, MISSING_TEXT, plainText, type Block, type Cell, type Run, type Shade, type Text } from '../../domain/document.model';

import { xmlSafe } from '../xml-safe';

export const COLOURS = {
  text: '0B0C0C',
  prompt: '505A5F',
  border: 'B1B4B6',
  header: 'DEE0E2',
  red: 'D4351C',
  amber: 'F47738',
  green: '00703C',
} as const;

const SHADE_FILL: Record<Shade, string> = { red: COLOURS.red, amber: COLOURS.amber, green: COLOURS.green, header: COLOURS.header };
/** White on the darker RAG fills, as GOV.UK tags do, so the text stays readable. */
const SHADE_TEXT: Partial<Record<Shade, string>> = { red: 'FFFFFF', green: 'FFFFFF' };

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly color?: string;
  /** Half-points: tables are set a size smaller than body text, as the template's are. */
  readonly size?: number;
}

/** Body text in tables, in half-points. */
const TABLE_SIZE = 18;

const runs = (text: Text, style: RunStyle = {}): TextRun[] =>
  (typeof text === 'string' ? [{ text }] : text).map(
    (r) =>
      new TextRun({
        text: xmlSafe(r.text),
        bold: style.bold || ('bold' in r && r.bold) || undefined,
        italics: style.italics || ('italic' in r && r.italic) || undefined,
        color: style.color,
        size: style.size,
      }),
  );

/** Splits text at new lines into one run list a line, keeping each run's emphasis. */
const linesOf = (text: Text): Run[][] => {
  const lines: Run[][] = [[]];
  for (const run of typeof text === 'string' ? [{ text }] : text) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...run, text: part });
    });
  }
  return lines;
};

export interface ListCounter {
  next(): number;
}

/** A line starting "- " is a bullet, as people type them and as the compiler writes them. */
const BULLET = /^\s*[-•]\s+/;
const bulletOrPlain = (line: readonly Run[], style: RunStyle, keepNext = false): Paragraph => {
  const first = line[0];
  if (first && BULLET.test(first.text)) {
    const rest = [{ ...first, text: first.text.replace(BULLET, '') }, ...line.slice(1)];
    return new Paragraph({ children: runs(rest, style), numbering: { reference: 'bullets', level: 0 }, keepNext });
  }
  return new Paragraph({ children: runs(line, style), keepNext });
};

/** `keepNext` in every paragraph of a row keeps Word from starting a page between it and the next row. */
const cellParagraphs = (spec: { text: Text; bold?: boolean; shade?: Shade }, header: boolean, keepNext: boolean): Paragraph[] => {
  // A header written as runs carries its own emphasis (a bold title over italic help text).
  const style: RunStyle = { bold: (header && typeof spec.text === 'string') || spec.bold, color: spec.shade ? SHADE_TEXT[spec.shade] : undefined, size: TABLE_SIZE };
  const lines = linesOf(spec.text);
  const paragraphs = lines.map((line) => bulletOrPlain(line, style, keepNext));
  return paragraphs.length ? paragraphs : [new Paragraph({ keepNext })];
};

const tableCell = (cell: Cell, header: boolean, width: number | undefined, keepNext = false): TableCell => {
  const spec = cellSpec(cell);
  const shade = spec.shade ?? (header ? 'header' : undefined);
  return new TableCell({
    children: cellParagraphs({ ...spec, shade }, header, keepNext),
    columnSpan: spec.span && spec.span > 1 ? spec.span : undefined,
    shading: shade ? { fill: SHADE_FILL[shade], type: ShadingType.CLEAR, color: 'auto' } : undefined,
    width: width === undefined ? undefined : { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
};

const tableOf = (block: Extract<Block, { kind: 'table' }>, textWidth: number, pageHeight: number): Table => {
  const columns = Math.max(
    ...[...block.header, ...block.rows].map((row) => row.reduce((n, c) => n + (cellSpec(c).span ?? 1), 0)),
    1,
  );
  const weights = block.widths && block.widths.length === columns ? block.widths : Array<number>(columns).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((w / total) * textWidth));
  const widthOf = (row: readonly Cell[], index: number): number => {
    const start = row.slice(0, index).reduce((n, c) => n + (cellSpec(c).span ?? 1), 0);
    const span = cellSpec(row[index]!).span ?? 1;
    return columnWidths.slice(start, start + span).reduce((a, b) => a + b, 0);
  };
  // A row that fits on a page is never split; only one taller than a page may break, or it could not be printed at all.
  const fitsOnAPage = (cells: readonly Cell[]) => Math.max(...cells.map((c, i) => cellHeight(plainText(cellSpec(c).text), widthOf(cells, i)))) < pageHeight * 0.9;
  const row = (cells: readonly Cell[], header: boolean, keepNext: boolean) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: header || fitsOnAPage(cells) || undefined,
      children: cells.map((c, i) => tableCell(c, header, widthOf(cells, i), keepNext)),
    });
  const last = block.rows.length - 1;
  // A row that only labels those under it (Q5's "Building blocks", its other cells empty) is never left at a page's foot.
  const labelsNext = (cells: readonly Cell[]) => cells.length > 1 && cells.slice(1).every((c) => !plainText(cellSpec(c).text).trim());
  return new Table({
    // The header stays with the first row, and the last row (often a total) comes with the two before it, never alone under repeated headers.
    rows: [...block.header.map((r) => row(r, true, true)), ...block.rows.map((r, i) => row(r, false, i < last && (i >= last - 2 || labelsNext(r))))],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
  });
};

/**
 * About how tall a cell's text is set, in twentieths of a point: table text is 9 pt, a character
 * about half as wide as it is high, a line 1.2 times the size, plus the cell's margins.
 */
const cellHeight = (text: string, width: number): number => {
  const perLine = Math.max(1, Math.floor((width - 200) / (TABLE_SIZE * 10 * 0.5)));
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return lines * TABLE_SIZE * 10 * 1.2 + 120;
};

export type ChartImage = (block: Extract<Block, { kind: 'chart' }>) => ParagraphChild;

/** One block of the model as Word paragraphs and tables. */
export const docxBlock = (
  block: Block,
  context: { textWidth: number; pageHeight: number; orderedList: ListCounter; chartImage?: ChartImage; introducesTable?: boolean },
): (Paragraph | Table)[] => {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [new TextRun({ text: xmlSafe(block.text) })], keepNext: true })];
    case 'paragraph': {
      if (block.missing) return [new Paragraph({ children: runs(block.text, { italics: true, color: COLOURS.prompt }) })];
      // The template's prompt stays on the page of the answer or table it introduces; so does a
      // partnership's line just above a table of theirs ("Headline metrics – current and forecast").
      const prompt = block.voice === 'prompt';
      const style: RunStyle = prompt ? { italics: true, color: COLOURS.prompt } : {};
      return linesOf(block.text).map((line) => bulletOrPlain(line, style, prompt || context.introducesTable === true));
    }
    case 'field':
      return [
        new Paragraph({
          keepLines: true,
          children: [
            new TextRun({ text: `${xmlSafe(block.label)}: `, bold: true }),
            ...(block.value === null ? runs(MISSING_TEXT, { italics: true, color: COLOURS.prompt }) : runs(block.value)),
          ],
        }),
      ];
    case 'list': {
      const style: RunStyle = block.voice === 'prompt' ? { italics: true, color: COLOURS.prompt } : {};
      const instance = block.ordered ? context.orderedList.next() : 0;
      return block.items.map(
        (item) =>
          new Paragraph({
            children: runs(item, style),
            numbering: block.ordered ? { reference: 'ordered', level: 0, instance } : { reference: 'bullets', level: 0 },
            keepNext: block.voice === 'prompt',
          }),
      );
    }
    case 'table':
      return [tableOf(block, context.textWidth, context.pageHeight), new Paragraph({})];
    case 'chart':
      return context.chartImage ? [new Paragraph({ children: [context.chartImage(block)], keepNext: false }), new Paragraph({})] : [];
  }
};
