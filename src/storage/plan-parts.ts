import type { Plan } from '../domain/plan.schema';

/**
 * The plan is stored as its parts: one row per section and one row per table row
 * (signatory, workstream, milestone, risk, governance mechanism, ...). A change to one risk
 * rewrites one row and leaves one audit entry, whatever engine sits underneath.
 *
 * Any array whose items are objects with a string `id` is a table; every other value stays in
 * the body of the part that holds it.
 */
export interface PlanPart {
  /** "deliveryPlan", "deliveryPlan/workstreams/ws-1a", ".../quarters.Q2.milestones/ws-1a-q2-m1" */
  readonly key: string;
  readonly parentKey: string | null;
  /** Where, inside the parent, the row's table sits ("quarters.Q2.milestones"). */
  readonly field: string | null;
  readonly position: number;
  /** "section" for a whole section, else the table's name ("milestones", "risks"). */
  readonly kind: string;
  /** JSON of the part without its child tables. */
  readonly body: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isRow = (value: Json): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.id === 'string';
const isTable = (value: Json): value is JsonObject[] => Array.isArray(value) && value.length > 0 && value.every(isRow);

const childKey = (parentKey: string | null, field: string, id: string) => `${parentKey === null ? '' : `${parentKey}/`}${field}/${id}`;

/** Strip the tables out of `value`, emitting them as parts; returns the body left behind. */
interface Owner {
  readonly key: string | null;
  /** Names the owner's rows by: the section name, or the owner's own table name. */
  readonly name: string;
}

const strip = (value: Json, path: string[], owner: Owner, out: PlanPart[]): Json => {
  if (isTable(value)) {
    const field = path.join('.');
    value.forEach((row, position) => emitRow(row, owner, field, position, out));
    return [];
  }
  if (Array.isArray(value)) return value.map((v, i) => strip(v, [...path, String(i)], owner, out));
  if (value !== null && typeof value === 'object') {
    const body: JsonObject = {};
    for (const [k, v] of Object.entries(value)) body[k] = strip(v, [...path, k], owner, out);
    return body;
  }
  return value;
};

const emitRow = (row: JsonObject, owner: Owner, field: string, position: number, out: PlanPart[]) => {
  const key = childKey(owner.key, field, row.id as string);
  const table = field.split('.').pop() ?? field;
  const kind = owner.key === null ? table : `${owner.name}.${table}`;
  const children: PlanPart[] = [];
  const body: JsonObject = {};
  for (const [k, v] of Object.entries(row)) body[k] = strip(v, [k], { key, name: table }, children);
  out.push({ key, parentKey: owner.key, field, position, kind, body: JSON.stringify(body) }, ...children);
};

export const decomposePlan = (plan: Plan): PlanPart[] => {
  const out: PlanPart[] = [];
  for (const [section, value] of Object.entries(plan as unknown as JsonObject)) {
    if (isTable(value) || (Array.isArray(value) && value.length === 0)) {
      // A marker part keeps an emptied top-level table in existence.
      out.push({ key: section, parentKey: null, field: null, position: 0, kind: 'table', body: '[]' });
      value.forEach((row, position) => emitRow(row as JsonObject, { key: null, name: section }, section, position, out));
      continue;
    }
    const children: PlanPart[] = [];
    const body = strip(value, [], { key: section, name: section }, children);
    out.push({ key: section, parentKey: null, field: null, position: 0, kind: 'section', body: JSON.stringify(body) }, ...children);
  }
  return out;
};

const depth = (key: string) => key.split('/').length;

const appendAt = (target: JsonObject, field: string, row: Json) => {
  const path = field.split('.');
  let node: JsonObject = target;
  for (const step of path.slice(0, -1)) {
    const next = node[step];
    if (next === undefined || next === null || typeof next !== 'object') node[step] = {};
    node = node[step] as JsonObject;
  }
  const last = path[path.length - 1] as string;
  const list = Array.isArray(node[last]) ? (node[last] as Json[]) : [];
  list.push(row);
  node[last] = list;
};

/** Rebuild the record from its parts; the result still has to pass the Plan schema. */
export const composePlan = (parts: readonly PlanPart[]): unknown => {
  const root: JsonObject = {};
  const objects = new Map<string, JsonObject>();
  const ordered = [...parts].sort((a, b) => depth(a.key) - depth(b.key) || a.position - b.position || a.key.localeCompare(b.key));
  for (const part of ordered) {
    const body = JSON.parse(part.body) as Json;
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) objects.set(part.key, body);
    if (part.field === null) {
      root[part.key] = body;
      continue;
    }
    const parent = part.parentKey === null ? root : objects.get(part.parentKey);
    if (!parent) throw new Error(`Plan part ${part.key} has no parent ${part.parentKey}`);
    appendAt(parent, part.field, body);
  }
  return root;
};
