import AdmZip from 'adm-zip';
import { decodeXmlText } from './xml-text';
import { XMLParser } from 'fast-xml-parser';
import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../../domain/errors';
import type { WordBlock, WordParagraph, WordTable } from '../../domain/word-import/word-blocks';
import { WORD_LIMITS } from './word-limits';

export type { WordBlock, WordCell, WordParagraph, WordTable } from '../../domain/word-import/word-blocks';
export { WORD_LIMITS } from './word-limits';

const refuse = (message: string) => new DomainError('IMPORT.UNREADABLE', message);

/** A part's bytes, inflated with a ceiling: a zip bomb stops at the limit instead of filling memory. */
const partBytes = (entry: AdmZip.IZipEntry): Buffer => {
  const method = entry.header.method;
  const compressed = entry.getCompressedData();
  if (method === 0) {
    if (compressed.length > WORD_LIMITS.partBytes) throw refuse(`${entry.entryName} is too large to be part of a plan.`);
    return compressed;
  }
  if (method !== 8) throw refuse(`${entry.entryName} is packed in a way Word does not use.`);
  try {
    return inflateRawSync(compressed, { maxOutputLength: WORD_LIMITS.partBytes });
  } catch {
    throw refuse(`${entry.entryName} unpacks to more than any plan could hold, so it was not read.`);
  }
};

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, processEntities: false, trimValues: false, parseTagValue: false });

const decode = decodeXmlText;


const tagOf = (node: Node): string | undefined => Object.keys(node).find((k) => k !== ':@');
const childrenOf = (node: Node): Node[] => {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as Node[]) : [];
};
const attr = (node: Node, name: string): string | undefined => node[':@']?.[`@_${name}`];

/** The words of a run or paragraph, tabs and line breaks as spaces and new lines. */
const runText = (run: Node): string =>
  childrenOf(run)
    .map((child) => {
      const tag = tagOf(child);
      if (tag === 'w:t') return decode(childrenOf(child).map((t) => String((t as { '#text'?: unknown })['#text'] ?? '')).join(''));
      if (tag === 'w:tab') return '\t';
      if (tag === 'w:br' || tag === 'w:cr') return '\n';
      return '';
    })
    .join('');

/**
 * A content control still showing its prompt ("Click or tap to enter a date."): Word's words, not
 * the partnership's, so nothing was entered there.
 */
const showsPlaceholder = (sdt: Node): boolean => {
  const props = childrenOf(sdt).find((c) => tagOf(c) === 'w:sdtPr');
  return Boolean(props && childrenOf(props).some((c) => tagOf(c) === 'w:showingPlcHdr' && !['0', 'false'].includes(attr(c, 'w:val') ?? '')));
};

/** Runs inside a paragraph, including those wrapped in hyperlinks, fields and tracked insertions; deletions left out. */
const runsOf = (paragraph: Node): Node[] =>
  childrenOf(paragraph).flatMap((child) => {
    const tag = tagOf(child);
    if (tag === 'w:r') return [child];
    if (tag === 'w:sdt' && showsPlaceholder(child)) return [];
    // A tracked move is read where it went to (w:moveTo), never where it came from as well.
    if (tag === 'w:hyperlink' || tag === 'w:ins' || tag === 'w:moveTo' || tag === 'w:smartTag' || tag === 'w:fldSimple' || tag === 'w:sdt' || tag === 'w:sdtContent') return runsOf(child);
    return [];
  });

const isBold = (run: Node): boolean => {
  const props = childrenOf(run).find((c) => tagOf(c) === 'w:rPr');
  const b = props && childrenOf(props).find((c) => tagOf(c) === 'w:b');
  return Boolean(b) && !['0', 'false'].includes(attr(b!, 'w:val') ?? '');
};

const paragraphOf = (node: Node): WordParagraph => {
  const props = childrenOf(node).find((c) => tagOf(c) === 'w:pPr');
  const propChildren = props ? childrenOf(props) : [];
  const styleNode = propChildren.find((c) => tagOf(c) === 'w:pStyle');
  const numbering = propChildren.find((c) => tagOf(c) === 'w:numPr');
  const ilvl = numbering && childrenOf(numbering).find((c) => tagOf(c) === 'w:ilvl');
  const level = Number(ilvl ? attr(ilvl, 'w:val') : 0) || 0;
  const runs = runsOf(node);
  return {
    kind: 'paragraph',
    text: runs.map(runText).join(''),
    style: styleNode ? (attr(styleNode, 'w:val') ?? null) : null,
    listed: Boolean(numbering),
    ...(level > 0 ? { level } : {}),
    bold: runs.filter(isBold).map(runText).filter((t) => t.trim()),
  };
};

/** Tags that wrap a table's rows or cells without being one: content controls, custom XML, tracked insertions. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml']);

/** The children with a tag, looking through content controls and custom XML around them. */
const childrenTagged = (node: Node, tag: string): Node[] =>
  childrenOf(node).flatMap((child) => (tagOf(child) === tag ? [child] : WRAPPERS.has(tagOf(child) ?? '') ? childrenTagged(child, tag) : []));

/** A row deleted with tracking on and not yet accepted: what the file shows struck through, not the plan. */
const isDeletedRow = (row: Node): boolean => {
  const props = childrenOf(row).find((c) => tagOf(c) === 'w:trPr');
  return Boolean(props && childrenOf(props).some((c) => tagOf(c) === 'w:del'));
};

