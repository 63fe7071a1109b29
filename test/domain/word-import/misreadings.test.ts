import AdmZip from 'adm-zip';
import { blankPlan } from '../../../src/domain/blank-plan';
import { demoPlan } from '../../../src/demo/demo-plan';
import type { Plan } from '../../../src/domain/plan.schema';
import type { WordBlock } from '../../../src/domain/word-import/word-blocks';
import { importWord } from '../../../src/domain/word-import/word-import';
import { readWordStructure } from '../../../src/export/docx/docx.structure';
import { compile, exported, paragraph as P, table as T } from './word-files';

/**
 * Files a reviewer made to catch the importer taking words into the wrong place or losing them
 * while saying the section was read: each is now read right, or refused and named.
 */
const blocksOf = async (plan: Plan): Promise<WordBlock[]> => [...readWordStructure(await exported(plan), 'plan.docx')];
const at = (blocks: readonly WordBlock[], start: string) => blocks.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith(start));

describe('what the importer must not misread', () => {
  it('a table typed into a dependency’s text in Teams survives an edit elsewhere in Q11 made in Word', async () => {
    const plan = demoPlan();
    const first = plan.dependencies.items[0]!;
    const typed = { ...plan, dependencies: { ...plan.dependencies, items: [{ ...first, management: `${first.management}\n| Who | Review |\n| ICB | monthly |` }, ...plan.dependencies.items.slice(1)] } };
    const zip = new AdmZip(await exported(typed));
    const xml = zip.readAsText('word/document.xml');
    zip.updateFile('word/document.xml', Buffer.from(xml.replace('is dependent on wider reforms', 'depends on wider reforms'), 'utf8'));
    const result = importWord(typed, readWordStructure(zip.toBuffer(), 'plan.docx'), compile);
    expect(result.changes.map((c) => c.section)).toEqual(['dependencies']);
    expect(result.plan.dependencies.items[0]!.management).toMatch(/\n\| Who \| Review \|\n\| ICB \| monthly \|$/);
  });

  it('a risk table without headings whose first risk begins "We will …": refused, not taken without it', () => {
    const result = importWord(blankPlan(), [
      P('Annex A: Local SEND Reform Plan', 'Heading1'),
      P('10. Risks and Mitigations', 'Heading2'),
      T([
        ['We will not recruit enough EPs', 'High', 'High', 'Red', 'Agency cover', 'Amber'],
        ['Parent confidence falls', 'Medium', 'Medium', 'Amber', 'Termly forum', 'Green'],
      ]),
    ], compile);
    const risks = result.changes.find((c) => c.section === 'risks');
    if (risks?.readable) expect(result.plan.risks.risks.map((r) => r.description)).toContain('We will not recruit enough EPs');
    else expect(risks?.reason).toMatch(/change it in Teams$/);
  });

  it('a governance table without headings keeps its first mechanism', () => {
    const result = importWord(blankPlan(), [
      P('Annex A: Local SEND Reform Plan', 'Heading1'),
      P('14. How will the local area partnership ensure delivery of plans remain on track?', 'Heading2'),
      T([
        ['SRO', 'Accountable for delivery of the plan', 'n/a (individual)', 'Monthly', 'Decisions on delivery', 'SEND Partnership Board'],
        ['Delivery Group', 'Monitors progress of workstreams', 'SRO (chair), workstream leads, PCF', 'Fortnightly', 'Decisions within budget', 'SEND Partnership Board'],
      ]),
    ], compile);
    expect(result.plan.governance.mechanisms.map((m) => m.name)).toEqual(['SRO', 'Delivery Group']);
  });

  it('a bold sub-heading inside an answer that shares a later question’s words ("Risks and mitigations") opens nothing', async () => {
    const plan = demoPlan();
    const blocks = await blocksOf(plan);
    blocks.splice(at(blocks, '8. Other funding'), 0, P('Risks and mitigations', null, ['Risks and mitigations']), P('Our main delivery risk is recruiting educational psychologists.'));
    const result = importWord(plan, blocks, compile);
    expect(result.changes.map((c) => c.section)).toEqual(['deliveryCapacity']);
    expect(result.plan.deliveryCapacity.narrative).toMatch(/\nRisks and mitigations\nOur main delivery risk is recruiting educational psychologists\.$/);
  });

  it('a question found by its prompt alone, its heading missing: the line above stays with the answer before it', async () => {
    const plan = { ...demoPlan() };
    plan.engagement = { narrative: `${plan.engagement.narrative}\nContact: Jo Bloggs, Engagement Lead` };
    const blocks = await blocksOf(plan);
    blocks.splice(at(blocks, '10. Risks'), 1);
    const result = importWord(plan, blocks, compile);
    expect(result.changes).toEqual([]);
    expect(result.plan.engagement.narrative).toMatch(/\nContact: Jo Bloggs, Engagement Lead$/);
  });

  it('two governance tables with the same headings but words of theirs between: both heading rows are theirs to keep, so nothing is merged away', () => {
    const head = ['Governance Mechanism', 'Purpose/ Responsibilities', 'Membership', 'Meeting frequency', 'Decision rights', 'Escalation route'];
    const result = importWord(blankPlan(), [
      P('Annex A: Local SEND Reform Plan', 'Heading1'),
      P('14. How will the local area partnership ensure delivery of plans remain on track?', 'Heading2'),
      T([head, ['SRO', 'Accountable for the plan', 'n/a', 'Monthly', 'Delivery', 'Board']]),
      P('Groups that report to the SRO:'),
      T([head, ['Delivery Group', 'Monitors workstreams', 'Leads', 'Fortnightly', 'Within budget', 'SRO']]),
    ], compile);
    const governance = result.changes.find((c) => c.section === 'governance');
    if (governance?.readable) expect(result.plan.governance.mechanisms.map((m) => m.name)).toEqual(['SRO', 'Delivery Group']);
    else expect(governance?.reason).toMatch(/change it in Teams$/);
    expect(result.plan.governance.mechanisms.map((m) => m.name)).not.toContain('Governance Mechanism');
  });

  it('a table whose first row is a number and words that are not a question is an answer’s table, not a question box', () => {
    const result = importWord(blankPlan(), [
      P('Annex A: Local SEND Reform Plan', 'Heading1'),
      P('12. How will the local area partnership know delivery is on track?', 'Heading2'),
      T([['1', 'Monthly dashboard to the Board'], ['2', 'Termly deep dive with parents']]),
    ], compile);
    expect(result.unplaced.join('\n')).not.toMatch(/Monthly dashboard/);
    expect(result.changes.map((c) => c.section)).toEqual(['monitoring']);
    expect(result.plan.monitoring.approach).toMatch(/Monthly dashboard to the Board/);
  });

  it('a paragraph numbered by hand ("1)<tab>…") is a list item, its number kept in its words; a figure such as "2.5 million" or "10. 000" is not a number', () => {
    const result = importWord(blankPlan(), [
      P('Annex A: Local SEND Reform Plan', 'Heading1'),
      P('15. How can we help you?', 'Heading2'),
      P('1)\tA multi-year settlement.'),
      P('2.5 million pounds more for therapies.'),
      P('10. 000 more hours of therapy.'),
    ], compile);
    expect(result.plan.centralGovernmentSupport.asks).toEqual(['1)\tA multi-year settlement.', '2.5 million pounds more for therapies.', '10. 000 more hours of therapy.']);
  });
});
