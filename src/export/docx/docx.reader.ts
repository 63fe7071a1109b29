import AdmZip from 'adm-zip';
import { decodeXmlText } from './xml-text';

/** A plan export is a few hundred kilobytes; anything far bigger is refused before it is unpacked. */
const MAX_PART_BYTES = 20 * 1024 * 1024;
const MAX_TOTAL_BYTES = 60 * 1024 * 1024;

const decode = decodeXmlText;


/**
 * The words of a WordprocessingML part, a line per paragraph. Split on closing tags rather
 * than matched with one lazy pattern, so the time is linear in the file's size.
 */
const partText = (xml: string): string =>
  xml
    .split(/<\/w:p>/)
    .map((chunk) =>
      chunk
        .split(/<w:t(?:\s[^>]*)?>/)
        .slice(1)
        .map((t) => decode(t.slice(0, t.indexOf('</w:t>') < 0 ? 0 : t.indexOf('</w:t>'))))
        .join(''),
    )
    .join('\n')
    .replace(/\n+$/, '');

export interface DocxText {
  /** The body's text: what the document says. */
  readonly body: string;
  /** Footers and document properties, where the export writes which stored text it was made from. */
  readonly furniture: string;
}

/** Reads a .docx without Word: null when the bytes are not a Word file, or are too big to be one of ours. */
export const readDocxText = (bytes: Buffer): DocxText | null => {
  try {
    const zip = new AdmZip(bytes);
    const entries = zip.getEntries();
    const sizes = entries.map((e) => e.header.size);
    if (sizes.some((n) => n > MAX_PART_BYTES) || sizes.reduce((a, b) => a + b, 0) > MAX_TOTAL_BYTES) return null;
    const body = zip.getEntry('word/document.xml');
    if (!body) return null;
    const furniture = entries
      .filter((e) => /^word\/footer\d*\.xml$|^docProps\/(core|custom)\.xml$/.test(e.entryName))
      .map((e) => {
        const xml = e.getData().toString('utf8');
        return e.entryName.startsWith('word/') ? partText(xml) : decode(xml.replace(/<[^>]+>/g, ' '));
      })
      .join('\n');
    return { body: partText(body.getData().toString('utf8')), furniture };
  } catch {
    return null;
  }
};
