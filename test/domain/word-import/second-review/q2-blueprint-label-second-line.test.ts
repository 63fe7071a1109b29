import { demoPlan } from '../../../../src/demo/demo-plan';
import { edited, exported, read } from '../word-files';

/**
 * Defect: threeYearPicture's label rule keeps only a label cell's first line when that line names a block,
 * whatever the other lines are; keepsEveryWord compares a row's words as a set against the whole section,
 * so the dropped line passes when its words occur anywhere in Q2.
 */
it('Q2: a line the partnership added under a block’s name is kept (or the section refused), never dropped', async () => {
  const plan = demoPlan();
  let file = edited(await exported(plan), 'Inclusion in Shropshire is improving but remains uneven', 'Inclusion in Shropshire is improving but is uneven');
  file = edited(file, 'Access to specialist support and local placements</w:t>', 'Access to specialist support and local placements</w:t></w:r></w:p><w:p><w:r><w:t>including health and education</w:t>');
  const result = read(plan, file);
  const taken = result.changes.find((c) => c.section === 'threeYearPicture');
  // Before the fix (6391c36): { readable: true, relaid: true } and the words are nowhere in the plan, nor in `unplaced`.
  expect(taken?.readable && !JSON.stringify(result.plan.threeYearPicture).includes('including health and education')).toBe(false);
});
