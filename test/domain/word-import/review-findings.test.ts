import AdmZip from 'adm-zip';
import { blankPlan } from '../../../src/domain/blank-plan';
import { demoPlan } from '../../../src/demo/demo-plan';
import { isDomainError } from '../../../src/domain/errors';
import type { Plan } from '../../../src/domain/plan.schema';
import type { WordBlock } from '../../../src/domain/word-import/word-blocks';
import { importWord } from '../../../src/domain/word-import/word-import';
import { readWordStructure } from '../../../src/export/docx/docx.structure';
import { compile, edited, exported, paragraph as P, read, table as T } from './word-files';

/**
 * What a reviewer proved the widened import got wrong (each failed on d5e1e1c): words moved or
 * lost while a section was said to be read, a figure misread, a rating nobody gave, and a small
 * file that took the bot's whole memory.
 */

describe('words typed in Teams that read back unchanged from the bot’s own export', () => {
  it.each<[string, (p: Plan) => void]>([
    ['a bold "Question 10: …" line inside Q9', (p) => (p.engagement.narrative = `${p.engagement.narrative}\n**Question 10: what parents asked us to change**\nParents asked for shorter waits.`)],
    ['a bold "Question 1: …" line in the executive summary', (p) => (p.executiveSummary.changeStory = `${p.executiveSummary.changeStory}\n**Question 1: our vision**\nWe will be ambitious.`)],
    ['paragraphs typed "1) ", "2. ", "• ", "– " and a figure "10. 000"', (p) => (p.executiveSummary.changeStory = 'Our story.\n1) We will open two hubs.\n2. Second point.\n• typed bullet\n– an aside\n10. 000 more hours were funded.\nThen more.')],
    ['a vision line typed "1) …" above the goals', (p) => (p.visionAndGoals.vision = `${p.visionAndGoals.vision}\n1) Children thrive in their local school.`)],
    ['two tables with the same headings and a sentence about continuing between them', (p) => (p.engagement.narrative = 'We met these groups.\n| Group | When |\n| Parent carers | monthly |\nMeetings continued through the summer holidays.\n| Group | When |\n| Young people | termly |\nThat is all.')],
    ['a table at the end of Q12 whose first row names Q13', (p) => (p.monitoring = { ...p.monitoring, assuranceAndFeedback: `${p.monitoring.assuranceAndFeedback ?? ''}\n| Reporting to DfE |\n| Our data team sends the quarterly returns. |` })],
  ])('%s', async (_, change) => {
    const plan = demoPlan();
    change(plan);
    const result = read(plan, await exported(plan));
    expect(result.changes).toEqual([]);
    expect(result.unplaced).toEqual([]);
  });

  it('a goal titled "Monitoring:" stays a goal when Q1 is edited in Word', async () => {
    const plan = demoPlan();
    plan.visionAndGoals.goals[1] = { ...plan.visionAndGoals.goals[1]!, title: 'Monitoring:', description: 'a shared dashboard for every partner by 2027' };
    const result = read(plan, edited(await exported(plan), 'able to achieve their potential', 'able to reach their potential'));
    expect(result.plan.visionAndGoals.goals.map((g) => g.title)).toEqual(plan.visionAndGoals.goals.map((g) => g.title));
  });

  it('a maturity summary leading into bullets keeps them when Q4 is edited in Word; they are not taken for documents', async () => {
    const plan = demoPlan();
    plan.maturityAssessment = { ...plan.maturityAssessment, summary: 'Our self-assessment found:\n- strong strategic leadership\n- weak data sharing' };
    const result = read(plan, edited(await exported(plan), 'Our self-assessment found:', 'Our own assessment found:'));
    expect(result.plan.maturityAssessment.summary).toBe('Our own assessment found:\n- strong strategic leadership\n- weak data sharing');
    expect(result.plan.maturityAssessment.documents).toEqual(plan.maturityAssessment.documents);
  });
});

