import AdmZip from 'adm-zip';
import { readDocxText } from '../../src/export/docx/docx.reader';

const docxWith = (documentXml: string, extra: Record<string, Buffer> = {}) => {
  const zip = new AdmZip();
  zip.addFile('word/document.xml', Buffer.from(documentXml));
  for (const [name, data] of Object.entries(extra)) zip.addFile(name, data);
  return zip.toBuffer();
};

describe('reading a Word file back', () => {
  it('gives the words a paragraph a line, entities decoded', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>Tom &amp; Jerry</w:t></w:r><w:r><w:t xml:space="preserve"> &#x1F469;</w:t></w:r></w:p><w:p><w:r><w:t>Two</w:t></w:r></w:p></w:body></w:document>';
    expect(readDocxText(docxWith(xml))?.body).toBe('Tom & Jerry 👩\nTwo');
  });

  it('reads a long run of unclosed paragraphs in one pass, where a lazy pattern would take hours', () => {
    const xml = `<w:document><w:body>${'<w:p x="1">'.repeat(40_000)}</w:body></w:document>`;
    expect(readDocxText(docxWith(xml))?.body).toBe('');
  });

  it.each([
    ['not a zip at all', Buffer.from('hello')],
    ['a zip with no document', new AdmZip().toBuffer()],
    ['a part that unpacks to far more than any plan', docxWith('<w:document/>', { 'word/media/bomb.bin': Buffer.alloc(21 * 1024 * 1024) })],
  ])('refuses %s', (_what, bytes) => {
    expect(readDocxText(bytes)).toBeNull();
  });
});
