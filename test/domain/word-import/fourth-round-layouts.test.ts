import { importedBlind, taken } from './word-files';

/**
 * The fourth blind round's layouts (kestlemere, a Word 365 copy mid-review; tarnside, a council's
 * own corporate template), read into the plan. Each was missed before this reading was written.
 */

describe('a copy still under review: tracked changes, comments, text boxes, nested tables', () => {
  const kestlemere = importedBlind('kestlemere.docx');

  it('tracked changes read as they would be accepted: an insertion kept, a deletion and a deleted row left out, a moved paragraph read once', () => {
    expect(kestlemere.plan.header.sroName).toBe('Helen Stavrou-Clarke, Director of Education and Inclusion');
    expect(kestlemere.plan.risks.risks.filter((r) => r.status === 'open')).toHaveLength(5);
    const monitoring = JSON.stringify(kestlemere.plan.monitoring);
    expect(monitoring.match(/such as requests to the hubs/g)).toHaveLength(1);
  });

  it('a text box of figures anchored in the executive summary is read with it', () => {
    expect(kestlemere.plan.executiveSummary.changeStory).toMatch(/Independent special school placements: 212 now, 160 by 2029/);
  });

  it('Q6 with each workstream’s quarters in a table inside its row, and spend in thousands ("48.0" under "(£000)")', () => {
    const d = kestlemere.plan.deliveryPlan;
    expect(taken(kestlemere, 'deliveryPlan')).toMatchObject({ readable: true, relaid: true });
    expect(d.workstreams.map((w) => w.code)).toEqual(['1', '2', '3', '4']);
    expect(d.workstreams[0]!.quarters.Q3.milestones.map((m) => m.text)).toEqual(['Kestlemere town and Saltcote hubs open on 5 October 2026']);
    const [transformation] = d.fundingSources.map((s) => s.id);
    expect(d.spend[0]!.amounts.Q2[transformation!]).toBe(4_800_000);
    expect(d.spend.map((s) => s.category)).toContain('Data: SEND dashboard build and analyst time');
  });

  it('Q10 written "Critical (4)", "Red – 16", "Amber – 9": the score worked out again, the residual kept under the mitigation', () => {
    const [first] = kestlemere.plan.risks.risks;
    expect(first).toMatchObject({ impact: 'Critical (4)', likelihood: 'Likely (4)', rag: 'Red', residualRag: 'Amber' });
    expect(first!.mitigation).toMatch(/\nResidual score: 9$/);
  });

  it('Q11 as a numbered list, each area its item’s bold lead-in, an "Owner:" item under it kept with it', () => {
    const items = kestlemere.plan.dependencies.items;
    expect(items.map((d) => d.area)).toEqual(['NHS reforms and the ICB cluster merger', 'Local government reorganisation', "Children's social care reform and Family Help", 'Best Start in Life and the Family Hubs', 'Curriculum and Assessment Review', 'Schools White Paper and school groups']);
    expect(items[0]!.management).toMatch(/^the ICB will merge with its neighbour in April 2027\..*\n- Owner: Sunita Corrigan$/s);
  });

  it('Q1’s goals as headings ("Goal A – …"), each with its words and measures under it', () => {
    const goals = kestlemere.plan.visionAndGoals.goals;
    expect(goals.map((g) => g.title)).toEqual(['Goal A – Children learn and thrive in their local school or setting', 'Goal B – Families trust the system and know where to turn', 'Goal C – Every pound in high needs works harder']);
    expect(goals[0]!.description).toMatch(/\n\*\*Measures:\*\*\n- children with an EHCP educated in mainstream/);
  });
});

describe('a council’s own template: its heading styles, content controls, shapes, tables pasted from Excel', () => {
  const tarnside = importedBlind('tarnside.docx');

  it('questions in the council’s own heading style, three of them reworded, each open their section; the annex titled in its own case too', () => {
    expect(tarnside.unplaced.filter((u) => /heading is not in the file/.test(u))).toEqual([]);
    expect(tarnside.plan.otherFunding.blockTransfer.narrative).toMatch(/transfer 0\.5% of the Schools Block to the High Needs Block/);
  });

  it('front-page facts in a table of content controls; its other rows ("Plan version") named with the cover, not taken for facts', () => {
    expect(tarnside.plan.header).toMatchObject({ localAuthority: 'Tarnside County Council', sroName: 'Nadia Rahimi-Burke, Assistant Director for SEND and Inclusion' });
    expect(taken(tarnside, 'header')).toMatchObject({ readable: true });
  });

  it('the theory of change drawn with shapes: its boxes’ words read as the bands typed out', () => {
    const t = tarnside.plan.theoryOfChange;
    expect(t.vision).toBe('Every child and young person with SEND learns in their own community, is welcomed there and leaves ready for adult life.');
    expect([t.inputs, t.activities, t.outputs, t.outcomes].every((band) => band.length > 0)).toBe(true);
  });

  it('Q6 with each workstream’s title in a shaded row of its own, and spend pasted from Excel ("£ 62,500.00", "£ -")', () => {
    const d = tarnside.plan.deliveryPlan;
    expect(taken(tarnside, 'deliveryPlan')).toMatchObject({ readable: true });
    expect(d.workstreams.map((w) => w.name)).toEqual(['Locality SEND Support Teams (Experts at Hand Offer)', 'Early years and transition', 'Statutory assessment recovery', 'Places closer to home']);
    expect(d.spend).toHaveLength(5);
    expect(d.spend[0]!.amounts.Q3).toEqual({ [d.fundingSources[0]!.id]: 6_250_000, [d.fundingSources[1]!.id]: 0 });
  });

  it('goals numbered by the list ("Goal 1:" only in Word’s numbering), each with its "We will track" items under it', () => {
    const goals = tarnside.plan.visionAndGoals.goals;
    expect(goals).toHaveLength(4);
    expect(goals[0]!.description).toMatch(/\nWe will track pupils with an EHCP in mainstream schools: 37% to 44%\n/);
  });

  it('signatories with an "Organisation" column the plan has no place for: kept with each signature under its heading, never misread as e-mail addresses', () => {
    expect(taken(tarnside, 'signatories')).toMatchObject({ readable: true });
    expect(tarnside.plan.signatories[1]).toMatchObject({ name: 'Professor Yvonne Adeyemi', email: 'lt.icb.ceo@nhs.net', signature: 'Signed electronically\nOrganisation: NHS Lowfell and Tarnside ICB', signedOn: '2026-06-17' });
  });
});