describe('a partnership’s own file that must be refused or read plainly, not misread', () => {
  const open = (blocks: WordBlock[]) => importWord(blankPlan(), [P('Annex A: Local SEND Reform Plan', 'Heading1'), ...blocks], compile);
  const spendHead = (title: string) => [
    [title, 'Q2 (Jul-Sep 2026)', 'Q3 (Oct – Dec 2026)', 'Q4 (Jan-Mar 2027)'],
    ['', 'Transformation Funding', 'EAH funding', 'Transformation Funding', 'EAH funding', 'Transformation Funding', 'EAH funding'],
  ];
  const q6 = (rows: string[][]) => open([P('6. What will the local area partnership deliver in the first year?', 'Heading2'), T(rows)]);

  it('an amount written out in full ("£55,000") in a table headed "(£000)" refuses the table, never read as £55 million', () => {
    const result = q6([...spendHead('Projected Investment Spend per quarter (£000)'), ['PMO', '£55,000', '0', '27.5', '0', '27.5', '0']]);
    expect(result.changes.find((c) => c.section === 'deliveryPlan')).toMatchObject({ readable: false });
  });

  it('a "Total" column after the quarters is worked out, never kept as a note: a total that does not add up refuses the table', () => {
    const head = spendHead('Projected Investment Spend per quarter');
    const result = q6([[...head[0]!, 'Total'], [...head[1]!, ''], ['PMO', '£60,000', '£0', '£27,500', '£0', '£27,500', '£0', '£110,000']]);
    expect(result.changes.find((c) => c.section === 'deliveryPlan')).toMatchObject({ readable: false });
    expect(JSON.stringify(result.plan.deliveryPlan.spend)).not.toMatch(/Total:/);
  });

  it('goals a level under "Our four goals are:" are four goals, and the line above them is not one', () => {
    const line = (text: string, level: number): WordBlock => ({ kind: 'paragraph', text, style: null, listed: true, bold: [], ...(level ? { level } : {}) });
    const result = open([P('1. What the local area partnership is trying to achieve?', 'Heading2'), line('Our four goals are:', 0), ...['Included', 'Trusted', 'Timely', 'Sustainable'].map((g) => line(g, 1))]);
    expect(result.plan.visionAndGoals.goals.map((g) => g.description ?? g.title)).toEqual(['Included', 'Trusted', 'Timely', 'Sustainable']);
  });

  it('a governance table grouped by rows across it ("Strategic level") is left for Teams: the groups are no mechanisms', () => {
    const head = ['Governance Mechanism', 'Purpose/ Responsibilities', 'Membership', 'Meeting frequency', 'Decision rights', 'Escalation route'];
    const result = open([
      P('14. How will the local area partnership ensure delivery of plans remain on track?', 'Heading2'),
      T([head, ['Strategic level'], ['Partnership Board', 'Owns the plan', 'Leaders', 'Quarterly', 'All', 'Cabinet'], ['Delivery level'], ['Delivery Group', 'Runs it', 'Leads', 'Monthly', 'Within budget', 'Board']]),
    ]);
    expect(result.changes.find((c) => c.section === 'governance')).toMatchObject({ readable: false });
    expect(result.plan.governance.mechanisms.map((m) => m.name)).not.toContain('Strategic level');
  });

  it('rating cells left empty with a pale "to complete" shading give no rating', () => {
    const result = open([
      P('10. Risks and Mitigations', 'Heading2'),
      T([['Risk', 'Impact', 'Likelihood', 'RAG', 'Mitigation', 'Residual RAG'], ['EP recruitment falls short', 'High', 'Medium', '', 'Grow our own', '']], 'FFF2CC'),
    ]);
    expect(result.plan.risks.risks.map((r) => [r.rag, r.residualRag])).toEqual([[null, null]]);
  });

  it('a small file of tens of thousands of text boxes is refused before it is parsed, not left to fill the bot’s memory', async () => {
    const zip = new AdmZip(await exported(demoPlan()));
    const xml = zip.readAsText('word/document.xml');
    const box = '<w:p><w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r></w:p>';
    zip.updateFile('word/document.xml', Buffer.from(xml.replace('<w:body>', `<w:body>${box.repeat(40_000)}`), 'utf8'));
    let error: unknown;
    try {
      readWordStructure(zip.toBuffer(), 'many.docx');
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code).toBe('IMPORT.UNREADABLE');
  });
});
