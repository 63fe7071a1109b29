import { DomainError } from '../domain/errors';
import { formatPence, parsePounds } from '../domain/money';
import { hasRole, type Person } from '../domain/people.schema';
import type { Plan } from '../domain/plan.schema';
import { deliveryColumn, parseQuarter, planYear as yearOf, quarterOf, type Quarter } from '../domain/quarters';
import { MAX_SPEND_PENCE, type SpendActual, type StoredSpendActual } from '../domain/spend-actuals.schema';
import type { Clock, Store } from './ports';

export interface SpendCell {
  /** The field's name on the card: never trusted back, only matched against the plan. */
  readonly field: string;
  readonly lineId: string;
  readonly category: string;
  readonly sourceId: string;
  readonly source: string;
  readonly projectedPence: number | null;
  readonly actual: StoredSpendActual | null;
  readonly error: string | null;
}

export interface SpendForm {
  readonly quarter: Quarter;
  readonly version: number;
  readonly cells: readonly SpendCell[];
  readonly typed: Readonly<Record<string, unknown>> | null;
}

export const spendField = (lineId: string, sourceId: string) => `spend.${lineId}.${sourceId}`;

/** Actual spend against the plan's projection, quarter by quarter, from the SRO or a workstream lead. */
export class SpendActualService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly clock: Clock,
  ) {}

  async form(person: Person, quarterId?: string): Promise<SpendForm> {
    this.mayRecord(person);
    const plan = await this.plan();
    const quarter = this.deliveryQuarter(plan, quarterId);
    return this.buildForm(plan, quarter, {}, null);
  }

  /** Saves the amounts typed; blank cells are left as they were. Errors come back on the form, nothing saved. */
  async save(person: Person, quarterId: string, expectedVersion: number, values: Readonly<Record<string, unknown>>, requestId: string): Promise<{ saved: number; version: number } | { form: SpendForm }> {
    this.mayRecord(person);
    const plan = await this.plan();
    const quarter = this.deliveryQuarter(plan, quarterId);
    const errors: Record<string, string> = {};
    const actuals: SpendActual[] = [];
    for (const line of plan.deliveryPlan.spend) {
      for (const source of plan.deliveryPlan.fundingSources) {
        const field = spendField(line.id, source.id);
        const raw = values[field];
        if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
        if (typeof raw !== 'string') {
          errors[field] = 'That amount was not text.';
          continue;
        }
        const parsed = parsePounds(raw, MAX_SPEND_PENCE);
        if ('error' in parsed) errors[field] = parsed.error;
        else actuals.push({ quarter: quarter.id, lineId: line.id, sourceId: source.id, amountPence: parsed.pence });
      }
    }
    if (Object.keys(errors).length) return { form: await this.buildForm(plan, quarter, errors, values) };
    const { version } = await this.store.saveSpendActuals(this.planId, quarter.id, expectedVersion, actuals, {
      actorId: person.id,
      summary: `${person.name} recorded actual spend for ${quarter.id}: ${actuals.map((a) => formatPence(a.amountPence)).join(', ') || 'no amounts'}`,
      requestId,
    });
    return { saved: actuals.length, version };
  }

  async list(quarterId?: string): Promise<StoredSpendActual[]> {
    return this.store.listSpendActuals(this.planId, quarterId);
  }

  private async buildForm(plan: Plan, quarter: Quarter, errors: Record<string, string>, typed: Readonly<Record<string, unknown>> | null): Promise<SpendForm> {
    const [version, actuals] = await Promise.all([this.store.spendActualsVersion(this.planId, quarter.id), this.store.listSpendActuals(this.planId, quarter.id)]);
    const column = deliveryColumn(plan.meta.reportingYear, quarter);
    const cells = plan.deliveryPlan.spend.flatMap((line) =>
      plan.deliveryPlan.fundingSources.map((source): SpendCell => {
        const field = spendField(line.id, source.id);
        return {
          field,
          lineId: line.id,
          category: line.category,
          sourceId: source.id,
          source: source.name,
          projectedPence: column ? (line.amounts[column][source.id] ?? null) : null,
          actual: actuals.find((a) => a.lineId === line.id && a.sourceId === source.id) ?? null,
          error: errors[field] ?? null,
        };
      }),
    );
    return { quarter, version, cells, typed };
  }

  /** Actuals belong to a delivery quarter of the plan's own year: elsewhere there is no projection to set them beside. */
  private deliveryQuarter(plan: Plan, quarterId: string | undefined): Quarter {
    const quarter = quarterId ? parseQuarter(quarterId) : quarterOf(this.clock.now());
    const planYear = yearOf(plan.meta.reportingYear);
    if (!deliveryColumn(plan.meta.reportingYear, quarter)) {
      throw new DomainError('INPUT.INVALID', `${quarter.label} is not a delivery quarter of the ${plan.meta.reportingYear} plan, so it has no spend to record. Choose Q2, Q3 or Q4 of ${planYear}.`);
    }
    return quarter;
  }

  /**
   * Whether the update card offers "Record actual spend": the SRO or a lead, in a delivery quarter
   * of the plan's year (the year the card's form was made from: the plan is not read again).
   */
  canRecordIn(person: Person, form: { readonly quarter: Quarter; readonly reportingYear: string }): boolean {
    if (!hasRole(person, 'sro') && !hasRole(person, 'workstream-lead')) return false;
    return deliveryColumn(form.reportingYear, form.quarter) !== null;
  }

  private mayRecord(person: Person): void {
    if (!hasRole(person, 'sro') && !hasRole(person, 'workstream-lead')) {
      throw new DomainError('AUTH.FORBIDDEN', 'Actual spend is recorded by the SRO or a workstream lead.');
    }
  }

  private async plan(): Promise<Plan> {
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    return snapshot.plan;
  }
}
