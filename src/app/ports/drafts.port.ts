import type { SectionKey } from '../../domain/plan.schema';

/** A person's unsubmitted answers for one section. */
export interface Draft {
  readonly personId: string;
  readonly planId: string;
  readonly section: SectionKey;
  /** The plan version the person started from. */
  readonly baseVersion: number;
  readonly step: number;
  /** The whole section as the person has it so far. */
  readonly content: unknown;
  readonly updatedAt: string;
}

export interface DraftRepository {
  loadDraft(personId: string, planId: string, section: SectionKey): Promise<Draft | null>;
  listDrafts(personId: string, planId: string): Promise<Draft[]>;
  saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<Draft>;
  deleteDraft(personId: string, planId: string, section: SectionKey): Promise<void>;
}
