import { DomainError } from '../domain/errors';

/** The prompt folders under prompts/: one per kind of drafting help. */
export const PROMPT_NAMES = ['draft-section', 'summarise-updates', 'suggest-mitigation', 'plain-english'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

/**
 * A language model that completes one of our prompts. Fails only with a DomainError coded
 * AI.NOT_CONFIGURED, AI.TIMEOUT, AI.RATE_LIMITED, AI.CONTENT_FILTERED or AI.FAILED.
 * `variables.input` is the person's request; the others fill the prompt's {{$name}} slots.
 */
export interface DraftingModel {
  complete(promptName: PromptName, variables: Readonly<Record<string, string>>): Promise<{ readonly text: string }>;
}

/** What the bot uses when no model is configured: every request is answered "not switched on". */
export const unconfiguredDraftingModel: DraftingModel = {
  complete: async () => {
    throw new DomainError('AI.NOT_CONFIGURED', 'No AI model is configured for drafting help.');
  },
};
