import { blankPlan } from '../domain/blank-plan';
import type { Person } from '../domain/people.schema';
import type { Plan } from '../domain/plan.schema';
import type { Assignment, Store } from './ports';

/** A task the demo starts with: one of the reference's open review comments, given to its addressee. */
export type SeedAssignment = Pick<Assignment, 'id' | 'section' | 'assigneeId' | 'dueDate' | 'note' | 'reviewCommentId'>;

export const SYSTEM_ACTOR = 'system';

export interface BootstrapResult {
  /** What an empty database was given: the demo plan, or Annex A with nothing filled in. */
  readonly created: 'demo' | 'blank' | null;
  readonly planVersion: number | null;
  /** `notInFile`: with ROSTER_SYNC=seed, people stored (added in Teams, or left out of the file since) whom the file does not name. */
  readonly roster: { added: number; changed: number; removed: number; notInFile: number };
}

/**
 * The roster file at start. 'replace': the stored roster is made equal to the file (a council that
 * keeps its roster as configuration). 'seed': only people the file names who are not stored yet are
 * added, so what the SRO changed in Teams is never undone by a restart.
 */
const loadRoster = async (store: Store, people: readonly Person[], sync: 'seed' | 'replace') => {
  if (sync === 'replace') return { ...(await store.replaceRoster(people, { actorId: SYSTEM_ACTOR, summary: 'Roster loaded from the roster file' })), notInFile: 0 };
  const current = await store.listPeople();
  // Someone the SRO removed in Teams stays removed: the file only brings in people never seen before.
  const stored = new Set([...current.map((p) => p.id), ...(await store.removedPersonIds())]);
  const named = new Set(people.map((p) => p.id));
  let added = 0;
  // SROs first, so the rule that the roster keeps an SRO holds from the first person on.
  const order = [...people].sort((a, b) => Number(b.roles.some((r) => r.role === 'sro')) - Number(a.roles.some((r) => r.role === 'sro')));
  for (const person of order.filter((p) => !stored.has(p.id))) {
    try {
      await store.savePerson(person, 0, { actorId: SYSTEM_ACTOR, summary: 'Added from the roster file' });
      added++;
    } catch (error) {
      // Two instances starting together: the other one added them first.
      if (!(await store.findPerson(person.id))) throw error;
    }
  }
  // Said at start: a file edited to remove someone no longer removes them (the SRO does, in Teams).
  return { added, changed: 0, removed: 0, notInFile: current.filter((p) => !named.has(p.id)).length };
};

/**
 * Start-up: bring the roster file into the stored roster, and give an empty database a plan: the
 * demo plan, so a newcomer has something real to look at, or (in production) a blank Annex A that
 * the partnership fills in through cards or by sending its Word draft.
 */
export const bootstrapStore = async (
  store: Store,
  options: { planId: string; roster: readonly Person[]; rosterSync?: 'seed' | 'replace'; seedPlan?: () => Plan; seedAssignments?: readonly SeedAssignment[] },
): Promise<BootstrapResult> => {
  const roster = await loadRoster(store, options.roster, options.rosterSync ?? 'seed');
  const existing = await store.loadPlan(options.planId);
  if (existing) return { created: null, planVersion: existing.version, roster };
  const demo = Boolean(options.seedPlan);
  const meta = { actorId: SYSTEM_ACTOR, summary: demo ? 'Demo plan loaded into an empty database' : 'A blank plan (Annex A) started in an empty database' };
  let created;
  try {
    created = await store.createPlan(options.planId, (options.seedPlan ?? blankPlan)(), meta);
  } catch (error) {
    // Two instances starting on one empty database: the other one made it first.
    const seededByAnother = await store.loadPlan(options.planId);
    if (seededByAnother) return { created: null, planVersion: seededByAnother.version, roster };
    throw error;
  }
  if (!demo) return { created: 'blank', planVersion: created.version, roster };
  const sro = options.roster.find((p) => p.roles.some((r) => r.role === 'sro'));
  for (const seed of options.seedAssignments ?? []) {
    if (!options.roster.some((p) => p.id === seed.assigneeId)) continue;
    await store.addAssignment({ ...seed, planId: options.planId, assignedBy: sro?.id ?? SYSTEM_ACTOR }, meta);
  }
  return { created: 'demo', planVersion: created.version, roster };
};
