import type { SectionKey } from '../domain/plan.schema';

/**
 * What a person can ask the drafting assistant for. The language layer recognises these in
 * free text; the drafting service answers them with a suggestion card. Nothing here writes.
 */
export type AssistRequest =
  | { readonly kind: 'draft-section'; readonly section: SectionKey }
  | { readonly kind: 'summarise-updates'; readonly workstreamId: string | null; readonly quarter: string | null }
  | { readonly kind: 'suggest-mitigation'; readonly riskId: string | null }
  | { readonly kind: 'plain-english'; readonly text: string | null };
