import { inputName } from '../questionnaire/input-name';
import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../../domain/document.model';
import { DomainError } from '../../domain/errors';
import { Plan, type SectionKey } from '../../domain/plan.schema';
import { getAt, issueMessage, parseInput, setAt } from '../questionnaire/form-values';
import { SECTION_FORMS, type FieldSpec, type TableSpec } from '../questionnaire/section-forms';
import type { CardPosition, Json, Values } from './section-edit.types';

/** Errors keyed by field path; `_` holds one that belongs to no single field. */
export type FieldErrors = Record<string, string>;

export const inputId = (field: FieldSpec): string => inputName(field.path);

export const clone = <T>(v: T): T => structuredClone(v);
export const shortId = () => randomBytes(3).toString('hex');

export const FIX_NOTICE = { style: 'attention' as const, text: 'Please put right the answers marked below. Nothing has been saved.' };

/** What the person typed for a field, if the card sent it: typing is shown back rather than lost. */
export const typedValue = (values: Values | null | undefined, field: FieldSpec): string | undefined => {
  const value = values?.[inputId(field)];
  return typeof value === 'string' ? value : undefined;
};

/** Whether two section contents hold the same answers, whatever order their keys were set in. */
export const sameContent = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

export function stepAfter(section: SectionKey, step: number, direction: 'back' | 'next' | 'save'): number {
  const stepCount = SECTION_FORMS[section].steps.length;
  return direction === 'next' ? Math.min(step + 1, stepCount - 1) : direction === 'back' ? Math.max(step - 1, 0) : step;
}

export function tableOf(at: CardPosition): TableSpec {
  const table = SECTION_FORMS[at.section].steps[at.step]?.table;
  if (!table) throw new DomainError('INPUT.INVALID', 'That card refers to a table that does not exist.');
  return table;
}

export const rowsOf = (content: unknown, table: TableSpec): Json[] => (getAt(content, table.path) as Json[]) ?? [];

/** The section with its table's rows replaced; a section that is only a table is the rows themselves. */
export const withRows = (content: Json, table: TableSpec, rows: Json[]): unknown => (table.path === '' ? rows : (setAt(content, table.path, rows), content));

export function freshId(table: TableSpec, rows: Json[]): string {
  let id = `${table.idPrefix}-${shortId()}`;
  while (rows.some((r) => r.id === id)) id = `${table.idPrefix}-${shortId()}`;
  return id;
}

/** Reads each field's input into `target`, which it changes; returns what could not be read. */
export function parseFields(fields: readonly FieldSpec[], values: Values, target: Json, newId: () => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const parsed = parseInput(field, values[inputId(field)], getAt(target, field.path), newId);
    if (parsed.ok) setAt(target, field.path, parsed.value);
    else errors[field.path] = parsed.error;
  }
  return errors;
}

export function applyStep(plan: Plan, section: SectionKey, content: unknown, step: number, values: Values): { ok: true; content: unknown } | { ok: false; errors: FieldErrors } {
  const fields = SECTION_FORMS[section].steps[step]?.fields ?? [];
  if (fields.length === 0) return { ok: true, content };
  const next = clone(content) as Json;
  const errors = parseFields(fields, values, next, () => `${section}-${shortId()}`);
  if (Object.keys(errors).length === 0) Object.assign(errors, schemaErrors(plan, section, next, (path) => (fields.some((f) => f.path === path) ? path : null)));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, content: next };
}

/** Validate the section inside the whole plan (ids are unique plan-wide per table), mapped to fields. */
export function schemaErrors(plan: Plan, section: SectionKey, content: unknown, toField: (path: string) => string | null): FieldErrors {
  const candidate = { ...plan, [section]: content };
  const result = Plan.safeParse(candidate);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.path[0] !== section) continue;
    const key = toField(issue.path.slice(1).join('.')) ?? '_';
    errors[key] ??= issueMessage(issue);
  }
  if (Object.keys(errors).length === 0) errors._ = 'This answer does not fit the plan record.';
  return errors;
}

export function rowFieldPath(path: string, table: TableSpec, index: number): string | null {
  const prefix = table.path === '' ? `${index}.` : `${table.path}.${index}.`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}
