import type { ChangeMeta } from './ports';

/** A Teams team the app is installed in: the partnership board's team. */
export interface PartnershipTeam {
  /** The team's thread id (19:…@thread.tacv2), as Teams sends it in channelData.team.id. */
  readonly id: string;
  readonly name: string;
  /** Where Teams' connector for this team answers: roster look-ups and new chats go there. */
  readonly serviceUrl: string;
  readonly tenantId: string;
  /** The conversation id of the channel the app was added in: where channel posts go. */
  readonly channelId: string;
  /** The bot's own id in that tenant (28:<app id> in Teams): new chats are opened from it. */
  readonly botId: string;
  readonly status: TeamStatus;
  readonly installedAt: string;
  readonly installedBy: string | null;
  /** When the SRO confirmed it as the partnership's team (or an SRO added the app): only then is it used. */
  readonly confirmedAt: string | null;
  readonly confirmedBy: string | null;
  readonly removedAt: string | null;
}

/** 'pending': the app was added by someone who is not the SRO, and waits for the SRO to confirm the team. */
export type TeamStatus = 'pending' | 'installed' | 'removed';

export type TeamInstall = Pick<PartnershipTeam, 'id' | 'name' | 'serviceUrl' | 'tenantId' | 'channelId' | 'botId'> & { readonly installedBy: string | null };

/** The teams the app is installed in, kept in the audit as they come and go. */
export interface TeamRepository {
  /**
   * Keeps the team: installed when `confirmed` (an SRO added the app) or already confirmed, else
   * pending the SRO's confirmation. `welcome` is true only for the call that added it (first time,
   * or again after removal): two install events for one install (installationUpdate and
   * conversationUpdate) give one welcome between them.
   */
  recordTeamInstalled(team: TeamInstall, meta: ChangeMeta, options: { confirmed: boolean }): Promise<{ team: PartnershipTeam; welcome: boolean }>;
  /** A pending team confirmed by the SRO (an installed one is answered as it is); null when it is not there or was removed. */
  confirmTeam(teamId: string, meta: ChangeMeta): Promise<PartnershipTeam | null>;
  /** Marks the team removed; false when it was not there. */
  recordTeamRemoved(teamId: string, meta: ChangeMeta): Promise<boolean>;
  /** A renamed team keeps its id. */
  renameTeam(teamId: string, name: string): Promise<void>;
  /** Confirmed teams (earliest confirmed first: channel posts go there); pending or removed ones only when asked for. */
  listTeams(options?: { include?: readonly TeamStatus[] }): Promise<PartnershipTeam[]>;
}

/** Where a person's 1:1 chat with the bot stands. */
export interface ConversationRecord {
  readonly reference: unknown;
  /** Set when they removed or blocked the app: the bot does not write to them there until they add it again. */
  readonly removedAt: string | null;
}

export interface ConversationStateRepository {
  loadConversationRecord(personId: string): Promise<ConversationRecord | null>;
  /** They removed the app from their 1:1 chat (installationUpdate remove). */
  markConversationRemoved(personId: string): Promise<void>;
}

/**
 * What may be posted to a team channel, and nothing more: counts and titles the whole partnership
 * may read. No family feedback, no decline reason, no one's tasks, no one's update text.
 */
export type ChannelPost =
  | {
      readonly kind: 'highlight-report';
      /** The quarter in words, as the report names it (quarterWords). */
      readonly quarterLabel: string;
      readonly workstreams: readonly { readonly label: string; readonly posted: boolean; readonly green: number; readonly amber: number; readonly red: number; readonly unrated: number }[];
      readonly risks: { readonly opened: number; readonly rescored: number; readonly closed: number };
    }
  | {
      readonly kind: 'plan-signed';
      readonly version: number;
      readonly signedOn: string;
      readonly hashPrefix: string;
      readonly signatories: readonly { readonly roleTitle: string; readonly name: string }[];
    };

export type ChannelPostKind = ChannelPost['kind'];

/** A post to a team channel, kept by request id so that a retried click posts once. */
export interface ChannelPostRepository {
  /** Claims the post for sending; false when this request has already posted it (or is posting it). */
  claimChannelPost(post: { id: string; teamId: string; kind: ChannelPostKind; postedBy: string }): Promise<'claimed' | 'sent' | 'sending'>;
  markChannelPost(id: string, outcome: { status: 'sent' | 'failed'; error?: string }): Promise<void>;
}

/** A member of a team's roster, as Teams gives it. */
export interface TeamMember {
  /** The Teams user id (29:…): what a new chat is created with. */
  readonly teamsId: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string | null;
  readonly tenantId: string | null;
}

/**
 * Teams' connector, as far as reaching people goes: read a team's roster, open a 1:1 chat with a
 * member, post to a channel. Failures that may pass (429, 5xx, network) are thrown with their
 * HTTP status as `statusCode`; so are refusals (403, 404), for the caller to tell apart.
 */
export interface TeamDirectory {
  /** Every member of the team (paged underneath). */
  listMembers(team: PartnershipTeam): Promise<TeamMember[]>;
  /** Opens (or finds) the 1:1 chat between the bot and the member: the reference to reach them by. */
  openPersonalChat(team: PartnershipTeam, member: TeamMember): Promise<unknown>;
  /** Posts into the team's channel: only the partnership's own news, never anything personal. */
  postToChannel(team: PartnershipTeam, post: ChannelPost): Promise<void>;
  /**
   * The reference to a 1:1 chat known only by its id (one Microsoft Graph made when installing the
   * app for them), reached through the connector that serves `team`; null without a team to go by.
   */
  referenceForChat?(conversationId: string, aadObjectId: string, team?: PartnershipTeam): unknown;
}
