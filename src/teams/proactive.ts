import type { CloudAdapterBase, ConversationReference, TurnContext } from 'botbuilder';

/**
 * continueConversationAsync, but a failure reaches the caller. botbuilder hands an error thrown in
 * the logic to the adapter's onTurnError (which answers "Sorry…" into that conversation and
 * returns), so a 403 or 500 from Teams would otherwise look like success: the outbox would mark a
 * lost card sent, and a refused channel post would read "Posted". Caught inside, thrown outside.
 */
export const continueConversation = async (adapter: CloudAdapterBase, appId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> => {
  let failure: { error: unknown } | undefined;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
};
