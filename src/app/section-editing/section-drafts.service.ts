import { DomainError } from '../../domain/errors';
import type { Person } from '../../domain/people.schema';
import type { SectionKey } from '../../domain/plan.schema';
import { SECTION_FORMS } from '../questionnaire/section-forms';
import type { Draft, PlanSnapshot } from '../ports';
import type { AiSuggestions } from './ai-suggestions.service';
import type { EditConflicts } from './edit-conflicts.service';
import type { SectionEditContext } from './section-edit.context';
import type { CardPosition, EditResult, FormView, Values } from './section-edit.types';
import { clone } from './section-form.engine';
import type { SectionFormViews } from './section-form.views';
import type { SectionPermissions } from './section-permissions';

/** Where a card's action may go on from: the person's draft, and the plan it builds on. */
export type Begun = { kind: 'ready'; draft: Draft; snapshot: PlanSnapshot; stored: boolean } | { kind: 'done'; result: EditResult };

/** Drafts belong to the person and survive a restart; nobody else sees one until it is submitted. */
export class SectionDrafts {
  constructor(
    private readonly context: SectionEditContext,
    private readonly permissions: SectionPermissions,
    private readonly views: SectionFormViews,
    private readonly conflicts: EditConflicts,
    private readonly suggestions: AiSuggestions,
  ) {}

  async open(person: Person, section: SectionKey, step?: number, notice: FormView['notice'] = null): Promise<FormView> {
    const snapshot = await this.context.snapshot();
    const draft = await this.context.loadDraft(person, section);
    const content = draft ? draft.content : clone(snapshot.plan[section]);
    const base = draft ? draft.baseVersion : snapshot.version;
    return this.views.form(person, section, content, base, step ?? draft?.step ?? 0, { hasDraft: Boolean(draft), notice });
  }

  /**
   * Every action starts here: may this person edit, is the card current, and where is their
   * draft (started now if they had none and nobody has changed the section since the card).
   */
  async begin(person: Person, at: CardPosition, values: Values): Promise<Begun> {
    if (!SECTION_FORMS[at.section].steps[at.step]) throw new DomainError('INPUT.INVALID', 'That card refers to a step that does not exist.');
    await this.permissions.requireEdit(person, at.section, ". Ask the plan's SRO if you should.");
    const snapshot = await this.context.snapshot();
    if (at.baseVersion > snapshot.version) throw new DomainError('INPUT.INVALID', 'That card refers to a version of the plan that does not exist, so I have not changed anything.');
    const draft = await this.context.loadDraft(person, at.section);
    if (draft) {
      if (draft.baseVersion !== at.baseVersion) {
        return { kind: 'done', result: await this.open(person, at.section, draft.step, { style: 'warning', text: 'That card was out of date, so nothing was saved from it. This is your latest draft.' }) };
      }
      return { kind: 'ready', draft, snapshot, stored: true };
    }
    if (at.baseVersion !== snapshot.version) {
      const changes = await this.conflicts.changesSince(at.section, at.baseVersion);
      if (changes.length) return { kind: 'done', result: await this.conflicts.ofCard(at, snapshot, values, changes) };
    }
    const fresh = this.context.unsavedDraft(person, at.section, at.baseVersion, at.step, clone(snapshot.plan[at.section]));
    return { kind: 'ready', draft: fresh, snapshot, stored: false };
  }

  /** Keep my draft, knowingly based on the latest version, after seeing what changed. */
  async rebase(person: Person, section: SectionKey): Promise<FormView> {
    const snapshot = await this.context.snapshot();
    const draft = await this.context.loadDraft(person, section);
    if (!draft) return this.open(person, section);
    await this.context.store.saveDraft({ ...draft, baseVersion: snapshot.version });
    return this.open(person, section, draft.step, {
      style: 'warning',
      text: `Your draft now builds on version ${snapshot.version}. Check it against the latest answers, then submit: what you submit replaces them.`,
    });
  }

  async discard(person: Person, section: SectionKey): Promise<FormView> {
    await this.context.store.deleteDraft(person.id, this.context.planId, section);
    await this.suggestions.settle(await this.suggestions.used(person, section));
    return this.open(person, section, 0, { style: 'good', text: 'Your draft was discarded. This is the latest version.' });
  }
}
