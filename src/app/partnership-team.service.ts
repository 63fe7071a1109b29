import type { PartnershipTeam, TeamInstall } from './partnership-team.port';
import type { Store } from './ports';

export type InstallResult = { readonly kept: true; readonly team: PartnershipTeam; readonly welcome: boolean } | { readonly kept: false; readonly reason: 'tenant' };

/**
 * The partnership's team: kept when the app is added to it (only in a tenant the bot serves),
 * marked removed when the app or the team goes. Both are in the audit; cards stop going there.
 */
export class PartnershipTeamService {
  constructor(
    private readonly store: Store,
    private readonly allowedTenantIds: readonly string[],
  ) {}

  async installed(team: TeamInstall, actorName: string | null): Promise<InstallResult> {
    if (this.allowedTenantIds.length && !this.allowedTenantIds.includes(team.tenantId.toLowerCase())) return { kept: false, reason: 'tenant' };
    const { team: kept, welcome } = await this.store.recordTeamInstalled(team, {
      actorId: team.installedBy ?? 'teams',
      summary: `The app was added to the team "${team.name}"${actorName ? ` by ${actorName}` : ''}`,
    });
    return { kept: true, team: kept, welcome };
  }

  async removed(teamId: string, why: 'app-removed' | 'team-deleted', actorId: string | null): Promise<boolean> {
    return this.store.recordTeamRemoved(teamId, {
      actorId: actorId ?? 'teams',
      summary: why === 'team-deleted' ? 'The team was deleted: cards no longer go there' : 'The app was removed from the team: cards no longer go there',
    });
  }

  async renamed(teamId: string, name: string): Promise<void> {
    await this.store.renameTeam(teamId, name);
  }

  /** The team channel posts go to: the earliest installed team still installed. */
  async current(): Promise<PartnershipTeam | null> {
    return (await this.store.listTeams())[0] ?? null;
  }

  list(): Promise<PartnershipTeam[]> {
    return this.store.listTeams();
  }
}
