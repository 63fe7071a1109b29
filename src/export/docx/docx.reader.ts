import AdmZip from 'adm-zip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (xml: string): string =>
  xml.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? _),
  );

/** The words of a WordprocessingML part, a line per paragraph, as any reader of the file would get them. */
const partText = (xml: string): string =>
  (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => decode(t.replace(/<[^>]+>/g, ''))).join(''))
    .join('\n');

export interface DocxText {
  /** The body's text: what the document says. */
  readonly body: string;
  /** Footers and document properties, where the export writes which stored text it was made from. */
  readonly furniture: string;
}

/** Reads a .docx without Word: null when the bytes are not a Word file. */
export const readDocxText = (bytes: Buffer): DocxText | null => {
  try {
    const zip = new AdmZip(bytes);
    const body = zip.getEntry('word/document.xml');
    if (!body) return null;
    const furniture = zip
      .getEntries()
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
