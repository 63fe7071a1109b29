import AdmZip from 'adm-zip';
import { demoPlan } from '../../../src/demo/demo-plan';
import { countFeedback } from '../../../src/domain/feedback.schema';
import { compileAnnexA } from '../../../src/domain/plan.compile';
import type { Plan } from '../../../src/domain/plan.schema';
import { importWord } from '../../../src/domain/word-import/word-import';
import { renderDocx } from '../../../src/export/docx/docx.renderer';
import { readWordStructure } from '../../../src/export/docx/docx.structure';
import { fingerprint } from '../../../src/export/fingerprint';
import { syntheticPlan } from '../../../bench/synthetic-plan';

const compile = (plan: Plan) => compileAnnexA(plan, { coProduction: { items: [], counts: countFeedback([]) } });
const exported = (plan: Plan) => renderDocx(compile(plan), { provenance: { planId: 'p', version: 1, hash: fingerprint(compile(plan)) } });

/** The exported file with one piece of its text changed, as a partner would in Word. */
const edited = (file: Buffer, from: string, to: string): Buffer => {
  const zip = new AdmZip(file);
  const xml = zip.readAsText('word/document.xml');
  if (!xml.includes(from)) throw new Error(`"${from}" is not in the file`);
  zip.updateFile('word/document.xml', Buffer.from(xml.replace(from, to), 'utf8'));
  return zip.toBuffer();
};

const read = (plan: Plan, file: Buffer) => importWord(plan, readWordStructure(file, 'plan.docx'), compile);

describe('a Word plan read back into the plan', () => {
  const plan = demoPlan();
  let file: Buffer;
  beforeAll(async () => {
    file = await exported(plan);
  });

  it('the bot’s own export changes nothing', () => {
    const result = read(plan, file);
    expect(result.changes).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(fingerprint(compile(result.plan))).toBe(fingerprint(compile(plan)));
  });

  it('a plan ten times the size changes nothing either', async () => {
    const big = syntheticPlan(10);
    expect(read(big, await exported(big)).changes).toEqual([]);
  });

  it.each([
    ['Q9 Engagement and co-production', 'has adopted a collaborative and transparent approach', 'has adopted an open approach', 'engagement'],
    ['Executive summary', 'serves a large rural county', 'serves a large, rural county', 'executiveSummary'],
    ['Q7 Delivering the first year', 'as one partnership programme', 'as a single partnership programme', 'deliveryCapacity'],
    ['Q15 Central government support', 'to understand that funding calculations', 'to see that funding calculations', 'centralGovernmentSupport'],
    ['Partnership and SRO', 'Natasha Moody', 'Natasha Moody-Jones', 'header'],
  ] as const)('one changed sentence in %s changes that section alone, read back exactly', (label, from, to, key) => {
    const result = read(plan, edited(file, from, to));
    expect(result.changes).toEqual([{ section: key, label, readable: true }]);
    const again = read(result.plan, edited(file, from, to));
    expect(again.changes).toEqual([]);
    expect(JSON.stringify(result.plan[key])).toContain(to);
  });

  it('a changed table cell is named as changed, and left for Teams until tables are read back', () => {
    const result = read(plan, edited(file, 'Strategic Partnership Board driving ambitious', 'Strategic Board driving ambitious'));
    expect(result.changes).toEqual([{ section: 'governance', label: 'Q14 Governance', readable: false, reason: expect.stringContaining('change it in Teams') }]);
    expect(result.plan).toEqual(plan);
  });

  it('a question whose heading was deleted is left as it is, and said', () => {
    const result = read(plan, edited(file, '11. Dependencies', 'Things we rely on'));
    expect(result.unplaced.join('\n')).toMatch(/Q11 Dependencies: its heading is not in the file/);
  });

  it('a heading retyped with the same number and most of its words still marks its question', () => {
    const result = read(plan, edited(file, '9. System partner and stakeholder engagement, and co-production.', '9) System partner and stakeholder engagement and co-production'));
    expect(result.changes).toEqual([]);
  });
});
