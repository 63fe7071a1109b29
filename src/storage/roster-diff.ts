import type { PartChange } from '../app/ports';
import type { Person } from '../domain/people.schema';

export interface RosterDiff {
  readonly changes: readonly PartChange[];
  readonly counts: { added: number; changed: number; removed: number };
}

const same = (a: Person, b: Person) => JSON.stringify(a) === JSON.stringify(b);

export const diffRoster = (current: readonly Person[], next: readonly Person[]): RosterDiff => {
  const byId = new Map(current.map((p) => [p.id, p]));
  const nextIds = new Set(next.map((p) => p.id));
  const changes: PartChange[] = [];
  for (const person of next) {
    const prior = byId.get(person.id);
    if (!prior) changes.push({ action: 'create', key: person.id, kind: 'person', before: null, after: person });
    else if (!same(prior, person)) changes.push({ action: 'update', key: person.id, kind: 'person', before: prior, after: person });
  }
  for (const person of current) {
    if (!nextIds.has(person.id)) changes.push({ action: 'delete', key: person.id, kind: 'person', before: person, after: null });
  }
  const count = (action: PartChange['action']) => changes.filter((c) => c.action === action).length;
  return { changes, counts: { added: count('create'), changed: count('update'), removed: count('delete') } };
};
