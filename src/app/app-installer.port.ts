/**
 * Installs the bot for one person who is not in the partnership's team, where the organisation
 * allows it (Microsoft Graph: POST /users/{id}/teamwork/installedApps). Optional: without it, such
 * a person is reached only once they open the bot themselves.
 */
export type InstallOutcome =
  /** Installed now or before: the 1:1 chat between the person and the bot. */
  | { readonly kind: 'installed'; readonly conversationId: string }
  /**
   * Not possible: the organisation did not grant the permission or publish the app ('not-permitted'),
   * no such user ('not-found'), or the user is in another organisation ('wrong-tenant').
   */
  | { readonly kind: 'refused'; readonly reason: 'not-permitted' | 'not-found' | 'wrong-tenant' };

export interface AppInstaller {
  /**
   * Installs the app for the person (Entra object id) unless it is there already, and answers their
   * chat with the bot. A failure that may pass (429, 5xx, a network error) is thrown, with its HTTP
   * status as `statusCode` where there is one, so the caller retries it like a send.
   */
  installFor(aadObjectId: string): Promise<InstallOutcome>;
}
