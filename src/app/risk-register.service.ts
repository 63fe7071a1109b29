import { DomainError, isDomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import { Plan, RagRating, type Dependency, type ItemOwner, type Risk, type RiskScale } from '../domain/plan.schema';
import { rateRisk, type RiskMatrix } from '../domain/risk-rating';
import { assertOwnsItem, defaultOwner, ownsItem } from '../domain/ownership';
import type { AuditEntry, PlanSnapshot, Store } from './ports';
import { randomBytes } from 'node:crypto';

export interface RiskInput {
  readonly description?: unknown;
  readonly scale?: unknown;
  readonly impact?: unknown;
  readonly likelihood?: unknown;
  readonly mitigation?: unknown;
  readonly residualRag?: unknown;
  readonly headline?: unknown;
}

const str = (v: unknown, what: string, max: number, required = false): string | null => {
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) {
    if (required) throw new DomainError('INPUT.INVALID', `${what} is needed.`);
    return null;
  }
  if (typeof v !== 'string') throw new DomainError('INPUT.INVALID', `${what} was not text.`);
  if (v.length > max) throw new DomainError('INPUT.INVALID', `${what} is too long: the most is ${max.toLocaleString('en-GB')} characters.`);
  return v.trim();
};
const yes = (v: unknown) => v === true || v === 'true' || v === 'yes';

export interface RegisterView {
  readonly snapshot: PlanSnapshot;
  readonly headline: Risk[];
  readonly others: Risk[];
  readonly closed: Risk[];
  readonly dependencies: Dependency[];
  readonly canAdd: boolean;
  readonly canChooseOwner: boolean;
  /** Ids of the risks and dependencies this person may re-score, change or close. */
  readonly changeable: ReadonlySet<string>;
  /** Each item's owner in words' raw material: a workstream's or a person's name; null for the SRO's. */
  readonly owners: ReadonlyMap<string, string | null>;
}

/** The part a card showed and the plan version it was opened at. */
export interface SeenAt {
  readonly key: string;
  readonly since: number;
}
const dependencyAt = (id: string, baseVersion: number): SeenAt => ({ key: `dependencies/items/${id}`, since: baseVersion });

/** PLAN.STALE_VERSION when the part was changed after the version the card was opened at. */
export const assertUnchangedSince = async (store: Store, planId: string, seen: SeenAt): Promise<void> => {
  const [latest] = await store.listAudit(planId, { keyPrefix: seen.key, sinceVersion: seen.since, limit: 1 });
  if (latest) {
    throw new DomainError('PLAN.STALE_VERSION', 'Someone else changed this after your card was sent, so I have not saved anything from it.', {
      key: seen.key,
      expectedVersion: seen.since,
      currentVersion: latest.version,
      changedBy: latest.actorId,
    });
  }
};

/**
 * The risk register (Q10) and dependency log (Q11) as workstream leads and the SRO keep them
 * between plan revisions. Every change is a new plan version, so history comes from the audit log.
 */
