import type { Person } from '../../domain/people.schema';
import type { AssignmentService } from '../assignment.service';
import type { SignOffService } from '../sign-off.service';
import type { WorkstreamUpdateService } from '../workstream-update.service';
import type { Situation } from './intent-decision';

/** What waits for someone, read when they type in their own words, so their words are weighed by it. */
export class SituationService {
  constructor(
    private readonly signOff: SignOffService,
    private readonly updates: WorkstreamUpdateService,
    private readonly assignments: AssignmentService,
  ) {}

  async of(person: Person): Promise<Situation> {
    const leads = person.roles.flatMap((r) => (r.role === 'workstream-lead' ? r.workstreams : []));
    const [round, posted, tasks] = await Promise.all([
      person.roles.some((r) => r.role === 'signatory') ? this.signOff.latest() : Promise.resolve(null),
      leads.length ? this.updates.latest(this.updates.currentQuarter().id) : Promise.resolve([]),
      this.assignments.tasksFor(person),
    ]);
    const done = new Set(posted.map((u) => u.workstreamId));
    return {
      roles: person.roles.map((r) => r.role),
      signOffWaiting: round?.round.status === 'open' && round.requests.some((r) => r.personId === person.id && r.state === 'pending'),
      updateDue: leads.some((w) => !done.has(w)),
      tasksWaiting: tasks.tasks.length > 0,
    };
  }
}
