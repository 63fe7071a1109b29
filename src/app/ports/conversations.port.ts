import type { Person } from '../../domain/people.schema';

/** Where the bot can reach a person without them writing first. */
export interface ConversationRepository {
  /** Kept (and an earlier removal ended) unless it is the one already kept: then nothing is written. */
  saveConversation(personId: string, reference: unknown): Promise<void>;
  /**
   * A turn from someone's own 1:1 chat: who they are (null when not on the roster) and, when they
   * are on it, that chat kept as saveConversation keeps it.
   */
  rememberConversation(personId: string, reference: unknown): Promise<Person | null>;
  loadConversation(personId: string): Promise<unknown | null>;
}
