import { ANNEX_C_MATRIX, HIGH_MEDIUM_LOW_MATRIX, ragOfFill, ragOfScore, rateRisk } from '../../src/domain/risk-rating';
import { isDomainError } from '../../src/domain/errors';

describe('risk RAG from impact x likelihood', () => {
  it.each([
    // The reference plan's own ratings.
    ['High', 'High', 'Red'],
    ['High', 'Medium', 'Amber'],
    ['Medium', 'Medium', 'Amber'],
    // The rest of the default three-by-three.
    ['High', 'Low', 'Amber'],
    ['Medium', 'High', 'Amber'],
    ['Medium', 'Low', 'Green'],
    ['Low', 'High', 'Amber'],
    ['Low', 'Medium', 'Green'],
    ['low', 'low', 'Green'],
  ])('High/Medium/Low: impact %s, likelihood %s is %s', (impact, likelihood, rag) => {
    expect(rateRisk(HIGH_MEDIUM_LOW_MATRIX, impact, likelihood)).toBe(rag);
  });

  it.each([
    ['Crisis', 'Very Likely', 'Red'],
    ['Critical', 'Likely', 'Red'],
    ['Moderate', 'Very Likely', 'Red'],
    ['Moderate', 'Possible', 'Amber'],
    ['Crisis', 'Very Unlikely', 'Amber'],
    ['Marginal', 'Unlikely', 'Green'],
    ['Negligible', 'Possible', 'Green'],
    ['Negligible', 'Very Likely', 'Amber'],
  ])('Annex C: impact %s, likelihood %s is %s', (impact, likelihood, rag) => {
    expect(rateRisk(ANNEX_C_MATRIX, impact, likelihood)).toBe(rag);
  });

  it('refuses a level the matrix does not have, with a code', () => {
    let error: unknown;
    try {
      rateRisk(HIGH_MEDIUM_LOW_MATRIX, 'Catastrophic', 'High');
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error, 'INPUT.INVALID')).toBe(true);
  });
});

describe('a rating a partnership gave by colour or score alone', () => {
  it.each([
    ['FF0000', 'Red'],
    ['C00000', 'Red'],
    ['FF7C80', 'Red'],
    ['FFC000', 'Amber'],
    ['FFFF00', 'Amber'],
    ['FFEB9C', 'Amber'],
    ['00B050', 'Green'],
    ['92D050', 'Green'],
    ['C6EFCE', null],
    ['FFC7CE', null],
    ['FFF2CC', null],
    ['FFFFFF', null],
    ['D9D9D9', null],
    ['1F3864', null],
    ['auto', null],
    [undefined, null],
  ])('a cell filled %s is %s', (fill, rag) => {
    expect(ragOfFill(fill)).toBe(rag);
  });

  it.each([
    [16, 'Red'],
    [25, 'Red'],
    [12, 'Amber'],
    [5, 'Amber'],
    [4, 'Green'],
    [1, 'Green'],
    [7, null],
    [26, null],
  ])('a score of %i is %s on Annex C', (score, rag) => {
    expect(ragOfScore(score)).toBe(rag);
  });
});
