import type { SectionKey } from '../../domain/plan.schema';

/** Where a drafting suggestion would go: one field of a section, a risk's mitigation, or a feedback answer. */
export type SuggestionTarget =
  | { readonly kind: 'section'; readonly section: SectionKey; readonly path: string }
  | { readonly kind: 'risk'; readonly riskId: string; readonly field: 'mitigation' }
  | { readonly kind: 'feedback'; readonly feedbackId: string; readonly field: 'answer' };

/** Text the AI model suggested for one person; nothing in the plan changes until they submit it themselves. */
export interface Suggestion {
  readonly id: string;
  readonly planId: string;
  readonly personId: string;
  /** Null for a suggestion with nowhere to go (a summary to read). */
  readonly target: SuggestionTarget | null;
  readonly text: string;
  readonly promptName: string;
  readonly createdAt: string;
  /** Put into the person's draft (or answer form). */
  readonly usedAt: string | null;
  readonly discardedAt: string | null;
  /** A used suggestion whose draft was submitted or thrown away: it no longer marks a submit. */
  readonly settledAt: string | null;
}

export interface SuggestionRepository {
  /** An id seen before returns the stored suggestion unchanged. */
  addSuggestion(suggestion: Omit<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>): Promise<Suggestion>;
  loadSuggestion(id: string): Promise<Suggestion | null>;
  /** One person's suggestions for a plan, oldest first. */
  listSuggestions(personId: string, planId: string): Promise<Suggestion[]>;
  markSuggestion(id: string, change: Partial<Pick<Suggestion, 'usedAt' | 'discardedAt' | 'settledAt'>>): Promise<void>;
}