export class RiskRegisterService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly matrices: Readonly<Record<RiskScale, RiskMatrix>>,
  ) {}

  matrix(scale: RiskScale): RiskMatrix {
    return this.matrices[scale];
  }

  async register(): Promise<{ snapshot: PlanSnapshot; headline: Risk[]; others: Risk[]; closed: Risk[]; dependencies: Dependency[] }> {
    const snapshot = await this.snapshot();
    const risks = snapshot.plan.risks.risks;
    return {
      snapshot,
      headline: risks.filter((r) => r.status === 'open' && r.headline),
      others: risks.filter((r) => r.status === 'open' && !r.headline),
      closed: risks.filter((r) => r.status === 'closed'),
      dependencies: snapshot.plan.dependencies.items,
    };
  }

  /**
   * The register as one person may act on it: whether they may add, which risks and dependencies
   * are theirs to change (their workstreams', their own, or any for the SRO), and who owns each.
   */
  async registerFor(person: Person): Promise<RegisterView> {
    const register = await this.register();
    const delegated = await this.delegated(person);
    const canAdd = hasRole(person, 'sro') || hasRole(person, 'workstream-lead');
    const items = [...register.headline, ...register.others, ...register.dependencies];
    const people = new Map((await this.store.listPeople()).map((p) => [p.id, p.name]));
    const workstreams = new Map(register.snapshot.plan.deliveryPlan.workstreams.map((w) => [w.id, `Workstream ${w.code}: ${w.name}`]));
    const ownerName = (owner: ItemOwner | null | undefined): string | null =>
      !owner ? null : owner.kind === 'workstream' ? (workstreams.get(owner.id) ?? owner.id) : (people.get(owner.id) ?? 'someone no longer on the roster');
    return {
      ...register,
      canAdd,
      canChooseOwner: hasRole(person, 'sro'),
      changeable: new Set(items.filter((x) => (canAdd || delegated.length > 0) && ownsItem(person, x.owner, delegated)).map((x) => x.id)),
      owners: new Map([...items, ...register.closed].map((x) => [x.id, ownerName(x.owner)])),
    };
  }

  /** Who a risk or dependency may be given to: the SRO (no owner), a workstream, or someone on the roster. */
  async ownerChoices(sro: Person): Promise<{ value: string; title: string }[]> {
    if (!hasRole(sro, 'sro')) throw new DomainError('AUTH.FORBIDDEN', 'Only the SRO can change who owns a risk or a dependency.');
    const { plan } = await this.snapshot();
    const people = (await this.store.listPeople()).filter((p) => p.roles.some((r) => r.role !== 'viewer'));
    return [
      { value: 'sro', title: 'The SRO (no workstream)' },
      ...plan.deliveryPlan.workstreams.map((w) => ({ value: `workstream:${w.id}`, title: `Workstream ${w.code}: ${w.name}` })),
      ...people.map((p) => ({ value: `person:${p.id}`, title: p.name })),
    ];
  }

  /** The SRO gives a risk or dependency to a workstream (its leads change it from then on) or a person; audited like any change. */
  async setOwner(sro: Person, kind: 'risk' | 'dependency', id: string, chosen: unknown, requestId: string, baseVersion: number): Promise<void> {
    if (!hasRole(sro, 'sro')) throw new DomainError('AUTH.FORBIDDEN', 'Only the SRO can change who owns a risk or a dependency.');
    const owner = await this.ownerFrom(chosen);
    const what = kind === 'risk' ? 'risk' : 'dependency';
    await this.change(
      sro,
      `${sro.name} gave a ${what} to ${owner ? (owner.kind === 'workstream' ? `workstream ${owner.id}` : ((await this.store.findPerson(owner.id))?.name ?? owner.id)) : 'the SRO'}`,
      requestId,
      (plan) => {
        const list: { id: string; owner: ItemOwner | null }[] = kind === 'risk' ? plan.risks.risks : plan.dependencies.items;
        this.find(list, id, what).owner = owner;
      },
      { key: kind === 'risk' ? `risks/risks/${id}` : `dependencies/items/${id}`, since: baseVersion },
    );
  }

  private async ownerFrom(chosen: unknown): Promise<ItemOwner | null> {
    const value = typeof chosen === 'string' ? chosen.trim() : '';
    if (value === 'sro') return null;
    const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    if (kind === 'workstream' && (await this.snapshot()).plan.deliveryPlan.workstreams.some((w) => w.id === id)) return { kind: 'workstream', id };
    const person = kind === 'person' ? await this.store.findPerson(id) : null;
    if (person && person.roles.some((r) => r.role !== 'viewer')) return { kind: 'person', id };
    throw new DomainError('INPUT.INVALID', 'Choose the owner from the list.');
  }

  async addRisk(person: Person, input: RiskInput, requestId: string): Promise<Risk> {
    this.mayAdd(person);
    const scale = input.scale === 'annex-c' ? 'annex-c' : 'high-medium-low';
    const id = `risk-${randomBytes(3).toString('hex')}`;
    const risk: Risk = {
      id,
      description: str(input.description, 'A description of the risk', 2000, true)!,
      scale,
      ...this.score(scale, input.impact, input.likelihood),
      mitigation: str(input.mitigation, 'The mitigation', 20000),
      residualRag: this.rag(input.residualRag),
      headline: yes(input.headline),
      status: 'open',
      closedReason: null,
      owner: defaultOwner(person),
    };
    await this.change(person, `${person.name} added a risk`, requestId, (plan) => {
      plan.risks.risks.push(risk);
    });
    return risk;
  }

  async rescore(person: Person, riskId: string, input: RiskInput, requestId: string, baseVersion: number): Promise<Risk> {
    return this.changeRisk(person, riskId, `${person.name} re-scored a risk`, requestId, (risk) => ({ ...risk, ...this.score(risk.scale, input.impact, input.likelihood) }), baseVersion);
  }

  async update(person: Person, riskId: string, input: RiskInput, requestId: string, baseVersion: number): Promise<Risk> {
    return this.changeRisk(person, riskId, `${person.name} changed a risk's mitigation`, requestId, (risk) => ({
      ...risk,
      mitigation: str(input.mitigation, 'The mitigation', 20000),
      residualRag: this.rag(input.residualRag),
      headline: input.headline === undefined ? risk.headline : yes(input.headline),
    }), baseVersion);
  }

  async close(person: Person, riskId: string, reason: unknown, requestId: string, baseVersion: number): Promise<Risk> {
    const why = str(reason, 'The reason for closing it', 2000, true);
    return this.changeRisk(person, riskId, `${person.name} closed a risk`, requestId, (risk) => ({ ...risk, status: 'closed', headline: false, closedReason: why }), baseVersion);
  }

  async addDependency(person: Person, input: { area?: unknown; management?: unknown }, requestId: string): Promise<Dependency> {
    this.mayAdd(person);
    const dependency: Dependency = {
      id: `dep-${randomBytes(3).toString('hex')}`,
      area: str(input.area, 'The dependency', 2000, true)!,
      management: str(input.management, 'How it is managed', 20000),
      status: 'open',
      closedReason: null,
      owner: defaultOwner(person),
    };
    await this.change(person, `${person.name} added a dependency`, requestId, (plan) => {
      plan.dependencies.items.push(dependency);
    });
    return dependency;
  }

  async updateDependency(person: Person, id: string, input: { management?: unknown }, requestId: string, baseVersion: number): Promise<void> {
    const delegated = await this.mayChange(person);
    await this.change(person, `${person.name} changed a dependency`, requestId, (plan) => {
      const d = this.find(plan.dependencies.items, id, 'dependency');
      assertOwnsItem(person, d.owner, 'dependency', delegated);
      d.management = str(input.management, 'How it is managed', 20000);
    }, dependencyAt(id, baseVersion));
  }

  async closeDependency(person: Person, id: string, reason: unknown, requestId: string, baseVersion: number): Promise<void> {
    const delegated = await this.mayChange(person);
    const why = str(reason, 'The reason for closing it', 2000, true);
    await this.change(person, `${person.name} closed a dependency`, requestId, (plan) => {
      const d = this.find(plan.dependencies.items, id, 'dependency');
      assertOwnsItem(person, d.owner, 'dependency', delegated);
      d.status = 'closed';
      d.closedReason = why;
    }, dependencyAt(id, baseVersion));
  }

  /** Every version of a risk or dependency, newest first. */
  async history(kind: 'risk' | 'dependency', id: string): Promise<AuditEntry[]> {
    const prefix = kind === 'risk' ? `risks/risks/${id}` : `dependencies/items/${id}`;
    return this.store.listAudit(this.planId, { keyPrefix: prefix });
  }

  /** The workstreams someone was named to post for (by its lead or the SRO): their risks are theirs too. */
  private async delegated(person: Person): Promise<string[]> {
    return (await this.store.listDelegates(this.planId)).filter((d) => d.personId === person.id).map((d) => d.workstreamId);
  }

  /** Adding to the register is for the SRO and the workstream leads; someone named to post for a workstream changes its items only. */
  private mayAdd(person: Person): void {
    if (!hasRole(person, 'sro') && !hasRole(person, 'workstream-lead')) {
      throw new DomainError('AUTH.FORBIDDEN', 'Only the SRO and workstream leads can add to the risk register and the dependency log.');
    }
  }

  /** The SRO, a workstream lead, or someone named to post for a workstream; answers the workstreams delegated to them. */
  private async mayChange(person: Person): Promise<string[]> {
    const delegated = await this.delegated(person);
    if (!hasRole(person, 'sro') && !hasRole(person, 'workstream-lead') && delegated.length === 0) {
      throw new DomainError('AUTH.FORBIDDEN', 'Only the SRO and workstream leads can change the risk register and the dependency log.');
    }
    return delegated;
  }

  private score(scale: RiskScale, impact: unknown, likelihood: unknown): Pick<Risk, 'impact' | 'likelihood' | 'rag'> {
    const i = str(impact, 'The impact', 50, true)!;
    const l = str(likelihood, 'The likelihood', 50, true)!;
    return { impact: i, likelihood: l, rag: rateRisk(this.matrices[scale], i, l) };
  }

  private rag(v: unknown): RagRating | null {
    if (v === undefined || v === null || v === '') return null;
    const parsed = RagRating.safeParse(v);
    if (!parsed.success) throw new DomainError('INPUT.INVALID', 'Choose Red, Amber or Green.');
    return parsed.data;
  }

  private find<T extends { id: string }>(list: T[], id: string, what: string): T {
    const found = list.find((x) => x.id === id);
    if (!found) throw new DomainError('INPUT.INVALID', `That ${what} is no longer in the plan.`);
    return found;
  }

  private async changeRisk(person: Person, riskId: string, summary: string, requestId: string, apply: (risk: Risk) => Risk, baseVersion: number): Promise<Risk> {
    const delegated = await this.mayChange(person);
    let result: Risk | null = null;
    await this.change(person, summary, requestId, (plan) => {
      const index = plan.risks.risks.findIndex((r) => r.id === riskId);
      if (index < 0) throw new DomainError('INPUT.INVALID', 'That risk is no longer in the plan.');
      assertOwnsItem(person, plan.risks.risks[index]!.owner, 'risk', delegated);
      result = apply(plan.risks.risks[index]!);
      plan.risks.risks[index] = result;
    }, { key: `risks/risks/${riskId}`, since: baseVersion });
    return result!;
  }

  /** Apply a change to the latest plan and save it; one retry if another change landed in between. */
  private async change(person: Person, summary: string, requestId: string, apply: (plan: Plan) => void, seen?: SeenAt): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const snapshot = await this.snapshot();
      // A card opened before someone else changed this risk or dependency must not overwrite it.
      // (A retry of this person's own save is answered as saved, not as someone else's change.)
      if (seen && (await this.store.appliedRequest(requestId))) {
        apply(structuredClone(snapshot.plan));
        return;
      }
      if (seen) await assertUnchangedSince(this.store, this.planId, seen);
      const plan = structuredClone(snapshot.plan);
      apply(plan);
      // The RAG and the headline limit are the plan's own rules, applied on save (plan-rules.hook).
      try {
        await this.store.savePlan(this.planId, snapshot.version, Plan.parse(plan), { actorId: person.id, summary, requestId });
        return;
      } catch (error) {
        if (attempt === 0 && isDomainError(error, 'PLAN.STALE_VERSION')) continue;
        throw error;
      }
    }
  }

  private async snapshot(): Promise<PlanSnapshot> {
    const s = await this.store.loadPlan(this.planId);
    if (!s) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    return s;
  }
}
