import { defaultOwner } from '../../domain/ownership';
import type { Person } from '../../domain/people.schema';
import type { SectionEditContext } from './section-edit.context';
import type { CardPosition, EditResult, Json, Values } from './section-edit.types';
import { clone, freshId, parseFields, rowFieldPath, rowsOf, schemaErrors, shortId, tableOf, withRows } from './section-form.engine';
import type { SectionDrafts } from './section-drafts.service';
import { rowView, type SectionFormViews } from './section-form.views';
import { assertMayChange, type SectionPermissions } from './section-permissions';

/** A step that is a table (risks, workstreams, dependencies): one row at a time, on its own card. */
export class SectionRows {
  constructor(
    private readonly context: SectionEditContext,
    private readonly permissions: SectionPermissions,
    private readonly drafts: SectionDrafts,
    private readonly views: SectionFormViews,
  ) {}

  async openRow(person: Person, at: CardPosition, rowId: string | null): Promise<EditResult> {
    // Someone who may only read opens a row to see it whole: lists show it shortened.
    if (rowId && !(await this.permissions.canEdit(person, at.section))) return this.readRow(person, at, rowId);
    const ready = await this.drafts.begin(person, at, {});
    if (ready.kind !== 'ready') return ready.result;
    const table = tableOf(at);
    const rows = rowsOf(ready.draft.content, table);
    const row = rowId ? rows.find((r) => r.id === rowId) : table.newRow(freshId(table, rows), ready.draft.content);
    if (!row) return this.drafts.open(person, at.section, at.step, { style: 'attention', text: 'That row is no longer in your draft.' });
    return rowView(at, ready.draft, table, row, !rowId, {}, null);
  }

  async saveRow(person: Person, at: CardPosition, rowId: string, isNew: boolean, values: Values): Promise<EditResult> {
    const ready = await this.drafts.begin(person, at, values);
    if (ready.kind !== 'ready') return ready.result;
    const { draft, snapshot } = ready;
    const table = tableOf(at);
    const content = clone(draft.content) as Json;
    const rows = clone(rowsOf(content, table));
    const index = rows.findIndex((r) => r.id === rowId);
    if (index < 0 && !isNew) return this.drafts.open(person, at.section, at.step, { style: 'attention', text: 'That row is no longer in your draft.' });
    const base = index >= 0 ? (rows[index] as Json) : table.newRow(rowId, content);
    const row = clone(base);
    const errors = parseFields(table.columns(content), values, row, () => `${rowId}-m-${shortId()}`);
    const finished = table.finishRow ? table.finishRow(row) : row;
    // A risk or dependency added here belongs to whoever added it (their workstream, if they lead one).
    if (isNew && (at.section === 'risks' || at.section === 'dependencies') && !finished.owner) finished.owner = defaultOwner(person) as unknown as Json[string];
    if (index >= 0) rows[index] = finished;
    else rows.push(finished);
    const nextContent = withRows(content, table, rows);
    if (Object.keys(errors).length === 0 && table.rowErrors) Object.assign(errors, table.rowErrors(finished));
    if (Object.keys(errors).length === 0) Object.assign(errors, schemaErrors(snapshot.plan, at.section, nextContent, (path) => rowFieldPath(path, table, index >= 0 ? index : rows.length - 1)));
    if (Object.keys(errors).length) return rowView(at, draft, table, row, isNew, errors, values);
    assertMayChange(person, at.section, draft.content, nextContent);
    await this.context.saveDraft(person, at.section, draft.baseVersion, at.step, nextContent);
    return this.views.form(person, at.section, nextContent, draft.baseVersion, at.step, {
      hasDraft: true,
      notice: { style: 'good', text: `${isNew ? 'Added' : 'Changed'} ${table.rowTitle(finished)}. Submit when the section is ready.` },
    });
  }

  async removeRow(person: Person, at: CardPosition, rowId: string): Promise<EditResult> {
    const ready = await this.drafts.begin(person, at, {});
    if (ready.kind !== 'ready') return ready.result;
    const table = tableOf(at);
    const content = clone(ready.draft.content) as Json;
    const rows = rowsOf(content, table).filter((r) => r.id !== rowId);
    const removed = rowsOf(ready.draft.content, table).find((r) => r.id === rowId);
    const nextContent = withRows(content, table, rows);
    const errors = schemaErrors(ready.snapshot.plan, at.section, nextContent, () => null);
    if (Object.keys(errors).length) return this.drafts.open(person, at.section, at.step, { style: 'attention', text: `That row can't be removed: ${Object.values(errors).join(' ')}` });
    assertMayChange(person, at.section, ready.draft.content, nextContent);
    await this.context.store.saveDraft({ ...ready.draft, step: at.step, content: nextContent });
    return this.views.form(person, at.section, nextContent, ready.draft.baseVersion, at.step, {
      hasDraft: true,
      notice: { style: 'warning', text: removed ? `Removed ${table.rowTitle(removed)} from your draft. Submit to make it final.` : 'Nothing to remove.' },
    });
  }

  /** For someone who may only read: the row as the plan has it, never their (or anyone's) draft. */
  private async readRow(person: Person, at: CardPosition, rowId: string): Promise<EditResult> {
    const snapshot = await this.context.snapshot();
    const table = tableOf(at);
    const content = snapshot.plan[at.section];
    const row = rowsOf(content, table).find((r) => r.id === rowId);
    if (!row) return this.drafts.open(person, at.section, at.step, { style: 'attention', text: 'That row is no longer in the plan.' });
    const draft = this.context.unsavedDraft(person, at.section, snapshot.version, at.step, content);
    return { ...rowView(at, draft, table, row, false, {}, null), readOnly: true };
  }
}
