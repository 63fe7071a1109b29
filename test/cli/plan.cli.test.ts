import AdmZip from 'adm-zip';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPlanCli } from '../../src/cli/plan.cli';
import { openConfiguredStore } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { NO_LA_CODE } from '../../src/domain/data-return';

describe('npm run plan', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
    process.env.DATABASE_URL = `sqlite:${join(dir, 'plan.db')}`;
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    let out = '';
    const code = await runPlanCli(args, (t) => (out += t));
    return { code, out };
  };

  it('exports the plan from DATABASE_URL as Markdown in Annex A order', async () => {
    const file = join(dir, 'plan.md');
    const { code, out } = await run('export', '--format', 'md', '--out', file);
    expect(code).toBe(0);
    expect(out).toMatch(/Wrote .*plan\.md: plan shropshire-2026-27, version 1, SHA-256 [a-f0-9]{64}/);
    const md = readFileSync(file, 'utf8');
    expect(md.indexOf('## Signatories')).toBeLessThan(md.indexOf('### 15. How can we help you?'));
    expect(md).toContain('| Total Spend | £105,000 |');
  });

  it('prints readiness: every requirement with its status, then the guidance rules', async () => {
    const { code, out } = await run('check');
    expect(code).toBe(0);
    expect(out.match(/^ {2}\[Not assessed\] /gm)).toHaveLength(41);
    expect(out).toContain('Experts at Hand offer (11)');
    expect(out).toContain('[PASS] All five required signatories are named');
    expect(out).toContain('[PASS] One named Senior Responsible Officer');
    expect(out).toContain('[PASS] At most 5 headline risks');
    expect(out).toContain('[FAIL] Governance membership includes health and Parent Carer Forum representation');
  });

  it('writes the quarterly highlight report as Markdown', async () => {
    const file = join(dir, 'q3.md');
    const { code, out } = await run('report', '--quarter', '2026-Q3', '--format', 'md', '--out', file);
    expect(code).toBe(0);
    expect(out).toMatch(/Wrote .*q3\.md: highlight report, plan version 1, SHA-256 [a-f0-9]{64}/);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('# Highlight report: Quarter 3 of 2026-27 (October to December 2026)');
    expect(md).toContain('| 3: EHCP Timeliness | Annie Williams | 0 | 0 | 0 | 1 | 20 week timescale: 50% | No update |');
    expect(md).toContain('## Updates still missing');
  });

  it('a report for a quarter outside the plan year says it has no milestones, and lists none of the plan’s', async () => {
    const { code, out } = await run('report', '--quarter', '2030-Q2');
    expect(code).toBe(0);
    expect(out).toContain('# Highlight report: Quarter 2 of 2030-31 (July to September 2030)');
    expect(out).toContain('Quarter 2 of 2030-31 (July to September 2030) is outside the 2026-27 plan’s delivery year (July 2026 to March 2027), so the plan has no milestones for it.');
    expect(out).not.toContain('## Milestones by RAG');
    expect(out).not.toContain('No update posted for this quarter yet.');
    expect(out).toContain('None expected: the plan has no milestones for this quarter.');
  });

  it('a data return for a quarter outside the plan year says so beside the file', async () => {
    const file = join(dir, 'return.csv');
    const { code, out } = await run('return', '--quarter', '2030-Q2', '--format', 'csv', '--out', file);
    expect(code).toBe(0);
    expect(out).toContain('so the plan has no milestones for it.');
    expect(readFileSync(file, 'utf8')).toContain('so the plan has no milestones for it.');
  });

  it('exports the feedback log as CSV', async () => {
    const file = join(dir, 'feedback.csv');
    const { code, out } = await run('feedback', '--format', 'csv', '--out', file);
    expect(code).toBe(0);
    expect(out).toContain('0 feedback item(s)');
    expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe(
      '"Id","Submitted","Voice","Theme","About","You said","Groups reached","May publish","Anonymous","Submitted by","Status","Routed to","Routed","We did","Answer","Planned for","Answered","Answered by"',
    );
  });

  it.each([
    [[], /Usage/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['feedback', '--format', 'md'], /Unknown format "md" for feedback: use csv/],
    [['export', '--format', 'pdf'], /Unknown format "pdf" for export: use md or docx/],
    [['export', '--format', 'docx'], /A docx file needs --out FILE/],
    [['return', '--quarter', '2026-Q3'], /Say which format: --format csv or xlsx/],
    [['report', '--quarter', 'Q3'], /Unknown quarter "Q3"/],
    [['verify'], /Say which file to verify/],
    [['verify', '/no/such/file.docx'], /There is no file/],
    [['export', '--out', '/no/such/folder/plan.md'], /The folder \/no\/such\/folder does not exist/],
  ])('explains a mistake in one line for %j', async (args, message) => {
    const { code, out } = await run(...args);
    expect(code).toBe(2);
    expect(out).toMatch(message);
  });

  describe('Word, verification and the data return', () => {
    it('exports Annex A as Word, and verify says the file is exactly the issued text', async () => {
      const file = join(dir, 'plan.docx');
      const exported = await run('export', '--format', 'docx', '--out', file);
      expect(exported.code).toBe(0);
      const hash = /SHA-256 ([a-f0-9]{64})/.exec(exported.out)![1];
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      const verified = await run('verify', file);
      expect(verified).toEqual({ code: 0, out: `plan.docx is exactly a file the bot issued: plan shropshire-2026-27 version 1 (SHA-256 of the text ${hash}). That version has not been signed off.\n` });
    });

    it.each([
      ['hidden words', (xml: string) => xml.replace('<w:rPr>', '<w:rPr><w:vanish/>')],
      ['a paragraph under another namespace prefix', (xml: string) => xml.replace('<w:body>', '<w:body><x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>AMENDMENT: funding withdrawn</x:t></x:r></x:p>')],
      ['a paragraph commented out', (xml: string) => xml.replace(/(<w:p>|<w:p )/, '<!-- $1').replace('</w:p>', '</w:p> -->')],
      ['struck-through text', (xml: string) => xml.replace(/<w:rPr>/g, '<w:rPr><w:strike/>')],
    ])('verify never calls a Word file with %s "exactly" the issued file', async (_what, tamper) => {
      const file = join(dir, 'plan.docx');
      await run('export', '--format', 'docx', '--out', file);
      const zip = new AdmZip(file);
      zip.updateFile('word/document.xml', Buffer.from(tamper(zip.readAsText('word/document.xml'))));
      zip.writeZip(file);
      const result = await run('verify', file);
      expect(result.code).toBe(1);
      expect(result.out).not.toContain('is exactly');
    });

    it('says a re-saved Markdown copy has the issued words but is not the issued file', async () => {
      const file = join(dir, 'plan.md');
      await run('export', '--out', file);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
      const result = await run('verify', file);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/plan\.md has the words of plan shropshire-2026-27 version 1 \(SHA-256 [a-f0-9]{64}\), but it is not byte for byte a file the bot issued/);
    });

    it('verify finds a changed word in a Markdown export, and a file it never issued', async () => {
      const file = join(dir, 'plan.md');
      await run('export', '--out', file);
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace('Shropshire, Telford and Wrekin', 'Shropshire, Telford & Wrekin'));
      const changed = await run('verify', file);
      expect(changed.code).toBe(1);
      expect(changed.out).toMatch(/plan\.md claims to be plan shropshire-2026-27 version 1 \(SHA-256 [a-f0-9]{64}\), but its text differs from the issued text at line \d+/);
      writeFileSync(file, original.replace(/SHA-256 of the plan text: [a-f0-9]{64}/, `SHA-256 of the plan text: ${'0'.repeat(64)}`));
      expect((await run('verify', file)).out).toContain('no text with that fingerprint was issued from this store');
      writeFileSync(file, '# A plan someone wrote by hand\n');
      expect(await run('verify', file)).toEqual({ code: 1, out: 'plan.md names no plan version or SHA-256: it was not exported by the bot, or that line was removed.\n' });
    });

    it('writes the highlight report as Word with its four charts', async () => {
      const file = join(dir, 'q3.docx');
      expect((await run('report', '--quarter', '2026-Q3', '--format', 'docx', '--out', file)).code).toBe(0);
      const media = new AdmZip(file).getEntries().filter((e) => /^word\/media\/.+\.png$/.test(e.entryName));
      expect(media).toHaveLength(4);
      const { value } = await mammoth.extractRawText({ path: file });
      expect(value).toContain('Highlight report: Quarter 3 of 2026-27 (October to December 2026)');
      expect(value).toContain('Spend: projected and actual');
    });

    // The header and the first row, as [section, the two key columns]: a workbook's sheet name stands for the section.
    it.each<[string, (f: string) => Promise<string[][]>]>([
      ['csv', async (f) => readFileSync(f, 'utf8').split('\r\n').slice(0, 2).map((l) => l.split(',').slice(0, 3).map((c) => c.replace(/"/g, '')))],
      [
        'xlsx',
        async (f) => {
          const book = new ExcelJS.Workbook();
          await book.xlsx.readFile(f);
          const ws = book.getWorksheet('Milestones')!;
          return [1, 2].map((n) => [n === 1 ? 'section' : 'milestone', String(ws.getRow(n).getCell(1).value), String(ws.getRow(n).getCell(2).value)]);
        },
      ],
    ])('writes the quarterly data return as %s, each row naming the local authority and the quarter', async (format, firstColumns) => {
      const file = join(dir, `return.${format}`);
      const { code, out } = await run('return', '--quarter', '2026-Q3', '--format', format, '--out', file);
      expect(code).toBe(0);
      expect(out).toContain('data return for 2026-Q3');
      expect(out).not.toContain(NO_LA_CODE);
      const [header, first] = await firstColumns(file);
      expect(header?.slice(1)).toEqual(format === 'csv' ? ['la_code', 'quarter'] : ['LA code', 'Quarter']);
      expect(first).toEqual(['milestone', '893', '2026-Q3']);
    });

    it('says beside the file, and in it, that the plan gives no local authority code', async () => {
      expect((await run('check')).code).toBe(0);
      const { store } = await openConfiguredStore(loadConfig());
      try {
        const stored = (await store.loadPlan(loadConfig().planId))!;
        await store.savePlan(loadConfig().planId, stored.version, { ...stored.plan, header: { ...stored.plan.header, laCode: null } }, { actorId: 'test', summary: 'No code' });
      } finally {
        await store.close();
      }
      const file = join(dir, 'return.csv');
      const { code, out } = await run('return', '--quarter', '2026-Q3', '--format', 'csv', '--out', file);
      expect(code).toBe(0);
      expect(out).toContain(NO_LA_CODE);
      const first = readFileSync(file, 'utf8').split('\r\n')[1]!;
      expect(first.startsWith('"note","","2026-Q3",')).toBe(true);
      expect(first).toContain(`"${NO_LA_CODE}"`);
    });
  });

  describe('import FILE.docx', () => {
    /** The plan's own Word export, with one piece of its text changed as a partner would in Word. */
    const exportedDocx = async (edit?: [string, string]) => {
      const file = join(dir, 'plan.docx');
      expect((await run('export', '--format', 'docx', '--out', file)).code).toBe(0);
      if (edit) {
        const zip = new AdmZip(file);
        zip.updateFile('word/document.xml', Buffer.from(zip.readAsText('word/document.xml').replace(edit[0], edit[1]), 'utf8'));
        writeFileSync(file, zip.toBuffer());
      }
      return file;
    };
    const hashOf = (out: string) => /SHA-256 ([a-f0-9]{64})/.exec(out)?.[1];

    it('the plan’s own export: --dry-run says 0 sections would change, and a real import writes nothing', async () => {
      const file = await exportedDocx();
      expect(await run('import', file, '--dry-run')).toEqual({ code: 0, out: '0 sections would change\n' });
      expect(await run('import', file)).toEqual({ code: 0, out: 'Nothing to change: no new version written (the plan stays at version 1).\n' });
    });

    it('one edited sentence: one line naming its section as the sections list does, then the count; the import writes one version, once', async () => {
      const file = await exportedDocx(['has adopted a collaborative and transparent approach', 'has adopted an open approach']);
      expect(await run('import', file, '--dry-run')).toEqual({ code: 0, out: 'changed: Q9 Engagement and co-production\n1 section would change\n' });
      expect(await run('import', file)).toEqual({ code: 0, out: 'changed: Q9 Engagement and co-production\nWrote version 2: 1 section imported from plan.docx.\n' });
      expect((await run('import', file, '--dry-run')).out).toBe('0 sections would change\n');
    });

    it('a partnership starting without the demo (a blank Annex A) takes its whole Word plan in one import, and exports exactly that plan', async () => {
      const file = await exportedDocx();
      const demoHash = hashOf((await run('export', '--format', 'md', '--out', join(dir, 'demo.md'))).out);
      process.env.DATABASE_URL = `sqlite:${join(dir, 'blank.db')}`;
      process.env.SEED_DEMO_PLAN = 'false';
      const dry = await run('import', file, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out.split('\n').filter((l) => l.startsWith('changed: '))).toHaveLength(19);
      expect(dry.out).toMatch(/^changed: Partnership and SRO\n[\s\S]*changed: Supporting documents\n19 sections would change\n$/);
      expect((await run('import', file)).out).toMatch(/Wrote version 2: 19 sections imported from plan\.docx\.\n$/);
      expect(hashOf((await run('export', '--format', 'md', '--out', join(dir, 'blank.md'))).out)).toBe(demoHash);
    });

    it.each([
      ['a file that is not Word', 'notes.docx', Buffer.from('just text'), /not a Word file/],
      ['a macro-enabled file', 'plan.docm', Buffer.from('PK'), /macro-enabled/],
    ])('%s is refused with a reason, and nothing is written', async (_what, name, bytes, words) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const { code, out } = await run('import', file);
      expect(code).toBe(1);
      expect(out).toMatch(words);
      expect((await run('export', '--format', 'md', '--out', join(dir, 'x.md'))).out).toContain('version 1');
    });
  });
});
