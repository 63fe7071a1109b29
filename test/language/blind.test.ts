import { loadSet, scoreSet } from '../../bench/language.score';
import type { Understanding } from '../../src/app/understanding.port';
import { createNlpUnderstanding } from '../../src/language/nlp.understanding';

/**
 * The sets nobody on the team wrote (README.md beside them): the first answer must be right for at
 * least 90% of each, and no question may open a form that writes. Per-intent figures:
 * npm run bench -- --language validation|test|final
 */
describe('messages written blind, read as their personas', () => {
  let nlu: Understanding;
  beforeAll(async () => {
    nlu = await createNlpUnderstanding();
  });

  it.each(['validation', 'test', 'final'])('the %s set: at least 90%% understood first time, and no question opens a form that writes', async (name) => {
    const score = await scoreSet(loadSet(name), nlu);
    expect(score.total).toBeGreaterThanOrEqual(280);
    expect(score.questionWrites).toEqual([]);
    expect(score.right / score.total).toBeGreaterThanOrEqual(0.9);
  });
});
