import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import { isCalendarDate, NO_SUCH_DATE, SectionKey } from '../domain/plan.schema';
import { deliveryWord, type DeliveryWord } from './reach';
import { outboxMessage, type OutboxDispatcher } from './outbox.service';
import type { Assignment, Clock, Draft, Store } from './ports';

export interface AssignResult {
  readonly assignment: Assignment;
  readonly assignee: Person;
  readonly delivery: DeliveryWord;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The SRO gives sections to people with a due date; people see what is theirs. */
export class AssignmentService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly clock: Clock,
    private readonly outbox: OutboxDispatcher,
  ) {}

  async assign(sro: Person, input: { section: SectionKey; assigneeId: unknown; dueDate: unknown; note: unknown }, requestId: string): Promise<AssignResult> {
    if (!hasRole(sro, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can assign sections.");
    const assigneeId = typeof input.assigneeId === 'string' ? input.assigneeId : '';
    const assignee = assigneeId ? await this.store.findPerson(assigneeId) : null;
    if (!assignee) throw new DomainError('INPUT.INVALID', 'Choose someone from the roster to assign it to.');
    const dueDate = typeof input.dueDate === 'string' && input.dueDate.trim() ? input.dueDate.trim() : null;
    if (dueDate === null || !ISO_DATE.test(dueDate)) throw new DomainError('INPUT.INVALID', 'Choose the date it is due by.', { fields: { dueDate: 'Choose the date it is due by.' } });
    if (!isCalendarDate(dueDate)) throw new DomainError('INPUT.INVALID', `${dueDate} is not a date. ${NO_SUCH_DATE}.`, { fields: { dueDate: NO_SUCH_DATE } });
    const today = this.clock.now().toISOString().slice(0, 10);
    if (dueDate < today) throw new DomainError('INPUT.INVALID', 'The due date is in the past: choose today or a later date.', { fields: { dueDate: 'This date is in the past.' } });
    const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim().slice(0, 2000) : null;
    const fields = { id: `assign-${requestId}`.slice(0, 120), planId: this.planId, section: SectionKey.parse(input.section), assigneeId, dueDate, note, assignedBy: sro.id, reviewCommentId: null };
    // The card is queued in the same transaction as the assignment, and sent once it has committed.
    const card = outboxMessage(fields.id, assignee.id, {
      kind: 'assignment',
      assignment: { ...fields, status: 'open', createdAt: this.clock.now().toISOString(), completedAt: null },
      assignedByName: sro.name,
    });
    const assignment = await this.store.addAssignment(fields, { actorId: sro.id, summary: `${sro.name} assigned a section to ${assignee.name}`, notify: [card] });
    const outcome = (await this.outbox.dispatch([card.id])).get(card.id);
    const delivery = deliveryWord(outcome);
    return { assignment, assignee, delivery };
  }

  /** Every open assignment of the plan: who holds each section. */
  open(): Promise<Assignment[]> {
    return this.store.listAssignments({ planId: this.planId, status: 'open' });
  }

  /** The person's own unsubmitted drafts. */
  draftsOf(person: Person): Promise<Draft[]> {
    return this.store.listDrafts(person.id, this.planId);
  }

  async tasksFor(person: Person): Promise<{ tasks: Assignment[]; drafts: Draft[] }> {
    const [tasks, drafts] = await Promise.all([
      this.store.listAssignments({ planId: this.planId, assigneeId: person.id, status: 'open' }),
      this.store.listDrafts(person.id, this.planId),
    ]);
    return { tasks, drafts };
  }
}
