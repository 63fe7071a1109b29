import * as chrono from 'chrono-node';

/** Month abbreviations chrono does not read after "end of" ("end of jan"). */
const MONTHS: Record<string, string> = { jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august', sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december' };
const SHORT_MONTH = /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/g;
const HOLIDAYS: readonly [RegExp, string][] = [[/\b(christmas|xmas)\b/, '25 december'], [/\bnew year\b/, '1 january']];
/** Cheap test first: most messages name no date, and chrono is the costly part of reading one. */
const DATE_HINT = /\d|\b(today|tomorrow|tonight|weeks?|months?|days|fortnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|end of|christmas|xmas|new year|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/;

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export interface DateFound {
  readonly date: string;
  /** The message with those words read as "date", so "by next Friday" and "by 15 Jan" teach the same thing. */
  readonly masked: string;
}

/**
 * A date named in words ("by next Friday", "end of January", "15 Jan"), read with chrono-node in
 * British order (15/01 is the 15th of January), always forwards from today: a due date is never past,
 * and a message naming a past day names none.
 */
export const dateIn = (t: string, today: string | undefined): DateFound | undefined => {
  if (!today || !DATE_HINT.test(t)) return undefined;
  let text = t.replace(SHORT_MONTH, (m) => MONTHS[m] ?? m);
  for (const [re, words] of HOLIDAYS) text = text.replace(re, words);
  // Midday, so no time zone can move the day.
  const reference = new Date(`${today}T12:00:00`);
  const found = chrono.en.GB.parse(text, reference, { forwardDate: true }).find(
    (r) =>
      // A time of day alone ("good morning") names no date.
      (r.start.isCertain('day') || r.start.isCertain('weekday') || r.start.isCertain('month') || /\b(days?|weeks?|fortnight|months?)\b/.test(r.text)) &&
      // A day gone by ("last Friday", "a week ago") is no due date.
      !/\b(last|ago|past|previous|yesterday)\b/.test(r.text) &&
      // "wed", "sat", "sun", "mon" alone are as often words ("we'd") as days.
      !/^(wed|sat|sun|mon|tue|thu|fri)$/.test(r.text.trim()),
  );
  if (!found || iso(found.start.date()) < today) return undefined;
  // "end of January" is its last day, not the first.
  const date = /\bend of\b/.test(text) && !found.start.isCertain('day') ? endOfMonth(found.start.date()) : found.start.date();
  return { date: iso(date), masked: `${text.slice(0, found.index)}date${text.slice(found.index + found.text.length)}` };
};

const endOfMonth = (d: Date) => new Date(d.getFullYear(), d.getMonth() + 1, 0, 12);
