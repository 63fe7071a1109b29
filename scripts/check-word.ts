/**
 * npm run check:word: makes the demo plan and this quarter's highlight report as Word files, has
 * LibreOffice lay them out as PDF pages, and fails on what a partnership would otherwise fix by
 * hand before sending: bot text inside the answers, placeholders, a footer whose "Page N of M"
 * is pushed apart, words broken mid-word in a table header, a bare quarter code, pages nearly
 * empty; and that the plan, re-saved by LibreOffice, imports as no change. Needs LibreOffice and poppler (Debian: apt-get install -y libreoffice-writer-nogui
 * poppler-utils). The pages are left in the folder it prints, to be looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'check-word-'));
const missingTool = ['soffice', 'pdftotext', 'pdfinfo'].find((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missingTool) {
  process.stderr.write(`${missingTool} is not installed: apt-get install -y libreoffice-writer-nogui poppler-utils\n`);
  process.exit(2);
}

const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'plan.db')}`, SEED_DEMO_PLAN: 'true', LOG_LEVEL: 'silent' };
const plan = (...args: string[]) => execFileSync('npx', ['tsx', 'src/cli/plan.cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
plan('export', '--format', 'docx', '--out', join(dir, 'plan.docx'));
plan('report', '--format', 'docx', '--out', join(dir, 'report.docx'));
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.docx'), join(dir, 'report.docx')], { stdio: 'ignore', timeout: 300_000 });

/** Each page's lines of text, as laid out. */
const pagesOf = (pdf: string): string[][] => {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'])
      .toString()
      .split('\n')
      .filter((line) => /\S/.test(line)),
  );
};

interface Rule {
  readonly problem: string;
  readonly found: (page: readonly string[], index: number, pages: readonly (readonly string[])[]) => string | undefined;
}

const lineMatching = (re: RegExp) => (page: readonly string[]) => page.find((line) => re.test(line))?.trim();

const RULES: readonly Rule[] = [
  { problem: 'the bot’s own count inside an answer, or "item(s)"', found: lineMatching(/item\(s\)|risk\(s\)|day\(s\)/) },
  { problem: 'a placeholder in the text', found: lineMatching(/Not yet uploaded|Not yet provided/) },
  { problem: 'a bare quarter code', found: lineMatching(/\b\d{4}-Q[1-4]: Q[1-4]\b/) },
  { problem: 'a word broken in a table header', found: lineMatching(/\b(Gree|Ambe|Amb|Gre)\b/) },
  {
    problem: 'the footer’s page number is not on one line',
    found: (page) => (page.some((line) => /Page \d+ of \d+/.test(line)) ? undefined : (page[page.length - 1]?.trim() ?? 'no footer')),
  },
  {
    // The last page may be short; any other page with a handful of lines wasted the paper before it.
    problem: 'a page nearly empty',
    found: (page, index, pages) => (index < pages.length - 1 && page.length - 2 < 6 ? `${page.length - 2} line(s): ${page[0]?.trim()}` : undefined),
  },
];

let failures = 0;
for (const name of ['plan', 'report']) {
  const pages = pagesOf(join(dir, `${name}.pdf`));
  process.stdout.write(`${name}: ${pages.length} pages\n`);
  pages.forEach((page, i) => {
    for (const rule of RULES) {
      const found = rule.found(page, i, pages);
      if (found) {
        failures++;
        process.stdout.write(`  page ${i + 1}: ${rule.problem}: ${found}\n`);
      }
    }
  });
}
// Word both ways: the plan re-saved by LibreOffice (runs split differently, styles renamed) reads back as no change.
const resaved = join(dir, 'resaved');
execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', resaved, join(dir, 'plan.docx')], { stdio: 'ignore', timeout: 300_000 });
const roundTrip = plan('import', join(resaved, 'plan.docx'), '--dry-run').toString().trim().split('\n').pop();
process.stdout.write(`plan re-saved in LibreOffice, imported: ${roundTrip}\n`);
if (roundTrip !== '0 sections would change') failures++;

process.stdout.write(`${failures ? `${failures} problem(s)` : 'No problems'}. The files and PDFs are in ${dir} (pdftoppm -png to look at the pages).\n`);
process.exit(failures ? 1 : 0);
