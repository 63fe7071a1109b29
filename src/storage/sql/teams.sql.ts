import type { ChangeMeta, Clock } from '../../app/ports';
import type { ChannelPostKind, PartnershipTeam, TeamInstall, TeamStatus } from '../../app/partnership-team.port';
import type { Audit } from './audit.sql';
import type { Sql, SqlDb } from './sql-db';

interface TeamRow {
  id: string;
  name: string;
  service_url: string;
  tenant_id: string;
  channel_id: string;
  bot_id: string;
  status: TeamStatus;
  installed_at: string;
  installed_by: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  removed_at: string | null;
}

const toTeam = (r: TeamRow): PartnershipTeam => ({
  id: r.id,
  name: r.name,
  serviceUrl: r.service_url,
  tenantId: r.tenant_id,
  channelId: r.channel_id,
  botId: r.bot_id,
  status: r.status,
  installedAt: r.installed_at,
  installedBy: r.installed_by,
  confirmedAt: r.confirmed_at,
  confirmedBy: r.confirmed_by,
  removedAt: r.removed_at,
});

const COLUMNS = 'id, name, service_url, tenant_id, channel_id, bot_id, status, installed_at, installed_by, confirmed_at, confirmed_by, removed_at';

/** A claim older than this was cut short (a crash between claiming and marking) and may be taken over. */
const STALE_POST_MS = 10 * 60_000;

/** The teams the app is installed in, and what the SRO posted to their channels. */
export class SqlTeams {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  private async row(tx: Sql, id: string): Promise<TeamRow | undefined> {
    return tx.get<TeamRow>(`SELECT ${COLUMNS} FROM partnership_teams WHERE id = ?`, id);
  }

  recordTeamInstalled(team: TeamInstall, meta: ChangeMeta, options: { confirmed: boolean }): Promise<{ team: PartnershipTeam; welcome: boolean }> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${team.id}`);
      const before = await this.row(tx, team.id);
      const welcome = !before || before.status === 'removed';
      const status: TeamStatus = options.confirmed || before?.status === 'installed' ? 'installed' : 'pending';
      const confirmedBy = status === 'installed' ? (before?.status === 'installed' ? before.confirmed_by : team.installedBy) : null;
      const confirmedAt = status === 'installed' ? (before?.status === 'installed' ? before.confirmed_at : at) : null;
      if (!before) {
        await tx.run(
          `INSERT INTO partnership_teams (${COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
          team.id, team.name, team.serviceUrl, team.tenantId, team.channelId, team.botId, status, at, team.installedBy, confirmedAt, confirmedBy, at,
        );
      } else if (welcome || before.status !== status) {
        await tx.run(
          `UPDATE partnership_teams SET name = ?, service_url = ?, tenant_id = ?, channel_id = ?, bot_id = ?, status = ?, installed_at = ?, installed_by = ?, confirmed_at = ?, confirmed_by = ?, removed_at = NULL, updated_at = ? WHERE id = ?`,
          team.name, team.serviceUrl, team.tenantId, team.channelId, team.botId, status, welcome ? at : before.installed_at, welcome ? team.installedBy : before.installed_by, confirmedAt, confirmedBy, at, team.id,
        );
      } else {
        // The same install seen twice (installationUpdate and conversationUpdate): keep the latest address.
        await tx.run('UPDATE partnership_teams SET service_url = ?, updated_at = ? WHERE id = ?', team.serviceUrl, at, team.id);
      }
      const after = toTeam((await this.row(tx, team.id))!);
      if (welcome || before?.status !== after.status) {
        await this.audit(tx, null, null, at, meta, [{ action: before ? 'update' : 'create', key: `team/${team.id}`, kind: 'team', before: before ? toTeam(before) : null, after }]);
      }
      return { team: after, welcome };
    });
  }

  confirmTeam(teamId: string, meta: ChangeMeta): Promise<PartnershipTeam | null> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${teamId}`);
      const before = await this.row(tx, teamId);
      if (!before || before.status === 'removed') return null;
      if (before.status === 'installed') return toTeam(before);
      await tx.run(`UPDATE partnership_teams SET status = 'installed', confirmed_at = ?, confirmed_by = ?, updated_at = ? WHERE id = ?`, at, meta.actorId, at, teamId);
      const after = toTeam((await this.row(tx, teamId))!);
      await this.audit(tx, null, null, at, meta, [{ action: 'update', key: `team/${teamId}`, kind: 'team', before: toTeam(before), after }]);
      return after;
    });
  }

  recordTeamRemoved(teamId: string, meta: ChangeMeta): Promise<boolean> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${teamId}`);
      const before = await this.row(tx, teamId);
      if (!before || before.status === 'removed') return false;
      await tx.run(`UPDATE partnership_teams SET status = 'removed', removed_at = ?, updated_at = ? WHERE id = ?`, at, at, teamId);
      await this.audit(tx, null, null, at, meta, [{ action: 'update', key: `team/${teamId}`, kind: 'team', before: toTeam(before), after: toTeam((await this.row(tx, teamId))!) }]);
      return true;
    });
  }

  async renameTeam(teamId: string, name: string): Promise<void> {
    await this.db.run('UPDATE partnership_teams SET name = ?, updated_at = ? WHERE id = ?', name, this.clock.now().toISOString(), teamId);
  }

  /** Confirmed teams, earliest confirmed first (the one channel posts go to); others only when asked for. */
  async listTeams(options: { include?: readonly TeamStatus[] } = {}): Promise<PartnershipTeam[]> {
    const include = options.include ?? ['installed'];
    const rows = await this.db.all<TeamRow>(
      `SELECT ${COLUMNS} FROM partnership_teams WHERE status IN (${include.map(() => '?').join(', ')}) ORDER BY confirmed_at, installed_at, id`,
      ...include,
    );
    return rows.map(toTeam);
  }

  async claimChannelPost(post: { id: string; teamId: string; kind: ChannelPostKind; postedBy: string }): Promise<'claimed' | 'sent' | 'sending'> {
    const now = this.clock.now();
    const at = now.toISOString();
    const inserted = await this.db.run(
      `INSERT INTO channel_posts (id, team_id, kind, status, posted_by, created_at) VALUES (?, ?, ?, 'sending', ?, ?) ON CONFLICT (id) DO NOTHING`,
      post.id, post.teamId, post.kind, post.postedBy, at,
    );
    if (inserted === 1) return 'claimed';
    // A failed post, or a claim a crash cut short, may be tried again by the same click.
    const stale = new Date(now.getTime() - STALE_POST_MS).toISOString();
    const retried = await this.db.run(
      `UPDATE channel_posts SET status = 'sending', last_error = NULL, created_at = ? WHERE id = ? AND (status = 'failed' OR (status = 'sending' AND created_at < ?))`,
      at, post.id, stale,
    );
    if (retried === 1) return 'claimed';
    const row = await this.db.get<{ status: string }>('SELECT status FROM channel_posts WHERE id = ?', post.id);
    return row?.status === 'sent' ? 'sent' : 'sending';
  }

  async markChannelPost(id: string, outcome: { status: 'sent' | 'failed'; error?: string }): Promise<void> {
    await this.db.run(
      'UPDATE channel_posts SET status = ?, sent_at = ?, last_error = ? WHERE id = ?',
      outcome.status, outcome.status === 'sent' ? this.clock.now().toISOString() : null, outcome.error?.slice(0, 500) ?? null, id,
    );
  }
}
