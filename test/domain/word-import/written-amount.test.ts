import { penceOfWrittenAmount, withFullAmounts } from '../../../src/domain/word-import/written-amount';

describe('an amount as a partnership writes it in a spend table', () => {
  it.each([
    ['£43,750', 4_375_000],
    ['43750', 4_375_000],
    ['£65k', 6_500_000],
    ['£0.3m', 30_000_000],
    ['£0.55m', 55_000_000],
    ['£1.2 million', 120_000_000],
    ['nil', 0],
    ['Nil', 0],
    ['£0', 0],
    ['about £65k', null],
    ['£65k-£70k', null],
    ['43.7', null],
    ['£2bn', null],
    ['TBC', null],
  ])('%j is %j pence', (written, pence) => {
    expect(penceOfWrittenAmount(written)).toBe(pence);
  });

  it('in running text a shortened amount is compared as the plan writes pounds, anything else left as it is', () => {
    expect(withFullAmounts('£0.34m in Q2, then £122k; 0.5% of £2.38m; 5km away')).toBe('£340,000 in Q2, then £122,000; 0.5% of £2,380,000; 5km away');
  });
});
