import { DomainError } from '../../domain/errors';
import type { Person } from '../../domain/people.schema';
import type { SectionKey } from '../../domain/plan.schema';
import type { Clock, Draft, PlanSnapshot, Store } from '../ports';

/** The one plan that every part of section editing works on, and where its drafts are kept. */
export class SectionEditContext {
  constructor(
    readonly store: Store,
    readonly planId: string,
    readonly clock: Clock,
  ) {}

  async snapshot(): Promise<PlanSnapshot> {
    const s = await this.store.loadPlan(this.planId);
    if (!s) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${this.planId}`, { planId: this.planId });
    return s;
  }

  loadDraft(person: Person, section: SectionKey): Promise<Draft | null> {
    return this.store.loadDraft(person.id, this.planId, section);
  }

  saveDraft(person: Person, section: SectionKey, baseVersion: number, step: number, content: unknown): Promise<Draft> {
    return this.store.saveDraft({ personId: person.id, planId: this.planId, section, baseVersion, step, content });
  }

  /** A draft held only in memory: it is written when, and only if, something in it changes. */
  unsavedDraft(person: Person, section: SectionKey, baseVersion: number, step: number, content: unknown): Draft {
    return { personId: person.id, planId: this.planId, section, baseVersion, step, content, updatedAt: '' };
  }
}
