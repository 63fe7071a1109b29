import { requirementById } from '../domain/core-requirements.catalog';
import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import { Plan, RequirementStatus, SECTION_KEYS, type RequirementAssessment } from '../domain/plan.schema';
import type { PlanSnapshot, Store } from './ports';
import { assertUnchangedSince } from './risk-register.service';

/** The SRO records how well, and where, the plan meets each core minimum requirement. */
export class RequirementService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
  ) {}

  async mark(person: Person, input: { requirement: string; status: unknown; addressedIn: unknown; note: unknown; baseVersion: number }, requestId: string): Promise<PlanSnapshot> {
    if (!hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can assess the requirements.");
    if (!requirementById(input.requirement)) throw new DomainError('INPUT.INVALID', 'That requirement is not one of the 41.');
    const status = RequirementStatus.safeParse(input.status);
    if (!status.success) throw new DomainError('INPUT.INVALID', 'Choose how well the plan meets it.');
    const sections = (typeof input.addressedIn === 'string' ? input.addressedIn.split(',') : []).map((s) => s.trim()).filter(Boolean);
    if (!sections.every((s) => (SECTION_KEYS as readonly string[]).includes(s))) throw new DomainError('INPUT.INVALID', 'Choose sections from the list.');
    const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim() : null;
    if (note && note.length > 2000) throw new DomainError('INPUT.INVALID', 'The note is too long: the most is 2,000 characters.');
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    // A card opened before someone else assessed this requirement must not overwrite their assessment.
    if (!(await this.store.appliedRequest(requestId))) await assertUnchangedSince(this.store, this.planId, { key: `requirements/${input.requirement}`, since: input.baseVersion });
    const assessment: RequirementAssessment = { id: input.requirement, status: status.data, addressedIn: sections as RequirementAssessment['addressedIn'], note };
    const plan = structuredClone(snapshot.plan);
    const index = plan.requirements.findIndex((r) => r.id === input.requirement);
    if (index >= 0) plan.requirements[index] = assessment;
    else plan.requirements.push(assessment);
    const saved = await this.store.savePlan(this.planId, snapshot.version, Plan.parse(plan), {
      actorId: person.id,
      summary: `${person.name} assessed requirement ${input.requirement}`,
      requestId,
    });
    return saved.snapshot;
  }
}
