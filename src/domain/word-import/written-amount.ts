import { formatPence, parsePounds } from '../money';

/** The largest amount a spend cell may hold: a billion pounds, in pence. */
export const MAX_SPEND_PENCE = 100_000_000_000;

const MULTIPLIERS: Record<string, number> = { k: 1_000, m: 1_000_000, million: 1_000_000, bn: 1_000_000_000, billion: 1_000_000_000 };

/** "£65k", "£0.3m", "£1.2 million": pounds as partnerships shorten them in tables. */
const SHORTENED = /£\s?(\d{1,6}(?:\.\d{1,3})?)\s?(k|m|bn|million|billion)\b/gi;

/** The same, as the whole of a cell. */
const SHORTENED_CELL = new RegExp(`^${SHORTENED.source}$`, 'i');

const penceOf = (figure: string, unit: string): number => Math.round(Number(figure) * MULTIPLIERS[unit.toLowerCase()]! * 100);

/** Every shortened amount in a text written out as the plan writes pounds: a file's "£0.3m" says what the plan's £300,000 says. */
export const withFullAmounts = (text: string): string => text.replace(SHORTENED, (_all, figure: string, unit: string) => formatPence(penceOf(figure, unit)));

/** "Nil" in a spend cell, or an accountant's dash ("£ -"): nothing spent, which the plan writes £0. */
export const isNil = (text: string): boolean => /^(?:nil|£\s*[-–])$/i.test(text.trim());

/** A spend table headed in thousands ("(£000)", "£k"): its figures are thousands of pounds. */
export const inThousands = (heading: string): boolean => /\(\s*£\s*'?000s?\s*\)|£\s*k\b|£\s*thousands?/i.test(heading);

/**
 * A spend cell as a partnership writes it, in pence: "£43,750", "43750", "£65k", "£0.3m" or
 * "nil"; null for anything else (the reader then refuses the table rather than guess).
 */
export const penceOfWrittenAmount = (typed: string, thousands = false): number | null => {
  const t = typed.trim();
  if (isNil(t)) return 0;
  if (thousands) {
    // "£55,000" under "(£000)" is written out in full, not 55 million: refused rather than guessed.
    if (/£/.test(t) && /\d{1,3}(?:,\d{3})+/.test(t)) return null;
    const figure = /^£?\s*(\d{1,6}(?:\.\d{1,3})?)$/.exec(t.replace(/,/g, ''));
    const pence = figure ? Math.round(Number(figure[1]) * 100_000) : null;
    return pence !== null && pence <= MAX_SPEND_PENCE ? pence : null;
  }
  const short = SHORTENED_CELL.exec(t);
  const shortPence = short ? penceOf(short[1]!, short[2]!) : null;
  if (shortPence !== null) return shortPence <= MAX_SPEND_PENCE ? shortPence : null;
  const parsed = parsePounds(t, MAX_SPEND_PENCE);
  return 'pence' in parsed ? parsed.pence : null;
};
