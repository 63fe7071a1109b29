import { DomainError } from '../domain/errors';
import { hasRole, Person } from '../domain/people.schema';
import { grantsOf, roleChoicesFrom } from '../domain/role-grants';
import type { PartnershipTeam, TeamMember } from './partnership-team.port';
import type { PersonRecord, Store } from './ports';
import type { ReachService } from './reach.service';

export interface PeopleOverview {
  readonly records: readonly PersonRecord[];
  readonly team: PartnershipTeam | null;
  /** Teams the app was added to by someone else, waiting for the SRO to confirm one as the partnership's. */
  readonly pending: readonly PartnershipTeam[];
  /** Members of the partnership's team not yet on the roster; null when Teams could not be asked. */
  readonly candidates: readonly TeamMember[] | null;
  /** The roster is kept in a file by an administrator (ROSTER_SYNC=replace): Teams cannot change it. */
  readonly managedByFile: boolean;
}

/** The person a people card is about: on the roster already (with the version the card shows), or a team member to add. */
export type PersonToEdit = { readonly kind: 'existing'; readonly record: PersonRecord } | { readonly kind: 'new'; readonly member: TeamMember };

const requestFor = (requestId: string) => `people:${requestId}`;

/**
 * Who may use the bot, managed by the SRO from Teams: people come from the partnership's team
 * roster (or the Teams people picker, resolved through that roster), and every change is
 * version-checked and audited. A removed person loses access on their next message.
 */
