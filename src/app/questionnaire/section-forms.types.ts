import type { SectionKey } from '../../domain/plan.schema';

/**
 * What each questionnaire asks, step by step, in Annex A's words. Paths are relative to the
 * section (or, for table columns, to the row). One spec drives the card, the parsing of the
 * answers and where validation messages are shown.
 */
export type FieldKind = 'text' | 'multiline' | 'lines' | 'milestones' | 'number' | 'pounds' | 'date' | 'email' | 'url' | 'choice' | 'choices' | 'yesno';

export interface Choice {
  readonly value: string;
  readonly title: string;
}

export interface FieldSpec {
  readonly path: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly max?: number;
  readonly hint?: string;
  readonly choices?: readonly Choice[];
  /** Keep this one short: the guidance asks for a brief answer. */
  readonly succinct?: boolean;
}

export interface TableSpec {
  /** Path of the array in the section; '' when the section itself is the table. */
  readonly path: string;
  readonly label: string;
  readonly rowNoun: string;
  readonly idPrefix: string;
  readonly columns: (content: unknown) => readonly FieldSpec[];
  readonly rowTitle: (row: Record<string, unknown>) => string;
  readonly newRow: (id: string, content: unknown) => Record<string, unknown>;
  /** What is wrong with a row as a whole, by field path (answers that are each fine, but not together). */
  readonly rowErrors?: (row: Record<string, unknown>) => Record<string, string>;
  /** Derive what a row's answers imply (a blueprint row with no building block is the Enablers row). */
  readonly finishRow?: (row: Record<string, unknown>) => Record<string, unknown>;
}

export interface StepSpec {
  readonly title: string;
  readonly intro?: string;
  readonly fields?: readonly FieldSpec[];
  readonly table?: TableSpec;
}

export interface SectionForm {
  readonly section: SectionKey;
  readonly steps: readonly StepSpec[];
}
