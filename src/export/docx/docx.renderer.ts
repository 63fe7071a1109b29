import { AlignmentType, Document, Footer, ImageRun, LevelFormat, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions, type Table } from 'docx';
import type { Block, DocumentModel } from '../../domain/document.model';
import { chartAltText } from '../charts/chart.alt-text';
import { provenanceLine, type Provenance } from '../provenance';
import { xmlSafe } from '../xml-safe';
import { COLOURS, docxBlock, type ChartImage } from './docx-blocks';

/** A4 in twentieths of a point, with 2 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1134 } as const;
const TEXT_WIDTH = { portrait: A4.width - 2 * A4.margin, landscape: A4.height - 2 * A4.margin } as const;
const TEXT_HEIGHT = { portrait: A4.height - 2 * A4.margin, landscape: A4.width - 2 * A4.margin } as const;
const FONT = 'Arial';

/** A PNG for each chart block, made before the document is assembled (drawing is async). */
export type ChartPngs = ReadonlyMap<Block, { readonly png: Buffer; readonly width: number; readonly height: number }>;

export interface DocxOptions {
  readonly provenance?: Provenance;
  readonly charts?: ChartPngs;
}

/** The fingerprint line, then the page number on a line of its own: a 64-character hash never pushes "Page 1 of" apart. */
const footer = (provenance: Provenance | undefined) =>
  new Footer({
    children: [
      ...(provenance ? [new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 0 }, children: [new TextRun({ text: provenanceLine(provenance), size: 14, color: COLOURS.prompt })] })] : []),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { after: 0 },
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: COLOURS.prompt })],
      }),
    ],
  });

/** Wide tables go on landscape pages; everything else stays portrait, as the template does. */
const splitSections = (blocks: readonly Block[]): { landscape: boolean; blocks: Block[] }[] => {
  const sections: { landscape: boolean; blocks: Block[] }[] = [];
  for (const block of blocks) {
    const landscape = block.kind === 'table' && block.wide === true;
    const last = sections[sections.length - 1];
    // The heading and the template's prompt just before a wide table move with it, so the question and its table stay together.
    if (landscape && last && !last.landscape) {
      const tail: Block[] = [];
      const introduces = (b: Block) => b.kind === 'heading' || ((b.kind === 'paragraph' || b.kind === 'list') && b.voice === 'prompt');
      while (last.blocks.length && introduces(last.blocks[last.blocks.length - 1]!)) tail.unshift(last.blocks.pop()!);
      if (!last.blocks.length) sections.pop();
      sections.push({ landscape, blocks: [...tail, block] });
      continue;
    }
    if (last && last.landscape === landscape) last.blocks.push(block);
    else sections.push({ landscape, blocks: [block] });
  }
  return sections;
};

const chartImage =
  (charts: ChartPngs | undefined): ChartImage =>
  (block) => {
    const image = charts?.get(block);
    if (!image) return new TextRun({ text: xmlSafe(block.chart.title), italics: true });
    // About 16 cm wide (docx sizes pictures in pixels at 96 dpi), keeping the aspect ratio.
    const width = 600;
    const height = Math.round((image.height / image.width) * width);
    return new ImageRun({
      type: 'png',
      data: image.png,
      transformation: { width, height },
      altText: { name: block.chart.type, title: xmlSafe(block.chart.title), description: xmlSafe(chartAltText(block.chart)) },
    });
  };

export const buildDocx = (model: DocumentModel, options: DocxOptions = {}): Document => {
  let orderedLists = 0;
  const orderedList = { next: () => (orderedLists += 1) };
  const sections: ISectionOptions[] = splitSections(model.blocks).map(({ landscape, blocks }) => ({
    properties: {
      page: {
        size: landscape ? { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE } : { width: A4.width, height: A4.height },
        margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
      },
    },
    footers: { default: footer(options.provenance) },
    children: blocks.flatMap((b, i): (Paragraph | Table)[] =>
      docxBlock(b, {
        textWidth: landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait,
        pageHeight: landscape ? TEXT_HEIGHT.landscape : TEXT_HEIGHT.portrait,
        orderedList,
        chartImage: chartImage(options.charts),
        introducesTable: blocks[i + 1]?.kind === 'table',
      }),
    ),
  }));
  const heading = (size: number) => ({ run: { font: FONT, size, bold: true, color: COLOURS.text }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });
  return new Document({
    title: xmlSafe(model.title),
    creator: 'Local SEND Reform Plan assistant',
    description: options.provenance ? provenanceLine(options.provenance) : undefined,
    customProperties: options.provenance
      ? [
          { name: 'PlanId', value: options.provenance.planId },
          { name: 'PlanVersion', value: String(options.provenance.version) },
          { name: 'PlanSha256', value: options.provenance.hash },
        ]
      : [],
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, color: COLOURS.text }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(36),
        heading2: heading(30),
        heading3: heading(26),
        heading4: heading(23),
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }],
        },
        {
          reference: 'ordered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }],
        },
      ],
    },
    sections,
  });
};

/** The document as a .docx file. */
export const renderDocx = async (model: DocumentModel, options: DocxOptions = {}): Promise<Buffer> => Packer.toBuffer(buildDocx(model, options));
