import type { Selectable } from 'kysely';
import type { ChangeMeta, Clock } from '../../app/ports';
import type { ChannelPostKind, ChannelPostRepository, PartnershipTeam, TeamInstall, TeamRepository, TeamStatus } from '../../app/partnership-team.port';
import type { Audit } from './audit.sql';
import type { PartnershipTeamsTable } from './database';
import type { Sql, SqlDb } from './sql-db';

/** Every column but updated_at, which is the table's own bookkeeping. */
type TeamRow = Omit<Selectable<PartnershipTeamsTable>, 'updated_at'>;

const toTeam = (r: TeamRow): PartnershipTeam => ({
  id: r.id,
  name: r.name,
  serviceUrl: r.service_url,
  tenantId: r.tenant_id,
  channelId: r.channel_id,
  botId: r.bot_id,
  status: r.status as TeamStatus,
  installedAt: r.installed_at,
  installedBy: r.installed_by,
  confirmedAt: r.confirmed_at,
  confirmedBy: r.confirmed_by,
  removedAt: r.removed_at,
});

const COLUMNS = ['id', 'name', 'service_url', 'tenant_id', 'channel_id', 'bot_id', 'status', 'installed_at', 'installed_by', 'confirmed_at', 'confirmed_by', 'removed_at'] as const satisfies readonly (keyof TeamRow)[];

/** A claim older than this was cut short (a crash between claiming and marking) and may be taken over. */
const STALE_POST_MS = 10 * 60_000;

/** The teams the app is installed in, and what the SRO posted to their channels. */
export class SqlTeams implements TeamRepository, ChannelPostRepository {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  async #row(tx: Sql, id: string): Promise<TeamRow | undefined> {
    return tx.db.selectFrom('partnership_teams').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async recordTeamInstalled(team: TeamInstall, meta: ChangeMeta, options: { confirmed: boolean }): Promise<{ team: PartnershipTeam; welcome: boolean }> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${team.id}`);
      const before = await this.#row(tx, team.id);
      const welcome = !before || before.status === 'removed';
      const status: TeamStatus = options.confirmed || before?.status === 'installed' ? 'installed' : 'pending';
      const confirmedBy = status === 'installed' ? (before?.status === 'installed' ? before.confirmed_by : team.installedBy) : null;
      const confirmedAt = status === 'installed' ? (before?.status === 'installed' ? before.confirmed_at : at) : null;
      // A new install (or one back after removal) is installed now; otherwise it keeps when and by whom.
      const fields = {
        name: team.name,
        service_url: team.serviceUrl,
        tenant_id: team.tenantId,
        channel_id: team.channelId,
        bot_id: team.botId,
        status,
        installed_at: welcome || !before ? at : before.installed_at,
        installed_by: welcome || !before ? team.installedBy : before.installed_by,
        confirmed_at: confirmedAt,
        confirmed_by: confirmedBy,
        removed_at: null,
        updated_at: at,
      };
      if (!before) await tx.db.insertInto('partnership_teams').values({ id: team.id, ...fields }).execute();
      else if (welcome || before.status !== status) await tx.db.updateTable('partnership_teams').set(fields).where('id', '=', team.id).execute();
      else {
        // The same install seen twice (installationUpdate and conversationUpdate): keep the latest address.
        await tx.db.updateTable('partnership_teams').set({ service_url: team.serviceUrl, updated_at: at }).where('id', '=', team.id).execute();
      }
      const after = toTeam((await this.#row(tx, team.id))!);
      if (welcome || before?.status !== after.status) {
        await this.audit(tx, null, null, at, meta, [{ action: before ? 'update' : 'create', key: `team/${team.id}`, kind: 'team', before: before ? toTeam(before) : null, after }]);
      }
      return { team: after, welcome };
    });
  }

  async confirmTeam(teamId: string, meta: ChangeMeta): Promise<PartnershipTeam | null> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${teamId}`);
      const before = await this.#row(tx, teamId);
      if (!before || before.status === 'removed') return null;
      if (before.status === 'installed') return toTeam(before);
      await tx.db.updateTable('partnership_teams').set({ status: 'installed', confirmed_at: at, confirmed_by: meta.actorId, updated_at: at }).where('id', '=', teamId).execute();
      const after = toTeam((await this.#row(tx, teamId))!);
      await this.audit(tx, null, null, at, meta, [{ action: 'update', key: `team/${teamId}`, kind: 'team', before: toTeam(before), after }]);
      return after;
    });
  }

  async recordTeamRemoved(teamId: string, meta: ChangeMeta): Promise<boolean> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${teamId}`);
      const before = await this.#row(tx, teamId);
      if (!before || before.status === 'removed') return false;
      await tx.db.updateTable('partnership_teams').set({ status: 'removed', removed_at: at, updated_at: at }).where('id', '=', teamId).execute();
      await this.audit(tx, null, null, at, meta, [{ action: 'update', key: `team/${teamId}`, kind: 'team', before: toTeam(before), after: toTeam((await this.#row(tx, teamId))!) }]);
      return true;
    });
  }

  async renameTeam(teamId: string, name: string): Promise<void> {
    await this.db.db.updateTable('partnership_teams').set({ name, updated_at: this.clock.now().toISOString() }).where('id', '=', teamId).execute();
  }

  /** Confirmed teams, earliest confirmed first (the one channel posts go to); others only when asked for. */
  async listTeams(options: { include?: readonly TeamStatus[] } = {}): Promise<PartnershipTeam[]> {
    const include = options.include ?? ['installed'];
    const rows = await this.db.db
      .selectFrom('partnership_teams')
      .select(COLUMNS)
      .where('status', 'in', include)
      .orderBy('confirmed_at')
      .orderBy('installed_at')
      .orderBy('id')
      .execute();
    return rows.map(toTeam);
  }

  async claimChannelPost(post: { id: string; teamId: string; kind: ChannelPostKind; postedBy: string }): Promise<'claimed' | 'sent' | 'sending'> {
    const now = this.clock.now();
    const at = now.toISOString();
    const inserted = await this.db.db
      .insertInto('channel_posts')
      .values({ id: post.id, team_id: post.teamId, kind: post.kind, status: 'sending', posted_by: post.postedBy, created_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows) === 1) return 'claimed';
    // A failed post, or a claim a crash cut short, may be tried again by the same click.
    const stale = new Date(now.getTime() - STALE_POST_MS).toISOString();
    const retried = await this.db.db
      .updateTable('channel_posts')
      .set({ status: 'sending', last_error: null, created_at: at })
      .where('id', '=', post.id)
      .where((eb) => eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'sending'), eb('created_at', '<', stale)])]))
      .executeTakeFirst();
    if (Number(retried.numUpdatedRows) === 1) return 'claimed';
    const row = await this.db.db.selectFrom('channel_posts').select('status').where('id', '=', post.id).executeTakeFirst();
    return row?.status === 'sent' ? 'sent' : 'sending';
  }

  async markChannelPost(id: string, outcome: { status: 'sent' | 'failed'; error?: string }): Promise<void> {
    await this.db.db
      .updateTable('channel_posts')
      .set({ status: outcome.status, sent_at: outcome.status === 'sent' ? this.clock.now().toISOString() : null, last_error: outcome.error?.slice(0, 500) ?? null })
      .where('id', '=', id)
      .execute();
  }
}
