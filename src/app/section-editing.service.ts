import type { Person } from '../domain/people.schema';
import type { SectionKey } from '../domain/plan.schema';
import { systemClock, type Clock, type Store } from './ports';
import { AiSuggestions } from './section-editing/ai-suggestions.service';
import { EditConflicts } from './section-editing/edit-conflicts.service';
import { SectionDrafts } from './section-editing/section-drafts.service';
import { SectionEditContext } from './section-editing/section-edit.context';
import type { CardPosition, EditResult, FormView, RowFormView, Values } from './section-editing/section-edit.types';
import { SectionFormViews } from './section-editing/section-form.views';
import { SectionPermissions } from './section-editing/section-permissions';
import { SectionRows } from './section-editing/section-rows.service';
import { SectionSteps } from './section-editing/section-steps.service';
import { SectionSubmit } from './section-editing/section-submit.service';

// The cards and their callers know section editing by this one module, whatever it is made of.
export type { CardPosition, ChangeView, ConflictView, EditResult, FieldView, FormView, RowFormView, RowView, SavedView } from './section-editing/section-edit.types';
export { inputId } from './section-editing/section-form.engine';

/**
 * Filling in a section through a questionnaire: drafts that belong to the person and survive a
 * restart, validation with the store's own schema, and no silent overwrite of someone else's change.
 */
export class SectionEditingService {
  private readonly permissions: SectionPermissions;
  private readonly drafts: SectionDrafts;
  private readonly steps: SectionSteps;
  private readonly submission: SectionSubmit;
  private readonly rows: SectionRows;
  private readonly suggestions: AiSuggestions;

  constructor(store: Store, planId: string, clock: Clock = systemClock) {
    const context = new SectionEditContext(store, planId, clock);
    this.permissions = new SectionPermissions(store, planId);
    const views = new SectionFormViews(context, this.permissions);
    const conflicts = new EditConflicts(context);
    this.suggestions = new AiSuggestions(context, this.permissions, views);
    this.drafts = new SectionDrafts(context, this.permissions, views, conflicts, this.suggestions);
    this.steps = new SectionSteps(context, this.drafts, views);
    this.submission = new SectionSubmit(context, this.steps, views, conflicts, this.suggestions);
    this.rows = new SectionRows(context, this.permissions, this.drafts, views);
  }

  canEdit(person: Person, section: SectionKey): Promise<boolean> {
    return this.permissions.canEdit(person, section);
  }

  open(person: Person, section: SectionKey, step?: number, notice: FormView['notice'] = null): Promise<FormView> {
    return this.drafts.open(person, section, step, notice);
  }

  /** Back, Next or Save draft: keep what was typed on this step in the person's draft. */
  move(person: Person, at: CardPosition, values: Values, direction: 'back' | 'next' | 'save'): Promise<EditResult> {
    return this.steps.move(person, at, values, direction);
  }

  submit(person: Person, at: CardPosition, values: Values, requestId: string): Promise<EditResult> {
    return this.submission.submit(person, at, values, requestId);
  }

  /** Keep my draft, knowingly based on the latest version, after seeing what changed. */
  rebase(person: Person, section: SectionKey): Promise<FormView> {
    return this.drafts.rebase(person, section);
  }

  discard(person: Person, section: SectionKey): Promise<FormView> {
    return this.drafts.discard(person, section);
  }

  openRow(person: Person, at: CardPosition, rowId: string | null): Promise<EditResult> {
    return this.rows.openRow(person, at, rowId);
  }

  saveRow(person: Person, at: CardPosition, rowId: string, isNew: boolean, values: Values): Promise<EditResult> {
    return this.rows.saveRow(person, at, rowId, isNew, values);
  }

  removeRow(person: Person, at: CardPosition, rowId: string): Promise<EditResult> {
    return this.rows.removeRow(person, at, rowId);
  }

  /**
   * Puts text the person chose (an AI suggestion) into their draft of one field and opens that
   * step with it filled in. Nothing is submitted: the plan changes only when they submit.
   */
  fillField(person: Person, section: SectionKey, path: string, text: string, notice: FormView['notice']): Promise<FormView> {
    return this.suggestions.fillField(person, section, path, text, notice);
  }

  /** The same for one field of a row (a risk's mitigation): opens the row with it filled in. */
  fillRowField(person: Person, section: SectionKey, rowId: string, path: string, text: string, notice: RowFormView['notice']): Promise<RowFormView> {
    return this.suggestions.fillRowField(person, section, rowId, path, text, notice);
  }
}
