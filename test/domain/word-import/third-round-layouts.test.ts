import { deliveryColumnOf, wideDeliveryPlan, wideSpend } from '../../../src/domain/word-import/delivery-layouts';
import type { WordBlock } from '../../../src/domain/word-import/word-blocks';
import { importedBlind, table, taken } from './word-files';

/**
 * The third blind round's layouts (calderwick, a Google Docs download; ambleford, python-docx with
 * Word's own features), read into the plan. Each was missed before this reading was written.
 */

describe('a Google Docs download: no heading styles, a row per quarter, a row per funding source', () => {
  const calderwick = importedBlind('calderwick.docx');

  it('Q6 with a row per quarter under each workstream (outline and lead merged down): a workstream each, its quarters in their columns', () => {
    const d = calderwick.plan.deliveryPlan;
    expect(taken(calderwick, 'deliveryPlan')).toMatchObject({ readable: true, relaid: true });
    expect(d.workstreams.map((w) => `${w.code}: ${w.name}`)).toEqual(['1: Neighbourhood Inclusion Teams (Experts at Hand)', '2: Calderwick Inclusion Standard', '3: Timely EHC needs assessments', '4: Local places and inclusion bases']);
    expect(d.workstreams[2]!.quarters.Q3.milestones[0]!.text).toMatch(/^Backlog of 164 cases over 20 weeks cleared/);
    expect(d.workstreams[2]!.quarters.Q4.trajectory.text).toBe('20 week timeliness: 60%');
  });

  it('the spend table with a row per funding source and pounds without their sign: a line per category, each source in its quarter', () => {
    const d = calderwick.plan.deliveryPlan;
    expect(d.fundingSources.map((s) => s.name)).toEqual(['Transformation Funding', 'EAH funding']);
    expect(d.spend).toHaveLength(4);
    const teams = d.spend[1]!;
    expect(teams.amounts.Q2).toEqual({ [d.fundingSources[0]!.id]: 0, [d.fundingSources[1]!.id]: 15_000_000 });
    expect(teams.amounts.Q4[d.fundingSources[1]!.id]).toBe(52_000_000);
  });

  it('Q10 scored in numbers: the RAG is Annex C’s colour for the score, the residual score kept under the mitigation', () => {
    const risks = calderwick.plan.risks.risks;
    expect(risks).toHaveLength(5);
    expect(risks[0]).toMatchObject({ impact: '4', likelihood: '4', rag: 'Red', residualRag: 'Amber' });
    expect(risks[0]!.mitigation).toMatch(/\nResidual score: 9$/);
  });

  it('Q11 without a table: each area a bold line over its paragraph, even one in the prompt’s own words', () => {
    const areas = calderwick.plan.dependencies.items.map((d) => d.area);
    expect(areas).toHaveLength(5);
    expect(areas).toContain('Curriculum and Assessment Review');
    expect(calderwick.plan.dependencies.approach).toMatch(/^We keep one dependency log/);
  });

  it('Q1’s goals as a numbered list, each with a "What we will track" item under it: three goals, each keeping its line', () => {
    const goals = calderwick.plan.visionAndGoals.goals;
    expect(goals).toHaveLength(3);
    expect(goals[0]!.title).toBe('Children do well close to home.');
    expect(goals[0]!.description).toMatch(/\nWhat we will track: attendance/);
  });

  it('Q14 split over two tables by a page break, the headings repeated: six mechanisms, no heading row among them', () => {
    const names = calderwick.plan.governance.mechanisms.map((m) => m.name);
    expect(names).toHaveLength(6);
    expect(names.some((n) => /^Governance Mechanism/.test(n ?? ''))).toBe(false);
  });

  it('Annex B with a "Web address" column: kept with each document’s name, under its heading; a dash is no address', () => {
    const docs = calderwick.plan.supportingDocuments.documents;
    expect(docs).toHaveLength(15);
    expect(docs[0]!.title).toBe('Every Child Achieving and Thriving (Web address: www.gov.uk/government/publications/every-child-achieving-and-thriving)');
    expect(docs.find((d) => d.purpose === 'Local Inclusion Partnership Grant 2026-27')!.title).toBe('To be published Spring 2026');
  });

  it('signatories dated by month alone ("June 2026"): no day the plan can keep as a date, so kept in words with the signature', () => {
    expect(taken(calderwick, 'signatories')).toMatchObject({ readable: true });
    expect(calderwick.plan.signatories[0]).toMatchObject({ signature: 'Agreed by email\nDate: June 2026', signedOn: null });
  });
});

