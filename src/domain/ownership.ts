import { DomainError } from './errors';
import { hasRole, type Person } from './people.schema';
import type { ItemOwner, Workstream } from './plan.schema';

/** The workstreams a person leads, from their roster grants. */
export const ledWorkstreams = (person: Person): string[] => person.roles.flatMap((r) => (r.role === 'workstream-lead' ? r.workstreams : []));

/** Whom a new risk or dependency belongs to: the workstream its lead adds it for, else its author. */
export const defaultOwner = (person: Person): ItemOwner => {
  const led = ledWorkstreams(person);
  return !hasRole(person, 'sro') && led.length === 1 ? { kind: 'workstream', id: led[0]! } : { kind: 'person', id: person.id };
};

/**
 * The SRO changes anything; otherwise only the owning person, or a lead of the owning workstream
 * (or someone the lead or the SRO named to post for it: `delegated`). No owner means the SRO's.
 */
export const ownsItem = (person: Person, owner: ItemOwner | null | undefined, delegated: readonly string[] = []): boolean => {
  if (hasRole(person, 'sro')) return true;
  if (!owner) return false;
  return owner.kind === 'person' ? owner.id === person.id : ledWorkstreams(person).includes(owner.id) || delegated.includes(owner.id);
};

export const assertOwnsItem = (person: Person, owner: ItemOwner | null | undefined, what: 'risk' | 'dependency', delegated: readonly string[] = []): void => {
  if (!ownsItem(person, owner, delegated)) {
    throw new DomainError('AUTH.FORBIDDEN', `Only the ${what}'s owner or the SRO can change or close this ${what}. Ask the SRO if it should be yours.`);
  }
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a non-SRO may not do to the delivery plan's workstreams (Q6): change a workstream they do
 * not lead, add, remove or rename one. `null` when the change is theirs to make.
 */
export const workstreamChangeRefusal = (person: Person, before: readonly Workstream[], after: readonly Workstream[]): string | null => {
  if (hasRole(person, 'sro')) return null;
  const led = ledWorkstreams(person);
  const was = new Map(before.map((w) => [w.id, w]));
  const now = new Map(after.map((w) => [w.id, w]));
  for (const [id, w] of was) {
    if (!now.has(id)) return `Only the SRO can remove a workstream (${w.code}: ${w.name}).`;
  }
  for (const [id, w] of now) {
    const old = was.get(id);
    if (!old) return 'Only the SRO can add a workstream.';
    if (same(old, w)) continue;
    if (!led.includes(id)) return `You can change only the workstreams you lead; ${old.code}: ${old.name} is led by someone else.`;
    if (old.code !== w.code || old.name !== w.name) return 'Only the SRO can rename a workstream.';
  }
  return null;
};

/**
 * What a non-SRO may not do to the risk register or dependency log: change, close or remove an
 * item they do not own, or take over or give away ownership. `null` when the change is theirs.
 */
export const itemChangeRefusal = (
  person: Person,
  before: readonly { id: string; owner?: ItemOwner | null }[],
  after: readonly { id: string; owner?: ItemOwner | null }[],
  what: 'risk' | 'dependency',
): string | null => {
  if (hasRole(person, 'sro')) return null;
  const now = new Map(after.map((x) => [x.id, x]));
  for (const old of before) {
    const next = now.get(old.id);
    if (next && same(old, next)) continue;
    if (!ownsItem(person, old.owner)) return `Only the ${what}'s owner or the SRO can change, close or remove it.`;
    if (next && !same(old.owner ?? null, next.owner ?? null)) return `Only the SRO can change who owns a ${what}.`;
  }
  return null;
};
