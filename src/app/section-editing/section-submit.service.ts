import { sectionCompleteness } from '../../domain/completeness';
import type { Person } from '../../domain/people.schema';
import { Plan } from '../../domain/plan.schema';
import { sectionInfo } from '../../domain/plan.sections';
import { issueMessage } from '../questionnaire/form-values';
import type { AiSuggestions } from './ai-suggestions.service';
import type { EditConflicts } from './edit-conflicts.service';
import type { SectionEditContext } from './section-edit.context';
import type { CardPosition, EditResult, Json, Values } from './section-edit.types';
import { clone } from './section-form.engine';
import type { SectionFormViews } from './section-form.views';
import { assertMayChange } from './section-permissions';
import type { SectionSteps } from './section-steps.service';

/** Turning a person's draft into a new version of the plan, and closing the tasks it answers. */
export class SectionSubmit {
  constructor(
    private readonly context: SectionEditContext,
    private readonly steps: SectionSteps,
    private readonly views: SectionFormViews,
    private readonly conflicts: EditConflicts,
    private readonly suggestions: AiSuggestions,
  ) {}

  async submit(person: Person, at: CardPosition, values: Values, requestId: string): Promise<EditResult> {
    const { store, planId } = this.context;
    // A retry of a submit that was applied is answered "already saved", before any conflict check.
    if (await store.appliedRequest(requestId)) {
      const latest = await this.context.snapshot();
      return { kind: 'saved', section: at.section, snapshot: latest, completeness: sectionCompleteness(latest.plan, sectionInfo(at.section)), completedTasks: 0, unchanged: false, alreadySaved: true };
    }
    const taken = await this.steps.take(person, at, values);
    if (taken.kind !== 'ready') return taken.result;
    const { draft, snapshot, stored, content } = taken;
    const changes = await this.conflicts.changesSince(at.section, draft.baseVersion);
    if (changes.length) {
      await store.saveDraft({ ...draft, step: at.step, content });
      return this.conflicts.ofDraft(at.section, content, snapshot.version, changes);
    }
    // Whatever the draft holds (a row card, a stale draft, a forged one), what it changes must be theirs to change.
    assertMayChange(person, at.section, snapshot.plan[at.section], content);
    const tasks = await store.listAssignments({ planId, assigneeId: person.id, section: at.section, status: 'open' });
    const next = clone(snapshot.plan) as Json;
    next[at.section] = content;
    const resolved = new Set(tasks.map((t) => t.reviewCommentId).filter(Boolean));
    (next.reviewComments as Plan['reviewComments']).forEach((c) => resolved.has(c.id) && (c.status = 'resolved'));
    const parsed = Plan.safeParse(next);
    if (!parsed.success) {
      return this.views.form(person, at.section, content, draft.baseVersion, at.step, {
        hasDraft: stored,
        notice: { style: 'attention', text: `This can't be submitted yet: ${parsed.error.issues.map((i) => `${i.path.slice(1).join(' › ')}: ${issueMessage(i)}`).join('; ')}` },
      });
    }
    const label = sectionInfo(at.section).shortName;
    const suggested = await this.suggestions.used(person, at.section);
    const aiNote = suggested.length ? ' (used an AI suggestion)' : '';
    const saved = await store.savePlan(planId, snapshot.version, parsed.data, { actorId: person.id, summary: `${person.name} updated ${label}${aiNote}`, requestId });
    await store.deleteDraft(person.id, planId, at.section);
    await this.suggestions.settle(suggested);
    if (tasks.length) await store.completeAssignments(tasks.map((t) => t.id), { actorId: person.id, summary: `${person.name} submitted ${label}` });
    return {
      kind: 'saved',
      section: at.section,
      snapshot: saved.snapshot,
      completeness: sectionCompleteness(saved.snapshot.plan, sectionInfo(at.section)),
      completedTasks: tasks.length,
      unchanged: saved.changes.length === 0 && !saved.replayed,
    };
  }
}
