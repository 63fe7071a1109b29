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
const bulletOrPlain = (line: readonly Run[], style: RunStyle): Paragraph => {
  const first = line[0];
  if (first && BULLET.test(first.text)) {
    const rest = [{ ...first, text: first.text.replace(BULLET, '') }, ...line.slice(1)];
    return new Paragraph({ children: runs(rest, style), numbering: { reference: 'bullets', level: 0 } });
  }
  return new Paragraph({ children: runs(line, style) });
};

const cellParagraphs = (spec: { text: Text; bold?: boolean; shade?: Shade }, header: boolean): Paragraph[] => {
  // A header written as runs carries its own emphasis (a bold title over italic help text).
  const style: RunStyle = { bold: (header && typeof spec.text === 'string') || spec.bold, color: spec.shade ? SHADE_TEXT[spec.shade] : undefined, size: TABLE_SIZE };
  const lines = linesOf(spec.text);
  const paragraphs = lines.map((line) => bulletOrPlain(line, style));
  return paragraphs.length ? paragraphs : [new Paragraph({})];
};

const tableCell = (cell: Cell, header: boolean, width: number | undefined): TableCell => {
  const spec = cellSpec(cell);
  const shade = spec.shade ?? (header ? 'header' : undefined);
  return new TableCell({
    children: cellParagraphs({ ...spec, shade }, header),
    columnSpan: spec.span && spec.span > 1 ? spec.span : undefined,
    shading: shade ? { fill: SHADE_FILL[shade], type: ShadingType.CLEAR, color: 'auto' } : undefined,
    width: width === undefined ? undefined : { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
};

const tableOf = (block: Extract<Block, { kind: 'table' }>, textWidth: number): Table => {
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
  // A short row is kept on one page; a long one may break, or it could not be printed at all.
  const short = (cells: readonly Cell[]) => cells.reduce((n, c) => n + plainText(cellSpec(c).text).length, 0) < 400;
  const row = (cells: readonly Cell[], header: boolean) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: header || short(cells) || undefined,
      children: cells.map((c, i) => tableCell(c, header, widthOf(cells, i))),
    });
  return new Table({
    rows: [...block.header.map((r) => row(r, true)), ...block.rows.map((r) => row(r, false))],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
  });
};

export type ChartImage = (block: Extract<Block, { kind: 'chart' }>) => ParagraphChild;

/** One block of the model as Word paragraphs and tables. */
export const docxBlock = (block: Block, context: { textWidth: number; orderedList: ListCounter; chartImage?: ChartImage }): (Paragraph | Table)[] => {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [new TextRun({ text: xmlSafe(block.text) })], keepNext: true })];
    case 'paragraph': {
      if (block.missing) return [new Paragraph({ children: runs(block.text, { italics: true, color: COLOURS.prompt }) })];
      const style: RunStyle = block.voice === 'prompt' ? { italics: true, color: COLOURS.prompt } : {};
      return linesOf(block.text).map((line) => bulletOrPlain(line, style));
    }
    case 'field':
      return [
        new Paragraph({
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
          }),
      );
    }
    case 'table':
      return [tableOf(block, context.textWidth), new Paragraph({})];
    case 'chart':
      return context.chartImage ? [new Paragraph({ children: [context.chartImage(block)], keepNext: false }), new Paragraph({})] : [];
  }
};