describe('Word’s own features: question boxes, content controls, a table of contents, a table carried over a page', () => {
  const ambleford = importedBlind('ambleford.docx');

  it('questions set in boxes (number and question in a table, the prompt under them) open their sections', () => {
    expect(ambleford.unplaced.filter((u) => /heading is not in the file/.test(u))).toEqual([]);
    expect(ambleford.plan.centralGovernmentSupport.asks).toContain('Help to grow the EP workforce in the south west, including more training places.');
    expect(ambleford.plan.dependencies.items).toHaveLength(7);
  });

  it('a table of contents cuts nothing and is not named as words left over', () => {
    expect(ambleford.unplaced.join('\n')).not.toMatch(/Signatories\t|Executive Summary\s+\d/);
  });

  it('signatories’ dates from date pickers ("Monday, 15 June 2026"); a picker still showing its prompt is no date', () => {
    const s = ambleford.plan.signatories;
    expect(s.map((x) => x.signedOn)).toEqual(['2026-06-15', '2026-06-16', '2026-06-12', '2026-06-16', '2026-06-12', '2026-06-17', null]);
    expect(s[6]).toMatchObject({ name: 'Fiona McTaggart', signature: null });
  });

  it('Q2’s "Success measures" cell merged down over a row per measure: each measure with its baseline and target', () => {
    const m = ambleford.plan.threeYearPicture.successMeasures;
    expect(m).toHaveLength(4);
    expect(m[3]).toMatchObject({ name: 'Parents confident (APCF survey)', baseline: '31%', target: '55% by 2029' });
  });

  it('Q6 continued over a page with its two heading rows repeated, and amounts written "£65k", "£0.3m", "nil"', () => {
    const d = ambleford.plan.deliveryPlan;
    expect(taken(ambleford, 'deliveryPlan')).toMatchObject({ readable: true });
    expect(d.workstreams).toHaveLength(5);
    const [transformation, eah] = d.fundingSources.map((s) => s.id);
    expect(d.spend[0]!.amounts.Q2).toEqual({ [transformation!]: 6_500_000, [eah!]: 0 });
    expect(d.spend[1]!.amounts.Q3[eah!]).toBe(55_000_000);
    expect(d.overview).toMatch(/\*\*Projected investment spend 2026-27\*\*/);
  });

  it('Q10’s RAG cells coloured and left empty: each rating read from its fill', () => {
    const risks = ambleford.plan.risks.risks.map((r) => [r.impact, r.likelihood, r.rag, r.residualRag]);
    expect(risks).toEqual([
      ['Critical', 'Likely', 'Red', 'Amber'],
      ['Critical', 'Possible', 'Amber', 'Amber'],
      ['Moderate', 'Likely', 'Amber', 'Green'],
      ['Moderate', 'Possible', 'Amber', 'Green'],
    ]);
  });

  it('Q4’s words about the tool, and its table of ratings, are the assessment’s summary, not documents', () => {
    const m = ambleford.plan.maturityAssessment;
    expect(m.summary).toMatch(/^The completed tool is attached as Appendix 2/);
    expect(m.summary).toMatch(/\n\| Workforce \| Developing \|\n/);
    expect(m.documents.map((d) => d.title)).toEqual([]);
  });

  it('Q11’s table headed "Reform or dependency": a dependency a row, the first column’s heading not taken for one', () => {
    const items = ambleford.plan.dependencies.items;
    expect(items).toHaveLength(7);
    expect(items.map((d) => d.area)).not.toContain('Reform or dependency');
  });
});

