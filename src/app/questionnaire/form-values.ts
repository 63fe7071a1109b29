import type { z } from 'zod';
import { formatPence } from '../../domain/money';
import type { FieldSpec } from './section-forms';

/** Reading and writing a value at a dotted path ("quarters.Q2.trajectory.text"); '' is the object itself. */
export const getAt = (root: unknown, path: string): unknown =>
  path === '' ? root : path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);

export const setAt = (root: Record<string, unknown>, path: string, value: unknown): void => {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
};

/** The value as a card input shows it. */
export const displayValue = (field: FieldSpec, value: unknown): string => {
  if (value === null || value === undefined) return '';
  switch (field.kind) {
    case 'lines':
      return Array.isArray(value) ? value.join('\n') : '';
    case 'milestones':
      return Array.isArray(value) ? value.map((m: { text: string }) => m.text).join('\n') : '';
    case 'choices':
      return Array.isArray(value) ? value.join(',') : '';
    case 'pounds':
      return typeof value === 'number' ? formatPence(value).replace(/^£/, '') : '';
    case 'yesno':
      return value === true ? 'yes' : value === false ? 'no' : '';
    default:
      return String(value);
  }
};

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * What a person typed, turned into the record's value. Anything that is not text of the
 * expected shape is refused here, before the schema sees it.
 */
export const parseInput = (field: FieldSpec, raw: unknown, previous: unknown, newId: () => string): Parsed => {
  if (raw !== undefined && typeof raw !== 'string') return { ok: false, error: 'That answer was not text.' };
  const text = (raw ?? '').replace(/\r\n/g, '\n');
  if (field.max !== undefined && text.length > field.max) {
    return { ok: false, error: `That is ${text.length.toLocaleString('en-GB')} characters; the most is ${field.max.toLocaleString('en-GB')}.` };
  }
  const trimmed = text.trim();
  switch (field.kind) {
    case 'lines':
      return { ok: true, value: text.split('\n').map((l) => l.trim()).filter(Boolean) };
    case 'milestones': {
      // Keep each line's id by position, so a milestone's history follows it through edits.
      const old = Array.isArray(previous) ? (previous as { id: string }[]) : [];
      const texts = text.split('\n').map((l) => l.trim()).filter(Boolean);
      return { ok: true, value: texts.map((t, i) => ({ id: old[i]?.id ?? newId(), text: t })) };
    }
    case 'number': {
      if (!trimmed) return { ok: true, value: null };
      const n = trimmed.replace(/[,%\s]/g, '');
      return NUMBER.test(n) ? { ok: true, value: Number(n) } : { ok: false, error: 'Enter a number, such as 13 or 0.5.' };
    }
    case 'pounds': {
      if (!trimmed) return { ok: true, value: null };
      const n = trimmed.replace(/[£,\s]/g, '');
      if (!NUMBER.test(n)) return { ok: false, error: 'Enter an amount in pounds, such as 27,500 or 16250.50.' };
      return { ok: true, value: Math.round(Number(n) * 100) };
    }
    case 'yesno':
      return trimmed === 'yes' ? { ok: true, value: true } : trimmed === 'no' ? { ok: true, value: false } : trimmed ? { ok: false, error: 'Choose yes or no.' } : { ok: true, value: null };
    case 'choices':
      return { ok: true, value: trimmed ? trimmed.split(',').map((v) => v.trim()).filter(Boolean) : [] };
    case 'choice':
      if (!trimmed) return { ok: true, value: null };
      return field.choices?.some((c) => c.value === trimmed) ? { ok: true, value: trimmed } : { ok: false, error: 'Choose one of the options.' };
    default:
      return { ok: true, value: trimmed ? text : null };
  }
};

/** Zod's words are for developers; these are for the person filling in the form. */
export const issueMessage = (issue: z.ZodIssue): string => {
  if (issue.code === 'invalid_type' && issue.received === 'null') return 'This one is needed.';
  if (issue.code === 'too_small' && issue.type === 'string') return 'This one is needed.';
  if (issue.code === 'too_big' && issue.type === 'string') return `Too long: the most is ${Number(issue.maximum).toLocaleString('en-GB')} characters.`;
  if (issue.code === 'too_big' && issue.type === 'array') return `Too many: the most is ${issue.maximum}.`;
  if (issue.code === 'invalid_enum_value') return 'Choose one of the options.';
  return issue.message;
};
