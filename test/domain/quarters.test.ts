import { addDays, deliveryQuarters, parseQuarter, quarterOf } from '../../src/domain/quarters';

describe('reporting quarters', () => {
  it.each([
    ['2026-04-01', '2026-Q1'],
    ['2026-09-30', '2026-Q2'],
    ['2026-11-27', '2026-Q3'],
    ['2026-12-31', '2026-Q3'],
    ['2027-01-01', '2026-Q4'],
    ['2027-03-31', '2026-Q4'],
  ])('%s falls in %s', (date, id) => {
    expect(quarterOf(new Date(`${date}T12:00:00Z`)).id).toBe(id);
  });

  it.each([
    ['2026-Q2', '2026-07-01', '2026-09-30', 'Q2 (Jul–Sep 2026)', 'Q2'],
    ['2026-Q3', '2026-10-01', '2026-12-31', 'Q3 (Oct–Dec 2026)', 'Q3'],
    ['2026-Q4', '2027-01-01', '2027-03-31', 'Q4 (Jan–Mar 2027)', 'Q4'],
    ['2026-Q1', '2026-04-01', '2026-06-30', 'Q1 (Apr–Jun 2026)', null],
  ])('%s runs %s to %s, "%s", delivery column %s', (id, start, end, label, delivery) => {
    expect(parseQuarter(id)).toMatchObject({ start, end, label, delivery });
  });

  it('lists the delivery quarters of a reporting year and adds days across month ends', () => {
    expect(deliveryQuarters('2026-27').map((q) => q.id)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(addDays('2026-12-31', 7)).toBe('2027-01-07');
    expect(addDays('2026-12-31', -14)).toBe('2026-12-17');
  });

  it.each(['Q3-2026', '2026-Q5', 'garbage'])('refuses %j with words, not a stack trace', (id) => {
    expect(() => parseQuarter(id)).toThrow(expect.objectContaining({ code: 'INPUT.INVALID', message: expect.stringContaining('use the form 2026-Q3') }));
  });
});
