import { addDays as addCalendarDays, addMonths, endOfMonth, format, getQuarter, getYear, isValid, parse } from 'date-fns';
import { z } from 'zod';
import { DomainError } from './errors';
import type { DeliveryQuarter } from './plan.schema';

/**
 * The one place for calendar arithmetic: reporting quarters and the days around them.
 *
 * Reporting quarters follow the financial year: "2026-Q3" is Oct–Dec 2026 of the 2026-27
 * plan, "2026-Q4" is Jan–Mar 2027. Q1 (Apr–Jun) is the planning quarter.
 *
 * Days are YYYY-MM-DD strings. An instant becomes a day by its UTC date. Inside this module a
 * day is a Date at local midnight, built from and written back to YYYY-MM-DD, so date-fns's
 * local-time sums never see a time of day and the server's time zone cannot move a date.
 */
export const QuarterId = z.string().regex(/^\d{4}-Q[1-4]$/, 'Use a quarter such as 2026-Q3');
export type QuarterId = z.infer<typeof QuarterId>;

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  readonly id: QuarterId;
  /** First calendar year of the reporting year: 2026 for 2026-27. */
  readonly year: number;
  readonly number: QuarterNumber;
  readonly start: string;
  readonly end: string;
  /** "Q3 (Oct–Dec 2026)": short, for chart axes and table columns. Headings and sentences use quarterWords. */
  readonly label: string;
}

/** A delivery quarter of a plan, with the plan's column for it. */
export interface PlanQuarter extends Quarter {
  readonly column: DeliveryQuarter;
}

const DAY = 'yyyy-MM-dd';
/** Any date will do: a full YYYY-MM-DD leaves nothing of it in the result. */
const REFERENCE = new Date(2000, 0, 1);

const toDay = (iso: string): Date => parse(iso, DAY, REFERENCE);
const fromDay = (day: Date): string => format(day, DAY);

/** True only for a real calendar date written YYYY-MM-DD: 2027-02-30 and 2026-13-01 are not dates. */
export const isCalendarDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(toDay(text)) && getYear(toDay(text)) >= 1000;

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number): string => fromDay(addCalendarDays(toDay(isoDate), days));

/** Quarter 1 of a reporting year starts on 1 April. */
const firstDay = (year: number, number: QuarterNumber): Date => addMonths(new Date(year, 3, 1), 3 * (number - 1));

// Quarters are asked for on every turn and never change: each is worked out once.
const QUARTERS = new Map<string, Quarter>();

export const quarter = (year: number, number: QuarterNumber): Quarter => {
  const key = `${year}-Q${number}`;
  const known = QUARTERS.get(key);
  if (known) return known;
  const made = makeQuarter(year, number);
  Object.freeze(made);
  if (QUARTERS.size < 10_000) QUARTERS.set(key, made);
  return made;
};

const makeQuarter = (year: number, number: QuarterNumber): Quarter => {
  const start = firstDay(year, number);
  const end = endOfMonth(addMonths(start, 2));
  return {
    id: `${year}-Q${number}`,
    year,
    number,
    start: fromDay(start),
    end: fromDay(end),
    label: `Q${number} (${format(start, 'MMM')}–${format(end, 'MMM yyyy')})`,
  };
};

/** The financial year a quarter belongs to, as plans write it: "2026-27" for 2026-Q3 and 2026-Q4. */
export const financialYear = (q: Quarter): string => `${q.year}-${String((q.year + 1) % 100).padStart(2, '0')}`;

/**
 * The one wording of a quarter for people to read, in the report, its cards and their sentences.
 * Quarters run by the financial year, so "Q3 2026" alone would read as the calendar's July to
 * September: the words name the financial year and the months.
 *   full:  "Quarter 3 of 2026-27 (October to December 2026)"
 *   short: "Quarter 3 of 2026-27", where the months are already on the page (a button, a chart).
 */
export const quarterWords = (q: Quarter, form: 'full' | 'short' = 'full'): string => {
  const name = `Quarter ${q.number} of ${financialYear(q)}`;
  return form === 'short' ? name : `${name} (${format(toDay(q.start), 'MMMM')} to ${format(toDay(q.end), 'MMMM yyyy')})`;
};

export const parseQuarter = (id: string): Quarter => {
  const valid = QuarterId.safeParse(id);
  if (!valid.success) throw new DomainError('INPUT.INVALID', `"${String(id).slice(0, 20)}" is not a quarter: use the form 2026-Q3.`);
  const [year, q] = valid.data.split('-Q');
  return quarter(Number(year), Number(q) as QuarterNumber);
};

/** The quarter an instant falls in, by its UTC day. */
export const quarterOf = (instant: Date): Quarter => {
  const day = toDay(utcDay(instant));
  // Calendar quarter 1 (Jan–Mar) is the last quarter of the reporting year before.
  const calendar = getQuarter(day);
  return calendar === 1 ? quarter(getYear(day) - 1, 4) : quarter(getYear(day), (calendar - 1) as QuarterNumber);
};

/** 2026 for the "2026-27" plan. */
export const planYear = (reportingYear: string): number => Number(reportingYear.slice(0, 4));

const COLUMNS: Readonly<Record<QuarterNumber, DeliveryQuarter | null>> = { 1: null, 2: 'Q2', 3: 'Q3', 4: 'Q4' };

/**
 * The plan's delivery column for a quarter. The columns belong to the plan's own year: "Q3" of
 * the 2026-27 plan is 2026-Q3 only, and any other year's Q3 has nothing planned.
 */
export const deliveryColumn = (reportingYear: string, q: Quarter): DeliveryQuarter | null => (q.year === planYear(reportingYear) ? COLUMNS[q.number] : null);

export const deliveryQuarter = (reportingYear: string, column: DeliveryQuarter): PlanQuarter => ({
  ...quarter(planYear(reportingYear), Number(column.slice(1)) as QuarterNumber),
  column,
});

/** The delivery quarters (Q2–Q4) of a reporting year such as "2026-27". */
export const deliveryQuarters = (reportingYear: string): PlanQuarter[] => (['Q2', 'Q3', 'Q4'] as const).map((c) => deliveryQuarter(reportingYear, c));

/** Why the plan has no milestones for a quarter, in words; null when it has. */
export const noMilestonesReason = (reportingYear: string, q: Quarter): string | null => {
  if (deliveryColumn(reportingYear, q)) return null;
  if (q.year === planYear(reportingYear)) return `${quarterWords(q)} is the planning quarter of the ${reportingYear} plan: its delivery plan has no milestones for it.`;
  const [first, last] = [deliveryQuarter(reportingYear, 'Q2'), deliveryQuarter(reportingYear, 'Q4')];
  const span = `${format(toDay(first.start), 'MMMM yyyy')} to ${format(toDay(last.end), 'MMMM yyyy')}`;
  return `${quarterWords(q)} is outside the ${reportingYear} plan’s delivery year (${span}), so the plan has no milestones for it.`;
};
