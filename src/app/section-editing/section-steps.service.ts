import type { Person } from '../../domain/people.schema';
import type { Draft, PlanSnapshot } from '../ports';
import type { SectionEditContext } from './section-edit.context';
import type { CardPosition, EditResult, Values } from './section-edit.types';
import { applyStep, FIX_NOTICE, sameContent, stepAfter } from './section-form.engine';
import type { SectionDrafts } from './section-drafts.service';
import type { SectionFormViews } from './section-form.views';

/** A step's answers read into the draft's content, or the result to show instead (refused, out of date, or to put right). */
export type StepTaken = { kind: 'ready'; draft: Draft; snapshot: PlanSnapshot; stored: boolean; content: unknown } | { kind: 'done'; result: EditResult };

/** Going through a section's questionnaire one step at a time. */
export class SectionSteps {
  constructor(
    private readonly context: SectionEditContext,
    private readonly drafts: SectionDrafts,
    private readonly views: SectionFormViews,
  ) {}

  /** Reads what was typed on the card's step; nothing is saved while any of it is wrong. */
  async take(person: Person, at: CardPosition, values: Values): Promise<StepTaken> {
    const ready = await this.drafts.begin(person, at, values);
    if (ready.kind !== 'ready') return ready;
    const { draft, snapshot, stored } = ready;
    const applied = applyStep(snapshot.plan, at.section, draft.content, at.step, values);
    if (!applied.ok) {
      return { kind: 'done', result: await this.views.form(person, at.section, draft.content, draft.baseVersion, at.step, { hasDraft: stored, errors: applied.errors, raw: values, notice: FIX_NOTICE }) };
    }
    return { ...ready, content: applied.content };
  }

  /** Back, Next or Save draft: keep what was typed on this step in the person's draft. */
  async move(person: Person, at: CardPosition, values: Values, direction: 'back' | 'next' | 'save'): Promise<EditResult> {
    const taken = await this.take(person, at, values);
    if (taken.kind !== 'ready') return taken.result;
    const { draft, stored, content } = taken;
    const step = stepAfter(at.section, at.step, direction);
    // Paging through a section is reading it: only a change makes a draft.
    if (!stored && sameContent(content, draft.content)) {
      const notice = direction === 'save' ? { style: 'good' as const, text: 'Nothing to save: you have not changed anything in this section.' } : null;
      return this.views.form(person, at.section, draft.content, draft.baseVersion, step, { hasDraft: false, notice });
    }
    await this.context.saveDraft(person, at.section, draft.baseVersion, step, content);
    const notice = direction === 'save' ? { style: 'good' as const, text: 'Draft saved. Only you can see it until you submit.' } : null;
    return this.views.form(person, at.section, content, draft.baseVersion, step, { hasDraft: true, notice });
  }
}
