import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import type { PartnershipTeam, TeamInstall } from './partnership-team.port';
import type { Store } from './ports';

export type InstallResult = { readonly kept: true; readonly team: PartnershipTeam; readonly welcome: boolean } | { readonly kept: false; readonly reason: 'tenant' };

/**
 * The partnership's team: kept when the app is added to it (only in a tenant the bot serves) and
 * used once an SRO has added the app or confirmed the team, because any team owner in the tenant
 * can add an app to their own team. Removal of the app or the team is audited; cards stop going there.
 */
export class PartnershipTeamService {
  constructor(
    private readonly store: Store,
    private readonly allowedTenantIds: readonly string[],
  ) {}

  async installed(team: TeamInstall, actor: Person | null): Promise<InstallResult> {
    if (this.allowedTenantIds.length && !this.allowedTenantIds.includes(team.tenantId.toLowerCase())) return { kept: false, reason: 'tenant' };
    const confirmed = Boolean(actor && hasRole(actor, 'sro'));
    const { team: kept, welcome } = await this.store.recordTeamInstalled(
      team,
      { actorId: team.installedBy ?? 'teams', summary: `The app was added to the team "${team.name}"${actor ? ` by ${actor.name}` : ''}${confirmed ? '' : ', to be confirmed by the SRO'}` },
      { confirmed },
    );
    return { kept: true, team: kept, welcome };
  }

  /** The SRO says a team the app was added to is the partnership's: from now on its members are reached. */
  async confirm(sro: Person, teamId: string): Promise<PartnershipTeam> {
    if (!hasRole(sro, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can choose the partnership's team.");
    const team = await this.store.confirmTeam(teamId, { actorId: sro.id, summary: `${sro.name} confirmed the partnership's team` });
    if (!team) throw new DomainError('TEAM.NOT_INSTALLED', 'The app is no longer in that team.');
    return team;
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

  /** The team channel posts go to: the earliest confirmed team still installed. */
  async current(): Promise<PartnershipTeam | null> {
    return (await this.store.listTeams())[0] ?? null;
  }

  /** Teams the app was added to that wait for the SRO's confirmation. */
  pending(): Promise<PartnershipTeam[]> {
    return this.store.listTeams({ include: ['pending'] });
  }
}
