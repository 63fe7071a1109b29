/** Where the bot can reach a person without them writing first. */
export interface ConversationRepository {
  saveConversation(personId: string, reference: unknown): Promise<void>;
  loadConversation(personId: string): Promise<unknown | null>;
}
