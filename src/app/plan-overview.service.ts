import { planCompleteness, type SectionCompleteness } from '../domain/completeness';
import { DomainError } from '../domain/errors';
import { hasRole } from '../domain/people.schema';
import { assessReadiness, type ReadinessReport } from '../domain/readiness';
import type { Plan } from '../domain/plan.schema';
import type { PlanSnapshot, Store } from './ports';

/** Reading the plan as a whole: its status and its readiness for sign-off. */
export class PlanOverviewService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
  ) {}

  async current(): Promise<PlanSnapshot> {
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${this.planId}`, { planId: this.planId });
    return snapshot;
  }

  /** The plan, or null before there is one (the help card is shown either way). */
  async planIfAny(): Promise<Plan | null> {
    return (await this.store.loadPlan(this.planId))?.plan ?? null;
  }

  async status(): Promise<{ snapshot: PlanSnapshot; sections: SectionCompleteness[] }> {
    const snapshot = await this.current();
    return { snapshot, sections: planCompleteness(snapshot.plan) };
  }

  async readiness(): Promise<{ snapshot: PlanSnapshot; report: ReadinessReport }> {
    const [snapshot, people] = await Promise.all([this.current(), this.store.listPeople()]);
    const rosterSroCount = people.filter((p) => hasRole(p, 'sro')).length;
    return { snapshot, report: assessReadiness(snapshot.plan, { rosterSroCount }) };
  }
}
