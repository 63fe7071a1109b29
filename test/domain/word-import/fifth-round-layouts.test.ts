import { importedBlind, taken } from './word-files';

/**
 * The fifth blind round's layouts (brackenford, the DfE template filled in with a shared
 * document's small mess; stourleigh, moved into a council's own report layout), read into the
 * plan. Each was missed before this reading was written.
 */

describe('the template filled in, with a shared document’s small mess', () => {
  const brackenford = importedBlind('brackenford.docx');

  it('a blank template row left under the workstreams and the risks is no workstream and no risk', () => {
    expect(taken(brackenford, 'deliveryPlan')).toMatchObject({ readable: true });
    expect(brackenford.plan.deliveryPlan.workstreams).toHaveLength(4);
    expect(taken(brackenford, 'risks')).toMatchObject({ readable: true });
    expect(brackenford.plan.risks.risks).toHaveLength(4);
  });

  it('building blocks named short ("access to specialist support", "system leadership, collaboration and co-production")', () => {
    expect(brackenford.plan.deliveryPlan.workstreams.map((w) => w.buildingBlocks)).toEqual([['specialist-support', 'inclusion-in-settings'], ['specialist-support'], ['inclusion-in-settings'], ['leadership-and-co-production']]);
  });

  it('the roadmap’s first cell carrying the template’s "Building blocks" above the block, bullets typed "•" in the year cells', () => {
    const [first] = brackenford.plan.roadmap.rows;
    expect(first).toMatchObject({ buildingBlock: 'inclusion-in-settings', outcomes: ['Consistent inclusive practice', 'Fewer suspensions'] });
    expect(first!.year1).toMatch(/Inclusion Standard published Sept 2026/);
  });
});

describe('a plan moved into a council’s own report layout', () => {
  const stourleigh = importedBlind('stourleigh.docx');

  it('questions headed "Question N: …" in the partnership’s own words, and "Signatories and sign-off", each open their section', () => {
    expect(stourleigh.unplaced.filter((u) => /heading is not in the file/.test(u))).toEqual([]);
  });

  it('the front page as a "Document control" table in its own labels ("Local authority", "Senior responsible officer (SRO)"); its title row and other rows named with the cover', () => {
    expect(stourleigh.plan.header).toMatchObject({ localAuthority: 'Stourleigh City Council', integratedCareBoard: 'NHS Stourleigh and Wendham Integrated Care Board', sroName: 'Rachel Ingleby-Shaw, Director of Inclusion and Skills' });
    expect(stourleigh.unplaced.join('\n')).toMatch(/Cover page/);
  });

  it('lines typed "- " after soft line breaks in one paragraph are a list, as Word’s own would be', () => {
    expect(taken(stourleigh, 'deliveryCapacity')).toMatchObject({ readable: true });
    expect(stourleigh.plan.deliveryCapacity.narrative).toMatch(/\n- Senior analyst \(1 FTE, shared with the ICB\)/);
  });
});
