import AdmZip from 'adm-zip';
import mammoth from 'mammoth';
import { demoPlan } from '../../src/demo/demo-plan';
import type { DocumentModel } from '../../src/domain/document.model';
import { buildQuarterlyReport, reportDocument } from '../../src/domain/quarterly-report';
import { parseQuarter } from '../../src/domain/quarters';
import type { StoredUpdate } from '../../src/domain/workstream-update.schema';
import { renderDocx } from '../../src/export/docx/docx.renderer';

/**
 * Advance widths of Arial Bold (and of Liberation Sans Bold, which LibreOffice sets in its place),
 * per 1,000 units of the em. Table headers are bold; a character not listed counts as a whole em.
 */
const ARIAL_BOLD: Readonly<Record<string, number>> = {
  ...Object.fromEntries([...'0123456789'].map((d) => [d, 556])),
  ' ': 278, '(': 333, ')': 333, '-': 333, '–': 556, ':': 333, ',': 278, '.': 278, '/': 278,
  A: 722, B: 722, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 556, K: 722, L: 611, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 611, c: 556, d: 611, e: 556, f: 333, g: 611, h: 611, i: 278, j: 278, k: 556, l: 278, m: 889,
  n: 611, o: 611, p: 611, q: 611, r: 389, s: 556, t: 333, u: 611, v: 556, w: 778, x: 556, y: 556, z: 500,
};

/** How wide a word is set, in twentieths of a point, at a size in half-points. */
const wordTwips = (word: string, halfPoints: number): number => ([...word].reduce((n, c) => n + (ARIAL_BOLD[c] ?? 1000), 0) * halfPoints * 10) / 1000;

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const number = (xml: string, pattern: RegExp): number => Number(pattern.exec(xml)?.[1] ?? NaN);

interface HeaderCell {
  readonly text: string;
  /** What the cell leaves for text: its width less its left and right margins. */
  readonly room: number;
  readonly size: number;
}

/** Each header cell of each table in a Word file, with the room it has for its words. */
const headerCells = (docx: Buffer): HeaderCell[] => {
  const xml = new AdmZip(docx).getEntry('word/document.xml')!.getData().toString('utf8');
  const headerRows = xml.match(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/g) ?? [];
  return headerRows.flatMap((row) =>
    (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => ({
      text: decode((cell.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(' ')),
      room: number(cell, /<w:tcW [^>]*w:w="(\d+)"/) - number(cell, /<w:tcMar>[\s\S]*?<w:left [^>]*w:w="(\d+)"/) - number(cell, /<w:tcMar>[\s\S]*?<w:right [^>]*w:w="(\d+)"/),
      size: number(cell, /<w:sz w:val="(\d+)"/),
    })),
  );
};

const plan = demoPlan();
const ws3 = plan.deliveryPlan.workstreams.find((w) => w.id === 'ws-3')!;
const update: StoredUpdate = {
  id: 'upd-1',
  workstreamId: 'ws-3',
  quarter: '2026-Q3',
  sequence: 1,
  authorId: 'annie.williams',
  at: '2026-11-02T10:00:00.000Z',
  milestones: [{ milestoneId: ws3.quarters.Q3.milestones[0]!.id, status: 'at-risk', rag: 'Amber', note: 'Two case officers off sick.' }],
  actual: '20 week timescale: 46%',
  narrative: 'Aged cases cleared.',
  blockers: null,
  supportNeeded: null,
};
const risk = plan.risks.risks[0]!;
// Every table the report can hold: milestones by RAG, a workstream's milestones, the risks and the spend.
const report = reportDocument(plan, buildQuarterlyReport(plan, parseQuarter('2026-Q3'), [update], [{ at: '2026-11-03T09:00:00.000Z', who: 'Natasha Moody', before: null, after: risk }]), new Map());
const landscape: DocumentModel = { ...report, blocks: report.blocks.map((b) => (b.kind === 'table' ? { ...b, wide: true } : b)) };

describe('the highlight report as Word', () => {
  it.each([
    ['portrait', report],
    ['landscape', landscape],
  ])('on %s pages, every word of every table header fits its column whole ("Green", never "Gree n")', async (_orientation, model) => {
    const cells = headerCells(await renderDocx(model));
    expect(cells.map((c) => c.text)).toEqual(expect.arrayContaining(['Green', 'Amber', 'Not rated', 'Milestone', 'What happened', 'Projected']));
    const split = cells.flatMap((c) => c.text.split(/\s+/).filter((w) => wordTwips(w, c.size) > c.room).map((w) => `${w} (${Math.ceil(wordTwips(w, c.size))} in ${c.room})`));
    expect(split).toEqual([]);
  });

  it('is headed with the financial year’s quarter and its months', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await renderDocx(report) });
    expect(value).toContain('Highlight report: Quarter 3 of 2026-27 (October to December 2026)');
    expect(value).not.toContain('2026-Q3');
  });
});
