import AdmZip from 'adm-zip';
import { demoPlan } from '../../../src/demo/demo-plan';
import type { Plan } from '../../../src/domain/plan.schema';
import { fingerprint } from '../../../src/export/fingerprint';
import { syntheticPlan } from '../../../bench/synthetic-plan';
import { blankPlan } from '../../../src/domain/blank-plan';
import { compile, edited, exported, read } from './word-files';


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
    ['the headline risks but one', (p: Plan): Plan => ({ ...p, risks: { ...p.risks, risks: p.risks.risks.slice(0, 1) } })],
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

  it('a heading retyped in the partnership’s own words: the template’s prompt under it still marks its question', () => {
    const result = read(plan, edited(file, '11. Dependencies', 'Things we rely on'));
    expect(result.changes).toEqual([]);
    expect(result.unplaced).toEqual([]);
  });

  it('a question whose heading and prompt were both deleted is left as it is, and said', () => {
    const result = read(plan, edited(edited(file, '11. Dependencies', 'Things we rely on'), 'Please detail the key areas', 'We list the key areas'));
    expect(result.unplaced.join('\n')).toMatch(/Q11 Dependencies: its heading is not in the file/);
  });

  it('a heading retyped with the same number and most of its words still marks its question', () => {
    const result = read(plan, edited(file, '9. System partner and stakeholder engagement, and co-production.', '9) System partner and stakeholder engagement and co-production'));
    expect(result.changes).toEqual([]);
  });

  it('into a blank Annex A, the whole plan comes in: every section read, and its export is the file’s text exactly', () => {
    const result = read(blankPlan(), file);
    expect(result.changes.filter((c) => !c.readable)).toEqual([]);
    expect(result.changes).toHaveLength(19);
    expect(result.unplaced).toEqual([]);
    expect(fingerprint(compile(result.plan))).toBe(fingerprint(compile(plan)));
    expect(read(result.plan, file).changes).toEqual([]);
    // The rows the file shows, with the ids the plan gives rows of their kind.
    expect(result.plan.deliveryPlan.workstreams.map((w) => [w.code, w.name])).toEqual(plan.deliveryPlan.workstreams.map((w) => [w.code, w.name]));
    expect(result.plan.deliveryPlan.fundingSources.map((s) => s.name)).toEqual(plan.deliveryPlan.fundingSources.map((s) => s.name));
    // The demo plan's roadmap has two rows for its first building block: the second is new.
    expect(result.plan.roadmap.rows.map((r) => r.id)).toEqual(['roadmap-inclusion-in-settings', 'roadmap-inclusion-in-settings-2', 'roadmap-specialist-support', 'roadmap-leadership-and-co-production', 'roadmap-inclusive-culture', 'roadmap-enablers']);
    // Documents still to come, named in the "Still to be provided" list, come back as what they are for.
    expect(result.plan.deliveryPlan.documents).toEqual([expect.objectContaining({ purpose: 'include our fully costed workforce plan once agreed', title: null, url: null })]);
  });

  it('the full risk log is not in the file: a blank plan takes the headline risks, and the rest are named', async () => {
    const withLog: Plan = { ...plan, risks: { ...plan.risks, risks: [...plan.risks.risks, { ...plan.risks.risks[0]!, id: 'log-only', description: 'A risk in the full log only', headline: false }] } };
    const result = read(blankPlan(), await exported(withLog));
    expect(result.changes.find((c) => c.section === 'risks')).toMatchObject({ readable: true });
    expect(result.unplaced).toEqual([expect.stringMatching(/^Q10 Risks: “A further 1 open risk is held in the partnership's full risk log\.” The full risk log is kept in Teams/)]);
  });

  /** The plan as a partner might make it in Word: rows added to every table that has them, documents with links. */
  const grown = (p: Plan): Plan => {
    const d = p.deliveryPlan;
    const ws = d.workstreams[1]!;
    return {
      ...p,
      threeYearPicture: { ...p.threeYearPicture, blueprint: p.threeYearPicture.blueprint.slice(0, -1), documents: [...p.threeYearPicture.documents, { id: 'x', purpose: 'Local offer', title: 'Local offer site', url: 'https://www.example.org/local-offer' }] },
      roadmap: { ...p.roadmap, rows: [...p.roadmap.rows, { ...p.roadmap.rows[0]!, id: 'extra', outcomes: ['A second outcome row'], year1: 'Start', year2: null, year3: 'Finish' }] },
      deliveryPlan: {
        ...d,
        workstreams: [...d.workstreams, { ...ws, id: 'ws-new', code: '9', name: 'School transport', buildingBlocks: ['specialist-support'], lead: 'Jordan Price', outcome: 'Shorter journeys.\nFewer taxis.' }],
        fundingSources: [...d.fundingSources, { id: 'dsg', name: 'High needs block' }],
        spend: [...d.spend, { id: 'spend-new', category: 'Travel training', amounts: { Q2: { dsg: 150_000 }, Q3: { dsg: null }, Q4: { dsg: 2_500_000 } } }],
      },
      maturityAssessment: { summary: 'Scored at a partnership workshop with 41 partners. Our ratings:\n| Domain | Our rating |\n| Workforce | Developing |', documents: [{ id: 'mat', purpose: 'Completed Local Partnership Maturity Assessment Tool', title: 'LPMAT Shropshire.xlsx', url: 'https://sharepoint.example.org/lpmat.xlsx' }] },
      supportingDocuments: { documents: [...p.supportingDocuments.documents, { id: 'y', purpose: 'JSNA', title: 'SEND JSNA 2025', url: 'https://www.example.org/jsna' }] },
    };
  };

  it('rows added in Word (a workstream, a funding source, a spend line, a roadmap row) and documents with links come back as they are', async () => {
    const target = grown(plan);
    const result = read(plan, await exported(target));
    expect(result.changes.filter((c) => !c.readable)).toEqual([]);
    expect(result.changes.map((c) => c.section)).toEqual(['threeYearPicture', 'maturityAssessment', 'roadmap', 'deliveryPlan', 'supportingDocuments']);
    expect(fingerprint(compile(result.plan))).toBe(fingerprint(compile(target)));
    const d = result.plan.deliveryPlan;
    expect(d.workstreams.map((w) => w.id).slice(0, -1)).toEqual(plan.deliveryPlan.workstreams.map((w) => w.id));
    expect(d.workstreams.at(-1)).toMatchObject({ id: 'workstream-9', code: '9', name: 'School transport', buildingBlocks: ['specialist-support'], outcome: 'Shorter journeys.\nFewer taxis.' });
    expect(d.fundingSources.at(-1)).toEqual({ id: 'high-needs-block', name: 'High needs block' });
    expect(d.spend.at(-1)).toMatchObject({ category: 'Travel training', amounts: { Q2: { 'high-needs-block': 150_000 }, Q4: { 'high-needs-block': 2_500_000 } } });
    // The awaited maturity tool now has its file: the same document, filled in.
    expect(result.plan.maturityAssessment.documents).toEqual([{ id: 'q4-maturity-assessment', purpose: 'Completed Local Partnership Maturity Assessment Tool', title: 'LPMAT Shropshire.xlsx', url: 'https://sharepoint.example.org/lpmat.xlsx' }]);
    expect(result.plan.maturityAssessment.summary).toBe(target.maturityAssessment.summary);
    expect(result.plan.supportingDocuments.documents.at(-1)).toMatchObject({ purpose: 'JSNA', title: 'SEND JSNA 2025', url: 'https://www.example.org/jsna' });
  });

  it('a workstream deleted in Word is not removed from the file (its updates and risks hang on it): the section is named for Teams', async () => {
    const fewer: Plan = { ...plan, deliveryPlan: { ...plan.deliveryPlan, workstreams: plan.deliveryPlan.workstreams.slice(1) } };
    const result = read(plan, await exported(fewer));
    expect(result.changes).toEqual([{ section: 'deliveryPlan', label: 'Q6 First-year delivery plan', readable: false, reason: expect.stringContaining('change it in Teams') }]);
  });
});
