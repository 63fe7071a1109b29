import type { Person } from '../domain/people.schema';
import type { AppInstaller } from './app-installer.port';
import type { PartnershipTeam, TeamDirectory, TeamMember } from './partnership-team.port';
import type { Clock, Store } from './ports';
import type { NotReachedReason } from './reach';

/** Runs one call to Teams, retrying what may pass; the caller decides how patient to be. */
export type Attempt = <T>(work: () => Promise<T>) => Promise<T>;

export type Found = { readonly reference: unknown } | { readonly reason: NotReachedReason };

const statusOf = (error: unknown): number | undefined => {
  const code = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
};

/** 429, 5xx or no answer at all: may pass, so the caller tries again later. */
const isTransientStatus = (status: number | undefined) => status === undefined || status === 429 || status >= 500;

/** How long a team's roster read from Teams is used before it is read again. */
const ROSTER_TTL_MS = 60_000;

/**
 * Where to reach a person in a 1:1 chat: the chat they opened with the bot; else, when they are a
 * member of the partnership's team, a chat the bot opens with them once (and keeps); else, where
 * the organisation allows it, the app installed for them. Never a channel or a group chat.
 */
export class ReachService {
  private readonly rosters = new Map<string, { at: number; members: Promise<TeamMember[]> }>();

  constructor(
    private readonly store: Store,
    private readonly directory: TeamDirectory | null,
    private readonly clock: Clock,
    private readonly options: { readonly allowedTenantIds: readonly string[]; readonly installer?: AppInstaller | null } = { allowedTenantIds: [] },
  ) {}

  async conversationFor(personId: string, attempt: Attempt): Promise<Found> {
    const record = await this.store.loadConversationRecord(personId);
    if (record) return record.removedAt ? { reason: 'blocked' } : { reference: record.reference };
    if (!this.directory) return { reason: 'no-conversation' };
    const teams = await this.store.listTeams();
    let unread: unknown;
    for (const team of teams) {
      let member: TeamMember | undefined;
      try {
        member = (await attempt(() => this.members(team))).find((m) => m.aadObjectId.toLowerCase() === personId.toLowerCase());
      } catch (error) {
        // One team that cannot be read does not stop the others; if none has them, its failure is the answer.
        unread ??= error;
        continue;
      }
      if (!member) continue;
      if (!this.tenantAllowed(member.tenantId ?? team.tenantId)) return { reason: 'wrong-tenant' };
      let reference: unknown;
      try {
        reference = await attempt(() => this.directory!.openPersonalChat(team, member));
      } catch (error) {
        if (statusOf(error) === 403) return { reason: 'blocked' };
        throw error;
      }
      await this.store.saveConversation(personId, reference);
      return { reference };
    }
    if (unread !== undefined && isTransientStatus(statusOf(unread))) throw unread;
    return teams.length ? this.install(personId, teams[0]!, attempt) : { reason: 'no-conversation' };
  }

  /** The members of a team, read from Teams at most once a minute (a round of five cards reads it once). */
  async members(team: PartnershipTeam): Promise<TeamMember[]> {
    const now = this.clock.now().getTime();
    const kept = this.rosters.get(team.id);
    if (kept && now - kept.at < ROSTER_TTL_MS) return kept.members;
    const members = this.directory ? this.directory.listMembers(team) : Promise.resolve([]);
    this.rosters.set(team.id, { at: now, members });
    // A failed read is not kept: the next call asks Teams again.
    members.catch(() => this.rosters.get(team.id)?.members === members && this.rosters.delete(team.id));
    return members;
  }

  /** They removed the app from their own chat: not written to there until they add it again or write. */
  async appRemoved(personId: string): Promise<void> {
    await this.store.markConversationRemoved(personId);
  }

  /**
   * Keeps where someone on the roster can be reached, from their own 1:1 chat with the bot (never a
   * channel or group chat): not which message they last sent, so it rarely changes, and an
   * unchanged one is not written. Who they are is read with it (null: not on the roster).
   */
  async remember(personId: string, reference: unknown): Promise<Person | null> {
    return this.store.rememberConversation(personId, reference);
  }

  /** Forget what was read of the teams' rosters (someone joined, or the SRO asks to see the latest). */
  forgetRosters(): void {
    this.rosters.clear();
  }

  private tenantAllowed(tenantId: string | null): boolean {
    if (this.options.allowedTenantIds.length === 0) return true;
    return tenantId !== null && this.options.allowedTenantIds.includes(tenantId.toLowerCase());
  }

  /** Where the organisation allows it: the app installed for them by Microsoft Graph, reached through the team's connector. */
  private async install(personId: string, team: PartnershipTeam, attempt: Attempt): Promise<Found> {
    const installer = this.options.installer;
    if (!installer || !this.directory?.referenceForChat) return { reason: 'no-conversation' };
    const outcome = await attempt(() => installer.installFor(personId));
    if (outcome.kind === 'refused') return { reason: outcome.reason === 'wrong-tenant' ? 'wrong-tenant' : 'no-conversation' };
    const reference = this.directory.referenceForChat(outcome.conversationId, personId, team);
    if (!reference) return { reason: 'no-conversation' };
    await this.store.saveConversation(personId, reference);
    return { reference };
  }
}
