import { importedBlind, taken } from './word-files';

/**
 * Layouts from earlier rounds that were still missed (named for Teams rather than read) and are
 * now read, each with the rule that reads it.
 */

describe('goals and bands typed the partnership’s own way', () => {
  it('Q1: goals typed "1)  Title." with "We will track: …" after a line break in the same paragraph: four goals, each with what it tracks', () => {
    const { plan } = importedBlind('stourleigh.docx');
    expect(plan.visionAndGoals.goals).toHaveLength(4);
    expect(plan.visionAndGoals.goals[1]).toMatchObject({ title: '2)  Help without a fight.' });
    expect(plan.visionAndGoals.goals.map((g) => `${g.description ?? ''} ${g.tracked ?? ''}`).join('\n')).toMatch(/We will track: SPCV trust survey; tribunal appeals; complaints upheld\./);
  });

  it('Q3: each band a bold label with its items in a small table under it, a cell an item', () => {
    const brackenford = importedBlind('brackenford.docx');
    expect(taken(brackenford, 'theoryOfChange')).toMatchObject({ readable: true });
    expect(brackenford.plan.theoryOfChange.outputs).toEqual([
      'Every school has a named hub link',
      'Inclusion Standard signed by all settings',
      '168 new local places',
      'Single SEND dashboard live',
      'Voices Unlocked forum meeting half-termly',
      'Backlog of 214 assessments cleared',
    ]);
    expect(brackenford.plan.theoryOfChange.vision).toMatch(/^Children and young people with SEND in Brackenford get the right help early/);
  });
});

describe('a council’s own template (tarnside)', () => {
  const tarnside = importedBlind('tarnside.docx');

  it('Q2: each block’s name over the template’s description of it; an added column kept with "Where we will be"; the measures as a table inside the row', () => {
    const t = tarnside.plan.threeYearPicture;
    expect(taken(tarnside, 'threeYearPicture')).toMatchObject({ readable: true });
    expect(t.blueprint.map((r) => r.buildingBlock)).toEqual(['inclusion-in-settings', 'specialist-support', 'leadership-and-co-production', 'inclusive-culture', null]);
    expect(t.blueprint[1]!.whereWeWillBe).toMatch(/\nCore minimum requirements addressed: /);
    expect(t.successMeasures[3]).toMatchObject({ name: 'Average journey to a special school', baseline: '19.4 miles (2025-26)', target: '14 miles (2028-29)\nSource: Transport data' });
  });

  it('Q5: the roadmap in two tables ("5a" the blocks, "5b" the enablers and a row per success measure, "Success measures: EHCPs within 20 weeks")', () => {
    const r = tarnside.plan.roadmap;
    expect(taken(tarnside, 'roadmap')).toMatchObject({ readable: true });
    expect(r.rows.map((x) => x.buildingBlock)).toEqual(['inclusion-in-settings', 'specialist-support', 'leadership-and-co-production', 'inclusive-culture', null]);
    expect(r.successMeasures.slice(0, 3).map((m) => `${m.name}: ${m.target}`)).toEqual(['EHCPs within 20 weeks 2026/27: 62%', 'EHCPs within 20 weeks 2027/28: 75%', 'EHCPs within 20 weeks 2028/29: 85%']);
  });

  it('Q11: a "Scope" column merged down before the dependency goes with each dependency of its group', () => {
    const items = tarnside.plan.dependencies.items;
    expect(taken(tarnside, 'dependencies')).toMatchObject({ readable: true });
    expect(items).toHaveLength(6);
    expect(items[5]).toMatchObject({ area: 'Home-to-school transport policy review' });
    expect(items[5]!.management).toMatch(/How we will manage it: Travel impact assessed for every new base before Cabinet approval\.\nScope: Local change$/);
  });

  it('Annex B as two tables under captions, the second with its own headings: every document on the list, the captions named', () => {
    expect(taken(tarnside, 'supportingDocuments')).toMatchObject({ readable: true });
    expect(tarnside.plan.supportingDocuments.documents).toHaveLength(15);
    expect(tarnside.unplaced).toContainEqual(expect.stringMatching(/^Supporting documents: 2 lines beside the table, which the plan does not keep, starting "National documents"/));
  });
});
