import { importedBlind, taken } from './word-files';

/**
 * The seventh blind round's layouts (ashcombe, a borough's plan written in Word by several
 * officers, each with their own habits; wrenfield, drafted in Google Docs, was read in full at its
 * first scoring), read into the plan. Each was missed before this reading was written.
 */

describe('signatories with a sentence beside the table, or their columns in another order', () => {
  it.each([
    ['kestlemere.docx', /^Signatories: a line beside the table, which the plan does not keep, starting "Signed copies held by the Programme Office/],
    ['stourleigh.docx', /^Signatories: a line beside the table, which the plan does not keep, starting "The plan was agreed at the SEND and Inclusion/],
  ])('%s: the table is read and the sentence named for the SRO, not dropped', (file, named) => {
    const result = importedBlind(file);
    expect(taken(result, 'signatories')).toMatchObject({ readable: true });
    expect(result.unplaced.filter((u) => u.startsWith('Signatories'))).toEqual([expect.stringMatching(named)]);
  });

  it('"Name | Role | Email contact | Signature | Date": each column by its heading', () => {
    expect(importedBlind('stourleigh.docx').plan.signatories[3]).toMatchObject({ role: 'icb-place-director', name: 'Lucy Atherstone-Ward', email: 'lucy.atherstone-ward@nhs.net', signature: '✓', signedOn: '2026-06-15' });
  });
});

describe('a plan written by several officers, each in their own way', () => {
  const ashcombe = importedBlind('ashcombe.docx');

  it('signatories dated in six ways ("15/06/2026", "12.06.26", "16-Jun-26", "17th June 2026"), and a principal named but not yet signed', () => {
    expect(taken(ashcombe, 'signatories')).toMatchObject({ readable: true });
    expect(ashcombe.plan.signatories.map((s) => s.signedOn)).toEqual(['2026-06-15', '2026-06-16', '2026-06-12', '2026-06-16', '2026-06-17', '2026-06-15', null]);
  });

  it('Q1: the vision in a box of its own, then the goals in a table headed "Goal | What we want to see by 2029 | How we will measure it"', () => {
    expect(taken(ashcombe, 'visionAndGoals')).toMatchObject({ readable: true });
    expect(ashcombe.plan.visionAndGoals.goals.map((g) => g.title)).toEqual(['1. Children achieve and belong locally', '2. Families have confidence in the system', '3. A sustainable high needs budget']);
    expect(ashcombe.plan.visionAndGoals.vision).toMatch(/belong, learn and succeed in their own community/);
  });

  it('Q2: a table of the core minimum requirements met, added above the blueprint, is kept in the answer’s words; the blueprint is still read', () => {
    const t = ashcombe.plan.threeYearPicture;
    expect(taken(ashcombe, 'threeYearPicture')).toMatchObject({ readable: true });
    expect(t.narrative).toContain('| Experts at Hand offer | 11 | 2 | 7 | 2 |');
    expect(t.blueprint[0]!.whereWeAre).toMatch(/Three township headteacher partnerships exist/);
  });

  it('Q2: "Baseline (2025): a 62%; b 41%" in the success measures row is a measure each, the year with each', () => {
    expect(ashcombe.plan.threeYearPicture.successMeasures.map((m) => `${m.baseline} → ${m.target}`)).toEqual([
      '20-week timeliness 62% (2025) → 20-week timeliness 75% (2029)',
      'EHCPs in mainstream 41% (2025) → EHCPs in mainstream 50% (2029)',
      'independent placements 198 (2025) → independent placements 150 (2029)',
      'long-term AP 240 (2025) → long-term AP 140 (2029)',
    ]);
  });

  it('Q6: each workstream a heading, labelled paragraphs and its own small table (a row per quarter, one with a "Due" column, one turned on its side)', () => {
    const ws = ashcombe.plan.deliveryPlan.workstreams;
    expect(taken(ashcombe, 'deliveryPlan')).toMatchObject({ readable: true });
    expect(ws.map((w) => w.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(ws[0]).toMatchObject({ name: 'Inclusion Hubs and the Experts at Hand offer', buildingBlocks: ['specialist-support', 'inclusion-in-settings'] });
    expect(ws[0]!.lead).toMatch(/^Dr Ruairi Denholm/);
    expect(ws[0]!.quarters.Q3.trajectory.text).toBe('Settings linked to a hub: 65%');
    expect(ws[2]!.quarters.Q2.milestones.map((m) => m.text)).toEqual(['Annual review backlog triaged', 'Due: 31 Aug 2026']);
    expect(ws[4]!.quarters.Q4.milestones.map((m) => m.text)).toEqual(['You said, we did report published']);
  });

  it('Q6: spend amounts in seven notations in one table ("£55k", "55,000", "nil", "-", "£0.26m", "£125,000.00")', () => {
    const lines = ashcombe.plan.deliveryPlan.spend;
    expect(lines).toHaveLength(6);
    expect(Object.values(lines[0]!.amounts.Q3)).toEqual([5_500_000, 0]);
    expect(Object.values(lines[1]!.amounts.Q3)).toEqual([0, 26_000_000]);
  });

  it.each([
    ['Q8: a table of the new bases beside the answer', 'otherFunding'],
    ['Q12: a table of measures between the answer’s paragraphs', 'monitoring'],
  ])('%s: taken, a row of "14 | Sept 2027" read as places and a month, not the 14th of September', (_, section) => {
    expect(taken(ashcombe, section)).toMatchObject({ readable: true });
  });

  it('Q10: columns in the partnership’s own order (Ref, Likelihood before Impact, an Owner before the residual rating), each by its heading', () => {
    const [r1] = ashcombe.plan.risks.risks;
    expect(taken(ashcombe, 'risks')).toMatchObject({ readable: true });
    expect(ashcombe.plan.risks.risks).toHaveLength(5);
    expect(r1!.mitigation).toMatch(/\nOwner: .+\nRef: R1$/);
    expect(r1!.residualRag).not.toBeNull();
  });

  it('Annex C: the sentence under the template’s matrix is the risks’ note on it', () => {
    expect(ashcombe.plan.risks.matrixNote).toMatch(/the matrix above is shown as provided in the template/);
  });
});