export class PeopleService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly reach: ReachService,
    private readonly options: { readonly managedByFile: boolean; readonly allowedTenantIds?: readonly string[] },
  ) {}

  async overview(sro: Person): Promise<PeopleOverview> {
    this.mustBeSro(sro);
    const [records, teams, pending] = await Promise.all([this.store.listPersonRecords(), this.store.listTeams(), this.store.listTeams({ include: ['pending'] })]);
    const team = teams[0] ?? null;
    const onRoster = new Set(records.map((r) => r.person.id.toLowerCase()));
    let candidates: TeamMember[] | null = [];
    try {
      const members = (await Promise.all(teams.map((t) => this.reach.members(t)))).flat();
      const seen = new Set<string>();
      candidates = members.filter((m) => !onRoster.has(m.aadObjectId.toLowerCase()) && !seen.has(m.aadObjectId.toLowerCase()) && seen.add(m.aadObjectId.toLowerCase()));
    } catch {
      candidates = null;
    }
    return { records, team, pending, candidates, managedByFile: this.options.managedByFile };
  }

  /**
   * The person a card names: someone on the roster, or someone chosen in the people picker or from
   * the team's members. A chosen value is an Entra object id in Teams (the mock user's id in Agents
   * Playground): either way it is looked up on the team's roster, whose name and email are kept.
   */
  async toEdit(sro: Person, chosen: unknown): Promise<PersonToEdit> {
    this.mustBeSro(sro);
    const value = typeof chosen === 'string' ? chosen.trim() : '';
    if (!value || value.length > 200) throw new DomainError('INPUT.INVALID', 'Choose someone first.', { fields: { who: 'Choose someone first.' } });
    const record = await this.store.loadPersonRecord(value);
    if (record) return { kind: 'existing', record };
    const member = await this.findMember(value);
    if (!member) {
      throw new DomainError('INPUT.INVALID', 'I cannot find them in the partnership’s team. Add them to the team in Teams first, then choose them here.', { fields: { who: 'Not a member of the partnership’s team.' } });
    }
    const existing = await this.store.loadPersonRecord(member.aadObjectId);
    return existing ? { kind: 'existing', record: existing } : { kind: 'new', member };
  }

  /** Gives a person the roles the card chose: adds them (version 0) or changes them at the version the card showed. */
  async saveRoles(sro: Person, personId: string, expectedVersion: number, values: Readonly<Record<string, unknown>>, requestId: string): Promise<{ record: PersonRecord | null; added: boolean; replayed: boolean }> {
    this.mustBeSro(sro);
    this.mustBeEditable();
    const workstreams = (await this.store.loadPlan(this.planId))?.plan.deliveryPlan.workstreams.map((w) => w.id) ?? [];
    const parsed = roleChoicesFrom(values, workstreams);
    if (!parsed.ok) throw new DomainError('INPUT.INVALID', 'Some of the roles chosen are not ones I know.', { fields: parsed.fields });
    const roles = grantsOf(parsed.choices);
    if (roles.length === 0) throw new DomainError('INPUT.INVALID', 'Give them at least one role, or remove them from the people who may use the bot.', { fields: { roles: 'Choose at least one role.' } });
    let identity: { id: string; name: string; email: string | null };
    if (expectedVersion === 0) {
      // Never the name or email a card echoed: the team's roster says who they are.
      const member = await this.findMember(personId);
      if (!member) throw new DomainError('INPUT.INVALID', 'They are no longer a member of the partnership’s team, so I have not added them.');
      identity = { id: member.aadObjectId, name: member.name, email: member.email };
    } else {
      const current = await this.store.loadPersonRecord(personId);
      if (!current) throw new DomainError('ROSTER.STALE_VERSION', 'This person is no longer on the roster.');
      identity = { id: current.person.id, name: current.person.name, email: current.person.email };
    }
    const person = Person.safeParse({ ...identity, email: identity.email && Person.shape.email.safeParse(identity.email).success ? identity.email : null, roles });
    if (!person.success) throw new DomainError('INPUT.INVALID', 'Those roles cannot be kept as they are.', { fields: { roles: 'Check the roles chosen.' } });
    const { record, replayed } = await this.store.savePerson(person.data, expectedVersion, {
      actorId: sro.id,
      summary: `${sro.name} ${expectedVersion === 0 ? 'added' : 'changed the roles of'} ${person.data.name}`,
      requestId: requestFor(requestId),
    }, { actorMustBeSro: true });
    return { record, added: expectedVersion === 0, replayed };
  }

  async remove(sro: Person, personId: string, expectedVersion: number, requestId: string): Promise<{ name: string; replayed: boolean }> {
    this.mustBeSro(sro);
    this.mustBeEditable();
    const current = await this.store.loadPersonRecord(personId);
    const name = current?.person.name ?? 'They';
    const { replayed } = await this.store.removePerson(personId, expectedVersion, { actorId: sro.id, summary: `${sro.name} removed ${name} from the people who may use the bot`, requestId: requestFor(requestId) }, { actorMustBeSro: true });
    return { name, replayed };
  }

  /** A member of a confirmed team, in a tenant the bot serves. */
  private async findMember(value: string): Promise<TeamMember | null> {
    const wanted = value.toLowerCase();
    const allowed = this.options.allowedTenantIds ?? [];
    for (const team of await this.store.listTeams()) {
      const members = await this.reach.members(team).catch(() => [] as TeamMember[]);
      const found = members.find((m) => m.aadObjectId.toLowerCase() === wanted || m.teamsId.toLowerCase() === wanted);
      if (!found) continue;
      const tenant = (found.tenantId ?? team.tenantId).toLowerCase();
      if (allowed.length && !allowed.includes(tenant)) {
        throw new DomainError('INPUT.INVALID', `${found.name} is in an organisation this bot does not serve, so they cannot be added.`, { fields: { who: 'Another organisation.' } });
      }
      return found;
    }
    return null;
  }

  private mustBeSro(person: Person): void {
    if (!hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can change who may use the bot.");
  }

  private mustBeEditable(): void {
    if (this.options.managedByFile) {
      throw new DomainError('ROSTER.MANAGED_BY_FILE', 'The people who may use the bot are kept in a file by your administrator (ROSTER_SYNC=replace): ask them to change it there.');
    }
  }
}
