import { DomainError } from '../../domain/errors';
import { itemChangeRefusal, workstreamChangeRefusal } from '../../domain/ownership';
import { hasRole, type Person } from '../../domain/people.schema';
import type { SectionKey } from '../../domain/plan.schema';
import { sectionInfo } from '../../domain/plan.sections';
import type { Store } from '../ports';

/** A lead answers for their workstreams' delivery, risks and dependencies without being asked to. */
const WORKSTREAM_LEAD_SECTIONS: readonly SectionKey[] = ['deliveryPlan', 'risks', 'dependencies'];

/** Who may change a section: the SRO, a lead for their own sections, and anyone with an open task for it. */
export class SectionPermissions {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
  ) {}

  async canEdit(person: Person, section: SectionKey): Promise<boolean> {
    if (hasRole(person, 'sro')) return true;
    if (hasRole(person, 'workstream-lead') && WORKSTREAM_LEAD_SECTIONS.includes(section)) return true;
    const mine = await this.store.listAssignments({ planId: this.planId, assigneeId: person.id, section, status: 'open' });
    return mine.length > 0;
  }

  /** Refuses someone who may only read; `consequence` finishes the sentence for what they were trying to do. */
  async requireEdit(person: Person, section: SectionKey, consequence: string): Promise<void> {
    if (!(await this.canEdit(person, section))) {
      throw new DomainError('AUTH.FORBIDDEN', `You can read ${sectionInfo(section).shortName}, but your role does not let you change it${consequence}`);
    }
  }
}

/**
 * Leads change only their own workstreams' rows in Q6, and only the risks and dependencies
 * they own; adding, removing or renaming a workstream is for the SRO.
 */
export function assertMayChange(person: Person, section: SectionKey, before: unknown, after: unknown): void {
  const list = (content: unknown, key: string) => {
    const value = content && typeof content === 'object' ? (content as Record<string, unknown>)[key] : undefined;
    return (Array.isArray(value) ? value : []) as never[];
  };
  const refusal =
    section === 'deliveryPlan'
      ? workstreamChangeRefusal(person, list(before, 'workstreams'), list(after, 'workstreams'))
      : section === 'risks'
        ? itemChangeRefusal(person, list(before, 'risks'), list(after, 'risks'), 'risk')
        : section === 'dependencies'
          ? itemChangeRefusal(person, list(before, 'items'), list(after, 'items'), 'dependency')
          : null;
  if (refusal) throw new DomainError('AUTH.FORBIDDEN', `${refusal} Nothing has been changed.`);
}
