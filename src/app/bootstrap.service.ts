import type { Person } from '../domain/people.schema';
import type { Plan } from '../domain/plan.schema';
import type { Assignment, Store } from './ports';

/** A task the demo starts with: one of the reference's open review comments, given to its addressee. */
export type SeedAssignment = Pick<Assignment, 'id' | 'section' | 'assigneeId' | 'dueDate' | 'note' | 'reviewCommentId'>;

export const SYSTEM_ACTOR = 'system';

export interface BootstrapResult {
  readonly seeded: boolean;
  readonly planVersion: number | null;
  readonly roster: { added: number; changed: number; removed: number };
}

/**
 * Start-up: make the stored roster match the roster file, and give an empty database the
 * demo plan so a newcomer has something real to look at.
 */
export const bootstrapStore = async (
  store: Store,
  options: { planId: string; roster: readonly Person[]; seedPlan?: () => Plan; seedAssignments?: readonly SeedAssignment[] },
): Promise<BootstrapResult> => {
  const roster = await store.replaceRoster(options.roster, { actorId: SYSTEM_ACTOR, summary: 'Roster loaded from the roster file' });
  const existing = await store.loadPlan(options.planId);
  if (existing || !options.seedPlan) return { seeded: false, planVersion: existing?.version ?? null, roster };
  const meta = { actorId: SYSTEM_ACTOR, summary: 'Demo plan loaded into an empty database' };
  let created;
  try {
    created = await store.createPlan(options.planId, options.seedPlan(), meta);
  } catch (error) {
    // Two instances starting on one empty database: the other one seeded it first.
    const seededByAnother = await store.loadPlan(options.planId);
    if (seededByAnother) return { seeded: false, planVersion: seededByAnother.version, roster };
    throw error;
  }
  const sro = options.roster.find((p) => p.roles.some((r) => r.role === 'sro'));
  for (const seed of options.seedAssignments ?? []) {
    if (!options.roster.some((p) => p.id === seed.assigneeId)) continue;
    await store.addAssignment({ ...seed, planId: options.planId, assignedBy: sro?.id ?? SYSTEM_ACTOR }, meta);
  }
  return { seeded: true, planVersion: created.version, roster };
};
