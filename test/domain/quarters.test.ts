import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, deliveryColumn, deliveryQuarter, deliveryQuarters, financialYear, noMilestonesReason, parseQuarter, quarterOf, quarterWords, utcDay } from '../../src/domain/quarters';

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
    ['2026-Q2', '2026-07-01', '2026-09-30', 'Q2 (Jul–Sep 2026)'],
    ['2026-Q3', '2026-10-01', '2026-12-31', 'Q3 (Oct–Dec 2026)'],
    ['2026-Q4', '2027-01-01', '2027-03-31', 'Q4 (Jan–Mar 2027)'],
    ['2026-Q1', '2026-04-01', '2026-06-30', 'Q1 (Apr–Jun 2026)'],
    ['2030-Q2', '2030-07-01', '2030-09-30', 'Q2 (Jul–Sep 2030)'],
    ['2027-Q4', '2028-01-01', '2028-03-31', 'Q4 (Jan–Mar 2028)'],
  ])('%s runs %s to %s, "%s"', (id, start, end, label) => {
    expect(parseQuarter(id)).toMatchObject({ start, end, label });
  });

  it.each([
    ['2026-Q3', 'Quarter 3 of 2026-27 (October to December 2026)', 'Quarter 3 of 2026-27'],
    ['2026-Q4', 'Quarter 4 of 2026-27 (January to March 2027)', 'Quarter 4 of 2026-27'],
    ['2026-Q1', 'Quarter 1 of 2026-27 (April to June 2026)', 'Quarter 1 of 2026-27'],
    ['2030-Q2', 'Quarter 2 of 2030-31 (July to September 2030)', 'Quarter 2 of 2030-31'],
    ['2099-Q4', 'Quarter 4 of 2099-00 (January to March 2100)', 'Quarter 4 of 2099-00'],
  ])('%s reads as the financial year’s quarter: "%s"', (id, full, short) => {
    expect(quarterWords(parseQuarter(id))).toBe(full);
    expect(quarterWords(parseQuarter(id), 'short')).toBe(short);
  });

  it('names the financial year as plans write it', () => {
    expect(financialYear(parseQuarter('2026-Q4'))).toBe('2026-27');
    expect(financialYear(parseQuarter('2009-Q1'))).toBe('2009-10');
  });

  it.each([
    ['2026-Q2', 'Q2'],
    ['2026-Q3', 'Q3'],
    ['2026-Q4', 'Q4'],
    ['2026-Q1', null],
    ['2030-Q2', null],
    ['2027-Q3', null],
    ['2025-Q4', null],
  ])('of the 2026-27 plan, %s has delivery column %s', (id, column) => {
    expect(deliveryColumn('2026-27', parseQuarter(id))).toBe(column);
  });

  it.each([
    ['2026-Q1', /^Quarter 1 of 2026-27 \(April to June 2026\) is the planning quarter of the 2026-27 plan/],
    ['2030-Q2', /^Quarter 2 of 2030-31 \(July to September 2030\) is outside the 2026-27 plan’s delivery year \(July 2026 to March 2027\)/],
    ['2025-Q3', /outside the 2026-27 plan’s delivery year/],
  ])('says why %s has no milestones', (id, words) => {
    expect(noMilestonesReason('2026-27', parseQuarter(id))).toMatch(words);
  });

  it('has no reason to give for a delivery quarter of the plan', () => {
    expect(noMilestonesReason('2026-27', parseQuarter('2026-Q3'))).toBeNull();
  });

  it('lists the delivery quarters of a reporting year, each with its plan column', () => {
    expect(deliveryQuarters('2026-27').map((q) => [q.id, q.column])).toEqual([
      ['2026-Q2', 'Q2'],
      ['2026-Q3', 'Q3'],
      ['2026-Q4', 'Q4'],
    ]);
    expect(deliveryQuarter('2026-27', 'Q4').label).toBe('Q4 (Jan–Mar 2027)');
  });

  it.each([
    ['2026-12-31', 7, '2027-01-07'],
    ['2026-12-31', -14, '2026-12-17'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-28', 3, '2026-03-31'],
    ['2026-10-24', 2, '2026-10-26'],
  ])('%s plus %i days is %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });

  it.each(['Q3-2026', '2026-Q5', 'garbage'])('refuses %j with words, not a stack trace', (id) => {
    expect(() => parseQuarter(id)).toThrow(expect.objectContaining({ code: 'INPUT.INVALID', message: expect.stringContaining('use the form 2026-Q3') }));
  });
});

/** The quarter of an instant is the quarter of its UTC day, whatever the server's time zone. */
describe.each(['Pacific/Kiritimati', 'America/Sao_Paulo', 'Europe/London', 'UTC'])('with the machine in %s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it.each([
    ['2026-12-31T23:30:00Z', '2026-12-31', '2026-Q3'],
    ['2027-01-01T00:30:00Z', '2027-01-01', '2026-Q4'],
    ['2026-06-30T23:59:59Z', '2026-06-30', '2026-Q1'],
  ])('%s is UTC day %s in %s', (instant, day, id) => {
    expect(utcDay(new Date(instant))).toBe(day);
    expect(quarterOf(new Date(instant)).id).toBe(id);
  });

  it('counts days across month ends and clock changes the same way', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-28', 3)).toBe('2026-03-31');
    expect(parseQuarter('2026-Q4').end).toBe('2027-03-31');
  });
});

describe('quarter and date arithmetic lives in one module', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const HAND_ROLLED = [/Date\.UTC\(/, /setUTC(Date|Month|FullYear)\(/, /['"]Jan[–-]Mar['"]/, /['"]Oct[–-]Dec['"]/, /START_MONTH/];

  it('no other file in src does its own calendar sums or keeps a month table', () => {
    const offenders = files(join(__dirname, '../../src'))
      .filter((f) => !f.endsWith(join('domain', 'quarters.ts')))
      .flatMap((f) => HAND_ROLLED.filter((re) => re.test(readFileSync(f, 'utf8'))).map((re) => `${f}: ${re}`));
    expect(offenders).toEqual([]);
  });

  it('quarters.ts has no month table of its own either: date-fns does the sums', () => {
    const source = readFileSync(join(__dirname, '../../src/domain/quarters.ts'), 'utf8');
    expect(source).toContain("from 'date-fns'");
    for (const re of HAND_ROLLED) expect(source).not.toMatch(re);
  });
});
