import type { SectionCompleteness } from '../../domain/completeness';
import type { SectionKey } from '../../domain/plan.schema';
import type { FieldSpec, StepSpec, TableSpec } from '../questionnaire/section-forms';
import type { Assignment, PlanSnapshot } from '../ports';

export interface FieldView {
  readonly spec: FieldSpec;
  readonly value: string;
  readonly error: string | null;
}

export interface RowView {
  readonly id: string;
  readonly title: string;
  readonly error: string | null;
}

export type Notice = { readonly style: 'good' | 'attention' | 'warning'; readonly text: string } | null;

export interface FormView {
  readonly kind: 'form';
  readonly section: SectionKey;
  readonly step: number;
  readonly stepCount: number;
  readonly stepSpec: StepSpec;
  readonly baseVersion: number;
  readonly readOnly: boolean;
  readonly hasDraft: boolean;
  readonly fields: readonly FieldView[];
  readonly rows: readonly RowView[] | null;
  readonly notice: Notice;
  readonly owners: readonly Assignment[];
}

export interface RowFormView {
  readonly kind: 'row';
  readonly section: SectionKey;
  readonly step: number;
  readonly baseVersion: number;
  readonly table: TableSpec;
  readonly rowId: string;
  readonly isNew: boolean;
  readonly fields: readonly FieldView[];
  readonly notice: Notice;
  /** Shown whole to read, for someone who may not change it. */
  readonly readOnly: boolean;
}

export interface ChangeView {
  readonly who: string;
  readonly at: string;
  readonly version: number | null;
  readonly lines: readonly string[];
}

export interface ConflictView {
  readonly kind: 'conflict';
  readonly section: SectionKey;
  readonly currentVersion: number;
  readonly changes: readonly ChangeView[];
  /** The person's own unsaved answers, so nothing they typed is lost. */
  readonly mine: readonly { readonly label: string; readonly value: string }[];
  /** Whether the person's draft holds their work (a submit), or the card's typing is all there is. */
  readonly draftKept: boolean;
}

export interface SavedView {
  readonly kind: 'saved';
  readonly section: SectionKey;
  readonly snapshot: PlanSnapshot;
  readonly completeness: SectionCompleteness;
  readonly completedTasks: number;
  /** Submitted answers that matched what the plan already said: no new version. */
  readonly unchanged: boolean;
  /** A retry of a submit that had already been saved: nothing was written again. */
  readonly alreadySaved?: boolean;
}

export type EditResult = FormView | RowFormView | ConflictView | SavedView;

/** What a questionnaire card sends back besides its inputs. */
export interface CardPosition {
  readonly section: SectionKey;
  readonly step: number;
  readonly baseVersion: number;
}

/** A card's inputs, as Teams sends them back. */
export type Values = Readonly<Record<string, unknown>>;
export type Json = Record<string, unknown>;
