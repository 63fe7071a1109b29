import AdmZip from 'adm-zip';
import { isDomainError } from '../../src/domain/errors';
import { readWordStructure, WORD_LIMITS } from '../../src/export/docx/docx.structure';

const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const body = (inner: string) => `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`;
const para = (text: string, extra = '') => `<w:p>${extra}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

const docx = (document: string, parts: Record<string, string | Buffer> = {}, types = TYPES): Buffer => {
  const zip = new AdmZip();
  zip.addFile('[Content_Types].xml', Buffer.from(types));
  zip.addFile('word/document.xml', Buffer.from(document));
  for (const [name, content] of Object.entries(parts)) zip.addFile(name, typeof content === 'string' ? Buffer.from(content) : content);
  return zip.toBuffer();
};

const refusal = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('it was read');
};

describe('reading a Word file for import', () => {
  it('reads paragraphs, lists, bold runs and tables in order, with &amp; and friends decoded', () => {
    const blocks = readWordStructure(
      docx(
        body(
          para('Q&amp;A heading', '<w:pPr><w:pStyle w:val="Heading3"/></w:pPr>') +
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Goal</w:t></w:r><w:r><w:t xml:space="preserve"> one</w:t></w:r></w:p>' +
            '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para('wide') + '</w:tc></w:tr><w:tr><w:tc>' + para('a') + para('b') + '</w:tc><w:tc>' + para('c') + '</w:tc></w:tr></w:tbl>',
        ),
      ),
      'plan.docx',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Q&A heading', style: 'Heading3', listed: false, bold: [] },
      { kind: 'paragraph', text: 'Goal one', style: null, listed: true, bold: ['Goal'] },
      { kind: 'table', rows: [[{ text: 'wide', span: 2 }], [{ text: 'a\nb', span: 1 }, { text: 'c', span: 1 }]] },
    ]);
  });

  it('reads the words of a tracked insertion and leaves out a tracked deletion', () => {
    const xml = body('<w:p><w:r><w:t xml:space="preserve">kept </w:t></w:r><w:ins><w:r><w:t>added</w:t></w:r></w:ins><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>');
    expect(readWordStructure(docx(xml), 'plan.docx')).toMatchObject([{ text: 'kept added' }]);
  });

  it('never opens what the file links to or embeds: the words around them are read', () => {
    const xml = body(para('before') + '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" r:id="rId9" xmlns:r="r"/></w:object></w:r></w:p>' + para('after'));
    const rels = '<Relationships><Relationship Id="rId9" TargetMode="External" Target="http://evil.example/x.bin" Type="oleObject"/></Relationships>';
    expect(readWordStructure(docx(xml, { 'word/_rels/document.xml.rels': rels }), 'plan.docx').map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['before', '', 'after']);
  });

  it.each([
    ['a macro-enabled file by its name', () => docx(body(para('x'))), 'plan.docm', 'IMPORT.MACROS', /macro-enabled/],
    ['a file whose content types say macros', () => docx(body(para('x')), {}, TYPES.replace('document.main+xml', 'document.macroEnabled.main+xml')), 'plan.docx', 'IMPORT.MACROS', /macros/],
    ['a file carrying a VBA project', () => docx(body(para('x')), { 'word/vbaProject.bin': Buffer.from('VBA') }), 'plan.docx', 'IMPORT.MACROS', /macros/],
    ['something that is not a zip at all', () => Buffer.from('%PDF-1.7 not a Word file'), 'plan.docx', 'IMPORT.UNREADABLE', /not a Word file/],
    ['a zip with no Word body', () => { const z = new AdmZip(); z.addFile('hello.txt', Buffer.from('hi')); return z.toBuffer(); }, 'plan.docx', 'IMPORT.UNREADABLE', /no body/],
    ['XML that declares its own entities (billion laughs)', () => docx(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document><w:body>${para('&lol2;')}</w:body></w:document>`), 'plan.docx', 'IMPORT.UNREADABLE', /entities/],
    ['a zip bomb: a small part that unpacks past the limit', () => docx(body(para('x'.repeat(WORD_LIMITS.partBytes + 1024)))), 'plan.docx', 'IMPORT.UNREADABLE', /unpacks to more/],
    ['a file far bigger than any plan', () => Buffer.alloc(WORD_LIMITS.fileBytes + 1), 'plan.docx', 'IMPORT.UNREADABLE', /bigger than any plan/],
  ])('refuses %s, saying why', (_what, make, name, code, words) => {
    const refused = refusal(() => readWordStructure(make(), name));
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(words);
  });
});
