import { shortenAtWord } from '../../src/domain/text';

describe('shortenAtWord', () => {
  it.each<[string, number, string]>([
    ['short enough', 20, 'short enough'],
    ['Outcomes are measured each term against the baseline', 30, 'Outcomes are measured each…'],
    ['Outcomes are measured each term, against the baseline', 36, 'Outcomes are measured each term…'],
    ['Supercalifragilisticexpialidocious', 10, 'Supercali…'],
    ['two words', 9, 'two words'],
    ['a b c d e f g h', 6, 'a b c…'],
    ['emoji 😀 are one character each and stay whole', 9, 'emoji 😀…'],
  ])('%j at %i characters is %j', (text, max, expected) => {
    const out = shortenAtWord(text, max);
    expect(out).toBe(expected);
    expect([...out].length).toBeLessThanOrEqual(max);
  });
});
