import { isoOfWrittenDate, withIsoDates } from '../../../src/domain/word-import/written-date';

describe('a date as a partnership writes it in Word', () => {
  it.each([
    ['12 June 2026', '2026-06-12'],
    ['1st Oct 2026', '2026-10-01'],
    ['12/06/2026', '2026-06-12'],
    ['3.1.2027', '2027-01-03'],
    ['2026-06-19', '2026-06-19'],
    ['Monday, 15 June 2026', '2026-06-15'],
    ['Wed 17 June 2026', '2026-06-17'],
    ['17.06.26', '2026-06-17'],
    ['16 Jun 26', '2026-06-16'],
    ['16-Jun-26', '2026-06-16'],
    ['17th June 2026', '2026-06-17'],
    ['15/6/26', '2026-06-15'],
    ['31 June 2026', null],
    ['30/02/2027', null],
    ['June 2026', null],
    ['12 June 2026 (pending)', null],
    ['', null],
  ])('%j is kept as %j', (written, iso) => {
    expect(isoOfWrittenDate(written)).toBe(iso);
  });

  it('in running text every date is compared as the plan keeps it, and an impossible one is left as written', () => {
    expect(withIsoDates('Signed 12 June 2026; reviewed 01/09/2026; not 31/02/2026')).toBe('Signed 2026-06-12; reviewed 2026-09-01; not 31/02/2026');
  });
});
