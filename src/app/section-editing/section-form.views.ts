import type { Person } from '../../domain/people.schema';
import type { SectionKey } from '../../domain/plan.schema';
import { displayValue, getAt } from '../questionnaire/form-values';
import { SECTION_FORMS, type FieldSpec, type StepSpec, type TableSpec } from '../questionnaire/section-forms';
import type { Draft } from '../ports';
import type { SectionEditContext } from './section-edit.context';
import type { CardPosition, FieldView, FormView, Json, Notice, RowFormView, Values } from './section-edit.types';
import { FIX_NOTICE, rowsOf, typedValue, type FieldErrors } from './section-form.engine';
import type { SectionPermissions } from './section-permissions';

export interface FormViewOptions {
  readonly hasDraft: boolean;
  readonly errors?: FieldErrors;
  readonly raw?: Values;
  readonly notice?: Notice;
}

const fieldViews = (specs: readonly FieldSpec[], source: unknown, errors: FieldErrors, raw: Values | null | undefined): FieldView[] =>
  specs.map((spec) => ({ spec, value: typedValue(raw, spec) ?? displayValue(spec, getAt(source, spec.path)), error: errors[spec.path] ?? null }));

/** Turns a section's content into the step of the questionnaire a card shows. */
export class SectionFormViews {
  constructor(
    private readonly context: SectionEditContext,
    private readonly permissions: SectionPermissions,
  ) {}

  async form(person: Person, section: SectionKey, content: unknown, baseVersion: number, step: number, opts: FormViewOptions): Promise<FormView> {
    const steps = SECTION_FORMS[section].steps;
    const index = Math.min(Math.max(step, 0), steps.length - 1);
    const stepSpec = steps[index] as StepSpec;
    const errors = opts.errors ?? {};
    const fields = fieldViews(stepSpec.fields ?? [], content, errors, opts.raw);
    const table = stepSpec.table;
    const rows = table ? rowsOf(content, table).map((r) => ({ id: String(r.id), title: table.rowTitle(r), error: null })) : null;
    const general = errors._ ? { style: 'attention' as const, text: errors._ } : null;
    return {
      kind: 'form',
      section,
      step: index,
      stepCount: steps.length,
      stepSpec,
      baseVersion,
      readOnly: !(await this.permissions.canEdit(person, section)),
      hasDraft: opts.hasDraft,
      fields,
      rows,
      notice: general ?? opts.notice ?? null,
      owners: await this.context.store.listAssignments({ planId: this.context.planId, section, status: 'open' }),
    };
  }
}

export function rowView(at: CardPosition, draft: Draft, table: TableSpec, row: Json, isNew: boolean, errors: FieldErrors, raw: Values | null): RowFormView {
  const general = errors._ ?? (Object.keys(errors).length ? FIX_NOTICE.text : null);
  return {
    kind: 'row',
    section: at.section,
    step: at.step,
    baseVersion: draft.baseVersion,
    table,
    rowId: String(row.id),
    isNew,
    fields: fieldViews(table.columns(draft.content), row, errors, raw),
    notice: general ? { style: 'attention', text: general } : null,
    readOnly: false,
  };
}