/** Paragraphs of a table cell or content control, nested tables as "| a | b |" lines; a bullet is "- ", as the plan types one. */
const cellText = (cell: Node): string =>
  childrenOf(cell)
    .flatMap((child) => {
      const tag = tagOf(child);
      if (tag === 'w:p') {
        const paragraph = paragraphOf(child);
        return [paragraph.listed && paragraph.text.trim() ? `- ${paragraph.text.replace(/^\s*[-•]\s+/, '')}` : paragraph.text];
      }
      // A table inside a cell as the plan types one in text: "| a | b |" a row.
      if (tag === 'w:tbl') return tableOf(child).rows.map((r) => `| ${r.map((c) => c.text.replace(/\n/g, ' ')).join(' | ')} |`);
      if (tag === 'w:sdt' && showsPlaceholder(child)) return [];
      if (tag === 'w:sdt' || tag === 'w:sdtContent') return [cellText(child)];
      return [];
    })
    .join('\n');

const tableOf = (node: Node): WordTable => ({
  kind: 'table',
  rows: childrenTagged(node, 'w:tr')
    .filter((row) => !isDeletedRow(row))
    .map((row) =>
      childrenTagged(row, 'w:tc')
        .map((cell) => {
          const props = childrenOf(cell).find((c) => tagOf(c) === 'w:tcPr');
          const span = props && childrenOf(props).find((c) => tagOf(c) === 'w:gridSpan');
          const shading = props && childrenOf(props).find((c) => tagOf(c) === 'w:shd');
          const fill = shading && attr(shading, 'w:fill');
          const shaded = fill && /^[0-9a-f]{6}$/i.test(fill) ? { fill: fill.toUpperCase() } : {};
          // A cell merged down from the one above it (vMerge without "restart"): empty because the one above speaks for it.
          const merge = props && childrenOf(props).find((c) => tagOf(c) === 'w:vMerge');
          const continues = merge && attr(merge, 'w:val') !== 'restart' ? { continues: true as const } : {};
          return { text: cellText(cell), span: Math.max(1, Number(span ? attr(span, 'w:val') : 1) || 1), ...shaded, ...continues };
        }),
    ),
});

/** The body's blocks in order; content controls are looked into, section breaks and drawings skipped. */
const blocksOf = (nodes: readonly Node[], out: WordBlock[]): WordBlock[] => {
  for (const node of nodes) {
    if (out.length > WORD_LIMITS.blocks) throw refuse('This file has far more paragraphs than any plan.');
    const tag = tagOf(node);
    if (tag === 'w:p') {
      out.push(paragraphOf(node));
      // Text boxes anchored to the paragraph (a panel of figures, a diagram's boxes) are read after it.
      for (const box of textBoxesIn(node)) blocksOf(childrenOf(box), out);
    }
    else if (tag === 'w:tbl') out.push(tableOf(node));
    else if (tag === 'w:sdt' && showsPlaceholder(node)) continue;
    else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') blocksOf(childrenOf(node), out);
  }
  return out;
};

/**
 * The text boxes inside a paragraph's drawings. Word writes each twice, as a drawing and as an older
 * VML copy for readers that cannot draw (mc:Fallback): the copy is never read, or every word would
 * come twice.
 */
const textBoxesIn = (node: Node): Node[] =>
  childrenOf(node).flatMap((child) => {
    const tag = tagOf(child);
    if (tag === 'mc:Fallback') return [];
    if (tag === 'w:txbxContent') return [child];
    return textBoxesIn(child);
  });

const findBody = (nodes: readonly Node[]): Node[] => {
  for (const node of nodes) {
    if (tagOf(node) === 'w:body') return childrenOf(node);
    const inner = findBody(childrenOf(node));
    if (inner.length) return inner;
  }
  return [];
};

/**
 * Reads a .docx for import. Refused, with a reason a person can act on: not a Word file, a
 * macro-enabled one (.docm), one that is too big or unpacks to far more than it says (a zip
 * bomb), or one whose XML declares its own entities (the "billion laughs"). Links to other files,
 * embedded objects and pictures are never opened: only the body's words are read.
 */
export const readWordStructure = (bytes: Buffer, fileName: string): WordBlock[] => {
  if (/\.(docm|dotm)$/i.test(fileName)) throw new DomainError('IMPORT.MACROS', `${fileName} is a macro-enabled Word file. Save it as a Word Document (.docx) and send that.`);
  if (bytes.length > WORD_LIMITS.fileBytes) throw refuse(`${fileName} is bigger than any plan (${Math.round(bytes.length / 1024 / 1024)} MB), so it was not read.`);
  let zip: AdmZip;
  try {
    zip = new AdmZip(bytes);
  } catch {
    throw refuse(`${fileName} is not a Word file (.docx).`);
  }
  const entries = zip.getEntries();
  if (entries.length > WORD_LIMITS.entries) throw refuse(`${fileName} holds more parts than a Word file does, so it was not read.`);
  const types = entries.find((e) => e.entryName === '[Content_Types].xml');
  const typesXml = types ? partBytes(types).toString('utf8') : '';
  if (/macroEnabled|vbaProject/i.test(typesXml) || entries.some((e) => /vbaProject\.bin$/i.test(e.entryName))) {
    throw new DomainError('IMPORT.MACROS', `${fileName} contains macros. Save it as a Word Document (.docx) without macros and send that.`);
  }
  const body = entries.find((e) => e.entryName === 'word/document.xml');
  if (!body) throw refuse(`${fileName} is not a Word document: it has no body.`);
  const xml = partBytes(body).toString('utf8');
  // Word never writes a DOCTYPE: one here is there to declare entities that expand without end.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse(`${fileName} declares its own XML entities, which Word never does, so it was not read.`);
  let elements = 0;
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) if (++elements > WORD_LIMITS.elements) throw refuse('This file has far more paragraphs and tables than any plan.');
  let parsed: Node[];
  try {
    parsed = parser.parse(xml) as Node[];
  } catch {
    throw refuse(`${fileName} is damaged: its text could not be read.`);
  }
  return blocksOf(findBody(parsed), []);
};
