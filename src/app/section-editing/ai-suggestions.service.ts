import { DomainError } from '../../domain/errors';
import type { Person } from '../../domain/people.schema';
import type { SectionKey } from '../../domain/plan.schema';
import { setAt } from '../questionnaire/form-values';
import { SECTION_FORMS } from '../questionnaire/section-forms';
import type { Draft, Suggestion } from '../ports';
import type { SectionEditContext } from './section-edit.context';
import type { FormView, Json, RowFormView } from './section-edit.types';
import { clone, rowsOf, tableOf } from './section-form.engine';
import { rowView, type SectionFormViews } from './section-form.views';
import { assertMayChange, type SectionPermissions } from './section-permissions';

/**
 * An AI suggestion goes only into the person's own draft, never straight into the plan, and is
 * settled once that draft is submitted or thrown away, so the record says whether it was used.
 */
export class AiSuggestions {
  constructor(
    private readonly context: SectionEditContext,
    private readonly permissions: SectionPermissions,
    private readonly views: SectionFormViews,
  ) {}

  async fillField(person: Person, section: SectionKey, path: string, text: string, notice: FormView['notice']): Promise<FormView> {
    const { draft, content } = await this.draftToFill(person, section);
    setAt(content, path, text);
    const step = Math.max(0, SECTION_FORMS[section].steps.findIndex((s) => s.fields?.some((f) => f.path === path)));
    await this.context.saveDraft(person, section, draft.baseVersion, step, content);
    return this.views.form(person, section, content, draft.baseVersion, step, { hasDraft: true, notice });
  }

  async fillRowField(person: Person, section: SectionKey, rowId: string, path: string, text: string, notice: RowFormView['notice']): Promise<RowFormView> {
    const { draft, content } = await this.draftToFill(person, section);
    const step = Math.max(0, SECTION_FORMS[section].steps.findIndex((s) => s.table));
    const table = tableOf({ section, step, baseVersion: draft.baseVersion });
    const row = rowsOf(content, table).find((r) => r.id === rowId);
    if (!row) throw new DomainError('INPUT.INVALID', `That ${table.rowNoun} is no longer in the plan or your draft, so the suggestion has nowhere to go.`);
    setAt(row, path, text);
    assertMayChange(person, section, draft.content, content);
    const saved = await this.context.saveDraft(person, section, draft.baseVersion, step, content);
    return { ...rowView({ section, step, baseVersion: draft.baseVersion }, saved, table, row, false, {}, null), notice };
  }

  /** Suggestions the person put into this section's draft and has not yet submitted or thrown away. */
  async used(person: Person, section: SectionKey): Promise<Suggestion[]> {
    const sectionOf = (t: Suggestion['target']) => (t?.kind === 'section' ? t.section : t?.kind === 'risk' ? 'risks' : null);
    return (await this.context.store.listSuggestions(person.id, this.context.planId)).filter((s) => s.usedAt && !s.settledAt && sectionOf(s.target) === section);
  }

  async settle(used: readonly Suggestion[]): Promise<void> {
    for (const s of used) await this.context.store.markSuggestion(s.id, { settledAt: this.context.clock.now().toISOString() });
  }

  private async draftToFill(person: Person, section: SectionKey): Promise<{ draft: Draft; content: Json }> {
    await this.permissions.requireEdit(person, section, ', so the suggestion cannot go into it.');
    const snapshot = await this.context.snapshot();
    const stored = await this.context.loadDraft(person, section);
    const draft = stored ?? this.context.unsavedDraft(person, section, snapshot.version, 0, clone(snapshot.plan[section]));
    return { draft, content: clone(draft.content) as Json };
  }
}