const rowsOf = (block: WordBlock) => (block.kind === 'table' ? block.rows.map((r) => r.map((c) => c.text)) : []);

describe('Q6 laid out a partnership’s way, turned into the template’s rows', () => {
  it.each([
    ['Jul–Sep', 0],
    ['Q3 (Oct – Dec 2026)', 1],
    ['Jan-Mar', 2],
    ['Apr–Jun', -1],
    ['Quarter', -1],
  ])('%j is delivery column %i', (cell, column) => {
    expect(deliveryColumnOf(cell)).toBe(column);
  });

  it('a row per quarter: a quarter named twice for one workstream is not guessed at', () => {
    const rows = rowsOf(table([['Workstream outline', 'Responsible lead', 'Quarter', 'Milestones', 'Target trajectory'], ['WS1 A', 'Ann', 'Jul–Sep', 'm1', 't1'], ['', '', 'Jul–Sep', 'm2', 't2']]));
    expect(wideDeliveryPlan(rows)).toEqual(rows);
  });

  it('a table per workstream: the labels down the side become the outline cell, the quarters their columns', () => {
    const rows = rowsOf(
      table([
        ['Workstream 1 – Places close to home'],
        ['Building blocks', 'Access to specialist support and local placements'],
        ['Outcome', 'Shorter journeys.'],
        ['Success measures', 'Journey time.'],
        ['Responsible lead', 'Jon Ashdown'],
        ['', 'Q2 (Jul-Sep 2026)', 'Q3 (Oct – Dec 2026)', 'Q4 (Jan-Mar 2027)'],
        ['Milestones', 'a', 'b', 'c'],
        ['Target trajectory', '1', '2', '3'],
      ]),
    );
    expect(wideDeliveryPlan(rows).slice(2)).toEqual([
      ['Workstream 1: Places close to home\nBuilding blocks: Access to specialist support and local placements\nOutcome: Shorter journeys.\nSuccess measures: Journey time.', 'Jon Ashdown', 'a', '1', 'b', '2', 'c', '3'],
    ]);
  });

  it('a label a workstream table does not know leaves the table as it is, for the import to refuse and name', () => {
    const rows = rowsOf(table([['Workstream 1 – A'], ['Budget', '£5k']]));
    expect(wideDeliveryPlan(rows)).toEqual(rows);
  });

  it('a spend table with a row per funding source: a line per category, a column per quarter and source', () => {
    const rows = rowsOf(table([['Projected Investment Spend per quarter (£)', 'Funding source', 'Jul–Sep', 'Oct–Dec', 'Jan–Mar'], ['PMO', 'Transformation Funding', '1', '2', '3'], ['', 'EAH funding', '4', '5', '6']]));
    expect(wideSpend(rows).slice(1)).toEqual([
      ['', 'Transformation Funding', 'EAH funding', 'Transformation Funding', 'EAH funding', 'Transformation Funding', 'EAH funding'],
      ['PMO', '1', '4', '2', '5', '3', '6'],
    ]);
  });

  it('a "Comments" column after the quarters stays with its category, under its heading', () => {
    const rows = rowsOf(table([['Projected Investment Spend per quarter', 'Q2', 'Q3', 'Q4', 'Comments'], ['', 'A', 'A', 'A', ''], ['PMO', '1', '2', '3', 'Fixed term']]));
    expect(wideSpend(rows)).toEqual([['Projected Investment Spend per quarter', 'Q2', 'Q3', 'Q4'], ['', 'A', 'A', 'A'], ['PMO (Comments: Fixed term)', '1', '2', '3']]);
  });
});
