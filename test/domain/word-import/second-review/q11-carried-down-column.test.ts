import { blankPlan } from '../../../../src/domain/blank-plan';
import { importWord } from '../../../../src/domain/word-import/word-import';
import { compile, paragraph as P, table as T } from '../word-files';

/** Defect: dependenciesFromTable carries ANY empty cell left of the dependency column down from the row above, merged or not. */
it('Q11: a column before the dependency left empty in a row gets no value invented for it', () => {
  const rows = [
    ['Priority', 'Dependency', 'How we will manage it'],
    ['High', 'NHS reforms', 'Work with the ICB on therapy capacity'],
    ['', 'Local Government Reorganisation', 'Keep SEND in the transition plan'],
  ];
  const result = importWord(blankPlan(), [P('Annex A: Local SEND Reform Plan', 'Heading1'), P('11. Dependencies', 'Heading2'), T(rows)], compile);
  // Before the fix (6391c36): taken (relaid) with "Priority: High" under Local Government Reorganisation, which the file never says.
  expect(result.plan.dependencies.items.find((d) => d.area === 'Local Government Reorganisation')?.management ?? '').not.toContain('High');
});
