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
    ['Q1 Vision and goals', 'able to achieve their potential', 'able to reach their potential', 'visionAndGoals'],
    ['Q1 Vision and goals', 'will be aligned with the Shropshire Outcomes Framework', 'will follow the Shropshire Outcomes Framework', 'visionAndGoals'],
    ['Q8 Other funding', 'to help manage rising demand', 'to help meet rising demand', 'otherFunding'],
    ['Q8 Other funding', '£1,165,244</w:t>', '£1,200,000</w:t>', 'otherFunding'],
    ['Q10 Risks', 'co-produced OAIP materials and training', 'co-produced OAIP materials, training', 'risks'],
    ['Q11 Dependencies', 'is dependent on wider reforms', 'depends on wider reforms', 'dependencies'],
    ['Q11 Dependencies', 'agree a joint workforce plan with the ICB', 'agree one workforce plan with the ICB', 'dependencies'],
    ['Q6 First-year delivery plan', 'Confirm EAHO and APST operating model', 'Agree EAHO and APST operating model', 'deliveryPlan'],
    ['Q14 Governance', 'Strategic Partnership Board driving ambitious', 'Strategic Board driving ambitious', 'governance'],
    ['Q3 Theory of change', 'Clear partnership governance, leadership and delivery', 'Clear partnership governance and delivery', 'theoryOfChange'],
    ['Q5 Three-year roadmap', 'OAP expectations are embedded consistently', 'OAP expectations are embedded evenly', 'roadmap'],
    ['Q2 Three-year picture', 'Inclusion in Shropshire is improving but remains uneven', 'Inclusion in Shropshire is improving but is uneven', 'threeYearPicture'],
    ['Signatories', 'Simon Whitehouse', 'Simon J Whitehouse', 'signatories'],
    ['Q12 Monitoring', 'a coherent performance management framework', 'one performance management framework', 'monitoring'],
    ['Q12 Monitoring', 'rate of new EHCPs issued', 'rate of new EHCPs agreed', 'monitoring'],
  ] as const)('one changed sentence in %s changes that section alone, read back exactly', (label, from, to, key) => {
    const result = read(plan, edited(file, from, to));
    expect(result.changes).toEqual([{ section: key, label, readable: true }]);
    const again = read(result.plan, edited(file, from, to));
    expect(again.changes).toEqual([]);
    expect(JSON.stringify(result.plan[key])).toContain(to.replace('</w:t>', '').replace('£1,200,000', '120000000'));
  });

  it('a spend figure whose total was not changed with it is named as changed, and left for Teams', () => {
    const result = read(plan, edited(file, '£16,250</w:t>', '£16,000</w:t>'));
    expect(result.changes).toEqual([{ section: 'deliveryPlan', label: 'Q6 First-year delivery plan', readable: false, reason: expect.stringContaining('change it in Teams') }]);
    expect(result.plan).toEqual(plan);
  });

  it('a new row in the governance table becomes a new mechanism, the others keeping their ids', () => {
    const row = '<w:tr><w:tc><w:p><w:r><w:t>New group</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Purpose</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const xml = new AdmZip(file).readAsText('word/document.xml');
    const governanceTable = xml.indexOf('</w:tbl>', xml.indexOf('Strategic Partnership Board driving ambitious'));
    const zip = new AdmZip(file);
    zip.updateFile('word/document.xml', Buffer.from(xml.slice(0, governanceTable) + row + xml.slice(governanceTable + '</w:tbl>'.length), 'utf8'));
    const result = read(plan, zip.toBuffer());
    expect(result.changes).toEqual([{ section: 'governance', label: 'Q14 Governance', readable: true }]);
    const mechanisms = result.plan.governance.mechanisms;
    expect(mechanisms.slice(0, -1).map((m) => m.id)).toEqual(plan.governance.mechanisms.map((m) => m.id));
    expect(mechanisms.at(-1)).toMatchObject({ id: 'new-group', name: 'New group', purpose: 'Purpose', membership: null });
  });

  it('a signatory’s e-mail that is not one is named, and not taken', () => {
    const result = read(plan, edited(file, 'Tanya Miles</w:t>', 'Tanya Miles</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t></w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>not-an-email'));
    expect(result.changes).toEqual([{ section: 'signatories', label: 'Signatories', readable: false, reason: expect.stringMatching(/email/i) }]);
  });

  it.each([
    ['the signatories', (p: Plan): Plan => ({ ...p, signatories: [] })],
    ['the dependencies', (p: Plan): Plan => ({ ...p, dependencies: { ...p.dependencies, items: [] } })],
    ['the headline risks but one', (p: Plan): Plan => ({ ...p, risks: { risks: p.risks.risks.slice(0, 1) } })],
  ])('into a plan that lacks %s, the file adds them: its export is then the file’s text exactly', (_what, strip) => {
    const result = read(strip(plan), file);
    expect(result.changes.every((c) => c.readable)).toBe(true);
    expect(fingerprint(compile(result.plan))).toBe(fingerprint(compile(plan)));
  });

  it('a dependency added under its own sub-heading in Word is a new dependency', () => {
    const xml = new AdmZip(file).readAsText('word/document.xml');
    // Just before the part title that follows Q11.
    const at = xml.lastIndexOf('<w:p>', xml.indexOf('Section 3 – Monitoring and Evaluation'));
    const added = '<w:p><w:pPr><w:pStyle w:val="Heading 4"/></w:pPr><w:r><w:t>School transport contract</w:t></w:r></w:p><w:p><w:r><w:t>We will agree it with the ICB.</w:t></w:r></w:p>';
    const zip = new AdmZip(file);
    zip.updateFile('word/document.xml', Buffer.from(xml.slice(0, at) + added + xml.slice(at), 'utf8'));
    const result = read(plan, zip.toBuffer());
    expect(result.changes).toEqual([{ section: 'dependencies', label: 'Q11 Dependencies', readable: true }]);
    expect(result.plan.dependencies.items.find((d) => d.area === 'School transport contract')).toMatchObject({ id: 'school-transport-contract', management: 'We will agree it with the ICB.', status: 'open' });
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
