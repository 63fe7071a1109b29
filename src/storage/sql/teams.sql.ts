import type { ChangeMeta, Clock } from '../../app/ports';
import type { ChannelPostKind, PartnershipTeam, TeamInstall } from '../../app/partnership-team.port';
import type { Audit } from './audit.sql';
import type { SqlDb } from './sql-db';

interface TeamRow {
  id: string;
  name: string;
  service_url: string;
  tenant_id: string;
  channel_id: string;
  bot_id: string;
  status: PartnershipTeam['status'];
  installed_at: string;
  installed_by: string | null;
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
  removedAt: r.removed_at,
});

const COLUMNS = 'id, name, service_url, tenant_id, channel_id, bot_id, status, installed_at, installed_by, removed_at';

/** The teams the app is installed in, and what the SRO posted to their channels. */
export class SqlTeams {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly audit: Audit,
  ) {}

  recordTeamInstalled(team: TeamInstall, meta: ChangeMeta): Promise<{ team: PartnershipTeam; welcome: boolean }> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${team.id}`);
      const before = await tx.get<TeamRow>(`SELECT ${COLUMNS} FROM partnership_teams WHERE id = ?`, team.id);
      const welcome = before?.status !== 'installed';
      if (!before) {
        await tx.run(
          `INSERT INTO partnership_teams (id, name, service_url, tenant_id, channel_id, bot_id, status, installed_at, installed_by, removed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'installed', ?, ?, NULL, ?)`,
          team.id, team.name, team.serviceUrl, team.tenantId, team.channelId, team.botId, at, team.installedBy, at,
        );
      } else if (welcome) {
        await tx.run(
          `UPDATE partnership_teams SET name = ?, service_url = ?, tenant_id = ?, channel_id = ?, bot_id = ?, status = 'installed', installed_at = ?, installed_by = ?, removed_at = NULL, updated_at = ? WHERE id = ?`,
          team.name, team.serviceUrl, team.tenantId, team.channelId, team.botId, at, team.installedBy, at, team.id,
        );
      } else {
        // The same install seen twice (installationUpdate and conversationUpdate): keep the latest address.
        await tx.run('UPDATE partnership_teams SET service_url = ?, updated_at = ? WHERE id = ?', team.serviceUrl, at, team.id);
      }
      const after = toTeam((await tx.get<TeamRow>(`SELECT ${COLUMNS} FROM partnership_teams WHERE id = ?`, team.id))!);
      if (welcome) await this.audit(tx, null, null, at, meta, [{ action: before ? 'update' : 'create', key: `team/${team.id}`, kind: 'team', before: before ? toTeam(before) : null, after }]);
      return { team: after, welcome };
    });
  }

  recordTeamRemoved(teamId: string, meta: ChangeMeta): Promise<boolean> {
    const at = this.clock.now().toISOString();
    return this.db.transaction(async (tx) => {
      await tx.lock(`team/${teamId}`);
      const before = await tx.get<TeamRow>(`SELECT ${COLUMNS} FROM partnership_teams WHERE id = ?`, teamId);
      if (!before || before.status !== 'installed') return false;
      await tx.run(`UPDATE partnership_teams SET status = 'removed', removed_at = ?, updated_at = ? WHERE id = ?`, at, at, teamId);
      await this.audit(tx, null, null, at, meta, [{ action: 'update', key: `team/${teamId}`, kind: 'team', before: toTeam(before), after: { ...toTeam(before), status: 'removed', removedAt: at } }]);
      return true;
    });
  }

  async renameTeam(teamId: string, name: string): Promise<void> {
    await this.db.run('UPDATE partnership_teams SET name = ?, updated_at = ? WHERE id = ?', name, this.clock.now().toISOString(), teamId);
  }

  async listTeams(options: { includeRemoved?: boolean } = {}): Promise<PartnershipTeam[]> {
    const rows = await this.db.all<TeamRow>(
      `SELECT ${COLUMNS} FROM partnership_teams ${options.includeRemoved ? '' : "WHERE status = 'installed'"} ORDER BY status, installed_at, id`,
    );
    return rows.map(toTeam);
  }

  async claimChannelPost(post: { id: string; teamId: string; kind: ChannelPostKind; postedBy: string }): Promise<'claimed' | 'sent' | 'sending'> {
    const at = this.clock.now().toISOString();
    const inserted = await this.db.run(
      `INSERT INTO channel_posts (id, team_id, kind, status, posted_by, created_at) VALUES (?, ?, ?, 'sending', ?, ?) ON CONFLICT (id) DO NOTHING`,
      post.id, post.teamId, post.kind, post.postedBy, at,
    );
    if (inserted === 1) return 'claimed';
    // A failed post may be tried again by the same click.
    const retried = await this.db.run(`UPDATE channel_posts SET status = 'sending', last_error = NULL WHERE id = ? AND status = 'failed'`, post.id);
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
