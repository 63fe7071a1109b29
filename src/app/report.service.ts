import { DomainError } from '../domain/errors';
import type { RiskScale, Risk } from '../domain/plan.schema';
import { buildQuarterlyReport, reportDocument, type QuarterlyReport } from '../domain/quarterly-report';
import { deliveryQuarters, parseQuarter, quarterOf } from '../domain/quarters';
import { buildReportCharts } from '../domain/report-charts';
import { buildDataReturn, type DataReturn } from '../domain/data-return';
import type { RiskMatrix } from '../domain/risk-rating';
import type { DocumentModel } from '../domain/document.model';
import type { Clock, Store } from './ports';
import type { SpendActualService } from './spend-actual.service';
import type { WorkstreamUpdateService } from './workstream-update.service';

/** The quarterly highlight report for the partnership board and DfE review meetings. */
export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly updates: WorkstreamUpdateService,
    private readonly clock: Clock,
    private readonly spend: SpendActualService,
    private readonly matrices: Readonly<Record<RiskScale, RiskMatrix>>,
  ) {}

  async report(quarterId?: string): Promise<{ report: QuarterlyReport; document: DocumentModel; version: number }> {
    const quarter = quarterId ? parseQuarter(quarterId) : quarterOf(this.clock.now());
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    // Trajectory charts need every quarter of the year so far, not only this one.
    const quartersSoFar = deliveryQuarters(snapshot.plan.meta.reportingYear).filter((q) => q.start <= quarter.start);
    const [latest, earlier, audit, people, spendActuals] = await Promise.all([
      this.updates.latest(quarter.id),
      Promise.all(quartersSoFar.filter((q) => q.id !== quarter.id).map((q) => this.updates.latest(q.id))),
      this.store.listAudit(this.planId, { keyPrefix: 'risks/risks', limit: 5000 }),
      this.store.listPeople(),
      this.spend.list(),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const riskChanges = audit
      .filter((e) => e.version !== 1)
      .reverse()
      .map((e) => ({ at: e.at, who: names.get(e.actorId) ?? e.actorId, before: e.before as Risk | null, after: e.after as Risk | null }));
    const report = buildQuarterlyReport(snapshot.plan, quarter, latest, riskChanges);
    const charts = buildReportCharts({ plan: snapshot.plan, quarter, latest: [...earlier.flat(), ...latest], spendActuals, matrices: this.matrices });
    return { report, document: reportDocument(snapshot.plan, report, names, { charts, spendActuals }), version: snapshot.version };
  }

  /** The quarterly data return (Q13): milestones, risks and spend for one quarter. */
  async dataReturn(quarterId?: string): Promise<DataReturn> {
    const quarter = quarterId ? parseQuarter(quarterId) : quarterOf(this.clock.now());
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    const [latest, spendActuals] = await Promise.all([this.updates.latest(quarter.id), this.spend.list(quarter.id)]);
    return buildDataReturn({ plan: snapshot.plan, quarter, latest, spendActuals });
  }
}
