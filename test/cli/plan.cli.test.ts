import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPlanCli } from '../../src/cli/plan.cli';

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
    expect(out).toMatch(/Wrote .*plan\.md: plan shropshire-2026-27, version 1/);
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
    expect(out).toContain('highlight report for 2026-Q3');
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('# Quarterly highlight report 2026-Q3: Q3 (Oct–Dec 2026)');
    expect(md).toContain('| 3: EHCP Timeliness | Annie Williams | 0 | 0 | 0 | 1 | 20 week timescale: 50% | No update |');
    expect(md).toContain('## Updates still missing');
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

  it.each([[[]], [['frobnicate']], [['feedback', '--format', 'md']], [['export', '--format', 'pdf']], [['report', '--quarter', 'Q3']]])('explains its usage for %j', async (args) => {
    const { code, out } = await run(...args);
    expect(code).toBe(2);
    expect(out).toMatch(/Usage|Unknown format|Unknown quarter/);
  });
});
