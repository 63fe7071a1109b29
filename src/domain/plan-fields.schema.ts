import { z } from 'zod';
import { isCalendarDate } from './quarters';

/** The kinds of field every section of the plan is built from, with their limits and messages. */

export const LIMITS = {
  id: 64,
  short: 300,
  line: 2_000,
  narrative: 20_000,
  listItems: 100,
  rows: 200,
} as const;

export const blankToNull = (value: string | null) => (value === null || value.trim() === '' ? null : value);

/** A free-text answer; blank means missing. */
export const answer = (max: number = LIMITS.narrative) => z.string().max(max).nullable().transform(blankToNull);
export const shortAnswer = () => answer(LIMITS.short);
/**
 * A field added after plans were first stored: a stored plan without it reads as "missing"
 * (null) instead of failing to load. New fields are always added this way.
 */
export const addedLater = <T extends z.ZodTypeAny>(schema: T) => schema.optional().transform((v: z.output<T> | undefined) => (v === undefined ? null : v));
export const listOfLines = () => z.array(z.string().trim().min(1).max(LIMITS.line)).max(LIMITS.listItems);

export const Id = z
  .string()
  .max(LIMITS.id)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens');

export const NO_SUCH_DATE = 'There is no such date: check the day and month, for example 2026-06-19';
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-06-19')
  .refine(isCalendarDate, NO_SUCH_DATE);
export const Email = z.string().max(LIMITS.short).email('Enter an email address such as name@example.org');
const Url = z
  .string()
  .max(LIMITS.line)
  .url('Enter a full link starting with https://')
  .refine((u) => /^https?:\/\//i.test(u), 'Enter a full link starting with https://');

export const DocumentLink = z.object({
  id: Id,
  /** What the template or the partnership said belongs here, e.g. "fully costed workforce plan". */
  purpose: shortAnswer(),
  title: answer(LIMITS.line),
  url: Url.nullable(),
});
export type DocumentLink = z.infer<typeof DocumentLink>;

/**
 * The DfE's three-digit local authority number (893 for Shropshire), as its statistics publish it
 * (`old_la_code`), not the nine-character ONS code. Blank means not given.
 */
export const LA_CODE_MESSAGE = 'Use the DfE’s three-digit local authority number, for example 893';
export const LaCode = z.string().trim().regex(/^(\d{3})?$/, LA_CODE_MESSAGE).nullable().transform(blankToNull);
