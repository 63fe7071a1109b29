import AdmZip from 'adm-zip';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPlan } from '../../src/demo/demo-plan';
import { compileAnnexA } from '../../src/domain/plan.compile';
import { renderDocx } from '../../src/export/docx/docx.renderer';
import { annexAPhrases, foundIn, normalise } from '../support/reference-phrases';

const PROVENANCE = { planId: 'shropshire-2026-27', version: 1, hash: 'ab'.repeat(32) };
const reference = readFileSync(join(__dirname, '..', 'fixtures', 'local-send-reform-plan-2026.txt'), 'utf8');

const xmlOf = (docx: Buffer) => new AdmZip(docx).getEntry('word/document.xml')!.getData().toString('utf8');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** Each table's text, cell by cell, in document order. */
const tablesOf = (xml: string): string[][] =>
  (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((table) =>
    (table.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => normalise(decode((c.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(' ')))),
  );
/** The reference's tab-separated rows between two lines, as cells. */
const referenceRows = (from: string, to: string): string[][] => {
  const start = reference.indexOf(from, reference.lastIndexOf('Annex A: Local SEND Reform Plan\n'));
  return reference
    .slice(start, reference.indexOf(to, start) < 0 ? undefined : reference.indexOf(to, start))
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t').filter((c) => normalise(c)));
};

describe('Annex A as Word', () => {
  let docx: Buffer;
  let text: string;
  let tables: string[][];
  beforeAll(async () => {
    docx = await renderDocx(compileAnnexA(demoPlan()), { provenance: PROVENANCE });
    text = normalise((await mammoth.extractRawText({ buffer: docx })).value);
    tables = tablesOf(xmlOf(docx));
  });
  const table = (firstCell: string) => tables.find((t) => t[0]?.startsWith(firstCell)) ?? [];

  it('holds every phrase of the reference plan, as an independent reader gets the text back', () => {
    const phrases = annexAPhrases();
    expect(phrases.length).toBeGreaterThan(600);
    expect(phrases.filter((p) => !foundIn(text, p))).toEqual([]);
  });

  it('has every table the template has, in its order', () => {
    expect(tables.map((t) => t[0]!.slice(0, 30))).toEqual([
      'Role',
      'Local blueprint for the next 3',
      'VISION',
      'Local roadmap for the next 3 y',
      '2026-27 Local delivery plan',
      'Projected Investment Spend per',
      'Risk',
      'Governance Mechanism This may ',
      'Document',
      'IMPACT DESCRIPTION',
      'Impact',
    ]);
  });

  it.each([
    ['the signatories', 'Role', 'Role\tName', 'Executive Summary'],
    ['the projected spend', 'Projected Investment Spend per', 'Programme oversight', 'INSERT DOCUMENT UPLOAD LINK: include'],
    ['the risks', 'Risk', 'Risk\tImpact', '11. Dependencies'],
    ['Annex B', 'Document', 'Document\tLink', 'Annex C'],
    ['local blueprint', 'Local blueprint for the next 3', 'Local blueprint for the next 3 years\t', '3. What is the local area'],
    ['roadmap', 'Local roadmap for the next 3 y', 'Local roadmap for the next 3 years\t', 'INSERT DOCUMENT UPLOAD LINK - Add our EAHO'],
    ['first-year delivery plan', '2026-27 Local delivery plan', '2026-27 Local delivery plan\t', 'Projected Investment Spend per quarter'],
    ['governance', 'Governance Mechanism', 'Governance Mechanism <i>', 'If you have a diagram'],
    ['Annex C matrix', 'IMPACT DESCRIPTION', 'IMPACT DESCRIPTION\t', '\u0000'],
  ])('puts every cell of the reference’s %s table in that table', (_name, firstCell, from, to) => {
    const rows = referenceRows(from, to);
    expect(rows.length).toBeGreaterThan(3);
    const cells = normalise(table(firstCell).join(' '));
    // A cell's paragraphs and bullets are separate in the reference dump; each must be in the table.
    const phrases = rows
      .flat()
      .flatMap((c) => c.split(/<\/p>|<\/li>|<br\s*\/?>| • /))
      .map((c) => normalise(c).replace(/^\d+\. (?=\S)/, ''))
      .filter((c) => c.length > 1 && !/^[-|]+$/.test(c));
    expect(phrases.filter((c) => !foundIn(cells, c))).toEqual([]);
  });

  it('lays the first-year plan out as one wide table, quarters spanning their milestones and trajectory', () => {
    const xml = xmlOf(docx);
    const q6 = xml.match(/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*?2026-27 Local delivery plan[\s\S]*?<\/w:tbl>/)![0];
    expect(q6.match(/<w:gridSpan w:val="2"\/>/g)!.length).toBeGreaterThanOrEqual(4);
    const cells = table('2026-27 Local delivery plan');
    expect(cells).toEqual(expect.arrayContaining(['Q2 (Jul-Sep 2026)', 'Q3 (Oct – Dec 2026)', 'Q4 (Jan-Mar 2027)', 'Annie Williams', '20 week timescale: 60%']));
    expect(cells.join(' ')).toContain('NB: In Shropshire, all workstreams will have a focus on: Participation and co-production Comms Data');
  });

  it('shades RAG cells and the Annex C matrix in the partnership’s colours', () => {
    const xml = xmlOf(docx);
    expect(xml).toMatch(/<w:shd [^>]*w:fill="D4351C"/);
    expect(xml).toMatch(/<w:shd [^>]*w:fill="F47738"/);
    expect(xml).toMatch(/<w:shd [^>]*w:fill="00703C"/);
    expect(table('IMPACT DESCRIPTION')).toEqual(expect.arrayContaining(['Crisis', 'Very Unlikely', '< 10%', 'Cannot deliver Reform Plan; Failure of mission critical activity.']));
  });

  it('is A4 with heading styles, repeating table headers and the fingerprint in the footer', () => {
    const zip = new AdmZip(docx);
    const xml = xmlOf(docx);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/w:orient="landscape"/);
    for (const level of [1, 2, 3]) expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(tables.length);
    const footers = zip.getEntries().filter((e) => /word\/footer\d*\.xml/.test(e.entryName)).map((e) => e.getData().toString('utf8')).join('');
    expect(footers).toContain(`SHA-256 of the plan text: ${PROVENANCE.hash}`);
  });

  it('keeps typed text as text: control characters, markup and emoji never break the file', async () => {
    const plan = demoPlan();
    const hostile = 'Tom & Jerry <b>not bold</b> ]]> \u0001\u0008\u000b\uFFFE 👩‍👧 \uD800 end';
    plan.executiveSummary.changeStory = hostile;
    plan.risks.risks[0]!.mitigation = hostile;
    const file = await renderDocx(compileAnnexA(plan));
    const back = (await mammoth.extractRawText({ buffer: file })).value;
    const expected = 'Tom & Jerry <b>not bold</b> ]]>  👩‍👧  end';
    expect(back.split(expected).length - 1).toBe(2);
  });
});

describe('a partnership’s own table in an answer, as Word', () => {
  it('is a table, and the line just above it stays on its page', async () => {
    const plan = demoPlan();
    const story = 'Our story.\nHeadline metrics – current and forecast\n| Metric | Now |\n| EHCPs within 20 weeks | 31% |\nAfter the table.';
    const xml = xmlOf(await renderDocx(compileAnnexA({ ...plan, executiveSummary: { changeStory: story } }), { provenance: PROVENANCE }));
    const paragraph = (words: string) => (xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g) ?? []).find((p) => decode(p).includes(words)) ?? '';
    expect(tablesOf(xml)).toContainEqual(['Metric', 'Now', 'EHCPs within 20 weeks', '31%']);
    expect(paragraph('Headline metrics – current and forecast')).toContain('<w:keepNext/>');
    expect(paragraph('Our story.')).not.toContain('<w:keepNext/>');
    expect(paragraph('After the table.')).not.toContain('<w:keepNext/>');
  });
});
