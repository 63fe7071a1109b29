import { formatPence, parsePounds } from '../../src/domain/money';

const MAX = 100_000_000_000;

describe('money as people type it', () => {
  it.each([
    ['43750', 4_375_000],
    ['43,750', 4_375_000],
    ['£43,750', 4_375_000],
    ['  £ 1,165,244.50 ', 116_524_450],
    ['0', 0],
    ['0.05', 5],
  ])('reads %j as %i pence', (typed, pence) => {
    expect(parsePounds(typed, MAX)).toEqual({ pence });
  });

  it.each([
    ['43.7', 'pence must be two digits, not guessed'],
    ['43.750', 'three decimals'],
    ['-100', 'negative'],
    ['4,37,50', 'misplaced commas'],
    ['£', 'no number'],
    ['forty', 'words'],
    ['1e6', 'exponent'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (typed) => {
    expect(parsePounds(typed, MAX)).toEqual({ error: 'Enter an amount in pounds, such as 43,750 or 43,750.00' });
  });

  it('refuses more than the most a cell may hold, naming it', () => {
    expect(parsePounds('1,000,000,001', MAX)).toEqual({ error: `That is more than the most allowed (${formatPence(MAX)})` });
  });
});
