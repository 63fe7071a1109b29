import { z } from 'zod';
import { DomainError } from './errors';
import type { DeliveryQuarter } from './plan.schema';

/**
 * Reporting quarters follow the financial year: "2026-Q3" is Oct–Dec 2026 of the 2026-27
 * plan, "2026-Q4" is Jan–Mar 2027. Q1 (Apr–Jun) is the planning quarter.
 */
export const QuarterId = z.string().regex(/^\d{4}-Q[1-4]$/, 'Use a quarter such as 2026-Q3');
export type QuarterId = z.infer<typeof QuarterId>;

export interface Quarter {
  readonly id: QuarterId;
  /** First calendar year of the reporting year: 2026 for 2026-27. */
  readonly year: number;
  readonly number: 1 | 2 | 3 | 4;
  readonly start: string;
  readonly end: string;
  readonly label: string;
  /** The first-year delivery plan's column for this quarter, if it has one. */
  readonly delivery: DeliveryQuarter | null;
}

const MONTHS = ['Apr–Jun', 'Jul–Sep', 'Oct–Dec', 'Jan–Mar'] as const;
const START_MONTH = [4, 7, 10, 1] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const quarter = (year: number, number: 1 | 2 | 3 | 4): Quarter => {
  const calendarYear = number === 4 ? year + 1 : year;
  const m: number = START_MONTH[number - 1] ?? 1;
  const endMonth = m + 2;
  return {
    id: `${year}-Q${number}`,
    year,
    number,
    start: `${calendarYear}-${pad(m)}-01`,
    end: `${calendarYear}-${pad(endMonth)}-${pad(lastDay(calendarYear, endMonth))}`,
    label: `Q${number} (${MONTHS[number - 1]} ${calendarYear})`,
    delivery: number === 1 ? null : (`Q${number}` as DeliveryQuarter),
  };
};

export const parseQuarter = (id: string): Quarter => {
  const valid = QuarterId.safeParse(id);
  if (!valid.success) throw new DomainError('INPUT.INVALID', `"${String(id).slice(0, 20)}" is not a quarter: use the form 2026-Q3.`);
  const [year, q] = valid.data.split('-Q');
  return quarter(Number(year), Number(q) as 1 | 2 | 3 | 4);
};

/** The quarter a date falls in (UTC). */
export const quarterOf = (date: Date): Quarter => {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  if (m <= 3) return quarter(y - 1, 4);
  return quarter(y, m <= 6 ? 1 : m <= 9 ? 2 : 3);
};

/** The delivery quarters (Q2–Q4) of a reporting year such as "2026-27". */
export const deliveryQuarters = (reportingYear: string): Quarter[] => {
  const year = Number(reportingYear.slice(0, 4));
  return [quarter(year, 2), quarter(year, 3), quarter(year, 4)];
};

export const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
