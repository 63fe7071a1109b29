import { blankPlan } from '../../../../src/domain/blank-plan';
import { importWord } from '../../../../src/domain/word-import/word-import';
import { compile, paragraph as P, table as T } from '../word-files';

/** Defect: measuresInRow splits every line at "; ", even inside brackets, and pairs the pieces as measures. */
it('Q2: "62% (2025; England 50%)" stays one measure; the national figure is not made a measure’s baseline', () => {
  const result = importWord(blankPlan(), [
    P('Annex A: Local SEND Reform Plan', 'Heading1'),
    P('2. Where the local area partnership expects to be in the next 3 years', 'Heading2'),
    T([
      ['Local blueprint for the next 3 years', 'Where we are', 'Where we will be in the next 3 years'],
      ['Strengthening inclusion across education settings', 'Inclusion varies by school.', 'Inclusion is the norm.'],
      ['Access to specialist support and local placements', 'Long waits for therapy.', 'Therapy within 12 weeks.'],
      ['System leadership, local partnership collaboration and co-production', 'A new board.', 'A mature board.'],
      ['Encouraging inclusive culture and behaviours', 'Uneven culture.', 'A shared culture.'],
      ['Enablers', 'Patchy data.', 'One dashboard.'],
      ['Success measures', 'Baseline\nEHCPs issued in 20 weeks: 62% (2025; England 50%)', 'Target\nEHCPs issued in 20 weeks: 75%'],
    ]),
  ], compile);
  // Before the fix (6391c36): taken (relaid) as [{ name: 'EHCPs issued in 20 weeks', baseline: '62% (2025', … }, { name: null, baseline: 'England 50%)', target: null }].
  expect(result.plan.threeYearPicture.successMeasures.map(({ name, baseline, target }) => ({ name, baseline, target }))).toEqual([
    { name: 'EHCPs issued in 20 weeks', baseline: '62% (2025; England 50%)', target: '75%' },
  ]);
});
