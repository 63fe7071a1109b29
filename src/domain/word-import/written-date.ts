import { isCalendarDate } from '../quarters';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "12 June 2026", "Friday, 12 June 2026" (a Word date picker), "12th Jun 2026", "16 Jun 26", "16-Jun-26", "17.06.26", "12/06/2026" (the UK's order), "12.06.2026" or "2026-06-12". */
const WRITTEN = /\b(?:(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?,? )?(\d{1,2})(?:st|nd|rd|th)?[ -](Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?:,? |-)(\d{4}|[23]\d)|(\d{1,2})[/.](\d{1,2})[/.](\d{4}|[23]\d))\b/gi;

const pad = (n: number) => String(n).padStart(2, '0');

const isoOf = (match: RegExpExecArray | RegExpMatchArray): string | null => {
  const [, day, month, year, d2, m2, y2] = match;
  // A two-figure year ("17.06.26", "16 Jun 26") is this century's, and only 20 to 39 (so "3.1.12" stays a section number).
  const full = (y: string) => (y.length === 2 ? `20${y}` : y);
  const iso = day ? `${full(year!)}-${pad(MONTHS.indexOf(month!.slice(0, 3).toLowerCase()) + 1)}-${pad(Number(day))}` : `${full(y2!)}-${pad(Number(m2))}-${pad(Number(d2))}`;
  return isCalendarDate(iso) ? iso : null;
};

/**
 * A date as a partnership writes it in Word, as the plan keeps it (YYYY-MM-DD); null when the
 * cell holds anything else, or a day that does not exist. Numbers are read day first, as in the UK.
 */
export const isoOfWrittenDate = (text: string | null): string | null => {
  const t = (text ?? '').trim();
  if (isCalendarDate(t)) return t;
  const match = [...t.matchAll(WRITTEN)];
  return match.length === 1 && match[0]![0] === t ? isoOf(match[0]!) : null;
};

/** Every written date in a text as YYYY-MM-DD: a file that says "12 June 2026" says what the plan's 2026-06-12 says. */
export const withIsoDates = (text: string): string => text.replace(WRITTEN, (...args) => isoOf(args as unknown as RegExpMatchArray) ?? (args[0] as string));
