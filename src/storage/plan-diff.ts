import type { PartChange } from '../app/ports';
import type { PlanPart } from './plan-parts';

export interface PartsDiff {
  readonly upserts: readonly PlanPart[];
  readonly deletes: readonly PlanPart[];
  /** What a person would call a change: a body that differs. A row that only moved is not one. */
  readonly changes: readonly PartChange[];
}

const parse = (body: string): unknown => JSON.parse(body);

export const diffParts = (before: readonly PlanPart[], after: readonly PlanPart[]): PartsDiff => {
  const old = new Map(before.map((p) => [p.key, p]));
  const next = new Map(after.map((p) => [p.key, p]));
  const upserts: PlanPart[] = [];
  const changes: PartChange[] = [];
  for (const part of after) {
    const prior = old.get(part.key);
    if (!prior) {
      upserts.push(part);
      changes.push({ action: 'create', key: part.key, kind: part.kind, before: null, after: parse(part.body) });
    } else if (prior.body !== part.body) {
      upserts.push(part);
      changes.push({ action: 'update', key: part.key, kind: part.kind, before: parse(prior.body), after: parse(part.body) });
    } else if (prior.position !== part.position || prior.parentKey !== part.parentKey || prior.field !== part.field) {
      upserts.push(part);
    }
  }
  const deletes = before.filter((p) => !next.has(p.key));
  for (const part of deletes) changes.push({ action: 'delete', key: part.key, kind: part.kind, before: parse(part.body), after: null });
  return { upserts, deletes, changes };
};
